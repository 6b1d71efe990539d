extension Dossier {
    /// The relations and activities (by id, "gemeente" for the municipality's own contacts, "budgetregel:ID" for a budget
    /// line, "kader" for the Kader's pieces) that are not the same in `other`: there in one and not the other, or changed. What a restore from a backup touched, so that `dossier log ID`
    /// and the screen's log of a record show it too.
    public func subjectsDiffering(from other: Dossier) -> [String] {
        func differing<Record: Equatable>(_ mine: [Record], _ theirs: [Record], id: (Record) -> String) -> [String] {
            var table: [String: Record] = [:]
            for record in theirs { table[id(record)] = record }
            var ids = Set<String>()
            for record in mine where table.removeValue(forKey: id(record)) != record { ids.insert(id(record)) }
            return ids.union(table.keys).sorted()
        }
        return differing(relations, other.relations, id: \.id) + differing(activities, other.activities, id: \.id)
            + (internalContacts == other.internalContacts ? [] : [Organiser.municipalitySlug])
            + differing(budgetLines, other.budgetLines, id: \.id).map(BudgetLine.subject)
            + (framework == other.framework ? [] : [Framework.subject])
    }
}
