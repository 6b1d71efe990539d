/// What an earlier export held that this one does not: a calendar that imports the newer file keeps such an item as it
/// was (RFC 5545 has no removal by leaving out), so an activity deleted, undated or no longer approved, a follow-up
/// removed or undated and a relation deleted would stay in it. Given the earlier export (the file `-o` is about to
/// replace), every item of this program's in it that the new export lacks is sent again as cancelled, newer than before.
extension ICalendar {
    /// How long an item called off stays in later exports after its date: long enough for every calendar that imported
    /// the file to have taken the cancellation in.
    static let cancelledItemsKeptDays = 366

    /// An item (`VEVENT`, `VTODO`) of an export: its UID and its lines, unfolded.
    struct PreviousItem: Equatable {
        var uid: String
        var lines: [String]
    }

    /// The items of `bytes` when they are an export of this program (its PRODID), each of one of this program's UIDs;
    /// nothing from any other file.
    static func previousItems(in bytes: [UInt8]) -> [PreviousItem] {
        // Unfolded: a line break followed by a space or a tab continues the line.
        var unfolded: [UInt8] = []
        unfolded.reserveCapacity(bytes.count)
        for byte in bytes {
            if byte == 0x20 || byte == 0x09, unfolded.last == 0x0A {
                unfolded.removeLast()
                if unfolded.last == 0x0D { unfolded.removeLast() }
                continue
            }
            unfolded.append(byte)
        }
        let lines = unfolded.split(separator: 0x0A, omittingEmptySubsequences: true).map { line in
            String(decoding: line.last == 0x0D ? line.dropLast() : line, as: UTF8.self)
        }
        guard lines.first == "BEGIN:VCALENDAR", lines.contains(productLine) else { return [] }
        var items: [PreviousItem] = []
        var current: [String]?
        for line in lines {
            if line == "BEGIN:VEVENT" || line == "BEGIN:VTODO" {
                current = [line]
            } else if var item = current {
                item.append(line)
                current = item
                if line == "END:VEVENT" || line == "END:VTODO" {
                    if let uid = item.first(where: { $0.hasPrefix("UID:") }).map({ String($0.dropFirst(4)) }), uid.hasSuffix("@" + uidDomain) {
                        items.append(PreviousItem(uid: uid, lines: item))
                    }
                    current = nil
                }
            }
        }
        return items
    }

    /// The lines of the items of `previous` whose UIDs are not in `current`, as cancelled: stamped now, with the
    /// export's sequence. One whose date lies more than `cancelledItemsKeptDays` before `today` is left out.
    static func cancellations(of previous: [PreviousItem], missingFrom current: Set<String>, stamp: String, sequence: Int,
                              today: CalendarDate) -> [String] {
        var lines: [String] = []
        for item in previous where !current.contains(item.uid) {
            if let day = item.lines.lazy.compactMap(itemDate).first, day.adding(days: cancelledItemsKeptDays) < today { continue }
            var cancelled: [String] = []
            for line in item.lines {
                if line.hasPrefix("DTSTAMP:") {
                    cancelled.append("DTSTAMP:" + stamp)
                } else if line.hasPrefix("SEQUENCE:") {
                    cancelled.append("SEQUENCE:\(sequence)")
                } else if line.hasPrefix("STATUS:") || line.hasPrefix("PERCENT-COMPLETE:") {
                    continue
                } else if line.hasPrefix("END:") {
                    cancelled += ["STATUS:CANCELLED", line]
                } else {
                    cancelled.append(line)
                }
            }
            lines += cancelled
        }
        return lines
    }

    /// The day of an item: its start, or a task's due date.
    private static func itemDate(_ line: String) -> CalendarDate? {
        for prefix in ["DTSTART;VALUE=DATE:", "DUE;VALUE=DATE:"] where line.hasPrefix(prefix) {
            let digits = Array(line.dropFirst(prefix.count))
            guard digits.count == 8 else { return nil }
            return CalendarDate(iso: String(digits[0..<4]) + "-" + String(digits[4..<6]) + "-" + String(digits[6..<8]))
        }
        return nil
    }
}
