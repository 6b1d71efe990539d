import DossierCore

/// How a change moved the places of one kind of entity in the dossier's list, from the restoration that undoes
/// it: which one it removed, which it added (anywhere: at the end, or put back where it was), and where each
/// entity it touched stands now. Every other entity keeps its order, so its new place follows from the old one.
///
/// A restoration records each entity's place as it was just before the step that touched it, which after an
/// earlier removal or put-back in the same change (a batch, or others' changes taken in together) is a place in an
/// already shifted list. So every recorded place is checked against the index: the removed entity must be the one
/// the index holds there (by id), and every entity that stayed must stand where its recorded place now leads (the
/// mapping of places that stayed is one to one, so a shifted place cannot pass). One removal and nothing added, or
/// additions and no removal; anything else is nil, and the index is built anew.
struct Renumbering {
    /// Aligned with the snapshots: where each entity stands now, nil for the one removed.
    let positions: [Int?]
    /// The old place of the entity removed.
    let removed: Int?
    /// The new places of the entities added, ascending.
    let added: [Int]
    let newCount: Int

    /// `isAt(position, value)`: whether the index holds the entity `value` at old `position` (by its id: the
    /// check that a removed entity's recorded place is the index's).
    init?<Entity>(_ snapshots: [Snapshot<Entity>], oldCount: Int, newCount: Int, find: (String) -> Int?,
                  isAt: (Int, Entity) -> Bool) {
        var positions: [Int?] = [], removed: [Int] = [], added: [Int] = []
        for snapshot in snapshots {
            let now = find(snapshot.id)
            switch (snapshot.value, now) {
            case (let value?, nil):
                guard snapshot.position < oldCount, isAt(snapshot.position, value) else { return nil }
                removed.append(snapshot.position)
            case (nil, let position?):
                added.append(position)
            case (_?, _?):
                break
            case (nil, nil):
                // Added and removed again within the change.
                return nil
            }
            positions.append(now)
        }
        guard removed.count <= 1, removed.isEmpty || added.isEmpty, oldCount - removed.count + added.count == newCount,
              Set(added).count == added.count else { return nil }
        self.positions = positions
        self.removed = removed.first
        self.added = added.sorted()
        self.newCount = newCount
        // An entity that stayed must stand where its old place now leads: else the change moved it.
        for (snapshot, position) in zip(snapshots, positions) where snapshot.value != nil {
            guard let position else { continue }
            guard snapshot.position < oldCount, newPosition(of: snapshot.position) == position else { return nil }
        }
    }

    /// Whether every place stays as it was: nothing removed, and whatever was added stands after all that stayed.
    var keepsPlaces: Bool { removed == nil && added.allSatisfy { $0 >= newCount - added.count } }

    /// A list held by place (one element per entity) moved along: the removed entity's element taken out, one made
    /// by `placeholder(new position)` put in for each added entity (to be set to its real value after).
    func move<Element>(_ array: inout [Element], placeholder: (Int) -> Element) {
        if let removed { array.remove(at: removed) }
        for position in added { array.insert(placeholder(position), at: position) }
    }

    /// A list of old places made into new ones in place, the removed entity's place taken out (no new list, and no
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

    /// Where the entity at old `position` stands now; nil for the one removed.
    func newPosition(of position: Int) -> Int? {
        var place = position
        if let removed {
            if position == removed { return nil }
            if position > removed { place -= 1 }
        }
        for position in added {
            guard position <= place else { break }
            place += 1
        }
        return place
    }
}
