/// What an earlier export held that this one does not: a calendar that imports the newer file keeps such an item as it
/// was (RFC 5545 has no removal by leaving out), so an activity deleted, undated or no longer approved, a follow-up
/// removed or undated and a relation deleted would stay in it. Given the earlier export (the file `-o` is about to
/// replace), every item of this program's in it that the new export lacks is sent again as cancelled, newer than before.
///
/// The earlier file is read as untrusted: only an export of this program (its PRODID among the first lines), only whole
/// items of its own kinds (an event or a task, nothing nested, one UID of this program's, a day that reads), each UID
/// once, and of each only the properties this program writes that say what and when. A file that is none gives nothing.
extension ICalendar {
    /// How long an item called off stays in later exports after its day: long enough for every calendar that imported
    /// the file to have taken the cancellation in.
    static let cancelledItemsKeptDays = 366

    /// A larger file is no export of a dossier (one of 100.000 activities is ± 60 MB): not read as one.
    public static let previousExportLimit = 128 * 1_024 * 1_024

    /// The properties of an item carried into its cancellation: what it was and when, enough for a calendar to find it
    /// and show it called off. Not its description or place: those may name people (a delegation's leader, a note), and
    /// what was deleted from the dossier should not go out again for a year. The stamp, the sequence and the status are
    /// made anew.
    private static let carriedProperties: Set<String> = ["UID", "DTSTART", "DTEND", "DUE", "SUMMARY", "CATEGORIES", "RELATED-TO", "TRANSP"]

    /// An item (`VEVENT`, `VTODO`) of an earlier export: its kind, UID, day, sequence and carried lines, unfolded.
    struct PreviousItem: Equatable {
        var kind: String
        var uid: String
        var day: CalendarDate
        var sequence: Int
        var lines: [String]
    }

    /// What a file `-o` would replace is, by its opening: a calendar (and whether this program exported it), or other.
    enum Opening {
        case ownExport, otherCalendar, other
    }

    static func opening(of bytes: [UInt8]) -> Opening {
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let head = String(decoding: bytes[start..<min(bytes.count, start + 512)], as: UTF8.self)
        guard head.hasPrefix("BEGIN:VCALENDAR\r\n") || head.hasPrefix("BEGIN:VCALENDAR\n") else { return .other }
        // (Byte by byte: as `Character`s, "\r\n" is one, and holds no "\n" to find.)
        let isOwn = head.utf8.firstRange(of: ("\n" + productLine + "\r\n").utf8) != nil || head.utf8.firstRange(of: ("\n" + productLine + "\n").utf8) != nil
        return isOwn ? .ownExport : .otherCalendar
    }

    /// Whether `bytes` are a calendar another program wrote (Outlook's, Google's): an export must not replace it.
    public static func isOtherProgramsCalendar(_ bytes: [UInt8]) -> Bool {
        opening(of: bytes) == .otherCalendar
    }

    /// The items of `bytes` when they are an export of this program; nothing from any other file.
    static func previousItems(in bytes: [UInt8]) -> [PreviousItem] {
        // Recognised by its opening before anything else is done with it.
        guard bytes.count <= previousExportLimit, opening(of: bytes) == .ownExport else { return [] }
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        // Unfolded: a line break followed by a space or a tab continues the line.
        var unfolded: [UInt8] = []
        unfolded.reserveCapacity(bytes.count - start)
        for byte in bytes[start...] {
            if byte == 0x20 || byte == 0x09, unfolded.last == 0x0A {
                unfolded.removeLast()
                if unfolded.last == 0x0D { unfolded.removeLast() }
                continue
            }
            unfolded.append(byte)
        }
        var items: [PreviousItem] = []
        var seen = Set<String>()
        var current: [String]?
        var kind = ""
        for raw in unfolded.split(separator: 0x0A, omittingEmptySubsequences: true) {
            let content = raw.last == 0x0D ? raw.dropLast() : raw
            // A control character is none this program writes (a text's are spaces): the item it is in is not ours.
            let line = content.contains(where: { $0 < 0x20 && $0 != 0x09 || $0 == 0x7F }) ? nil : String(validating: content, as: UTF8.self)
            if current == nil {
                if line == "BEGIN:VEVENT" || line == "BEGIN:VTODO" {
                    kind = String(line!.dropFirst(6))
                    current = []
                }
                continue
            }
            guard let line, !line.hasPrefix("BEGIN:") else {
                // Not a line of ours, or something nested: the item is left as it is, and what follows up to its end with it.
                current = nil
                continue
            }
            if line.hasPrefix("END:") {
                if line == "END:" + kind, let item = previousItem(kind: kind, current!), seen.insert(item.uid).inserted { items.append(item) }
                current = nil
                continue
            }
            current!.append(line)
        }
        return items
    }

    /// The item of `kind` made of `lines`, when it is one of this program's: one UID of its domain, a day that reads.
    private static func previousItem(kind: String, _ lines: [String]) -> PreviousItem? {
        let uids = lines.filter { $0.hasPrefix("UID:") }.map { String($0.dropFirst(4)) }
        guard uids.count == 1, let uid = uids.first, uid.hasSuffix("@" + uidDomain),
              let day = lines.lazy.compactMap(itemDate).first else { return nil }
        let sequence = lines.filter { $0.hasPrefix("SEQUENCE:") }.compactMap { Int($0.dropFirst(9)) }.max() ?? 0
        let carried = lines.filter { line in
            let name = line.prefix { $0 != ":" && $0 != ";" }
            return carriedProperties.contains(String(name)) && !line.hasPrefix("UID:")
        }
        return PreviousItem(kind: kind, uid: uid, day: day, sequence: max(0, sequence), lines: carried)
    }

    /// The lines of the items of `previous` whose UIDs are not in `current`, as cancelled: stamped now, newer than the
    /// item was (the export's sequence, or one more than the item's when that was higher: a clock set ahead). One whose
    /// day lies more than `cancelledItemsKeptDays` before `today` is left out.
    static func cancellations(of previous: [PreviousItem], missingFrom current: Set<String>, stamp: String, sequence: Int,
                              today: CalendarDate) -> [String] {
        var lines: [String] = []
        for item in previous where !current.contains(item.uid) && item.day.adding(days: cancelledItemsKeptDays) >= today {
            let newer = min(max(sequence, item.sequence + 1), Int(Int32.max))
            lines += ["BEGIN:" + item.kind, "UID:" + item.uid, "DTSTAMP:" + stamp, "SEQUENCE:\(newer)"] + item.lines
                + ["STATUS:CANCELLED", "END:" + item.kind]
        }
        return lines
    }

    /// The day of an item: its start, or a task's due date.
    private static func itemDate(_ line: String) -> CalendarDate? {
        for prefix in ["DTSTART;VALUE=DATE:", "DUE;VALUE=DATE:"] where line.hasPrefix(prefix) {
            let digits = Array(line.dropFirst(prefix.count))
            guard digits.count == 8, digits.allSatisfy(\.isASCII) else { return nil }
            return CalendarDate(iso: String(digits[0..<4]) + "-" + String(digits[4..<6]) + "-" + String(digits[6..<8]))
        }
        return nil
    }
}
