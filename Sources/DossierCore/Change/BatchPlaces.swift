/// Where the entities of one kind that a batch touched stood before its first step.
///
/// A step's restoration records places in the list as the steps before it had left it. The batch's restoration
/// records every place in the list before the batch (`Snapshot.position`), so each is taken back through what the
/// earlier steps removed and inserted. A step that only appends shifts nothing that came before it and is not kept.
struct BatchPlaces {
    /// Per step that moved places: what it removed (places in the list before it) and inserted (places in the
    /// list after it), both ascending.
    private var shifts: [(removed: [Int], inserted: [Int])] = []

    /// Notes what one step did: `removed` at places before it, `inserted` at places after it; `count` is the list's
    /// length after it.
    mutating func record(removed: [Int], inserted: [Int], count: Int) {
        let inserted = inserted.sorted()
        let onlyAppends = removed.isEmpty && inserted.enumerated().allSatisfy { $0.element == count - inserted.count + $0.offset }
        if !onlyAppends { shifts.append((removed.sorted(), inserted)) }
    }

    /// The place before the first step of an entity that stood at `position` before the latest step recorded.
    func placeBefore(_ position: Int) -> Int {
        var place = position
        for shift in shifts.reversed() {
            place -= BatchPlaces.count(below: place, in: shift.inserted)
            for removed in shift.removed {
                guard removed <= place else { break }
                place += 1
            }
        }
        return place
    }

    /// How many of the ascending `places` are below `place`.
    static func count(below place: Int, in places: [Int]) -> Int {
        var low = 0, high = places.count
        while low < high {
            let middle = (low + high) / 2
            if places[middle] < place { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
