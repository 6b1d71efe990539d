/// The years a budget overview covers: the framework's period and every year with activities.
public enum BudgetYears {
    public static func all(in dossier: Dossier) -> [Int] {
        let framework = dossier.framework
        var years = Set(framework.firstYear...max(framework.firstYear, framework.lastYear))
        dossier.activities.withUnsafeBufferPointer { activities in
            for index in activities.indices { if let year = activities[index].year { years.insert(year) } }
        }
        return years.sorted()
    }
}
