/// Where the entities of one kind that a batch touched stood before its first step.
///
/// A step's restoration records places in the list as the steps before it had left it. The batch's restoration
/// records every place in the list before the batch (`Snapshot.position`), so each is taken back through what the
/// earlier steps removed and inserted. A step that only appends shifts nothing that came before it and is not kept;
/// steps in a row that only remove are kept as one list of places, so that a batch of many removals stays fast.
struct BatchPlaces {
    /// Per run of steps that moved places: what it removed (places in the list before it) and inserted (places in
    /// the list after it), both ascending.
    private var shifts: [(removed: [Int], inserted: [Int])] = []

    /// Notes what one step did: `removed` at places before it, `inserted` at places after it; `count` is the list's
    /// length after it.
    mutating func record(removed: [Int], inserted: [Int], count: Int) {
        let inserted = inserted.sorted()
        if removed.isEmpty && inserted.enumerated().allSatisfy({ $0.element == count - inserted.count + $0.offset }) { return }
        if inserted.isEmpty, let last = shifts.last, last.inserted.isEmpty {
            // The same run of removals: this step's places, taken back through the run so far, join it.
            var run = last.removed
            for place in removed.map({ SortedPlaces.keptPlace($0, amid: last.removed) }) {
                run.insert(place, at: SortedPlaces.count(below: place, in: run))
            }
            shifts[shifts.count - 1].removed = run
            return
        }
        shifts.append((removed.sorted(), inserted))
    }

    /// The place before the first step of an entity that stood at `position` before the latest step recorded.
    func placeBefore(_ position: Int) -> Int {
        var place = position
        for shift in shifts.reversed() {
            place -= SortedPlaces.count(below: place, in: shift.inserted)
            place = SortedPlaces.keptPlace(place, amid: shift.removed)
        }
        return place
    }
}
