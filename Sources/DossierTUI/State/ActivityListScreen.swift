import DossierCore

/// A list of activities opened from another screen (Enter on a year's budget line), pushed on the stack:
/// it has filters of its own, so the activities tab keeps its filters, and q or Esc returns to the row
/// it was opened from.
public struct ActivityListScreen: Hashable, Sendable {
    public var query: ActivityQuery
    /// The query it was opened with, for `c` (filters wissen) to return to.
    public var initialQuery: ActivityQuery
    /// Positions in the dossier's activities, filtered and in list order; kept current by `AppState.refreshRows()`.
    public internal(set) var rows: [Int] = []
    public var list = ListState()

    /// Rows shown: a list's rows less the line that says what the list holds.
    public static func visibleRows(in layout: Layout) -> Int { max(1, layout.listRows - 1) }

    /// What the list holds, from its query: "Activiteiten van 2026 op Budget internationalisering · status: Gepland".
    public func title(in dossier: Dossier) -> String {
        var title = "Activiteiten"
        title += query.year.map { " van \($0)" } ?? " van alle jaren"
        if let line = query.budgetLine { title += " op \(dossier.budgetLine(line)?.name ?? line)" }
        let filters = [query.statuses.labelsAsAlternatives.map { "status: \($0)" }, query.kind.map { "soort: \($0.label)" }].compactMap { $0 }
        return ([title] + filters).joined(separator: " · ")
    }

    public init(query: ActivityQuery) {
        self.query = query
        initialQuery = query
    }
}
