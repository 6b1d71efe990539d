/// How many people a delegation counts, as typed: `8`, or as the screen shows it, `8 personen` (`1 persoon`, `8 pers.`).
public enum DelegationSize {
    public static func read(_ text: String) throws(ValueError) -> Int {
        var number = text.trimmingSpaces()
        for unit in ["personen", "persoon", "pers.", "pers"] where number.lowercased().hasSuffix(unit) {
            let rest = number.dropLast(unit.count)
            // Only a word of its own after the number: "8personen" is not read as 8.
            if rest.last == " " {
                number = rest.trimmingSpaces()
                break
            }
        }
        return try WholeNumber.read(number, in: Limits.delegationSize)
    }
}
