/// A snapshot kept in the backups folder: `NAME-YYYYMMDDTHHMMSSZ-SEQUENCE.json`, the moment of the
/// compaction that replaced it and the last journal entry it contains.
public struct Backup: Hashable, Sendable {
    public var name: String
    public var path: String
    public var timestamp: Timestamp
    public var sequence: Int
    public var size: Int64 = 0

    public init(name: String, path: String, timestamp: Timestamp, sequence: Int, size: Int64) {
        self.name = name
        self.path = path
        self.timestamp = timestamp
        self.sequence = sequence
        self.size = size
    }

    /// The name of a backup of snapshot `snapshotName` replaced at `moment`, holding changes up to `sequence`.
    public static func name(snapshotName: String, at moment: Timestamp, sequence: Int) -> String {
        let number = String(sequence)
        return "\(stem(snapshotName))-\(stamp(moment))-\(String(repeating: "0", count: max(0, 9 - number.count)))\(number).json"
    }

    init?(name: String, directory: String, snapshotName: String) {
        let prefix = Backup.stem(snapshotName) + "-"
        guard name.hasPrefix(prefix), name.hasSuffix(".json") else { return nil }
        let parts = name.dropFirst(prefix.count).dropLast(5).split(separator: "-")
        guard parts.count == 2, let sequence = Int(parts[1]), let timestamp = Backup.timestamp(stamp: parts[0]) else { return nil }
        self.name = name
        path = FilePath.join(directory, name)
        self.timestamp = timestamp
        self.sequence = sequence
    }

    /// The moment a name's stamp ("20261206T021704Z") writes; nil for anything else.
    static func timestamp(stamp: Substring) -> Timestamp? {
        guard stamp.count == 16 else { return nil }
        let stamp = Array(stamp)
        let iso = "\(String(stamp[0..<4]))-\(String(stamp[4..<6]))-\(String(stamp[6..<8]))T\(String(stamp[9..<11])):\(String(stamp[11..<13])):\(String(stamp[13..<15]))Z"
        return Timestamp(iso: iso)
    }

    /// The backup `name` refers to: that one, or, after the dossier was copied (`dossier copy` names the backups after the
    /// copy's file, a database after itself), the one holding as many changes made at the same moment (within two minutes: a
    /// copy may round the second), so that a restore the log names, and an undo after it, still find it. Nil when none is.
    public static func named(_ name: String, among backups: [Backup]) -> Backup? {
        if let exact = backups.first(where: { $0.name == name }) { return exact }
        guard name.hasSuffix(".json") else { return nil }
        let parts = name.dropLast(5).split(separator: "-")
        guard parts.count >= 3, let sequence = Int(parts[parts.count - 1]), let moment = timestamp(stamp: parts[parts.count - 2]) else { return nil }
        func distance(_ backup: Backup) -> Int64 { abs(backup.timestamp.secondsSinceEpoch - moment.secondsSinceEpoch) }
        let numbered = backups.filter { $0.sequence == sequence }
        // The only one with that number, whatever its moment (a database stamps them by its server's clock, its names by the
        // computer's), or else the nearest in time.
        if numbered.count == 1 { return numbered[0] }
        return numbered.filter { distance($0) <= 120 }.min { distance($0) < distance($1) }
    }

    /// The snapshot's name without ".json": what the names of the files kept beside its backups begin with.
    static func stem(_ snapshotName: String) -> String {
        snapshotName.hasSuffix(".json") ? String(snapshotName.dropLast(5)) : snapshotName
    }

    /// A moment as file names in the backups and history folders write it: "20261206T021704Z".
    static func stamp(_ moment: Timestamp) -> String {
        moment.iso.filter { $0.isNumber || $0 == "T" || $0 == "Z" }
    }
}
