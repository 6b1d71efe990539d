/// A follow-up's identifier within its activity: what a calendar knows its due date's event by.
public typealias FollowUpID = String

/// An action that follows from an activity, with an optional due date.
public struct FollowUp: Hashable, Sendable {
    /// Stable within its activity once given (editing the text keeps it): the slug of the text it was first given,
    /// made unique there; given by the activity when left empty (`assignMissingIDs`).
    public var id: FollowUpID
    public var text: String
    public var due: CalendarDate?
    public var owner: String
    public var isDone: Bool

    public init(text: String, due: CalendarDate? = nil, owner: String = "", isDone: Bool = false, id: FollowUpID = "") {
        self.id = id
        self.text = text
        self.due = due
        self.owner = owner
        self.isDone = isDone
    }

    /// Equal when they say the same: the id is the calendar's handle on a follow-up, not part of what it says, so one
    /// seen before it had an id (a journal line from before ids) is the same follow-up.
    public static func == (left: FollowUp, right: FollowUp) -> Bool {
        left.text == right.text && left.due == right.due && left.owner == right.owner && left.isDone == right.isDone
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(text)
        hasher.combine(due)
        hasher.combine(owner)
        hasher.combine(isDone)
    }

    /// The id a text gives: its slug, at most 40 characters ("taak" for a text without letters or digits), as the
    /// calendar's UIDs were made before follow-ups had ids.
    static func idBase(for text: String) -> FollowUpID {
        var slug = String(Slug.make(from: text).prefix(40))
        while slug.hasSuffix("-") { slug.removeLast() }
        return slug.isEmpty ? "taak" : slug
    }
}

extension [FollowUp] {
    /// Gives every follow-up without an id, or with one used before it in the list, the id its text gives, made unique:
    /// first the first of each text its bare slug (the UID exports gave it before ids), then the others the next free
    /// one, so that a second "Bel A" does not take "bel-a-2" from a "Bel A 2".
    public mutating func assignMissingIDs() {
        guard contains(where: { $0.id.isEmpty }) || (count > 1 && Set(map(\.id)).count != count) else { return }
        var taken = Set<FollowUpID>()
        var missing: [Int] = []
        for index in indices {
            if self[index].id.isEmpty || taken.contains(self[index].id) {
                missing.append(index)
            } else {
                taken.insert(self[index].id)
            }
        }
        var later: [Int] = []
        for index in missing {
            let base = FollowUp.idBase(for: self[index].text)
            if taken.contains(base) {
                later.append(index)
            } else {
                self[index].id = base
                taken.insert(base)
            }
        }
        for index in later {
            self[index].id = Slug.unique(FollowUp.idBase(for: self[index].text)) { taken.contains($0) }
            taken.insert(self[index].id)
        }
    }

    /// A fresh id for a new follow-up with this text, unique among these.
    public func newFollowUpID(for text: String) -> FollowUpID {
        Slug.unique(FollowUp.idBase(for: text)) { id in contains { $0.id == id } }
    }

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
