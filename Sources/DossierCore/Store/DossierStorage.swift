/// What a screen needs of the place the dossier is kept: changes saved the one way, others' changes taken
/// in, the log, a reload, and compaction in two halves so that no key waits for it.
public protocol ChangeSession: AnyObject {
    /// Applies the change to the dossier in place and saves it, or leaves the dossier as it was and says why.
    @discardableResult
    func commit(_ change: Change, to dossier: inout Dossier, context: ChangeContext) throws(StoreError) -> Restoration
    /// Every change ever recorded, oldest first.
    func history() throws(StoreError) -> [JournalEntry]
    /// Reads the dossier again.
    func load() throws(StoreError) -> Dossier
    /// Applies what others wrote since this session last looked (also what `commit` applied before its
    /// own change); `.changedOnDisk` when the dossier was replaced in a way that cannot be followed.
    func refresh(_ dossier: inout Dossier) throws(StoreError) -> [OthersChange]
    /// The others' changes `commit` applied before its own, not yet taken.
    func takeOthersChanges() -> [OthersChange]
    /// What the user should know about the last load or save.
    var notices: [String] { get }

    /// Whether the journal has grown enough to rewrite the snapshot. A screen then compacts in three
    /// steps so that no key waits for it: `snapshotWrite` here, its `run()` on another thread, and
    /// `finishCompaction` back here.
    var needsCompaction: Bool { get }
    func snapshotWrite(of dossier: Dossier) -> SnapshotWrite?
    /// False when changes were made meanwhile: the written snapshot is dropped, try again later.
    func finishCompaction(_ written: WrittenSnapshot, at moment: Timestamp) throws(StoreError) -> Bool
    func discard(_ written: WrittenSnapshot)
}

/// Where a dossier is kept — a JSON file with its journal (`DossierStore`), or a database — as every front
/// end uses it: the same model everywhere, an append-only log of changes and a compacted snapshot, written
/// by many at once.
public protocol DossierStorage: ChangeSession {
    /// For messages: the file's path, or the database's address (never with a password).
    var location: String { get }
    var configuration: StoreConfiguration { get }
    /// Whether this storage was opened for writing (and may write).
    var isWritable: Bool { get }
    /// The number of the last change in the dossier.
    var sequence: Int { get }
    /// The summary of the last change committed through this storage.
    var lastSummary: String? { get }
    /// Whether `commit` compacts when the log passes the threshold (a screen compacts in the background).
    var compactsAfterCommit: Bool { get set }
    /// Whether there are changes not yet in the snapshot.
    var hasJournal: Bool { get }

    /// Makes this storage one that writes, as `actor`. Nothing is locked until a change is made.
    func openForWriting(actor: String) throws(StoreError)
    /// Previous snapshots, newest first.
    func backups() throws(StoreError) -> [Backup]
    /// Replaces the dossier by a backup; works also when the current dossier (`current` nil) cannot be loaded.
    func restore(backup name: String, current: Dossier?, context: ChangeContext) throws(StoreError) -> Dossier
    /// Rewrites the snapshot now (when nobody else is at it).
    func compact(_ dossier: Dossier, at moment: Timestamp) throws(StoreError)
    /// Ends a session: compacts when there are changes not in the snapshot.
    func close(_ dossier: Dossier?, at moment: Timestamp) throws(StoreError)
    /// What the start screen and `dossier relations` show, without loading the dossier, when the storage
    /// keeps it and it is current (the file store's side index); nil: load the dossier.
    func listIndex() -> ListIndex?
    /// Brings that up to date for `dossier`, the dossier as this storage holds it now; nil when there is
    /// nothing to write. The job may run on another thread.
    func listIndexWrite(of dossier: Dossier) -> ListIndexWrite?
    /// The relations without the activities, for a change to relations alone (`RelationsDossier`), when the
    /// storage can vouch for them so read; nil: load the whole dossier.
    func loadRelations() throws(StoreError) -> RelationsDossier?
    /// The same, with what adding an activity needs of the others (`ActivityTally`); nil: load the whole dossier.
    func loadForAddingActivity() throws(StoreError) -> RelationsDossier?
    /// The same, with the one activity named `typed` (its id or its title) read whole for a change to it alone (and
    /// with `withBudget` the budget of all activities); nil: load the whole dossier.
    func loadForChangingActivity(_ typed: String, withBudget: Bool) throws(StoreError) -> RelationsDossier?
    /// The same for a relation or an activity (`edit`, `add-link`, `remove-link`): the activity read whole, or, for the
    /// id of a relation and of no activity, or a name only one relation and no activity answers to, the relations
    /// with the activities' tally; nil: load the whole dossier.
    /// `withBudget`: an activity read with the budget of all activities, for weighing what an edit does to it.
    func loadForChangingSubject(_ typed: String, withBudget: Bool) throws(StoreError) -> RelationsDossier?
    /// Saves a change to relations alone, an added activity, or a change to (or the deletion of) the one activity read, made on `relations`; nil, with nothing written, when it must be made
    /// on the whole dossier after all (see `DossierStore.commit(_:to:context:)`).
    func commit(_ change: Change, to relations: inout RelationsDossier, context: ChangeContext) throws(StoreError) -> Restoration?
    /// After a change made on `read` could not be saved so and the whole dossier was loaded to save it there: takes the
    /// changes others wrote since `read` was read as the ones a refusal names ("botst met de wijziging van …"), as
    /// they would be had the whole dossier been read then and caught up now.
    func rememberOthers(since read: RelationsDossier)
    /// The activities as a listing needs them, without building the dossier (`ActivityListing`), when the
    /// storage can vouch for them so read; nil: load the whole dossier.
    func activityListing() throws(StoreError) -> ActivityListing?
    /// The relation or activity named `typed` (as `NameLookup.subject` finds it on the whole dossier), with a
    /// dossier that holds what its record shows, when the storage can vouch for that so read; nil: load the
    /// whole dossier.
    func loadForShowing(_ typed: String) throws(StoreError) -> (subject: NameLookup.Subject, dossier: Dossier)?
    /// The budget of every line and year, with a dossier that holds the budget lines and the framework (not all
    /// activities), when the storage can vouch for that so read; nil: load the whole dossier.
    func loadForBudget() throws(StoreError) -> (dossier: Dossier, ledger: BudgetLedger)?
    /// A dossier whose budget of `year` (`BudgetLedger`, with the activities that count) is the whole dossier's,
    /// holding the budget lines and only what the budget reads of that year's activities, when the storage can
    /// vouch for that so read; nil: load the whole dossier.
    func loadForBudget(year: Int) throws(StoreError) -> Dossier?
    /// The activity named `typed` (as `NameLookup.activity` finds it on the whole dossier), with a dossier that holds
    /// the relations and it and the budget of all activities, for weighing it without saving, when the storage can
    /// vouch for that so read; nil: load the whole dossier.
    func loadForWeighing(_ typed: String) throws(StoreError) -> (activity: Activity, dossier: Dossier, ledger: BudgetLedger)?
    /// A dossier whose agenda of the days `from` … `to` (`Agenda.window`) is the whole dossier's, holding the
    /// relations and only what that agenda reads of the activities it shows, when the storage can vouch for that
    /// so read; nil: load the whole dossier.
    func loadForAgenda(from: CalendarDate?, to: CalendarDate?, today: CalendarDate) throws(StoreError) -> Dossier?
    /// A dossier whose reminders up to `horizon` on `today` (`Reminder.all`) are the whole dossier's, holding the
    /// relations and only what the agenda reads of the activities with an open follow-up due by then or an outcome due,
    /// when the storage can vouch for that so read; nil: load the whole dossier.
    func loadForReminders(until horizon: CalendarDate, today: CalendarDate) throws(StoreError) -> Dossier?
    /// The relations and of each activity its id, title and start date, in which `NameLookup` finds, or refuses, what
    /// the whole dossier finds or refuses, when the storage can vouch for that so read; nil: load the whole dossier.
    func loadForNaming() throws(StoreError) -> NameCatalog?
}

extension DossierStorage {
    public func listIndex() -> ListIndex? { nil }
    public func listIndexWrite(of dossier: Dossier) -> ListIndexWrite? { nil }
    public func loadRelations() throws(StoreError) -> RelationsDossier? { nil }
    public func loadForAddingActivity() throws(StoreError) -> RelationsDossier? { nil }
    public func loadForChangingActivity(_ typed: String, withBudget: Bool) throws(StoreError) -> RelationsDossier? { nil }
    public func loadForChangingSubject(_ typed: String, withBudget: Bool) throws(StoreError) -> RelationsDossier? { nil }
    public func commit(_ change: Change, to relations: inout RelationsDossier, context: ChangeContext) throws(StoreError) -> Restoration? { nil }
    public func rememberOthers(since read: RelationsDossier) {}
    public func activityListing() throws(StoreError) -> ActivityListing? { nil }
    public func loadForShowing(_ typed: String) throws(StoreError) -> (subject: NameLookup.Subject, dossier: Dossier)? { nil }
    public func loadForBudget() throws(StoreError) -> (dossier: Dossier, ledger: BudgetLedger)? { nil }
    public func loadForBudget(year: Int) throws(StoreError) -> Dossier? { nil }
    public func loadForWeighing(_ typed: String) throws(StoreError) -> (activity: Activity, dossier: Dossier, ledger: BudgetLedger)? { nil }
    public func loadForAgenda(from: CalendarDate?, to: CalendarDate?, today: CalendarDate) throws(StoreError) -> Dossier? { nil }
    public func loadForReminders(until horizon: CalendarDate, today: CalendarDate) throws(StoreError) -> Dossier? { nil }
    public func loadForNaming() throws(StoreError) -> NameCatalog? { nil }
}

/// Writing a storage's list index, as a job for any thread.
public struct ListIndexWrite: Sendable {
    let work: @Sendable (_ isStopped: () -> Bool) -> Void
    private let stopped = StopSignal()

    public init(_ work: @escaping @Sendable () -> Void) {
        self.work = { _ in work() }
    }

    /// A job with a long part that ends early once `stop()` is called (asking `isStopped` as it goes); it must
    /// still leave correct files behind.
    public init(stoppable work: @escaping @Sendable (_ isStopped: () -> Bool) -> Void) {
        self.work = work
    }

    public func run() { work { stopped.isSet } }

    /// Asks a running job to end as soon as it can (a screen that is closing waits for it).
    public func stop() { stopped.set() }
}

extension DossierStore: DossierStorage {
    public var location: String { path }
}
