/// Who makes a change and when: recorded in status histories, assessments and the journal.
public struct ChangeContext: Hashable, Sendable {
    public var actor: String
    public var timestamp: Timestamp
    /// The local calendar date of `timestamp`.
    public var today: CalendarDate
    /// The file format the change was made under. A journal line of format 1 is replayed as it was made: the
    /// life-cycle rules of format 2 (who approved, nothing carried out before its start) do not apply to it.
    public var formatVersion: Int
    /// A journal line being replayed: it was accepted when it was written, so a rule about names that has
    /// changed since (which names read the same, `Dossier.checkNameIsFree`) must not make the log unreadable.
    public var isReplay = false
    /// The records the change was decided on, as they were seen then (`SeenRecords`); not kept in the journal.
    public var seen = SeenRecords()
    /// The budget of all activities, when the change is applied to a dossier that holds only some
    /// (`Dossier.isPart`): what an approval is weighed against. On the whole dossier its own activities are summed.
    public var budget: BudgetLedger?
    /// The rows of an import: an approval among them is not weighed against the budget one by one (the import shows
    /// each new row's first weighing with the budget of all, and says what does not fit).
    public var isImport = false

    public init(actor: String, timestamp: Timestamp, today: CalendarDate, formatVersion: Int = Dossier.currentSchemaVersion) {
        self.actor = actor
        self.timestamp = timestamp
        self.today = today
        self.formatVersion = formatVersion
    }

    /// Whether the life-cycle rules of format 2 apply.
    var checksLifeCycle: Bool { formatVersion >= 2 }
}
