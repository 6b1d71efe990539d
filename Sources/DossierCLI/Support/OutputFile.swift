import DossierCore

/// Writing a command's result to `-o FILE` (durably, owner-only for a new file) or to stdout.
enum OutputFile {
    static func write(_ bytes: [UInt8], to path: String?) throws {
        guard let path else {
            Output.document(bytes)
            return
        }
        do {
            try DurableWriter(fileSystem: PosixFileSystem()).replace(path, with: bytes)
        } catch {
            throw failure(.fileSystem(error))
        }
    }
}
