/// The years a budget overview covers: the framework's period, every year a budget line has an amount set for, and every
/// year with activities.
public enum BudgetYears {
    public static func all(in dossier: Dossier) -> [Int] {
        var activityYears = Set<Int>()
        dossier.activities.withUnsafeBufferPointer { activities in
            for index in activities.indices { if let year = activities[index].year { activityYears.insert(year) } }
        }
        return all(framework: dossier.framework, lines: dossier.budgetLines, activityYears: activityYears)
    }

    /// The same, with the years that have activities already known (a `BudgetLedger` has them).
    public static func all(framework: Framework, lines: [BudgetLine], activityYears: some Sequence<Int>) -> [Int] {
        Set(framework.firstYear...max(framework.firstYear, framework.lastYear)).union(activityYears)
            .union(lines.flatMap(\.amountsByYear.keys)).sorted()
    }
}
