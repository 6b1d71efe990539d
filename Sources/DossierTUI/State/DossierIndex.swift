import DossierCore

/// What the screens derive from the dossier, computed once per change rather than per frame:
/// relation overviews, search keys folded for case and accents, and the years that have activities.
public struct DossierIndex: Sendable {
    /// Aligned with `dossier.relations`.
    public var overviews: [RelationOverview]
    public var relationSearchKeys: [String]
    /// Folded names only: typing a search prefers these.
    public var relationNameKeys: [String]
    /// Folded name, id, country, region and places: what the relation picker matches.
    public var relationLabelKeys: [String]
    /// Relation positions in the order of their folded names: the picker's order, sorted once.
    public var relationsByName: [Int]
    /// Aligned with `dossier.activities`.
    public var activitySearchKeys: [String]
    public var activityTitleKeys: [String]
    public var years: [Int]
    /// The budget per year (the framework's years and every year with activities).
    public var budgets: [BudgetOverview]
    /// What needs attention within `Reminder.horizonDays`, and everything overdue.
    public var reminders: [Reminder]

    /// How far ahead the start screen looks for review dates and follow-ups.
    public static let reminderHorizonDays = 30

    public init(dossier: Dossier, today: CalendarDate) {
        overviews = RelationOverview.all(in: dossier, today: today)
        relationSearchKeys = dossier.relations.map(DossierIndex.searchKey)
        relationNameKeys = dossier.relations.map { SearchText.fold($0.name) }
        relationLabelKeys = dossier.relations.map { relation in
            SearchText.fold(([relation.name, relation.id, relation.country, relation.region] + relation.places).joined(separator: "\u{1}"))
        }
        relationsByName = zip(dossier.relations.indices, relationNameKeys)
            .sorted { $0.1 == $1.1 ? $0.0 < $1.0 : $0.1.utf8.lexicographicallyPrecedes($1.1.utf8) }.map(\.0)
        activitySearchKeys = dossier.activities.map { DossierIndex.searchKey($0, in: dossier) }
        activityTitleKeys = dossier.activities.map { SearchText.fold($0.title) }
        years = Array(Set(dossier.activities.compactMap(\.year))).sorted()
        budgets = BudgetYears.all(in: dossier).map { BudgetOverview(year: $0, in: dossier) }
        reminders = Reminder.all(in: dossier, today: today, within: DossierIndex.reminderHorizonDays)
    }

    /// Names, places, contacts and notes of a relation, folded.
    static func searchKey(_ relation: Relation) -> String {
        var parts = [relation.id, relation.name, relation.country, relation.region, relation.notes]
        parts += relation.places + relation.institutes + relation.companies
        for contact in relation.contacts {
            parts += [contact.name, contact.organisation, contact.role, contact.email, contact.phone]
        }
        return SearchText.fold(parts.joined(separator: "\u{1}"))
    }

    /// Title, places, people and notes of an activity and the names of its relations, folded.
    static func searchKey(_ activity: Activity, in dossier: Dossier) -> String {
        var parts = [activity.id, activity.title, activity.notes, activity.outcomes]
        parts += activity.relations.map(dossier.relationName)
        parts += activity.participants.flatMap { [$0.name, $0.organisation] }
        if let visit = activity.visit {
            parts += [visit.delegationFrom, visit.ledBy] + visit.hosts + visit.programme
        }
        parts += activity.followUps.map(\.text)
        return SearchText.fold(parts.joined(separator: "\u{1}"))
    }
}
