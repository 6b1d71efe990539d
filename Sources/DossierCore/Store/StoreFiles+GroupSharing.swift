/// A dossier a team shares through its group (its mode gives the group access): the files and folders beside it
/// follow it, with its group and its group bits, so that every colleague can read and write them. A folder with the
/// setgid bit gives new files its group by itself; this is for one without, and for files made before the dossier
/// was shared.
extension StoreFiles {
    /// Gives `file`, just made beside a dossier shared with its group, the dossier's group. Without that it has its
    /// maker's own group, and a colleague could not write the journal or lock, or read the backups or indexes.
    func shareWithSnapshotGroup(_ file: String, fileSystem: any FileSystem) {
        guard let snapshot = try? fileSystem.status(snapshot), snapshot.mode & 0o060 != 0,
              let status = try? fileSystem.status(file), status.group != snapshot.group else { return }
        fileSystem.changeGroup(file, to: snapshot.group)
    }

    /// Gives the files and folders beside the dossier that this user owns the dossier's group and its group bits, as
    /// ones made now get them (`DossierStore.companionMode`, `directoryMode`), when the dossier is shared with its
    /// group. A dossier shared after its journal, lock or backups were made (chgrp and chmod on the dossier alone) would
    /// otherwise keep its colleagues out of them for good: only their owner may change them. Bits are only added.
    /// The backups and archived journals in a folder go with it when the folder itself was not shared yet (they were
    /// made before the dossier was shared), and with `inFolders` always (at a compaction, which writes there anyway).
    func shareOwnFilesWithSnapshotGroup(fileSystem: any FileSystem, inFolders: Bool) {
        guard let snapshot = try? fileSystem.status(snapshot), snapshot.kind == .regular, snapshot.mode & 0o060 != 0 else { return }
        for file in [journal, lock, compactionLock, sideIndex, activityIndex] {
            share(file, like: snapshot, fileSystem: fileSystem)
        }
        for folder in [backups, history] where share(folder, like: snapshot, fileSystem: fileSystem) || inFolders {
            for name in (try? fileSystem.contentsOfDirectory(folder)) ?? [] {
                share(FilePath.join(folder, name), like: snapshot, fileSystem: fileSystem)
            }
        }
    }

    /// Gives `path`, when this user owns it, the group of `snapshot` and its group bits (a folder's: all three when the
    /// group may read and write the snapshot). Whether it had to.
    @discardableResult
    private func share(_ path: String, like snapshot: FileStatus, fileSystem: any FileSystem) -> Bool {
        guard let status = try? fileSystem.status(path), SystemUser.isSelf(status.owner) else { return false }
        let bits: UInt32
        switch status.kind {
        case .regular: bits = snapshot.mode & 0o060
        case .directory: bits = snapshot.mode & 0o060 == 0o060 ? 0o070 : 0
        case .symbolicLink, .special: return false
        }
        let regroup = status.group != snapshot.group, widen = status.mode & bits != bits
        if regroup { fileSystem.changeGroup(path, to: snapshot.group) }
        if widen { fileSystem.changeMode(path, to: status.mode | bits) }
        return regroup || widen
    }
}
