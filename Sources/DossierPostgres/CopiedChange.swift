#if PostgreSQL
import DossierCore

/// The change id of a change `dossier copy` brought into the database, and what it says about who made it. The role
/// column of such a change names who copied it in, not who made it; the role the source recorded (a database, or a
/// file that a database was copied into) goes with the id, so a copy keeps it without a column of its own and a program
/// from before reads the change as copied:
/// - `kopie-12`: the source recorded no role (a file's own change); the role column is who copied it;
/// - `kopie-12/rol=kees`: the source recorded that role kees made it;
/// - `kopie-12/gekopieerd=beheer`: the source recorded that role beheer copied it in there from a file.
enum CopiedChange {
    static let prefix = "kopie-"
    private static let madeBy = "/rol="
    private static let copiedBy = "/gekopieerd="

    /// The id for change `sequence`, with the role the source recorded for it.
    static func id(sequence: Int, recorded: RecordedRole?) -> String {
        let id = prefix + String(sequence)
        if let role = recorded?.role { return id + madeBy + role }
        if let copier = recorded?.copiedBy { return id + copiedBy + copier }
        return id
    }

    /// Who made a change with this id that the server recorded `databaseRole` for: that role for a change made
    /// here; for a copied one the role its source recorded, or else who copied it in.
    static func recordedRole(id: String, databaseRole: String) -> RecordedRole {
        guard id.hasPrefix(prefix) else { return RecordedRole(role: databaseRole) }
        // The number holds no "/": what follows the first one is what the source recorded.
        guard let separator = id.firstIndex(of: "/") else { return RecordedRole(copiedBy: databaseRole) }
        let recorded = id[separator...]
        if recorded.hasPrefix(madeBy) { return RecordedRole(role: String(recorded.dropFirst(madeBy.count))) }
        if recorded.hasPrefix(copiedBy) { return RecordedRole(copiedBy: String(recorded.dropFirst(copiedBy.count))) }
        return RecordedRole(copiedBy: databaseRole)
    }
}
#endif
