/// The range of every number and date the program accepts or loads, and the longest text a field may
/// hold. Chosen so that a real advisor never meets them, and so that no sum can overflow: the largest
/// year total is `maximumActivities` × `amountCents.upperBound` = 10^17 cents, far below Int64's 9,2 × 10^18.
/// Each parser (text, JSON) and each rule (change path, loader, `dossier validate`) refuses what lies
/// outside, with a message that names the field and the limit. Documented in docs/data-format.md.
public enum Limits {
    /// An amount in cents: € 0,00 up to € 999.999.999,99.
    public static let amountCents: ClosedRange<Int64> = 0...99_999_999_999
    /// Years of dates, of the framework and of budget lines.
    public static let years: ClosedRange<Int> = 1900...2199
    /// People in a delegation.
    public static let delegationSize: ClosedRange<Int> = 1...10_000
    /// Relations in one dossier.
    public static let maximumRelations = 100_000
    /// Activities in one dossier (and so in one year's budget sum).
    public static let maximumActivities = 1_000_000
    /// Items in one list inside a record: contacts, participants, follow-ups, status changes, assessments,
    /// linked relations, places … (a position or an index in such a list lies below it).
    public static let maximumListItems = 10_000
    /// Journal sequence numbers: a million changes a day for more than 2.700 years.
    public static let journalSequence: ClosedRange<Int> = 0...1_000_000_000_000
    /// Days ahead for `dossier due --within`.
    public static let dueWindowDays: ClosedRange<Int> = 0...3_650
    /// Previous snapshots kept (`backups`, `DOSSIER_BACKUPS`).
    public static let backupsToKeep: ClosedRange<Int> = 1...1_000
    /// Journal entries before compacting (`journalLimit`, `DOSSIER_JOURNAL_LIMIT`).
    public static let journalEntryLimit: ClosedRange<Int> = 1...1_000_000
    /// Seconds a command waits for another writer (`lockWait`, `DOSSIER_LOCK_WAIT`).
    public static let lockWaitSeconds: ClosedRange<Int> = 0...3_600
    /// Characters (Unicode scalars) in a short field: a name, title, place, role, e-mail address, phone number.
    public static let shortText = 1_000
    /// Characters in a long field: notes, outcomes, reasons, a follow-up's description; also the most any
    /// text in a file may hold. A note of a few hundred kilobytes fits.
    public static let longText = 1_000_000

    /// The first and last accepted date.
    public static let firstDate = CalendarDate(unchecked: years.lowerBound, 1, 1)
    public static let lastDate = CalendarDate(unchecked: years.upperBound, 12, 31)

    /// `1.000.000`: a whole number with Dutch thousands separators, for messages.
    public static func grouped(_ number: some BinaryInteger) -> String {
        let digits = String(number.magnitude)
        var result = number < 0 ? "-" : ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { result.append(".") }
            result.append(digit)
        }
        return result
    }

    /// "ligt buiten het bereik 1 … 10.000" for a number outside `range`, nil inside.
    public static func outside<T: BinaryInteger>(_ value: T, _ range: ClosedRange<T>) -> String? {
        range.contains(value) ? nil : "\(grouped(value)) ligt buiten het bereik \(grouped(range.lowerBound)) … \(grouped(range.upperBound))"
    }

    /// "jaar 12026 ligt buiten 1900 … 2199" for a year outside `years` (years are written without a dot).
    public static func outsideYears(_ year: Int) -> String? {
        years.contains(year) ? nil : "jaar \(year) ligt buiten het bereik \(years.lowerBound) … \(years.upperBound)"
    }

    /// The number of characters (Unicode scalars) in `text` when it is more than `maximum`, else nil.
    /// Costs nothing for text whose byte count is within the limit.
    public static func excessLength(_ text: some StringProtocol, maximum: Int) -> Int? {
        let utf8 = text.utf8
        if utf8.count <= maximum { return nil }
        var scalars = 0
        for byte in utf8 where byte & 0xC0 != 0x80 { scalars += 1 }
        return scalars > maximum ? scalars : nil
    }

    /// "de toelichting is te lang: 1.234.567 tekens, hoogstens 1.000.000" when `text` is too long.
    public static func lengthProblem(_ text: some StringProtocol, label: String, maximum: Int) -> String? {
        excessLength(text, maximum: maximum).map { "\(label) is te lang: \(grouped($0)) tekens, hoogstens \(grouped(maximum))" }
    }

    /// "de lijst … heeft te veel onderdelen" when a list holds more than `maximumListItems`.
    public static func countProblem(_ count: Int, label: String, maximum: Int = maximumListItems) -> String? {
        count > maximum ? "\(label): \(grouped(count)) is te veel, hoogstens \(grouped(maximum))" : nil
    }
}
