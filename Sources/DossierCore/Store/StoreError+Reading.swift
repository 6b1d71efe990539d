extension StoreError {
    /// A read that failed, as the error to give: one the system refused for want of permission is not allowed
    /// (`notPermitted`), naming the file or the folder on the way to it that may not be read, its owner when known, and
    /// what to ask for; any other failure is the file system's.
    static func reading(_ error: FileSystemError, fileSystem: any FileSystem) -> StoreError {
        guard error.code == SystemErrorCode.accessDenied || error.code == SystemErrorCode.notPermitted else { return .fileSystem(error) }
        // A file that cannot even be looked at lies in a folder this user may not open: that folder is what to ask for.
        if let file = try? fileSystem.status(error.path) {
            let what = file.isDirectory ? "deze map" : "dit bestand"
            return .notPermitted(location: error.path, reason: "u hebt geen leesrechten op \(what) (\(giver(file)) kan ze geven)")
        }
        let folder = FilePath.directory(of: error.path)
        let status = try? fileSystem.status(folder)
        return .notPermitted(location: folder, reason: "u hebt geen leesrechten op deze map (\(status.map(giver) ?? "de eigenaar") kan ze geven)")
    }

    /// Who may give the rights on a file: its owner by name, when the system knows it.
    static func giver(_ status: FileStatus) -> String {
        SystemUser.name(of: status.owner).map { "de eigenaar, \($0)," } ?? "de eigenaar"
    }
}
