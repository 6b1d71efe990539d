import DossierCore

/// How a change moved the places of one kind of entity in the dossier's list, from the restorations that undo
/// it: which ones it removed, which it added (anywhere: at the end, or put back where it was), and where each
/// entity it touched stands now. Every other entity keeps its order, so its new place follows from the old one.
///
/// A restoration records each place in the list as it was before its change (a batch's too). Changes taken in
/// together (colleagues' changes, one restoration each) are read in order: a place recorded by a later one is
/// in a list the earlier ones' removals had shortened, so it is taken back through those. Each place is then
/// checked against the index: a removed entity must be the one the index holds there (by id), and every entity
/// that stayed must stand where its place now leads (the mapping of places that stayed is one to one, so a wrong
/// place cannot pass). With the removed places so checked and the added ones read from the dossier, every other
/// entity's new place follows. A place recorded after an earlier change added something before it fails the
/// check: then, as for anything else it cannot follow, it is nil and the index is built anew.
struct Renumbering {
    /// Aligned with the snapshots: where each entity stands now, nil for those removed.
    let positions: [Int?]
    /// The old places of the entities removed, ascending.
    let removed: [Int]
    private let onlyRemoved: Int?
    /// The new places of the entities added, ascending.
    let added: [Int]
    let newCount: Int

    /// `entries`: per change taken in, in order, its snapshots (an entity named again later keeps its first, as
    /// `Restoration.combining` does, with which `positions` is aligned). `isAt(position, value)`: whether the index
    /// holds the entity `value` at old `position` (by its id: the check that a removed entity's place is the index's).
    init?<Entity>(_ entries: [[Snapshot<Entity>]], oldCount: Int, newCount: Int, find: (String) -> Int?,
                  isAt: (Int, Entity) -> Bool) {
        var positions: [Int?] = [], removed: [Int] = [], added: [Int] = []
        // Per snapshot its old place in the list before the change (nil for one added).
        var oldPlaces: [Int?] = []
        var seen = Set<String>()
        for entry in entries {
            let removedBefore = removed
            for snapshot in entry where seen.insert(snapshot.id).inserted {
                let now = find(snapshot.id)
                let old = SortedPlaces.keptPlace(snapshot.position, amid: removedBefore)
                switch (snapshot.value, now) {
                case (let value?, nil):
                    guard old < oldCount, isAt(old, value) else { return nil }
                    let place = SortedPlaces.count(below: old, in: removed)
                    guard place == removed.count || removed[place] != old else { return nil }
                    removed.insert(old, at: place)
                case (nil, let position?):
                    added.append(position)
                case (_?, _?):
                    break
                case (nil, nil):
                    // Added and removed again within the change.
                    return nil
                }
                positions.append(now)
                oldPlaces.append(snapshot.value == nil ? nil : old)
            }
        }
        guard oldCount - removed.count + added.count == newCount, Set(added).count == added.count else { return nil }
        self.positions = positions
        self.removed = removed
        onlyRemoved = removed.count == 1 ? removed[0] : nil
        self.added = added.sorted()
        self.newCount = newCount
        // An entity that stayed must stand where its old place now leads: else the change moved it.
        for (old, position) in zip(oldPlaces, positions) {
            guard let old, let position else { continue }
            guard old < oldCount, newPosition(of: old) == position else { return nil }
        }
    }

    /// Whether every place stays as it was: nothing removed, and whatever was added stands after all that stayed.
    var keepsPlaces: Bool { removed.isEmpty && added.allSatisfy { $0 >= newCount - added.count } }

    /// A list held by place (one element per entity) moved along: the removed entities' elements taken out, one made
    /// by `placeholder(new position)` put in for each added entity (to be set to its real value after).
    func move<Element>(_ array: inout [Element], placeholder: (Int) -> Element) {
        if removed.count == 1 {
            array.remove(at: removed[0])
        } else if !removed.isEmpty {
            var places = RangeSet<Int>()
            for place in removed { places.insert(place, within: array) }
            array.removeSubranges(places)
        }
        for position in added { array.insert(placeholder(position), at: position) }
    }

    /// A list of old places made into new ones in place, the removed entities' places taken out (no new list, and no
    /// new dictionary entry for a list held in a dictionary's values).
    func renumber(_ places: inout [Int]) {
        var kept = 0
        for index in places.indices {
            if let place = newPosition(of: places[index]) {
                places[kept] = place
                kept += 1
            }
        }
        places.removeLast(places.count - kept)
    }

    /// Where the entity at old `position` stands now; nil for one removed.
    func newPosition(of position: Int) -> Int? {
        var place = position
        // One removal is the common case (a key in the screen), and this runs for every place the index holds.
        if let only = onlyRemoved {
            if position == only { return nil }
            if position > only { place -= 1 }
        } else if !removed.isEmpty {
            let below = SortedPlaces.count(below: position, in: removed)
            if below < removed.count && removed[below] == position { return nil }
            place -= below
        }
        for position in added {
            guard position <= place else { break }
            place += 1
        }
        return place
    }
}
