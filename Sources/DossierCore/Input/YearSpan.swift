/// A year or a span of years as people type it: `2026`, `2025-2026`, `2025–2026` or `2025..2026` (both years included), each
/// of four digits, in `Limits.years`.
public struct YearSpan: Hashable, Sendable {
    public var first: Int
    public var last: Int

    public init(first: Int, last: Int) {
        self.first = first
        self.last = last
    }

    public static func read(_ text: String) throws(ValueError) -> YearSpan {
        let typed = text.trimmingSpaces()
        let parts = typed.contains("..") ? typed.components(separatedBy: "..")
            : typed.split(omittingEmptySubsequences: false) { $0 == "-" || $0 == "–" }.map(String.init)
        let years = parts.map { part in
            let digits = part.trimmingSpaces()
            return digits.utf8.count == 4 && digits.allSatisfy(\.isASCII) && digits.allSatisfy(\.isNumber) ? Int(digits) : nil
        }
        guard (1...2).contains(years.count), let first = years.first ?? nil, let last = years.last ?? nil else {
            throw ValueError("'\(typed)' is geen jaar; gebruik 2026, of 2025-2026 voor meer jaren")
        }
        for year in [first, last] {
            if let problem = Limits.outsideYears(year) { throw ValueError(problem) }
        }
        guard first <= last else { throw ValueError("'\(typed)': het eerste jaar komt na het laatste; bedoelt u \(last)-\(first)?") }
        return YearSpan(first: first, last: last)
    }
}
