/// The dossier file on disk: loading it, and saving every change durably the moment it is made.
public final class DossierStore: Sendable {
    public let path: String
    public let fileSystem: any FileSystem

    public init(path: String, fileSystem: any FileSystem = PosixFileSystem()) {
        self.path = path
        self.fileSystem = fileSystem
    }

    /// Reads and checks the file. A damaged or invalid file is reported and left exactly as it is.
    public func load() throws(StoreError) -> Dossier {
        let bytes: [UInt8]
        do {
            bytes = try fileSystem.readFile(path)
        } catch {
            if error.code == SystemErrorCode.noSuchFile { throw .missing(file: path) }
            throw .fileSystem(error)
        }
        return try DossierFile.decode(bytes, file: path)
    }

    /// Writes the whole dossier durably (temporary file, fsync, rename, fsync of the directory).
    public func save(_ dossier: Dossier) throws(StoreError) {
        do {
            try DurableWriter(fileSystem: fileSystem).replace(path, with: dossier.encoded())
        } catch {
            throw .fileSystem(error)
        }
    }

    /// Applies a change and saves it. When the change is refused or cannot be saved, the dossier in
    /// memory is put back as it was and the error says why.
    /// - Returns: the restoration that undoes the change.
    @discardableResult
    public func commit(_ change: Change, to dossier: inout Dossier, context: ChangeContext) throws(StoreError) -> Restoration {
        let undo: Restoration
        do {
            undo = try dossier.apply(change, context: context)
        } catch {
            throw .refused(error)
        }
        do {
            try save(dossier)
        } catch {
            // Put back exactly what was there; the restoration of a state we just left always applies.
            _ = try? dossier.apply(.restore(undo), context: context)
            throw error
        }
        return undo
    }
}
