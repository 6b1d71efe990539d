/// The rules an activity must satisfy, shared by the change path, the file loader and `dossier validate`.
public enum ActivityRules {
    /// What is wrong with an end date before the start date; nil when it is not. Also said by a form with the other
    /// problems at once, before the change is tried.
    public static func endBeforeStart(start: CalendarDate, end: CalendarDate) -> String? {
        end < start ? "de einddatum (\(DateWriting.standard.date(end))) ligt voor de begindatum (\(DateWriting.standard.date(start)))" : nil
    }

    public static func problems(_ activity: Activity, in dossier: Dossier) -> [FieldProblem] {
        var problems = SizeRules.problems(activity)
        if !Slug.isValid(activity.id) {
            problems.append(FieldProblem(key: "id", Identifier.invalid(activity.id).message))
        }
        if activity.title.isBlank {
            problems.append(FieldProblem(key: "title", "een activiteit heeft een titel nodig"))
        }
        // An activity names a handful of relations: comparing with the earlier ones beats hashing into a Set,
        // up to a point; a long list (a hostile file) is hashed, so the check stays linear.
        // (Each packed field is read once: every read decodes it, `PackedActivityFields`.)
        let relations = activity.relations, visit = activity.visit, history = activity.statusHistory
        let hashes = relations.count > 16
        var seen = Set<RelationID>()
        for (index, relationID) in relations.enumerated() {
            let isRepeated = hashes ? !seen.insert(relationID).inserted : relations[..<index].contains(relationID)
            if dossier.relation(relationID) == nil {
                problems.append(FieldProblem(JSONPath([.key("relations"), .index(index)]), "onbekende relatie '\(relationID)'"))
            } else if isRepeated {
                problems.append(FieldProblem(JSONPath([.key("relations"), .index(index)]), "relatie '\(relationID)' staat er twee keer in"))
            }
        }
        if let organiser = activity.organiser.relationID, dossier.relation(organiser) == nil {
            problems.append(FieldProblem(key: "organiser", "onbekende organisator '\(organiser)' (gebruik '\(Organiser.municipalitySlug)' of de id van een relatie)"))
        }
        if let line = activity.budgetLine, !dossier.budgetLines.contains(where: { $0.id == line }) {
            let known = dossier.budgetLines.map(\.id).joined(separator: ", ")
            problems.append(FieldProblem(key: "budgetLine", "onbekende budgetregel '\(line)' (kies uit: \(known.isEmpty ? "geen" : known), of laat het veld weg als niemand van de gemeente betaalt)"))
        }
        problems += CountryRules.problems(activity.countries)
        if let start = activity.startDate, let end = activity.endDate, let problem = endBeforeStart(start: start, end: end) {
            problems.append(FieldProblem(key: "endDate", problem))
        }
        if activity.endDate != nil && activity.startDate == nil {
            problems.append(FieldProblem(key: "startDate", "een einddatum zonder begindatum"))
        }
        if activity.kind == .delegatiebezoek {
            if let visit {
                if visit.delegationFrom.isBlank {
                    problems.append(FieldProblem(JSONPath([.key("visit"), .key("delegationFrom")]), "vermeld waar de delegatie vandaan komt of heen gaat"))
                }
            } else {
                problems.append(FieldProblem(key: "visit", "een delegatiebezoek heeft bezoekgegevens nodig (richting en delegatie)"))
            }
        } else if visit != nil {
            problems.append(FieldProblem(key: "visit", "alleen een delegatiebezoek heeft bezoekgegevens"))
        }
        for (index, participant) in activity.participants.enumerated() where participant.name.isBlank {
            problems.append(FieldProblem(JSONPath([.key("participants"), .index(index), .key("name")]), "een deelnemer heeft een naam nodig"))
        }
        for (index, followUp) in activity.followUps.enumerated() {
            if followUp.text.isBlank {
                problems.append(FieldProblem(JSONPath([.key("followUps"), .index(index), .key("text")]), "een vervolgactie heeft een omschrijving nodig"))
            }
            if !followUp.id.isEmpty && !Slug.isValid(followUp.id) {
                problems.append(FieldProblem(JSONPath([.key("followUps"), .index(index), .key("id")]), Identifier.invalid(followUp.id).message))
            }
        }
        problems += LinkRules.problems(activity.links)
        if let last = history.last, last.to != activity.status {
            problems.append(FieldProblem(key: "status", "de status (\(activity.status.rawValue)) past niet bij de laatste statuswijziging (naar \(last.to.rawValue))"))
        }
        for (index, change) in history.enumerated() {
            let path = JSONPath([.key("statusHistory"), .index(index)])
            if let from = change.from, !from.canMove(to: change.to) {
                problems.append(FieldProblem(path, "de stap \(from.rawValue) → \(change.to.rawValue) bestaat niet in de levenscyclus"))
            }
            if change.by.isBlank {
                problems.append(FieldProblem(path.appending(key: "by"), "een statuswijziging legt vast wie haar deed"))
            }
        }
        return problems
    }
}
