/// Which follow-up of an activity a change is about, as the person saw it: the follow-up itself, and which of the equal
/// ones it was (the first, the second …) of how many. A colleague's addition or removal of another follow-up leaves it
/// found; a change to it, or an equal one coming or going, makes the change a conflict, never another follow-up changed.
public struct FollowUpPlace: Hashable, Sendable {
    public var seen: FollowUp
    /// Among the follow-ups equal to `seen`, from 0.
    public var occurrence: Int
    /// How many follow-ups were equal to `seen`.
    public var count: Int

    public init(seen: FollowUp, occurrence: Int = 0, count: Int = 1) {
        self.seen = seen
        self.occurrence = occurrence
        self.count = count
    }

    /// The follow-up at `index` of `followUps` (from 0), as seen there; nil for a place that is not in the list.
    public init?(_ index: Int, in followUps: [FollowUp]) {
        guard followUps.indices.contains(index) else { return nil }
        let seen = followUps[index]
        self.init(seen: seen, occurrence: followUps[..<index].filter { $0 == seen }.count, count: followUps.filter { $0 == seen }.count)
    }

    /// Where the follow-up is in `followUps` now; nil when it changed, or an equal one came or went.
    public func position(in followUps: [FollowUp]) -> Int? {
        let equal = followUps.indices.filter { followUps[$0] == seen }
        guard equal.count == count, equal.indices.contains(occurrence) else { return nil }
        return equal[occurrence]
    }
}
