extension Change {
    /// What the change does, in Dutch, with names as they are in `dossier` before it is applied.
    public func summary(in dossier: Dossier) -> String {
        func relationName(_ id: RelationID) -> String { dossier.relation(id)?.name ?? id }
        func activityTitle(_ id: ActivityID) -> String { dossier.activity(id)?.title ?? id }
        func contactName(_ owner: ContactOwner, _ contactID: ContactID) -> String {
            dossier.contacts(of: owner)?.first { $0.id == contactID }?.name ?? contactID
        }
        func linkLabel(_ owner: EntityReference, _ linkID: LinkID) -> String {
            dossier.links(of: owner).first { $0.id == linkID }?.label ?? linkID
        }
        switch self {
        case let .setRelationStatus(id, status, _, reviewDate, _, _):
            let from = dossier.relation(id)?.status
            if from == status {
                return "Herijking van \(relationName(id)): blijft \(status.label)" + (reviewDate.map { " (volgende herijking \(DateWriting.standard.date($0)))" } ?? "")
            }
            return "Status van \(relationName(id)): \(from?.label ?? "?") → \(status.label)" + (reviewDate.map { " (herijking \(DateWriting.standard.date($0)))" } ?? "")
        case .addRelation(let relation): return "Relatie toegevoegd: \(relation.name)"
        case let .editRelation(id, edits): return "Relatie bewerkt: \(relationName(id))" + Change.single(edits, Relation.fields, in: dossier)
        case .updateRelation(let relation): return "Relatie bewerkt: \(relation.name)"
        case .deleteRelation(let id): return "Relatie verwijderd: \(relationName(id))" + (dossier.relation(id)?.goingWithIt ?? "")
        case .addActivity(let activity):
            return (activity.isVisit ? "Bezoek vastgelegd: " : "Activiteit toegevoegd: ") + activity.title
        case let .editActivity(id, edits): return "Activiteit bewerkt: \(activityTitle(id))" + Change.single(edits, Activity.fields, in: dossier)
        case .updateActivity(let activity): return "Activiteit bewerkt: \(activity.title)"
        case let .moveActivity(id, status, _, _, _, _, _):
            let from = dossier.activity(id)?.status.label ?? "?"
            return "\(activityTitle(id)): \(from) → \(status.label)"
        case .deleteActivity(let id): return "Activiteit verwijderd: \(activityTitle(id))"
        case let .addFollowUp(id, followUp): return "Vervolgactie bij \(activityTitle(id)): \(followUp.text)"
        case let .setFollowUpDone(id, index, isDone, seen):
            let followUps = dossier.activity(id)?.followUps ?? []
            let text = seen?.seen.text ?? (followUps.indices.contains(index) ? followUps[index].text : "#\(index)")
            return "Vervolgactie \(isDone ? "afgevinkt" : "heropend") bij \(activityTitle(id)): \(text)"
        case let .editFollowUp(id, place, edits):
            return "Vervolgactie bewerkt bij \(activityTitle(id)): \(place.seen.text)" + Change.single(edits, FollowUp.fields, in: dossier)
        case let .removeFollowUp(id, place): return "Vervolgactie verwijderd bij \(activityTitle(id)): \(place.seen.text)"
        case let .recordAssessment(id, assessment, _): return "Afweging van \(activityTitle(id)): \(assessment.verdict.label)"
        case let .addContact(owner, contact): return "Contactpersoon toegevoegd bij \(dossier.name(of: owner)): \(contact.name)"
        case let .editContact(owner, contactID, edits):
            return "Contactpersoon bewerkt bij \(dossier.name(of: owner)): \(contactName(owner, contactID))" + Change.single(edits, Contact.fields, in: dossier)
        case let .removeContact(owner, contactID): return "Contactpersoon verwijderd bij \(dossier.name(of: owner)): \(contactName(owner, contactID))"
        case let .addLink(owner, link): return "Link toegevoegd bij \(dossier.name(of: owner)): \(link.label)"
        case let .editLink(owner, linkID, edits):
            return "Link bewerkt bij \(dossier.name(of: owner)): \(linkLabel(owner, linkID))" + Change.single(edits, Link.fields, in: dossier)
        case let .removeLink(owner, linkID): return "Link verwijderd bij \(dossier.name(of: owner)): \(linkLabel(owner, linkID))"
        case let .setBudgetAmount(lineID, year, amount, _, decision):
            let line = dossier.budgetLine(lineID)
            let name = line?.name ?? lineID
            let was = line?.amountText(in: year) ?? "?"
            guard let amount else {
                let back = line?.withoutYearAmounts
                return "\(name) \(year): \(was) → \(back?.amountText(in: year) ?? "?")" + (back?.applies(to: year) == true ? " (het jaarbedrag)" : "")
            }
            // The same amount with another decision: a correction of why, said as such.
            if line?.amountsByYear[year] == amount { return "\(name) \(year): \(was), nu volgens het besluit \(decision.trimmingSpaces())" }
            return "\(name) \(year): \(was) → \(amount.formatted)"
        case let .setPolicy(piece, isThere, _, _):
            return isThere ? "\(piece.title) vastgesteld: de afweging houdt er voortaan rekening mee" : "\(piece.title) weer op 'nog te maken' gezet"
        case .restore(let restoration): return restoration.summary(in: dossier)
        case let .batch(changes, label): return "\(label) (\(count(changes.count, "wijziging", "wijzigingen")))"
        }
    }

    /// The summary, then what changed field by field under it, indented: a change as a command reports it.
    public func described(in dossier: Dossier) -> [String] {
        [summary(in: dossier)] + details(in: dossier).map { "  " + $0 }
    }

    /// What changed field by field, old → new ("Geraamde kosten: € 2.500,00 → € 3.000,00"), for the log;
    /// empty for changes that say it all in their summary. A batch lists each of its changes.
    public func details(in dossier: Dossier) -> [String] {
        switch self {
        case let .editRelation(_, edits): return edits.count > 1 ? edits.map { Relation.fields.describe($0, in: dossier) } : []
        case let .editActivity(_, edits): return edits.count > 1 ? edits.map { Activity.fields.describe($0, in: dossier) } : []
        case let .editContact(_, _, edits): return edits.count > 1 ? edits.map { Contact.fields.describe($0, in: dossier) } : []
        case let .editLink(_, _, edits): return edits.count > 1 ? edits.map { Link.fields.describe($0, in: dossier) } : []
        case let .editFollowUp(_, _, edits): return edits.count > 1 ? edits.map { FollowUp.fields.describe($0, in: dossier) } : []
        case let .moveActivity(id, _, _, _, _, actualCost?, _):
            // Carried out with its actual cost in the same step: the log says the cost too.
            let was = dossier.activity(id)?.actualCost
            guard was != actualCost else { return [] }
            return [Activity.fields.describe(FieldEdit(field: "actualCostCents", old: was.map { .number($0.cents) } ?? .none, new: .number(actualCost.cents)),
                                             in: dossier)]
        case .deleteActivity(let id):
            // What was deleted, as `show` gave it: the journal's history keeps it when the backups with the record have gone.
            return dossier.activity(id).map { RecordDocument(activity: $0, in: dossier, today: Limits.firstDate).keptLines } ?? []
        case .deleteRelation(let id):
            return dossier.relation(id).map { RecordDocument(relation: $0, in: dossier).keptLines } ?? []
        case .updateRelation(let relation):
            return dossier.relation(relation.id).map { RecordDifference.relation(from: $0, to: relation, in: dossier).map(\.text) } ?? []
        case .updateActivity(let activity):
            return dossier.activity(activity.id).map { RecordDifference.activity(from: $0, to: activity, in: dossier).map(\.text) } ?? []
        case .restore(let restoration):
            let differences = restoration.differences(in: dossier)
            return differences.count > 1 ? differences : []
        case .batch(let changes, _):
            // A step after a step (goedgekeurd → gepland → uitgevoerd) starts where the one before it ended.
            var reached: [ActivityID: ActivityStatus] = [:]
            return changes.flatMap { change -> [String] in
                guard case let .moveActivity(id, status, _, _, _, _, _) = change else { return change.described(in: dossier) }
                defer { reached[id] = status }
                guard let from = reached[id] else { return change.described(in: dossier) }
                let title = dossier.activity(id)?.title ?? id
                return ["\(title): \(from.label) → \(status.label)"] + change.details(in: dossier).map { "  " + $0 }
            }
        default:
            return []
        }
    }

    /// ": Land: – → Denemarken" when exactly one field changes, so the summary says it all.
    static func single<Entity>(_ edits: [FieldEdit], _ table: FieldTable<Entity>, in dossier: Dossier) -> String {
        edits.count == 1 ? " — " + table.describe(edits[0], in: dossier) : ""
    }

    /// The reason given with the change, if any (status changes, life-cycle steps, overrides).
    public var reason: String {
        switch self {
        case let .setRelationStatus(_, _, reason, _, _, _): return reason
        case let .moveActivity(_, _, reason, overrideReason, decision, _, _):
            return Change.reason(reason, decision: decision, overrideReason: overrideReason)
        case .addActivity(let activity):
            // Added approved (a visit logged with who decided): the decision is the log's to show, as for a step.
            guard let first = activity.statusHistory.first, first.decision != nil || first.overrideReason != nil else { return "" }
            return Change.reason("", decision: first.decision, overrideReason: first.overrideReason)
        case let .setBudgetAmount(_, _, _, _, decision), let .setPolicy(_, _, _, decision):
            return Change.reason("", decision: decision.isBlank ? nil : decision.trimmingSpaces(), overrideReason: nil)
        case .batch(let changes, _):
            // Parts that all name one reason (both pieces of the Kader set at once) say it; so does the one reason given in a
            // step of one record (its date or outcomes set first). Not one row's decision for a whole import.
            let reasons = Set(changes.map(\.reason))
            if reasons.count == 1 { return reasons.first! }
            let given = reasons.filter { !$0.isEmpty }
            return Change.isActivityStep(changes) && given.count == 1 ? given.first! : ""
        default: return ""
        }
    }

    private static func reason(_ reason: String, decision: String?, overrideReason: String?) -> String {
        [reason, decision.map { "besluit: \($0)" } ?? "", overrideReason.map { "reden om af te wijken: \($0)" } ?? ""]
            .filter { !$0.isEmpty }.joined(separator: "; ")
    }

    /// Whether a batch's parts are a life-cycle step of one activity (`ActivityStep`: its date or outcomes, then one or two
    /// moves): such a batch reads as that step, its reason and its refusal those of its parts.
    static func isActivityStep(_ changes: [Change]) -> Bool {
        var ids = Set<ActivityID>(), moves = 0
        for change in changes {
            switch change {
            case let .editActivity(id, _): ids.insert(id)
            case let .moveActivity(id, _, _, _, _, _, _): ids.insert(id); moves += 1
            default: return false
            }
        }
        return ids.count == 1 && moves > 0
    }

    /// The relations and activities the change touches, by id ("gemeente" for the municipality's own contacts).
    public var subjects: [String] {
        switch self {
        case let .setRelationStatus(id, _, _, _, _, _), let .deleteRelation(id), let .editRelation(id, _):
            [id]
        case let .addContact(owner, _), let .editContact(owner, _, _), let .removeContact(owner, _):
            [owner.relationID ?? Organiser.municipalitySlug]
        case let .addRelation(relation), let .updateRelation(relation): [relation.id]
        case let .addActivity(activity), let .updateActivity(activity): [activity.id] + activity.relations
        case let .moveActivity(id, _, _, _, _, _, _), let .deleteActivity(id), let .addFollowUp(id, _), let .setFollowUpDone(id, _, _, _),
             let .editFollowUp(id, _, _), let .removeFollowUp(id, _), let .recordAssessment(id, _, _), let .editActivity(id, _):
            [id]
        case let .addLink(owner, _), let .editLink(owner, _, _), let .removeLink(owner, _): [owner.id]
        case let .setBudgetAmount(lineID, _, _, _, _): [BudgetLine.subject(lineID)]
        case .setPolicy: [Framework.subject]
        case .restore(let restoration):
            restoration.relations.map(\.id) + restoration.activities.map(\.id) + (restoration.ownContacts.isEmpty ? [] : [Organiser.municipalitySlug])
                + restoration.budgetLines.map { BudgetLine.subject($0.id) } + (restoration.framework == nil ? [] : [Framework.subject])
        case .batch(let changes, _): Array(Set(changes.flatMap(\.subjects))).sorted()
        }
    }
}

extension Restoration {
    /// "Ongedaan gemaakt: status BioValley Laag pitje → Verkennen" when one field goes back; otherwise what
    /// is put back, with the fields in `details`.
    func summary(in dossier: Dossier) -> String {
        let prefix = switch purpose {
        case .undo?: "Ongedaan gemaakt"
        case .redo?: "Opnieuw gedaan"
        case nil: "Teruggezet"
        }
        let described = entityDifferences(in: dossier)
        if described.count == 1, let (name, differences) = described.first {
            if differences.count == 1, let only = differences.first {
                if only.isWholeRecord { return "\(prefix): \(only.text)" }
                if only.isWholeItem {
                    return only.new == FieldText.nothing ? "\(prefix): \(only.label.lowercasedFirst) \(only.old) bij \(name) verwijderd"
                                                         : "\(prefix): \(only.label.lowercasedFirst) \(only.new) bij \(name) teruggezet"
                }
                // A field of a contact or link: "BioValley: contactpersoon Eva de Wit, e-mail – → …".
                if only.label.contains(", ") { return "\(prefix): \(name): \(only.label.lowercasedFirst) \(only.old) → \(only.new)" }
                // The name itself: the old and new name say which it is ("titel Beurs 2027 → Beurs", not the name three times).
                if only.label == "Titel" || only.label == "Naam" { return "\(prefix): \(only.label.lowercasedFirst) \(only.old) → \(only.new)" }
                return "\(prefix): \(only.label.lowercasedFirst) \(name) \(only.old) → \(only.new)"
            }
            // A few fields (a status with its review date): each said; more: how many, the log has them.
            if differences.count <= 3, !differences.contains(where: { $0.isWholeItem || $0.label.contains(", ") }) {
                return "\(prefix): \(name): " + differences.map { "\($0.label.lowercasedFirst) \($0.old) → \($0.new)" }.joined(separator: "; ")
            }
            return "\(prefix): \(name) (\(count(differences.count, "veld", "velden")))"
        }
        return "\(prefix): \(label)"
    }

    /// Each field put back, "BioValley: Status: Laag pitje → Verkennen", for the log's details.
    func differences(in dossier: Dossier) -> [String] {
        let described = entityDifferences(in: dossier)
        return described.flatMap { name, differences in
            differences.map { described.count > 1 && !$0.isWholeRecord ? "\(name): \($0.text)" : $0.text }
        }
    }

    /// Per entity put back (by name), what changes: fields, or its coming back or going away as a whole.
    private func entityDifferences(in dossier: Dossier) -> [(String, [FieldDifference])] {
        var result: [(String, [FieldDifference])] = []
        for snapshot in relations {
            let current = dossier.relation(snapshot.id)
            switch (current, snapshot.value) {
            case let (current?, value?):
                let differences = RecordDifference.relation(from: current, to: value, in: dossier)
                if !differences.isEmpty { result.append((value.name, differences)) }
            case let (current?, nil): result.append((current.name, [.wholeRecord("relatie \(current.name)", "verwijderd")]))
            case let (nil, value?): result.append((value.name, [.wholeRecord("relatie \(value.name)", "teruggezet")]))
            case (nil, nil): break
            }
        }
        for snapshot in activities {
            let current = dossier.activity(snapshot.id)
            switch (current, snapshot.value) {
            case let (current?, value?):
                let differences = RecordDifference.activity(from: current, to: value, in: dossier)
                if !differences.isEmpty { result.append((value.title, differences)) }
            case let (current?, nil): result.append((current.title, [.wholeRecord("activiteit \(current.title)", "verwijderd")]))
            case let (nil, value?): result.append((value.title, [.wholeRecord("activiteit \(value.title)", "teruggezet")]))
            case (nil, nil): break
            }
        }
        let ownNow = ownContacts.compactMap { dossier.ownContact($0.id) }, ownPutBack = ownContacts.compactMap(\.value)
        let own = RecordDifference.items(ownNow, ownPutBack, heading: "Contactpersoon", name: \.name, table: Contact.fields, in: dossier)
        if !own.isEmpty { result.append((dossier.name(of: .municipality), own)) }
        for snapshot in budgetLines {
            guard let current = dossier.budgetLine(snapshot.id), let value = snapshot.value else { continue }
            // Each year as a record of its own: "bedrag Budget internationalisering 2028 € 12.000,00 → € 16.000,00".
            for year in Set(current.amountsByYear.keys).union(value.amountsByYear.keys).sorted()
            where current.amountText(in: year) != value.amountText(in: year) {
                result.append(("\(value.name) \(year)", [FieldDifference(label: "Bedrag", old: current.amountText(in: year), new: value.amountText(in: year))]))
            }
        }
        if let framework, let value = framework.value {
            for piece in PolicyPiece.allCases where dossier.framework[keyPath: piece.flag] != value[keyPath: piece.flag] {
                result.append((piece.title, [FieldDifference(label: "Stand", old: PolicyPiece.stateLabel(dossier.framework[keyPath: piece.flag]),
                                                             new: PolicyPiece.stateLabel(value[keyPath: piece.flag]))]))
            }
        }
        return result
    }
}

extension Dossier {
    /// The name of a relation or the title of an activity that owns links (its id when it does not exist).
    public func name(of owner: EntityReference) -> String {
        switch owner {
        case .relation(let id): relationName(id)
        case .activity(let id): activity(id)?.title ?? id
        }
    }

    /// The links of a relation or an activity (none when it does not exist).
    public func links(of owner: EntityReference) -> [Link] {
        switch owner {
        case .relation(let id): relation(id)?.links ?? []
        case .activity(let id): activity(id)?.links ?? []
        }
    }
}

extension Relation {
    /// What is deleted with the relation, said where it is asked and done: ", met 6 contactpersonen en 2 links" (nothing
    /// when it has neither). Undo puts them back with it.
    public var goingWithIt: String {
        let parts = [contacts.isEmpty ? nil : count(contacts.count, "contactpersoon", "contactpersonen"),
                     links.isEmpty ? nil : count(links.count, "link", "links")].compactMap { $0 }
        return parts.isEmpty ? "" : ", met " + parts.joined(separator: " en ")
    }
}
