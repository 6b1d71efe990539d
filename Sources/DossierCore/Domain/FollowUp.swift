/// An action that follows from an activity, with an optional due date.
public struct FollowUp: Hashable, Sendable {
    public var text: String
    public var due: CalendarDate?
    public var owner: String
    public var isDone: Bool

    public init(text: String, due: CalendarDate? = nil, owner: String = "", isDone: Bool = false) {
        self.text = text
        self.due = due
        self.owner = owner
        self.isDone = isDone
    }
}
