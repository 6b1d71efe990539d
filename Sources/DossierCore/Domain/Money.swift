/// An amount in euros, kept as whole cents: never floating point.
public struct Money: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var cents: Int64

    public init(cents: Int64) {
        self.cents = cents
    }

    public init(euros: Int64) {
        cents = euros * 100
    }

    public static let zero = Money(cents: 0)

    /// Dutch notation: `€ 1.234,56`, `-€ 12,00` for a negative amount.
    public var formatted: String {
        let magnitude = cents.magnitude
        let euros = String(magnitude / 100)
        var grouped = ""
        for (index, digit) in euros.enumerated() {
            if index > 0 && (euros.count - index) % 3 == 0 { grouped.append(".") }
            grouped.append(digit)
        }
        let rest = magnitude % 100
        return (cents < 0 ? "-€ " : "€ ") + grouped + "," + (rest < 10 ? "0" : "") + String(rest)
    }

    public var description: String { formatted }

    /// Without the cents when there are none: `€ 16.000`, else as `formatted`; for a tight title line.
    public var wholeFormatted: String {
        cents % 100 == 0 ? String(formatted.dropLast(3)) : formatted
    }

    /// The amount in a form's field or a prompt, as it is written everywhere else but without the euro sign: `2.500` or
    /// `2.500,50`; it parses back exactly.
    public var fieldText: String {
        (cents < 0 ? "-" : "") + wholeFormatted.drop { !$0.isNumber }
    }

    /// The amount plainly, for a file another program reads (a CSV cell): `1250` or `1250,50`; it parses back exactly.
    public var editableText: String {
        let sign = cents < 0 ? "-" : ""
        let euros = cents.magnitude / 100, rest = cents.magnitude % 100
        return sign + (rest == 0 ? "\(euros)" : "\(euros),\(rest < 10 ? "0" : "")\(rest)")
    }

    /// Reads an amount as people type it in the Netherlands or in a script: `16000`, `16.000`, `16.000,00`,
    /// `€ 1.234,56`, `1234,5`, `1234.56`. A comma is the decimal mark; without a comma, a dot followed by
    /// exactly three digits groups thousands and a dot followed by one or two digits is the decimal mark.
    /// Negative amounts, more than two decimals and amounts outside `Limits.amountCents` are refused.
    public init?(parsing input: String) {
        guard let money = Money.representable(parsing: input), money.isAccepted else { return nil }
        self = money
    }

    /// The one reading of a typed amount (forms, options, CSV cells), with the one wording of its errors.
    public static func read(_ input: String) throws(ValueError) -> Money {
        let text = input.trimmingSpaces()
        guard let money = representable(parsing: text) else {
            if text.hasPrefix("-") || text.hasPrefix("€ -") || text.hasPrefix("€-") { throw ValueError("een bedrag kan niet negatief zijn ('\(text)')") }
            throw ValueError("'\(text)' is geen bedrag; gebruik bijvoorbeeld 1250, 1.250 of 1.250,50 (euro)")
        }
        guard money.isAccepted else {
            let amount = money == .beyondReading ? "'\(text)'" : money.formatted
            throw ValueError("\(amount) is te veel: een bedrag is hoogstens \(Money.maximum.formatted)")
        }
        return money
    }

    /// Said under an amount being typed whose dot is read as the decimal mark ("1.25", "12.5"): "= € 1,25 …". In Dutch a dot
    /// groups thousands, so "1.25" is as likely "1.250" with a zero dropped; the reading is shown, not guessed again.
    /// (Not for less than a euro: "0.5" is no thousand with a zero dropped.)
    public static func decimalDotNote(_ input: String) -> String? {
        guard let (money, dotIsDecimal) = reading(input), dotIsDecimal, money.isAccepted, money.cents >= 100 else { return nil }
        return "= \(money.formatted) (de punt als komma; duizend is 1.000)"
    }

    /// What an amount of more than 13 digits of euros reads as: more than any limit, too long to show as read.
    private static let beyondReading = Money(cents: .max)

    /// The largest amount the dossier accepts.
    public static let maximum = Money(cents: Limits.amountCents.upperBound)

    /// Whether the amount lies in `Limits.amountCents`.
    public var isAccepted: Bool { Limits.amountCents.contains(cents) }

    private static func representable(parsing input: String) -> Money? {
        reading(input)?.money
    }

    /// The amount the text reads as (within Int64, not yet within the limits), and whether a dot in it was read as the
    /// decimal mark (`1.25`, also `€ 1.25,-`).
    private static func reading(_ input: String) -> (money: Money, dotIsDecimal: Bool)? {
        var text = input.trimmingSpaces()
        if text.hasPrefix("€") {
            text = String(text.dropFirst()).trimmingSpaces()
            // Zero as a spreadsheet's accounting format writes it: "€ -".
            if text == "-" { return (.zero, false) }
        }
        if text.hasSuffix(",-") { text = String(text.dropLast(2)) }
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == ",") }) else { return nil }
        let integerPart: String
        var fraction = ""
        var dotIsDecimal = false
        if let comma = text.firstIndex(of: ",") {
            // Comma as decimal mark; dots before it group thousands.
            let beforeComma = text[..<comma]
            fraction = String(text[text.index(after: comma)...])
            guard !fraction.contains(","), !fraction.contains(".") else { return nil }
            if beforeComma.contains(".") {
                guard Money.hasValidGrouping(beforeComma) else { return nil }
            }
            integerPart = beforeComma.filter { $0 != "." }
        } else if let dot = text.lastIndex(of: ".") {
            let afterDot = text[text.index(after: dot)...]
            if afterDot.count == 3 {
                guard Money.hasValidGrouping(Substring(text)) else { return nil }
                integerPart = text.filter { $0 != "." }
            } else {
                integerPart = String(text[..<dot])
                fraction = String(afterDot)
                dotIsDecimal = true
                guard !integerPart.contains(".") else { return nil }
            }
        } else {
            integerPart = text
        }
        return Money.make(integerPart, fraction).map { ($0, dotIsDecimal) }
    }

    private static func make(_ integerPart: String, _ fraction: String) -> Money? {
        guard !integerPart.isEmpty || !fraction.isEmpty, fraction.count <= 2,
              integerPart.allSatisfy(\.isNumber), fraction.allSatisfy(\.isNumber) else { return nil }
        // More euros than cents in an Int64 can hold is a well-formed amount, far beyond the limits.
        guard integerPart.drop(while: { $0 == "0" }).count <= 13 else { return .beyondReading }
        let euros = Int64(integerPart.isEmpty ? "0" : String(integerPart)) ?? 0
        let paddedFraction = fraction.count == 1 ? fraction + "0" : fraction
        let cents = Int64(paddedFraction.isEmpty ? "0" : String(paddedFraction)) ?? 0
        return Money(cents: euros * 100 + cents)
    }

    /// `1.234.567`: a first group of one to three digits, not starting with 0 (`0.125` groups nothing: it is no
    /// thousand-and-something, and not € 0,125 either), then groups of exactly three.
    private static func hasValidGrouping(_ text: Substring) -> Bool {
        let groups = text.split(separator: ".", omittingEmptySubsequences: false)
        guard let first = groups.first, (1...3).contains(first.count), first.first != "0" else { return false }
        return groups.dropFirst().allSatisfy { $0.count == 3 }
    }

    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.cents < rhs.cents }
    public static func + (lhs: Money, rhs: Money) -> Money { Money(cents: lhs.cents + rhs.cents) }
    public static func - (lhs: Money, rhs: Money) -> Money { Money(cents: lhs.cents - rhs.cents) }
    public static func += (lhs: inout Money, rhs: Money) { lhs.cents += rhs.cents }
}
