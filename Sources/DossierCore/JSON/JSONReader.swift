/// Reads JSON straight from UTF-8 bytes into the caller's types, without an intermediate tree.
/// Every error carries the byte offset and the path to the value, so a damaged file can be reported as
/// "line 12, column 5, $.relations[3].status: …".
///
/// A reader only lives inside `JSONReader.read(_:_:)`, which keeps the bytes alive while it works.
public struct JSONReader {
    let bytes: UnsafeBufferPointer<UInt8>
    /// Byte offset of the next unread byte.
    public internal(set) var offset: Int
    /// Objects and lists open around the current position.
    var depth = 0
    /// The keys read so far of the objects being read, outermost first (`readObject`): a fingerprint of each (`keyPrint`),
    /// and the offset of its opening quote. Numbers only, so that keeping them costs no reference counting on a load of a large dossier.
    private var openKeys: [(print: UInt64, start: Int)] = []
    /// How many of `openKeys` are in use: the array is not shrunk, so that an object costs no removal.
    private var openKeyCount = 0
    /// Whether a key twice in one object is read like any other (`read(_:allowingRepeatedKeys:_:)`).
    private var allowsRepeatedKeys = false
    /// Long arrays read in parts give the pages they have read back to the system every this many bytes
    /// (`SnapshotBuffer`); nil: never.
    var releaseStep: Int?
    /// Ranges of the bytes that long arrays read in parts load before they look at them (`SnapshotBuffer` with its long
    /// arrays deferred); nil: the bytes are all there.
    var deferredBytes: (any DeferredBytes)?
    /// Deeper than any real dossier; a hostile file nested deeper is refused instead of exhausting the stack.
    public static let maximumDepth = 128
    /// No field holds more text than this (`Limits.longText` characters); a longer string is refused
    /// while reading, whatever field it is in.
    public static let maximumStringLength = Limits.longText
    /// The dossier file format (`schemaVersion`) the bytes were written in: decoders accept the fields of an
    /// older version only when reading one (a converted file, or a journal line written before the change).
    public var formatVersion: Int
    /// What `readSharedString` has read so far.
    var sharedTexts = SharedTexts()
    /// The texts of the status changes read so far.
    var sharedStatusTexts = SharedStatusTexts()

    init(bytes: UnsafeBufferPointer<UInt8>, formatVersion: Int) {
        self.bytes = bytes
        self.formatVersion = formatVersion
        offset = 0
    }

    /// Runs `body` on a reader over `data`, then checks that only whitespace follows the value. `allowingRepeatedKeys`:
    /// a key twice in one object is handed to `body` twice instead of refused (for a reader that says so itself).
    public static func read<T>(_ data: [UInt8], formatVersion: Int = Dossier.currentSchemaVersion, allowingRepeatedKeys: Bool = false,
                               _ body: (inout JSONReader) throws(JSONError) -> T) throws(JSONError) -> T {
        try data.withUnsafeBufferPointer { buffer throws(JSONError) in
            try read(buffer, formatVersion: formatVersion, allowingRepeatedKeys: allowingRepeatedKeys, body)
        }
    }

    /// As `read(_:formatVersion:_:)`, over bytes in memory of their own. `releasingEvery`: long arrays
    /// hand the pages they have read back to the system (see `SnapshotBuffer`); the bytes are not whole after.
    /// `toTheEnd` false: `body` reads the start of a document and what follows is not looked at.
    static func read<T>(_ buffer: UnsafeBufferPointer<UInt8>, formatVersion: Int = Dossier.currentSchemaVersion,
                        releasingEvery releaseStep: Int? = nil, deferred: (any DeferredBytes)? = nil, toTheEnd: Bool = true,
                        allowingRepeatedKeys: Bool = false, _ body: (inout JSONReader) throws(JSONError) -> T) throws(JSONError) -> T {
        let result: Result<T, JSONError> = {
            var reader = JSONReader(bytes: buffer, formatVersion: formatVersion)
            reader.releaseStep = releaseStep
            reader.deferredBytes = deferred
            reader.allowsRepeatedKeys = allowingRepeatedKeys
            do {
                let value = try body(&reader)
                reader.skipWhitespace()
                if toTheEnd && reader.offset < buffer.count {
                    throw reader.error("onverwachte tekst na het einde van het document")
                }
                return .success(value)
            } catch let error as JSONError {
                return .failure(error)
            } catch {
                return .failure(JSONError(offset: reader.offset, message: "\(error)"))
            }
        }()
        return try result.get()
    }

    // MARK: Structure

    /// The kind of the next value, without consuming it.
    public mutating func peekKind() throws(JSONError) -> JSONValueKind {
        skipWhitespace()
        guard offset < bytes.count else { throw error("het document houdt onverwacht op") }
        switch bytes[offset] {
        case UInt8(ascii: "{"): return .object
        case UInt8(ascii: "["): return .array
        case UInt8(ascii: "\""): return .string
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return .bool
        case UInt8(ascii: "n"): return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number
        default: throw error("onverwacht teken \(describe(bytes[offset]))")
        }
    }

    /// Reads an object, calling `member` with each key; `member` must read (or skip) the value.
    /// Errors thrown inside `member` get the key added to their path.
    public mutating func readObject(_ member: (inout JSONReader, String) throws(JSONError) -> Void) throws(JSONError) {
        try expect(UInt8(ascii: "{"), what: "een object")
        try enter()
        // The keys of this object so far sit on `openKeys` from here, as a fingerprint and where each stands.
        let keysStart = openKeyCount
        defer {
            depth -= 1
            openKeyCount = keysStart
        }
        skipWhitespace()
        if consume(UInt8(ascii: "}")) { return }
        while true {
            skipWhitespace()
            guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") else {
                throw error("veldnaam tussen aanhalingstekens verwacht")
            }
            let keyStart = offset
            let key = try readString()
            // JSON lets the last of two equal keys win: what the first said (a line pasted in by hand) would be dropped unseen.
            if !allowsRepeatedKeys {
                let print = keyPrint(key, from: keyStart)
                var earlier = keysStart
                while earlier < openKeyCount {
                    if openKeys[earlier].print == print, isKey(key, at: openKeys[earlier].start) {
                        throw error(at: keyStart, "het veld '\(key)' staat twee keer in hetzelfde object; welke waarde geldt, zegt het bestand niet")
                    }
                    earlier += 1
                }
                if openKeyCount < openKeys.count { openKeys[openKeyCount] = (print, keyStart) } else { openKeys.append((print, keyStart)) }
                openKeyCount += 1
            }
            skipWhitespace()
            guard consume(UInt8(ascii: ":")) else { throw error("':' verwacht na veldnaam '\(key)'") }
            do {
                try member(&self, key)
            } catch {
                throw error.prefixed(by: .key(key))
            }
            skipWhitespace()
            if consume(UInt8(ascii: ",")) { continue }
            if consume(UInt8(ascii: "}")) { return }
            throw self.error("',' of '}' verwacht")
        }
    }

    /// A fingerprint of a key, of its length and its first and last eight bytes: those between its quotes as they stand
    /// when it has no escapes (the reader is just past it), else those it reads as. Equal keys have equal prints either
    /// way; keys with equal prints are compared whole (`isKey`). Cheap, as it is taken of every key of a large dossier.
    private func keyPrint(_ key: String, from start: Int) -> UInt64 {
        let raw = start + 1..<offset - 1
        if raw.count == key.utf8.count { return Self.print(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[raw]))) }
        return Array(key.utf8).withUnsafeBytes(Self.print)
    }

    private static func print(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        let count = bytes.count
        guard count >= 8 else {
            var print = UInt64(count)
            for byte in bytes { print = print << 8 | UInt64(byte) }
            return print
        }
        let first = bytes.loadUnaligned(as: UInt64.self), last = bytes.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
        return first ^ (last << 7 | last >> 57) ^ UInt64(count) &* 0x9E37_79B9_7F4A_7C15
    }

    /// Whether the key whose opening quote is at `start` (still in memory: pages are handed back only inside an
    /// array's elements, after each is read) reads as `key`.
    private func isKey(_ key: String, at start: Int) -> Bool {
        var other = JSONReader(bytes: bytes, formatVersion: formatVersion)
        other.offset = start
        return (try? other.readString()) == key
    }

    /// Reads an array, calling `element` with each index; `element` must read (or skip) the value.
    public mutating func readArray(_ element: (inout JSONReader, Int) throws(JSONError) -> Void) throws(JSONError) {
        try expect(UInt8(ascii: "["), what: "een lijst")
        try enter()
        defer { depth -= 1 }
        skipWhitespace()
        if consume(UInt8(ascii: "]")) { return }
        var index = 0
        while true {
            do {
                try element(&self, index)
            } catch {
                throw error.prefixed(by: .index(index))
            }
            index += 1
            skipWhitespace()
            if consume(UInt8(ascii: ",")) { continue }
            if consume(UInt8(ascii: "]")) { return }
            throw self.error("',' of ']' verwacht")
        }
    }

    /// Reads an array of values read by `element`.
    public mutating func readArray<T>(of element: (inout JSONReader) throws(JSONError) -> T) throws(JSONError) -> [T] {
        var values: [T] = []
        try readArray { (reader: inout JSONReader, _: Int) throws(JSONError) in
            values.append(try element(&reader))
        }
        return values.exactlySized()
    }

    public mutating func readStrings() throws(JSONError) -> [String] {
        try readArray { (reader: inout JSONReader) throws(JSONError) in try reader.readString() }
    }

    // MARK: Scalars

    public mutating func readString() throws(JSONError) -> String {
        try readString(shared: false)
    }

    /// `readString`, for a field whose text recurs throughout a document (a relation's id, a budget line, a reason
    /// of an assessment): a long text with the very bytes of one read before with this is the same string
    /// (`SharedTexts`), kept once in memory.
    public mutating func readSharedString() throws(JSONError) -> String {
        try readString(shared: true)
    }

    public mutating func readSharedStrings() throws(JSONError) -> [String] {
        try readArray { (reader: inout JSONReader) throws(JSONError) in try reader.readSharedString() }
    }

    public mutating func readOptionalSharedString() throws(JSONError) -> String? {
        if readNull() { return nil }
        return try readSharedString()
    }

    private mutating func readString(shared: Bool) throws(JSONError) -> String {
        skipWhitespace()
        let start = offset
        guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") else {
            throw error("tekst verwacht, gevonden: \(try describeNextValue())")
        }
        offset += 1
        let contentStart = offset
        var highBits: UInt8 = 0
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte == UInt8(ascii: "\"") {
                let content = UnsafeBufferPointer(rebasing: bytes[contentStart..<offset])
                offset += 1
                let known = shared && content.count >= SharedTexts.minimumLength ? sharedTexts.known(content) : nil
                if let text = known?.text { return text }
                guard let text = UTF8Text.string(content, isASCII: highBits < 0x80) else {
                    throw JSONError(offset: start, message: "tekst is geen geldige UTF-8")
                }
                try checkLength(text, start: start)
                if let known { sharedTexts.remember(text, hash: known.hash) }
                return text
            }
            if byte == UInt8(ascii: "\\") {
                offset = contentStart
                return try readEscapedString(start: start)
            }
            if byte < 0x20 {
                throw error("stuurteken \(describe(byte)) in tekst; gebruik een escape zoals \\n")
            }
            highBits |= byte
            offset += 1
        }
        throw JSONError(offset: start, message: "tekst zonder afsluitend aanhalingsteken")
    }

    public mutating func readInteger() throws(JSONError) -> Int64 {
        skipWhitespace()
        let start = offset
        guard offset < bytes.count else { throw error("getal verwacht") }
        var isNegative = false
        if bytes[offset] == UInt8(ascii: "-") {
            isNegative = true
            offset += 1
        }
        var value: Int64 = 0
        var digitCount = 0
        while offset < bytes.count, bytes[offset] >= UInt8(ascii: "0"), bytes[offset] <= UInt8(ascii: "9") {
            let digit = Int64(bytes[offset] - UInt8(ascii: "0"))
            let (multiplied, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (added, overflow2) = multiplied.addingReportingOverflow(digit)
            if overflow1 || overflow2 { throw JSONError(offset: start, message: "getal is te groot") }
            value = added
            digitCount += 1
            offset += 1
        }
        if digitCount == 0 {
            offset = start
            throw error("geheel getal verwacht, gevonden: \(try describeNextValue())")
        }
        if offset < bytes.count, [UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E")].contains(bytes[offset]) {
            throw JSONError(offset: start, message: Self.decimalsMessage)
        }
        return isNegative ? -value : value
    }

    static let decimalsMessage = "geheel getal verwacht, gevonden: een getal met decimalen"

    public mutating func readInt() throws(JSONError) -> Int {
        let value = try readInteger()
        guard let int = Int(exactly: value) else { throw error("getal is te groot") }
        return int
    }

    public mutating func readBool() throws(JSONError) -> Bool {
        skipWhitespace()
        if matchLiteral("true") { return true }
        if matchLiteral("false") { return false }
        throw error("true of false verwacht, gevonden: \(try describeNextValue())")
    }

    /// Consumes a `null` if one comes next.
    public mutating func readNull() -> Bool {
        skipWhitespace()
        return matchLiteral("null")
    }

    /// Reads past the next value, whatever it is, checking its syntax.
    public mutating func skipValue() throws(JSONError) {
        switch try peekKind() {
        case .object: try readObject { (reader: inout JSONReader, _: String) throws(JSONError) in try reader.skipValue() }
        case .array: try readArray { (reader: inout JSONReader, _: Int) throws(JSONError) in try reader.skipValue() }
        case .string: _ = try readString()
        case .bool: _ = try readBool()
        case .null: _ = readNull()
        case .number: try skipNumber()
        }
    }

    // MARK: Errors

    /// An error at the current position.
    public func error(_ message: String) -> JSONError {
        JSONError(offset: offset, message: message)
    }

    /// An error for a value that was read but is not acceptable, located at `start`.
    public func error(at start: Int, _ message: String) -> JSONError {
        JSONError(offset: start, message: message)
    }

    /// The offset of the next value, after whitespace: where a value-level error points.
    public mutating func valueOffset() -> Int {
        skipWhitespace()
        return offset
    }

    // MARK: Private

    private mutating func enter() throws(JSONError) {
        depth += 1
        if depth > JSONReader.maximumDepth {
            offset -= 1
            throw error("te diep genest: meer dan \(JSONReader.maximumDepth) lagen objecten en lijsten")
        }
    }

    private mutating func readEscapedString(start: Int) throws(JSONError) -> String {
        var buffer: [UInt8] = []
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte == UInt8(ascii: "\"") {
                offset += 1
                let decoded = buffer.withUnsafeBufferPointer { UTF8Text.string($0, isASCII: false) }
                guard let text = decoded else {
                    throw JSONError(offset: start, message: "tekst is geen geldige UTF-8")
                }
                try checkLength(text, start: start)
                return text
            }
            if byte < 0x20 { throw error("stuurteken \(describe(byte)) in tekst; gebruik een escape zoals \\n") }
            if byte != UInt8(ascii: "\\") {
                buffer.append(byte)
                offset += 1
                continue
            }
            offset += 1
            guard offset < bytes.count else { break }
            let escaped = bytes[offset]
            offset += 1
            switch escaped {
            case UInt8(ascii: "\""): buffer.append(UInt8(ascii: "\""))
            case UInt8(ascii: "\\"): buffer.append(UInt8(ascii: "\\"))
            case UInt8(ascii: "/"): buffer.append(UInt8(ascii: "/"))
            case UInt8(ascii: "b"): buffer.append(0x08)
            case UInt8(ascii: "f"): buffer.append(0x0C)
            case UInt8(ascii: "n"): buffer.append(0x0A)
            case UInt8(ascii: "r"): buffer.append(0x0D)
            case UInt8(ascii: "t"): buffer.append(0x09)
            case UInt8(ascii: "u"):
                var scalarValue = try readHexQuad()
                if (0xD800...0xDBFF).contains(scalarValue) {
                    guard matchLiteral("\\u") else { throw error("losse surrogaat in \\u-escape") }
                    let low = try readHexQuad()
                    guard (0xDC00...0xDFFF).contains(low) else { throw error("ongeldig surrogaatpaar in \\u-escape") }
                    scalarValue = 0x10000 + ((scalarValue - 0xD800) << 10) + (low - 0xDC00)
                }
                guard let scalar = Unicode.Scalar(scalarValue) else { throw error("ongeldige \\u-escape") }
                buffer.append(contentsOf: Array(String(Character(scalar)).utf8))
            default:
                offset -= 2
                throw error("ongeldige escape \\\(describe(escaped))")
            }
        }
        throw JSONError(offset: start, message: "tekst zonder afsluitend aanhalingsteken")
    }

    private func checkLength(_ text: String, start: Int) throws(JSONError) {
        if let length = Limits.excessLength(text, maximum: JSONReader.maximumStringLength) {
            throw JSONError(offset: start, message: "tekst is te lang: \(Limits.grouped(length)) tekens, hoogstens \(Limits.grouped(JSONReader.maximumStringLength))")
        }
    }

    private mutating func readHexQuad() throws(JSONError) -> UInt32 {
        guard offset + 4 <= bytes.count else { throw error("onvolledige \\u-escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[offset]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw error("ongeldige \\u-escape")
            }
            value = value << 4 | UInt32(digit)
            offset += 1
        }
        return value
    }

    private mutating func skipNumber() throws(JSONError) {
        let start = offset
        if consume(UInt8(ascii: "-")) {}
        var sawDigit = false
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                sawDigit = true
            } else if !(byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
                        || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")) {
                break
            }
            offset += 1
        }
        if !sawDigit { throw JSONError(offset: start, message: "ongeldig getal") }
    }

    private mutating func expect(_ byte: UInt8, what: String) throws(JSONError) {
        skipWhitespace()
        guard consume(byte) else { throw error("\(what) verwacht, gevonden: \(try describeNextValue())") }
    }

    private mutating func consume(_ byte: UInt8) -> Bool {
        if offset < bytes.count && bytes[offset] == byte {
            offset += 1
            return true
        }
        return false
    }

    private mutating func matchLiteral(_ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard offset + count <= bytes.count else { return false }
        let matches = literal.withUTF8Buffer { expected in
            (0..<count).allSatisfy { bytes[offset + $0] == expected[$0] }
        }
        if matches { offset += count }
        return matches
    }

    mutating func skipWhitespace() {
        while offset < bytes.count {
            switch bytes[offset] {
            case 0x20, 0x0A, 0x0D, 0x09: offset += 1
            default: return
            }
        }
    }

    /// A short Dutch description of the next value, for "… verwacht, gevonden: …" messages.
    private mutating func describeNextValue() throws(JSONError) -> String {
        skipWhitespace()
        guard offset < bytes.count else { return "het einde van het document" }
        switch bytes[offset] {
        case UInt8(ascii: "{"): return "een object"
        case UInt8(ascii: "["): return "een lijst"
        case UInt8(ascii: "\""): return "tekst"
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return "true/false"
        case UInt8(ascii: "n"): return "null"
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return "een getal"
        default: return describe(bytes[offset])
        }
    }

    private func describe(_ byte: UInt8) -> String {
        if byte >= 0x21 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        let hex = String(byte, radix: 16, uppercase: true)
        return "0x" + (hex.count == 1 ? "0" + hex : hex)
    }
}

/// The kind of a JSON value.
public enum JSONValueKind: String, Sendable {
    case object, array, string, number, bool, null
}
