/// Where each entity of a list stands, by id: a hash table (open addressing, linear probing) that holds positions
/// only and recognises an id by the entity at a candidate position. Inserting or removing an entity moves every
/// position after it with one pass over small integers; a `[String: Int]` had to hash again every id after the
/// place, which at 100.000 activities was the largest part of what deleting or putting back one in the screen cost
/// (docs/performance.md, point 46). A repeated id (a file that breaks the rules) is held at its first place only,
/// and `count` is then below the list's: the owner makes the table anew whenever the two differ (`Dossier`).
struct PositionTable: Sendable {
    private static let empty: Int32 = -1
    /// A position, or `empty`; the capacity is a power of two, at least twice the count.
    private var slots: [Int32]
    /// How many ids the table holds.
    private(set) var count = 0

    init<Entity: Identifiable<String>>(of entities: [Entity]) {
        var capacity = 8
        while capacity < entities.count * 2 { capacity *= 2 }
        slots = Array(repeating: PositionTable.empty, count: capacity)
        for position in entities.indices { add(position, of: entities) }
    }

    /// Where the entity with this id stands in `entities` (the list the table was kept for).
    func position<Entity: Identifiable<String>>(of id: String, in entities: [Entity]) -> Int? {
        let mask = slots.count - 1
        var slot = id.hashValue & mask
        while slots[slot] != PositionTable.empty {
            let position = Int(slots[slot])
            if entities[position].id == id { return position }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// After `entities.insert(_, at: position)` (or an append): the positions from there on move up, and the new
    /// entity is found at its place.
    mutating func inserted<Entity: Identifiable<String>>(at position: Int, of entities: [Entity]) {
        // A table that must grow is made anew from the list as it now is: nothing to shift.
        guard (count + 1) * 2 <= slots.count else { return self = PositionTable(of: entities) }
        if position < entities.count - 1 { shift(from: position, by: 1) }
        add(position, of: entities)
    }

    /// Before `entities.remove(at: position)`: the entity there is no longer found, and the positions after it move
    /// down.
    mutating func removing<Entity: Identifiable<String>>(at position: Int, of entities: [Entity]) {
        let mask = slots.count - 1
        var slot = entities[position].id.hashValue & mask
        while slots[slot] != PositionTable.empty && Int(slots[slot]) != position { slot = (slot + 1) & mask }
        if slots[slot] != PositionTable.empty {
            // Backward shift: an entry further in the run that may sit in the hole (its own slot is not between
            // the hole and it) moves into it, so that no lookup stops early at an empty slot.
            var hole = slot, next = (slot + 1) & mask
            while slots[next] != PositionTable.empty {
                let home = entities[Int(slots[next])].id.hashValue & mask
                if (next - home) & mask >= (next - hole) & mask {
                    slots[hole] = slots[next]
                    hole = next
                }
                next = (next + 1) & mask
            }
            slots[hole] = PositionTable.empty
            count -= 1
        }
        shift(from: position + 1, by: -1)
    }

    /// Adds the entity at `position`, unless its id is already there (a repeated id: the first place counts).
    private mutating func add<Entity: Identifiable<String>>(_ position: Int, of entities: [Entity]) {
        let mask = slots.count - 1
        let id = entities[position].id
        var slot = id.hashValue & mask
        while slots[slot] != PositionTable.empty {
            if entities[Int(slots[slot])].id == id { return }
            slot = (slot + 1) & mask
        }
        slots[slot] = Int32(position)
        count += 1
    }

    /// Moves every position at or after `start` by `offset`.
    private mutating func shift(from start: Int, by offset: Int32) {
        let start = Int32(start)
        slots.withUnsafeMutableBufferPointer { slots in
            for slot in slots.indices where slots[slot] >= start { slots[slot] += offset }
        }
    }
}
