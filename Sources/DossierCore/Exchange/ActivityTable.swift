/// Activities as a table: the columns `dossier export --what activities` writes and
/// `dossier import activities` reads, so export → edit in Excel → import round-trips.
public enum ActivityTable {
    /// A column: its heading, how an activity fills it, and whether the import reads it.
    public struct Column: Sendable {
        public var heading: String
        public var isImported: Bool
        let value: @Sendable (Activity, Dossier) -> String
    }

    /// Items inside one cell (relations, sectors, names) are separated like this.
    public static let itemSeparator = "; "

    /// A name with a comma or semicolon in it (a host "Buijs, W.") in double quotes, so that the import reads one item.
    static func items(_ values: [String]) -> String { values.map(ListText.item).joined(separator: itemSeparator) }

    static func people(_ activity: Activity, _ role: ParticipantRole) -> String {
        activity.participants.filter { $0.role == role }.map(ListText.personText).joined(separator: itemSeparator)
    }

    public static let columns: [Column] = [
        Column(heading: "id", isImported: true) { activity, _ in activity.id },
        Column(heading: "titel", isImported: true) { activity, _ in activity.title },
        Column(heading: "soort", isImported: true) { activity, _ in activity.kind.rawValue },
        Column(heading: "status", isImported: true) { activity, _ in activity.status.rawValue },
        Column(heading: "besluit", isImported: true) { activity, _ in activity.approvalDecision ?? "" },
        Column(heading: "reden afwijking", isImported: true) { activity, _ in activity.approvalOverrideReason ?? "" },
        Column(heading: "begindatum", isImported: true) { activity, _ in activity.startDate?.iso ?? "" },
        Column(heading: "einddatum", isImported: true) { activity, _ in activity.endDate?.iso ?? "" },
        Column(heading: "relaties", isImported: true) { activity, _ in items(activity.relations) },
        Column(heading: "organisator", isImported: true) { activity, _ in activity.organiser.slug },
        Column(heading: "landen", isImported: true) { activity, _ in items(activity.countries.map(\.name)) },
        Column(heading: "sectoren", isImported: true) { activity, _ in items(activity.sectors.map(\.rawValue)) },
        Column(heading: "budgetregel", isImported: true) { activity, _ in activity.budgetLine ?? "geen" },
        Column(heading: "geraamde kosten", isImported: true) { activity, _ in activity.estimatedCost?.editableText ?? "" },
        Column(heading: "werkelijke kosten", isImported: true) { activity, _ in activity.actualCost?.editableText ?? "" },
        Column(heading: "richting", isImported: true) { activity, _ in activity.visitDirection?.rawValue ?? "" },
        Column(heading: "delegatie uit/naar", isImported: true) { activity, _ in activity.visit?.delegationFrom ?? "" },
        Column(heading: "geleid door", isImported: true) { activity, _ in activity.visit?.ledBy ?? "" },
        Column(heading: "omvang", isImported: true) { activity, _ in activity.visit?.size.map(String.init) ?? "" },
        Column(heading: "gastheren", isImported: true) { activity, _ in items(activity.visit?.hosts ?? []) },
        Column(heading: "programma", isImported: true) { activity, _ in activity.visit?.programme ?? "" },
        Column(heading: "bestuurders", isImported: true) { activity, _ in people(activity, .bestuurder) },
        Column(heading: "ambtenaren", isImported: true) { activity, _ in people(activity, .ambtenaar) },
        Column(heading: "ondernemers", isImported: true) { activity, _ in people(activity, .ondernemer) },
        Column(heading: "kennisinstellingen", isImported: true) { activity, _ in people(activity, .kennisinstelling) },
        Column(heading: "overige deelnemers", isImported: true) { activity, _ in people(activity, .overig) },
        Column(heading: "resultaten", isImported: true) { activity, _ in activity.outcomes },
        Column(heading: "toelichting", isImported: true) { activity, _ in activity.notes },
        // For reading only: the import ignores these.
        Column(heading: "relatienamen", isImported: false) { activity, dossier in items(activity.relations.map(dossier.relationName)) },
        Column(heading: "open vervolgacties", isImported: false) { activity, _ in String(activity.openFollowUps.count) },
        Column(heading: "laatste oordeel", isImported: false) { activity, _ in activity.assessments.last?.verdict.rawValue ?? "" },
        Column(heading: versionHeading, isImported: false) { activity, dossier in version(of: activity, in: dossier) },
    ]

    /// The column that says which state of the activity a row was exported from.
    public static let versionHeading = "versie"

    /// The state of what the import reads of an activity, as a short text ("v" and a checksum of the cells the import
    /// reads, as the export writes them; the letter keeps a spreadsheet from reading it as a number). A row whose
    /// activity has another version now was exported before someone changed it: importing it would undo that change.
    public static func version(of activity: Activity, in dossier: Dossier) -> String {
        version(of: columns.filter(\.isImported).map { $0.value(activity, dossier) })
    }

    /// Whether a cell reads as a version the export writes: `v` and eight hexadecimal digits.
    static func isVersion(_ text: String) -> Bool {
        text.utf8.count == 9 && text.hasPrefix("v") && text.dropFirst().allSatisfy(\.isHexDigit)
    }

    /// The same of a row's cells as they stand in the file (`cell(heading)`); nil when the file lacks one of the columns.
    static func version(ofCells cell: (String) -> String?) -> String? {
        var values: [String] = []
        for column in columns where column.isImported {
            guard let value = cell(column.heading) else { return nil }
            values.append(value)
        }
        return version(of: values)
    }

    /// "v" and a checksum of cells as the export writes them (also the contacts' `versie`).
    static func version(of values: [String]) -> String {
        var bytes: [UInt8] = []
        for value in values {
            bytes += value.utf8
            bytes.append(0x1F)
        }
        return "v" + CRC32.hex(CRC32.checksum(bytes))
    }

    public static func rows(_ activities: [Activity], in dossier: Dossier) -> [[String]] {
        [columns.map(\.heading)] + activities.map { activity in columns.map { $0.value(activity, dossier) } }
    }
}
