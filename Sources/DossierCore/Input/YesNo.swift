/// Reading yes or no as people type it: `ja`/`nee`, `j`/`n`, `yes`/`no`, `true`/`false`, `1`/`0`.
public enum YesNo {
    public static func read(_ text: String) throws(ValueError) -> Bool {
        switch SearchText.fold(text.trimmingSpaces()) {
        case "ja", "j", "yes", "y", "true", "1", "waar": return true
        case "nee", "n", "no", "false", "0", "onwaar": return false
        default: throw ValueError("'\(text.trimmingSpaces())' is geen ja of nee")
        }
    }

    public static func label(_ value: Bool) -> String { value ? "ja" : "nee" }
}
