extension Change {
    /// What the change does, in Dutch, with names as they are in `dossier` before it is applied.
    public func summary(in dossier: Dossier) -> String {
        func relationName(_ id: RelationID) -> String { dossier.relation(id)?.name ?? id }
        func activityTitle(_ id: ActivityID) -> String { dossier.activity(id)?.title ?? id }
        switch self {
        case let .setRelationStatus(id, status, _, reviewDate):
            let from = dossier.relation(id)?.status.label ?? "?"
            return "Status van \(relationName(id)): \(from) → \(status.label)" + (reviewDate.map { " (herijking \($0.iso))" } ?? "")
        case .addRelation(let relation): return "Relatie toegevoegd: \(relation.name)"
        case .updateRelation(let relation): return "Relatie bewerkt: \(relation.name)"
        case .deleteRelation(let id): return "Relatie verwijderd: \(relationName(id))"
        case .addActivity(let activity):
            return (activity.isVisit ? "Bezoek vastgelegd: " : "Activiteit toegevoegd: ") + activity.title
        case .updateActivity(let activity): return "Activiteit bewerkt: \(activity.title)"
        case let .moveActivity(id, status, _, _):
            let from = dossier.activity(id)?.status.label ?? "?"
            return "\(activityTitle(id)): \(from) → \(status.label)"
        case .deleteActivity(let id): return "Activiteit verwijderd: \(activityTitle(id))"
        case let .addFollowUp(id, followUp): return "Vervolgactie bij \(activityTitle(id)): \(followUp.text)"
        case let .setFollowUpDone(id, index, isDone):
            let text = dossier.activity(id)?.followUps.dropFirst(index).first?.text ?? "#\(index + 1)"
            return "Vervolgactie \(isDone ? "afgevinkt" : "heropend") bij \(activityTitle(id)): \(text)"
        case let .recordAssessment(id, assessment): return "Afweging van \(activityTitle(id)): \(assessment.verdict.label)"
        case .restore(let restoration): return "Teruggezet: \(restoration.label)"
        case let .batch(changes, label): return "\(label) (\(count(changes.count, "wijziging", "wijzigingen")))"
        }
    }

    /// The reason given with the change, if any (status changes, life-cycle steps, overrides).
    public var reason: String {
        switch self {
        case let .setRelationStatus(_, _, reason, _): return reason
        case let .moveActivity(_, _, reason, overrideReason):
            return [reason, overrideReason.map { "afwijking van negatieve afweging: \($0)" } ?? ""].filter { !$0.isEmpty }.joined(separator: "; ")
        default: return ""
        }
    }

    /// The relations and activities the change touches, by id.
    public var subjects: [String] {
        switch self {
        case let .setRelationStatus(id, _, _, _), let .deleteRelation(id): [id]
        case let .addRelation(relation), let .updateRelation(relation): [relation.id]
        case let .addActivity(activity), let .updateActivity(activity): [activity.id] + activity.relations
        case let .moveActivity(id, _, _, _), let .deleteActivity(id), let .addFollowUp(id, _), let .setFollowUpDone(id, _, _),
             let .recordAssessment(id, _): [id]
        case .restore(let restoration): restoration.relations.map(\.id) + restoration.activities.map(\.id)
        case .batch(let changes, _): Array(Set(changes.flatMap(\.subjects))).sorted()
        }
    }
}
