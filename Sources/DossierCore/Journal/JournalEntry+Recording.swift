extension JournalEntry {
    /// Applies `written` (as `Dossier.effective` makes it: an undo merged with a colleague's change since) to `dossier` and makes
    /// the entry that records it after entry `sequence`: the one way
    /// every storage (the file, a database) turns a change into a journal entry. A change that no longer holds
    /// is refused, naming a colleague's change among `recentOthers` that stands in the way.
    public static func recording(_ written: Change, in dossier: inout Dossier, after sequence: Int, lineage: String, previous: String,
                                 context: ChangeContext, recentOthers: [JournalEntry], dates: DateWriting,
                                 today: CalendarDate) throws(StoreError) -> (undo: Restoration, entry: JournalEntry) {
        guard sequence < Limits.journalSequence.upperBound else {
            throw .refused(ChangeError(.invalid, "het dossier heeft het hoogste wijzigingsnummer (\(Limits.grouped(sequence))) bereikt; er kan niets meer bij"))
        }
        let change: Change
        do {
            change = try dossier.effective(written)
        } catch {
            throw ColleagueConflict.refusal(error, of: written, recentOthers: recentOthers, dates: dates, today: today)
        }
        let summary = change.summary(in: dossier)
        let details = change.details(in: dossier)
        let undo: Restoration
        do {
            undo = try dossier.apply(change, context: context)
        } catch {
            throw ColleagueConflict.refusal(error, of: change, recentOthers: recentOthers, dates: dates, today: today)
        }
        let entry = JournalEntry(sequence: sequence + 1, lineage: lineage, previous: previous, timestamp: context.timestamp,
                                 actor: context.actor, today: context.today, summary: summary, details: details, subjects: change.subjects,
                                 event: .change(change))
        return (undo, entry)
    }
}

extension JournalEntry {
    /// Applies the change this entry wrote (`written`, brought up to date from the entry's format) to
    /// `dossier`, as every storage replays its log; a change that does not fit is a damaged log, named by
    /// `journal` and the entry's `line` in it.
    public func replaying(_ written: Change, into dossier: inout Dossier, journal: String, line: Int) throws(StoreError) -> Restoration {
        let change = SchemaMigrations.upgrade(written, from: formatVersion, in: dossier)
        var context = context
        context.isReplay = true
        do {
            return try dossier.apply(change, context: context)
        } catch {
            throw .damagedJournal(file: journal, damage: JournalFile.Damage(
                line: line, message: "wijziging \(sequence) (\(summary)) past niet op het dossier: \(error.message)"))
        }
    }
}
