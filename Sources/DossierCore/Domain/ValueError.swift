/// Why a typed or stored value cannot be read: one Dutch wording per kind of value, shared by the forms,
/// the command line, the CSV import and the JSON reader.
public struct ValueError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}

/// A whole number typed by someone (a delegation's size, a year, a number of days), read within its range.
public enum WholeNumber {
    /// Also grouped in thousands as Dutch writes them, as the range says them ("1.000", "10.000"); a dot elsewhere
    /// ("1.5") is no whole number.
    public static func read(_ text: String, in range: ClosedRange<Int>) throws(ValueError) -> Int {
        let typed = text.trimmingSpaces()
        var trimmed = typed
        if trimmed.contains("."), trimmed.wholeMatch(of: /-?[1-9][0-9]{0,2}(\.[0-9]{3})+/) != nil { trimmed.removeAll { $0 == "." } }
        guard !trimmed.isEmpty, trimmed.utf8.count <= 20,
              trimmed.utf8.allSatisfy({ (48...57).contains($0) || $0 == UInt8(ascii: "-") }), let number = Int(trimmed) else {
            throw ValueError("'\(typed)' is geen heel getal")
        }
        if let problem = Limits.outside(number, range) { throw ValueError(problem) }
        return number
    }
}
