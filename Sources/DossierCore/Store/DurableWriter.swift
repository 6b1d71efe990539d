/// Replaces a file so that, whatever happens, the path holds either the complete old content or the
/// complete new content: write a temporary file beside it, flush it to disk, rename it over the old
/// one, flush the directory. A new file is readable by its owner only; a replaced file keeps its owner's and
/// group's bits, never others' (`sharedMode`), and when it is shared with its group, that group.
public struct DurableWriter: Sendable {
    public let fileSystem: any FileSystem

    public init(fileSystem: any FileSystem) {
        self.fileSystem = fileSystem
    }

    /// Files created for the dossier: read and write for the owner, nothing for others (personal data).
    public static let ownerOnlyMode: UInt32 = 0o600

    /// The mode for a file that replaces or accompanies a file of `mode`: the group may keep read and write
    /// (a team shares a dossier through its group), others never get anything: it holds personal data.
    public static func sharedMode(following mode: UInt32?) -> UInt32 {
        ((mode ?? ownerOnlyMode) & 0o660) | 0o600
    }

    /// Errors name `path` (the file being saved), never the temporary file.
    public func replace(_ path: String, with bytes: [UInt8]) throws(FileSystemError) {
        try install(try prepare(path, with: bytes))
    }

    /// As `replace`, with exactly `mode` (for files the user names, such as an export's `-o`).
    public func replace(_ path: String, with bytes: [UInt8], mode: UInt32) throws(FileSystemError) {
        try install(try prepare(path, with: bytes, mode: mode))
    }

    /// For a cache beside the dossier that is checked before it is believed (the activity index: megabytes):
    /// whole or not at all, but not flushed to the disk. A crash may lose it or leave it cut off, which its
    /// reader's checks (length, checksum) catch.
    public func replaceUnflushed(_ path: String, with bytes: [UInt8], mode: UInt32) throws(FileSystemError) {
        try install(try prepare(path, with: bytes, mode: mode, flushing: false), flushing: false)
    }

    /// As `replaceUnflushed(_:with:mode:)`, for content made piece by piece (see `prepare(_:mode:writing:)`).
    func replaceUnflushed(_ path: String, mode: UInt32,
                          writing body: (_ write: ([UInt8]) throws(FileSystemError) -> Void) throws(FileSystemError) -> Void) throws(FileSystemError) {
        try install(try prepare(path, mode: mode, flushing: false, writing: body), flushing: false)
    }

    /// The first half of `replace`: the new content complete and flushed in a temporary file beside
    /// `path`, which is not touched yet. Safe on any thread; `install` or `discard` finishes it.
    public func prepare(_ path: String, with bytes: [UInt8], mode explicitMode: UInt32? = nil) throws(FileSystemError) -> PreparedReplacement {
        try prepare(path, with: bytes, mode: explicitMode, flushing: true)
    }

    private func prepare(_ path: String, with bytes: [UInt8], mode explicitMode: UInt32?, flushing: Bool) throws(FileSystemError) -> PreparedReplacement {
        try prepare(path, mode: explicitMode, flushing: flushing) { write throws(FileSystemError) in try write(bytes) }
    }

    /// As `prepare(_:with:)`, for content made piece by piece: `body` hands each piece to the `write` it gets, in
    /// order, so a large file (a snapshot) is never held whole in memory.
    public func prepare(_ path: String, mode explicitMode: UInt32? = nil,
                        writing body: (_ write: ([UInt8]) throws(FileSystemError) -> Void) throws(FileSystemError) -> Void)
        throws(FileSystemError) -> PreparedReplacement {
        try prepare(path, mode: explicitMode, flushing: true, writing: body)
    }

    private func prepare(_ path: String, mode explicitMode: UInt32?, flushing: Bool,
                         writing body: (_ write: ([UInt8]) throws(FileSystemError) -> Void) throws(FileSystemError) -> Void)
        throws(FileSystemError) -> PreparedReplacement {
        do throws(FileSystemError) {
            let existing = try fileSystem.status(path)
            let mode = explicitMode ?? DurableWriter.sharedMode(following: existing?.mode)
            let temporary = DurableWriter.temporaryPath(for: path)
            let descriptor = try fileSystem.createExclusive(temporary, mode: mode)
            // A file shared through its group keeps that group: made anew by one of the team, it would otherwise get that
            // person's own group, and after a merge the others could no longer read the dossier.
            if let existing, mode & 0o060 != 0 { fileSystem.changeGroup(temporary, to: existing.group) }
            do {
                try body { piece throws(FileSystemError) in try fileSystem.write(descriptor, piece, path: temporary) }
                if flushing { try fileSystem.synchronize(descriptor, path: temporary) }
                fileSystem.close(descriptor)
            } catch {
                fileSystem.close(descriptor)
                try? fileSystem.removeFile(temporary)
                throw error
            }
            return PreparedReplacement(path: path, temporary: temporary)
        } catch {
            throw FileSystemError(operation: "opslaan", path: path, code: error.code)
        }
    }

    /// The second half: the prepared content takes the place of the file, atomically and durably.
    public func install(_ prepared: PreparedReplacement) throws(FileSystemError) {
        try install(prepared, flushing: true)
    }

    private func install(_ prepared: PreparedReplacement, flushing: Bool) throws(FileSystemError) {
        do throws(FileSystemError) {
            do {
                try fileSystem.rename(prepared.temporary, to: prepared.path)
            } catch {
                try? fileSystem.removeFile(prepared.temporary)
                throw error
            }
            if flushing { try fileSystem.synchronizeDirectory(FilePath.directory(of: prepared.path)) }
        } catch {
            throw FileSystemError(operation: "opslaan", path: prepared.path, code: error.code)
        }
    }

    /// Drops a prepared replacement that is no longer wanted; the file keeps its content.
    public func discard(_ prepared: PreparedReplacement) {
        try? fileSystem.removeFile(prepared.temporary)
    }

    /// `.NAME.tmp-PID-COUNTER` beside the file; hidden, and recognisable for clean-up after a crash.
    static func temporaryPath(for path: String) -> String {
        let counter = TemporaryCounter.next()
        return FilePath.join(FilePath.directory(of: path), ".\(FilePath.name(of: path)).tmp-\(ProcessIdentity.id)-\(counter)")
    }

    /// Whether a name in the directory is a temporary file left behind for `path` by a crashed writer.
    public static func isLeftoverTemporary(_ name: String, for path: String) -> Bool {
        name.hasPrefix(".\(FilePath.name(of: path)).tmp-")
    }
}

/// New content for a file, flushed to disk in a temporary file beside it and waiting to be installed.
public struct PreparedReplacement: Sendable, Equatable {
    public let path: String
    let temporary: String
}
