/// A year's amount that is probably a slip of the keys: a year far from the budget line's own (2208 for 2028), or an
/// amount a hundred times smaller than the yearly one (12.5, read as € 12,50, for 12.500).
public enum BudgetAmountYear {
    /// How far after a line's last year an amount is still the line carried on (a Kader's period and a half).
    static let yearsAfterTheLine = 10

    /// "2045 ligt 15 jaar na 2030, het laatste jaar van Budget internationalisering", or nil for a year near the line.
    public static func farNotice(_ year: Int, line: BudgetLine) -> String? {
        if let first = line.firstYear, year < first {
            return "\(year) ligt voor \(first), het eerste jaar van \(line.name); klopt het jaar?"
        }
        if let last = line.lastYear, year > last + yearsAfterTheLine {
            return "\(year) ligt \(year - last) jaar na \(last), het laatste jaar van \(line.name); klopt het jaar?"
        }
        return nil
    }

    /// "in 2028 is op Budget internationalisering nu € 500,00 meer vastgelegd en besteed dan er is", with `amount` as the year's
    /// budget, or nil when it holds what is used: a cut can leave what was approved without money.
    public static func shortNotice(_ overview: BudgetOverview, amount: Money) -> String? {
        let left = amount - overview.committed - overview.spent
        guard left.cents < 0 else { return nil }
        return "in \(overview.year) is op \(overview.lineName) nu \((Money.zero - left).formatted) meer vastgelegd en besteed dan er is"
    }

    /// "€ 12,50 is minder dan een honderdste van het jaarbedrag …", or nil for an amount of the line's order (or € 0, a cut to nothing).
    public static func smallNotice(_ amount: Money?, line: BudgetLine) -> String? {
        guard let amount, amount.cents > 0, amount.cents * 100 < line.yearlyAmount.cents else { return nil }
        return "\(amount.formatted) is minder dan een honderdste van het jaarbedrag (\(line.yearlyAmount.formatted)); klopt het bedrag? "
            + "(12.500 is twaalfduizend vijfhonderd euro, 12.5 is € 12,50)"
    }
}
