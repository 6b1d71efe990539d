/// Comma-separated values as RFC 4180 writes them (CRLF line ends, fields with a separator, quote or line
/// break in double quotes, quotes doubled), in UTF-8; optionally the way Dutch Excel expects them
/// (semicolons and a byte-order mark). Every CSV the program writes goes through `encode`, which keeps
/// cells from being read as formulas (`SpreadsheetFormula`); `decode` gives the text back.
public struct CSVFormat: Hashable, Sendable {
    public var separator: UInt8
    public var includesByteOrderMark: Bool

    /// RFC 4180: commas, no byte-order mark.
    public static let standard = CSVFormat(separator: UInt8(ascii: ","), includesByteOrderMark: false)
    /// What Excel with Dutch settings opens directly: semicolons and a UTF-8 byte-order mark.
    public static let dutchExcel = CSVFormat(separator: UInt8(ascii: ";"), includesByteOrderMark: true)
}

public enum CSV {
    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    public static func encode(_ rows: [[String]], format: CSVFormat = .standard) -> [UInt8] {
        var bytes = format.includesByteOrderMark ? byteOrderMark : []
        for row in rows {
            for (index, field) in row.enumerated() {
                if index > 0 { bytes.append(format.separator) }
                let utf8 = Array(SpreadsheetFormula.neutralised(field).utf8)
                if utf8.contains(where: { $0 == format.separator || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }) {
                    bytes.append(UInt8(ascii: "\""))
                    for byte in utf8 {
                        bytes.append(byte)
                        if byte == UInt8(ascii: "\"") { bytes.append(byte) }
                    }
                    bytes.append(UInt8(ascii: "\""))
                } else {
                    bytes += utf8
                }
            }
            bytes += [0x0D, 0x0A]
        }
        return bytes
    }

    /// A record read from a file, with its row as a spreadsheet shows it (counted from 1, the header is row 1, or 2 after
    /// Excel's "sep=;" line): a line break inside a cell does not start a new row, so a text editor may show it further down.
    public struct Record: Hashable, Sendable {
        public var line: Int
        public var fields: [String]
    }

    /// A problem in the file's CSV syntax.
    public struct SyntaxError: Error, Hashable, Sendable, CustomStringConvertible {
        public var line: Int
        public var message: String
        public var description: String { "regel \(line): \(message)" }
    }

    /// Reads records. The separator is the one a "sep=;" line before the header names (Excel's hint), or else taken from
    /// the header line: the one of semicolon, comma and tab it holds most of (Excel with Dutch settings writes semicolons;
    /// a table copied from a spreadsheet into a text editor has tabs; a tie goes to the comma, then the semicolon); a
    /// byte-order mark is skipped; CRLF, LF and quoted line breaks are accepted; a cell kept from being a formula by
    /// `encode` is given back as it was (`'=x` → `=x`). A workbook, a JSON file, a vCard, a calendar or another file that
    /// is no table is refused as what it is.
    public static func decode(_ input: [UInt8]) throws(SyntaxError) -> [Record] {
        if let other = notText(input) { throw SyntaxError(line: 1, message: other) }
        var bytes = input[...]
        if bytes.starts(with: byteOrderMark) { bytes = bytes.dropFirst(3) }
        let firstLine = bytes.prefix { $0 != 0x0A }
        var row = 1
        var separator = [UInt8(ascii: ","), UInt8(ascii: ";"), 0x09].max { candidate, other in
            firstLine.count { $0 == candidate } < firstLine.count { $0 == other }
        }!
        // Excel's own hint before the header ("sep=;", from a tool that writes for Excel): the separator, said; the header follows.
        let hint = firstLine.last == 0x0D ? firstLine.dropLast() : firstLine
        if hint.count == 5, hint.starts(with: Array("sep=".utf8)), let said = hint.last, said != UInt8(ascii: "\"") {
            separator = said
            bytes = bytes.dropFirst(min(bytes.count, firstLine.count + 1))
            row = 2
        }
        var records: [Record] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var index = bytes.startIndex
        var inQuotes = false
        var fieldWasQuoted = false
        var badEncodingLine: Int?
        func endField() {
            if let text = String(validating: field, as: UTF8.self) {
                fields.append(SpreadsheetFormula.restored(text))
            } else {
                badEncodingLine = badEncodingLine ?? row
                fields.append("")
            }
            field.removeAll(keepingCapacity: true)
            fieldWasQuoted = false
        }
        func endRecord() {
            endField()
            if !(fields.count == 1 && fields[0].isEmpty) { records.append(Record(line: row, fields: fields)) }
            fields.removeAll()
        }
        while index < bytes.endIndex {
            let byte = bytes[index]
            if inQuotes {
                if byte == UInt8(ascii: "\"") {
                    let next = bytes.index(after: index)
                    if next < bytes.endIndex && bytes[next] == UInt8(ascii: "\"") {
                        field.append(byte)
                        index = next
                    } else {
                        inQuotes = false
                    }
                } else {
                    field.append(byte)
                }
            } else if byte == UInt8(ascii: "\"") {
                guard field.isEmpty && !fieldWasQuoted else {
                    throw SyntaxError(line: row, message: "aanhalingsteken midden in een veld (zet het hele veld tussen aanhalingstekens en verdubbel het teken)")
                }
                inQuotes = true
                fieldWasQuoted = true
            } else if byte == separator {
                endField()
            } else if byte == 0x0A || byte == 0x0D {
                if byte == 0x0D, bytes.index(after: index) < bytes.endIndex, bytes[bytes.index(after: index)] == 0x0A {
                    index = bytes.index(after: index)
                }
                endRecord()
                row += 1
            } else {
                guard !fieldWasQuoted else { throw SyntaxError(line: row, message: "tekst na het afsluitende aanhalingsteken") }
                field.append(byte)
            }
            index = bytes.index(after: index)
        }
        if inQuotes { throw SyntaxError(line: row, message: "een veld tussen aanhalingstekens wordt niet afgesloten") }
        if !field.isEmpty || !fields.isEmpty || fieldWasQuoted { endRecord() }
        if let badEncodingLine {
            throw SyntaxError(line: badEncodingLine, message: "tekst is geen UTF-8 (sla het bestand in Excel op als \"CSV UTF-8\")")
        }
        return records
    }

    /// What a file that is no CSV text is, said with what to do; nil for text.
    static func notText(_ input: [UInt8]) -> String? {
        let saveAs = "sla het in Excel op als \"CSV UTF-8\" (Bestand › Opslaan als) en importeer dat bestand"
        // A workbook: .xlsx is a zip archive, .xls an OLE2 compound file.
        if input.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return "dit is een Excel-werkmap (.xlsx) of een ander zip-archief, geen CSV-bestand; \(saveAs)" }
        if input.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return "dit is een Excel-werkmap (.xls), geen CSV-bestand; \(saveAs)" }
        if input.starts(with: Array("%PDF".utf8)) { return "dit is een PDF-bestand, geen CSV-bestand; \(saveAs)" }
        // Excel's "Unicode-tekst" is UTF-16: every other byte a zero, read as text it breaks on the first quote.
        let head = Array(input.prefix(512))
        let zeros = head.indices.filter { head[$0] == 0 }
        if input.starts(with: [0xFF, 0xFE]) || input.starts(with: [0xFE, 0xFF])
            || (head.count >= 8 && zeros.count * 3 >= head.count && Set(zeros.map { $0 % 2 }).count == 1) {
            return "het bestand is als Unicode-tekst (UTF-16) bewaard; sla het in Excel op als \"CSV UTF-8\""
        }
        if !zeros.isEmpty { return "dit is geen tekstbestand (het bevat binaire gegevens), dus geen CSV-bestand; \(saveAs)" }
        let text = input.starts(with: byteOrderMark) ? input.dropFirst(3) : input[...]
        let opening = String(decoding: text.drop { [0x20, 0x09, 0x0A, 0x0D].contains($0) }.prefix(16), as: UTF8.self).uppercased()
        if opening.hasPrefix("BEGIN:VCARD") {
            return "dit is een vCard (uit een adresboek), geen CSV-bestand; import leest een tabel zoals dossier export die schrijft (voor "
                + "contactpersonen ten minste de kolommen naam en relatie: een CSV-export van Outlook met die kolommen erbij kan, kopjes als "
                + "'E-mailadres' en 'Telefoonnummer' worden herkend)"
        }
        if opening.hasPrefix("BEGIN:VCALENDAR") {
            return "dit is een agenda (iCalendar, .ics), geen CSV-bestand; dossier schrijft agenda's (dossier export --format ics) maar leest ze "
                + "niet: import leest een tabel zoals dossier export die schrijft"
        }
        if let first = text.first(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }), first == UInt8(ascii: "{") || first == UInt8(ascii: "[") {
            return "dit is een JSON-bestand, geen CSV-bestand; import leest een tabel zoals dossier export die schrijft (een heel dossier zet u over "
                + "met dossier copy, wijzigingen in JSON met dossier apply)"
        }
        return nil
    }
}
