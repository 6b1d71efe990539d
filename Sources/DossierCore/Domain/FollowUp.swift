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

extension [FollowUp] {
    /// The places of the follow-ups in the order they are shown: the open ones by due date (those without one after
    /// them), then the ones done; equal ones as they were entered. A follow-up keeps its number (its place plus one,
    /// which `done ACTIVITEIT N` takes) wherever it is shown.
    public var shownOrder: [Int] {
        indices.sorted { first, second in
            let a = self[first], b = self[second]
            if a.isDone != b.isDone { return !a.isDone }
            if !a.isDone, a.due != b.due { return (a.due ?? .distantFuture) < (b.due ?? .distantFuture) }
            return first < second
        }
    }
}
