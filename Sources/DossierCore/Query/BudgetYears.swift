/// The years a budget overview covers: the framework's period, every year a budget line has an amount set for, every
/// year with activities, and the current year (after the framework's period too: its amount is set there).
public enum BudgetYears {
    public static func all(in dossier: Dossier, currentYear: Int? = nil) -> [Int] {
        var activityYears = Set<Int>()
        dossier.activities.withUnsafeBufferPointer { activities in
            for index in activities.indices { if let year = activities[index].year { activityYears.insert(year) } }
        }
        return all(framework: dossier.framework, lines: dossier.budgetLines, activityYears: activityYears, currentYear: currentYear)
    }

    /// The same, with the years that have activities already known (a `BudgetLedger` has them).
    public static func all(framework: Framework, lines: [BudgetLine], activityYears: some Sequence<Int>, currentYear: Int? = nil) -> [Int] {
        Set(framework.firstYear...max(framework.firstYear, framework.lastYear)).union(activityYears)
            .union(lines.flatMap(\.amountsByYear.keys)).union(currentYear.map { [$0] } ?? []).sorted()
    }
}
