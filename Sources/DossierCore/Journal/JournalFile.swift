/// Reading a journal, or the part of one that was added since it was last read.
///
/// Every line is `{"crc":"XXXXXXXX","entry":{…}}`: the checksum covers the exact bytes of the entry, so a line
/// is complete exactly when it ends in a line break and its checksum matches. A last line without its line break
/// is a crash (or a colleague) in the middle of an append: it is left out, and only a writer holding the lock cuts
/// it off — unless it is a whole entry (its frame and checksum right, continuing the one before): its line break
/// alone is missing (an editor that drops the last one), and the writer holding the lock ends the line instead, so a
/// change that was confirmed is kept. A line with its line break that does not match or decode is damage, wherever it is. A complete line written by a newer
/// version of the program stops the reading there: what comes before it is used, nothing after it, and the
/// store will not write (`newerVersion`). An empty line, and a carriage return before a line break (an editor on
/// Windows), change nothing.
public struct JournalFile: Sendable {
    public var entries: [JournalEntry]
    /// The checksum of each entry's line, in the same order (what the next entry names as `previous`).
    public var checksums: [String]
    /// The line number of each entry, in the same order: empty lines an editor left count, so a message names the line
    /// an editor shows.
    public var entryLines: [Int] = []
    /// Bytes up to the end of the last complete line that was read.
    public var validLength: Int
    /// The lines up to there, empty ones included: where the next read's line numbers go on.
    public var lineCount = 0
    /// Where that last complete line starts (nil: there is none).
    public var lastLineStart: Int? = nil
    /// The last line was incomplete or did not match its checksum: a crash during an append.
    public var hasTornTail: Bool
    /// That last line, without its line break, is a whole entry (with its line's checksum) that continues the ones read
    /// before it: only its line break is missing. Left out all the same, until a writer holding the lock ends the line.
    public var unendedEntry: (entry: JournalEntry, checksum: String)? = nil
    /// The schemaVersion of a line from a newer program, where reading stopped.
    public var newerVersion: Int? = nil

    /// A damaged line.
    public struct Damage: Error, Sendable, CustomStringConvertible {
        public var line: Int
        public var message: String
        public var description: String { "regel \(line): \(message)" }

        public init(line: Int, message: String) {
            self.line = line
            self.message = message
        }
    }

    /// `firstLine`: the number of the first line in `bytes`, when they are the rest of a journal read before.
    public static func parse(_ bytes: [UInt8], firstLine: Int = 1) throws(Damage) -> JournalFile {
        var file = JournalFile(entries: [], checksums: [], validLength: 0, lastLineStart: nil, hasTornTail: false, newerVersion: nil)
        var start = 0
        var lineNumber = firstLine - 1
        while start < bytes.count {
            lineNumber += 1
            guard let newline = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) else {
                // No line break: the append never finished, or only its line break is gone.
                file.hasTornTail = true
                file.unendedEntry = file.wholeEntry(continuing: bytes[start...])
                return file
            }
            guard let line = entryLine(bytes[start..<newline]) else {
                start = newline + 1
                file.validLength = start
                file.lineCount += 1
                continue
            }
            let body: ArraySlice<UInt8>, checksum: String
            switch framedBody(line) {
            case .success(let framed): (body, checksum) = framed
            case .failure(let problem):
                // A line is written in one go with its line break last, so an append cut short by a crash leaves no line
                // break: that case returned above. A line that has its line break but not its frame or checksum was
                // changed afterwards, also the last one: damage, said and kept, never cut off as a torn append.
                throw Damage(line: lineNumber, message: problem.message)
            }
            if let version = schemaVersion(of: body), version > Dossier.currentSchemaVersion {
                file.newerVersion = version
                return file
            }
            let entry: JournalEntry
            do {
                entry = try JSONReader.read(Array(body)) { (reader: inout JSONReader) throws(JSONError) in try JournalEntry(reading: &reader) }
            } catch {
                throw Damage(line: lineNumber, message: "\(error.path == .root ? "" : "\(error.path): ")\(error.message)")
            }
            if let previous = file.entries.last, entry.sequence != previous.sequence + 1 {
                throw Damage(line: lineNumber, message: "volgnummer \(entry.sequence) volgt niet op \(previous.sequence)")
            }
            if let previous = entry.previous, let before = file.checksums.last, previous != before {
                throw Damage(line: lineNumber, message: "wijziging \(entry.sequence) volgt niet op de regel ervoor (controlegetal \(previous), verwacht \(before))")
            }
            file.entries.append(entry)
            file.checksums.append(checksum)
            file.entryLines.append(lineNumber)
            // Where the entry's frame begins (after a byte-order mark an editor put first): the next write checks it is still there.
            file.lastLineStart = line.startIndex
            start = newline + 1
            file.validLength = start
            file.lineCount += 1
        }
        return file
    }

    /// `line` (the rest of the file, without a line break) as a whole entry of this program that continues the entries
    /// read before it; nil when it is not one. (Read from the middle of a journal, whether it continues what the reader
    /// holds is the reader's to check.)
    private func wholeEntry(continuing line: ArraySlice<UInt8>) -> (entry: JournalEntry, checksum: String)? {
        guard let line = JournalFile.entryLine(line), case .success(let (body, checksum)) = JournalFile.framedBody(line),
              (JournalFile.schemaVersion(of: body) ?? 0) <= Dossier.currentSchemaVersion,
              let entry = try? JSONReader.read(Array(body), { (reader: inout JSONReader) throws(JSONError) in try JournalEntry(reading: &reader) })
        else { return nil }
        if let previous = entries.last, entry.sequence != previous.sequence + 1 { return nil }
        if let previous = entry.previous, let before = checksums.last, previous != before { return nil }
        return (entry, checksum)
    }

    /// A line (without its line break) as an entry's line: without a carriage return before the break or a byte-order mark
    /// at its start (an editor on Windows: Notepad saves UTF-8 with one before the first line); nil for an empty line, which
    /// is nothing. Every reader of a journal's lines goes through this; the slice keeps the indices of `line`.
    static func entryLine(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8>? {
        var start = line.startIndex, end = line.endIndex
        if line.starts(with: [0xEF, 0xBB, 0xBF]) { start += 3 }
        if end > start, line[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        let trimmed = line[start..<end]
        return trimmed.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\r") }) ? nil : trimmed
    }

    private static let prefix = Array(#"{"crc":""#.utf8)
    private static let middle = Array(#"","entry":"#.utf8)

    private struct Unframed: Error {
        var message: String
    }

    /// The entry's bytes of a complete line, when its frame is right and its checksum matches.
    private static func framedBody(_ line: ArraySlice<UInt8>) -> Result<(ArraySlice<UInt8>, String), Unframed> {
        let start = line.startIndex
        let bodyStart = start + prefix.count + 8 + middle.count
        guard line.count > bodyStart - start + 1, line.last == UInt8(ascii: "}"),
              line[start..<start + prefix.count].elementsEqual(prefix),
              line[start + prefix.count + 8..<bodyStart].elementsEqual(middle) else {
            return .failure(Unframed(message: "geen journaalregel (verwacht {\"crc\":…,\"entry\":…})"))
        }
        let checksum = String(decoding: line[start + prefix.count..<start + prefix.count + 8], as: UTF8.self)
        let body = line[bodyStart..<line.endIndex - 1]
        guard CRC32.isValidHex(checksum), checksum == CRC32.hex(CRC32.checksum(body)) else {
            return .failure(Unframed(message: "controlegetal klopt niet (de regel is beschadigd)"))
        }
        return .success((body, checksum))
    }

    private static let versionKey = Array(#""schemaVersion":"#.utf8)

    /// The schemaVersion an entry names (`{"seq":N,"schemaVersion":V,…`), read before the entry is decoded:
    /// a newer program's entry may not decode at all.
    private static func schemaVersion(of body: ArraySlice<UInt8>) -> Int? {
        let window = body.prefix(64)
        guard let found = window.indices.first(where: { window[$0...].starts(with: versionKey) }) else { return nil }
        var value = 0
        var index = found + versionKey.count
        while index < window.endIndex, (48...57).contains(window[index]), value < 1_000_000 {
            value = value * 10 + Int(window[index] - 48)
            index += 1
        }
        return index == found + versionKey.count ? nil : value
    }
}
