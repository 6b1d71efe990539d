/// Who makes a change and when: recorded in status histories, assessments and the journal.
public struct ChangeContext: Hashable, Sendable {
    public var actor: String
    public var timestamp: Timestamp
    /// The local calendar date of `timestamp`.
    public var today: CalendarDate

    public init(actor: String, timestamp: Timestamp, today: CalendarDate) {
        self.actor = actor
        self.timestamp = timestamp
        self.today = today
    }
}
