import ArgumentParser
import DossierCore

/// Exit codes, after sysexits.h: a script can tell a typo from bad data from a full disk.
enum ExitStatus {
    /// Wrong use of the command: an unknown option, a bad date or amount (also what ArgumentParser uses).
    static let usage: Int32 = 64
    /// The data says no: a damaged or invalid file, an unknown id, a change the rules refuse.
    static let dataError: Int32 = 65
    /// The dossier file does not exist.
    static let noInput: Int32 = 66
    /// The database server cannot be reached.
    static let unavailable: Int32 = 69
    /// The file system failed: disk full, no permission, read-only.
    static let ioError: Int32 = 74
    /// Someone else holds the dossier; try again.
    static let temporaryFailure: Int32 = 75
    /// Not allowed: a database role that may only read, a file or folder this user may not read or write.
    static let notPermitted: Int32 = 77
    /// A mistake in the program itself, caught before it did harm.
    static let software: Int32 = 70
}

/// Prints `message` on stderr as `dossier: message` and gives the exit code to throw.
func failure(_ message: String, code: Int32) -> ExitCode {
    Output.error("dossier: " + message)
    return ExitCode(code)
}

/// How the running command gives fields a refusal may name ("overrideReason" → "geef die met --override-reason"): a
/// refusal about such a field says it. Set by the commands that have such options.
nonisolated(unsafe) var refusalOptions: [String: String] = [:]

/// The hints of a command that approves (`move`, `add-activity`, `log-visit`), for the options not given: a refusal of
/// what was given says so itself.
func hintApprovalOptions(overrideReason: String?, decision: String?) {
    refusalOptions = [:]
    if overrideReason == nil { refusalOptions["overrideReason"] = "geef die met --override-reason" }
    if decision == nil { refusalOptions["decision"] = "geef die met --decision" }
}

/// The exit status a store error ends a command with (`failure`).
func exitStatus(of error: StoreError) -> Int32 {
    switch error {
    case .missing, .dossierMissing, .snapshotMissing: ExitStatus.noInput
    // Not a disk that failed: a permission this user lacks, which the owner can give.
    case .fileSystem(let failure) where [SystemErrorCode.accessDenied, SystemErrorCode.notPermitted].contains(failure.code): ExitStatus.notPermitted
    case .fileSystem: ExitStatus.ioError
    case .damaged, .notADossier, .invalid, .refused, .damagedJournal, .foreignJournal, .newerVersion, .newerSnapshot, .behindHistory: ExitStatus.dataError
    case .busy, .changedOnDisk: ExitStatus.temporaryFailure
    case .readOnly, .badSetting, .targetTaken, .notBuiltIn: ExitStatus.usage
    case .unavailable, .outcomeUnknown: ExitStatus.unavailable
    case .notPermitted: ExitStatus.notPermitted
    case .partOfDossier: ExitStatus.software
    }
}

/// The exit for a store error, after printing its message.
func failure(_ error: StoreError) -> ExitCode {
    if case .refused(let refusal) = error, let field = refusal.field, let option = refusalOptions[field], !refusal.message.contains(option) {
        return failure("\(refusal.message) (\(option))", code: ExitStatus.dataError)
    }
    return failure(error.description, code: exitStatus(of: error))
}
