extension DossierStore {
    /// Refuses a dossier file whose history folder already holds change `sequence` or one after it: the file stands
    /// before its own history. A merge puts the new snapshot in place before it archives the journal it folded in, and a
    /// restore numbers on after the highest change known, so that does not happen by itself: an older copy of the file
    /// was put back (a sync tool, a copy from a colleague or a USB stick) after a merge took the journal away. Writing on
    /// would give a change a number the log already has, and the next merge would put its history file over the one that
    /// holds the change that went. Checked when the dossier is read and before each change is written, whatever the file's
    /// lineage (an export, which has none, copied over the dossier is such a file too); the folder is listed again only
    /// when it changed. `whenReadable`: when reading, a history folder this user may not read is passed by (a colleague who
    /// may only read the dossier); a writer needs it anyway.
    func checkHistoryEnds(before sequence: Int, whenReadable: Bool = false) throws(StoreError) {
        let status: FileStatus?
        do throws(FileSystemError) {
            status = try fileSystem.status(files.history)
        } catch {
            if whenReadable { return }
            throw .fileSystem(error)
        }
        guard let status, status.isDirectory else { return }
        let folder = FileIdentity(status)
        if historyEnd?.folder != folder {
            do throws(StoreError) {
                historyEnd = (folder, try highestArchivedSequence())
            } catch {
                if whenReadable { return }
                throw error
            }
        }
        guard let highest = historyEnd?.sequence, highest >= sequence else { return }
        throw .behindHistory(file: path, sequence: sequence - 1, history: files.history, historySequence: highest)
    }
}
