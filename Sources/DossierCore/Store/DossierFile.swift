/// Turning a dossier file's bytes into a checked dossier, with located errors.
public enum DossierFile {
    /// Decodes and validates. `file` is only used in messages.
    public static func decode(_ bytes: [UInt8], file: String) throws(StoreError) -> Dossier {
        let dossier: Dossier
        do {
            dossier = try Dossier(decoding: bytes)
        } catch {
            let position = error.path == JSONPath([.key("schemaVersion")]) && error.offset == 0
                ? JSONReader.offset(of: error.path, in: bytes).map { TextPosition(offset: $0, in: bytes) }
                : TextPosition(offset: error.offset, in: bytes)
            throw .damaged(file: file, problem: LocatedProblem(position: position, path: error.path, message: error.message))
        }
        let problems = DossierValidator.problems(in: dossier)
        if !problems.isEmpty {
            throw .invalid(file: file, problems: problems.map { problem in
                let position = JSONReader.offset(of: problem.path, in: bytes).map { TextPosition(offset: $0, in: bytes) }
                return LocatedProblem(position: position, path: problem.path, message: problem.message)
            })
        }
        return dossier
    }
}
