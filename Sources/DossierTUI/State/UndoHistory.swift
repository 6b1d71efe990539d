import DossierCore

/// The changes of this session that can be undone, and the undone ones that can be redone.
/// Undoing is itself a change (a restoration), so the file's history is never rewritten.
public struct UndoHistory: Hashable, Sendable {
    public struct Entry: Hashable, Sendable {
        public var label: String
        public var restoration: Restoration
        /// Who took away a record this step changes since it was made (what has its id now is another record, or nothing).
        public var removedBy: String?
    }

    public private(set) var undoable: [Entry] = []
    public private(set) var redoable: [Entry] = []

    public init() {}

    /// A new change was made: it can be undone, and what was undone before can no longer be redone.
    public mutating func recordChange(_ restoration: Restoration) {
        undoable.append(Entry(label: restoration.label, restoration: restoration))
        redoable.removeAll()
    }

    /// The last change was undone; applying `inverse` redoes it.
    public mutating func recordUndo(inverse: Restoration) {
        guard let entry = undoable.popLast() else { return }
        redoable.append(Entry(label: entry.label, restoration: inverse))
    }

    /// A colleague's change took these records away: the steps that change one of them would act on what has the id now
    /// (nothing, or another record made with the same name), and are refused when their turn comes.
    public mutating func noteRemoved(_ records: [RemovedRecord], by actor: String) {
        Self.mark(&undoable, changing: records, removedBy: actor)
        Self.mark(&redoable, changing: records, removedBy: actor)
    }

    /// A colleague's undo or redo put these records back as they were: the steps refused for their removal (`noteRemoved`)
    /// meet the same records again.
    public mutating func noteRestored(_ records: [RemovedRecord]) {
        Self.mark(&undoable, changing: records, removedBy: nil)
        Self.mark(&redoable, changing: records, removedBy: nil)
    }

    /// Sets who removed what the entries changing one of `records` change (nil: nobody), where it is not so already (a
    /// first removal keeps its name).
    private static func mark(_ entries: inout [Entry], changing records: [RemovedRecord], removedBy actor: String?) {
        for place in entries.indices where (entries[place].removedBy == nil) != (actor == nil) && records.contains(where: entries[place].restoration.changes) {
            entries[place].removedBy = actor
        }
    }

    /// The last change cannot be undone any more (a colleague changed what it changed since): it leaves the list,
    /// so the changes before it can still be undone, each checked in its turn.
    public mutating func dropLastUndoable() {
        _ = undoable.popLast()
    }

    /// The last undone change needs no redoing any more (what it set is there again, by another hand): it leaves the list.
    public mutating func dropLastRedoable() {
        _ = redoable.popLast()
    }

    /// The last undone change was redone; applying `inverse` undoes it again.
    public mutating func recordRedo(inverse: Restoration) {
        guard let entry = redoable.popLast() else { return }
        undoable.append(Entry(label: entry.label, restoration: inverse))
    }
}
