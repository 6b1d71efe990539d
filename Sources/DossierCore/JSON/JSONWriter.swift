#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes JSON with keys in the order the caller gives them, so that the same value always gives the
/// same bytes. Pretty output indents by two spaces and keeps arrays of plain strings, and small objects
/// opened with `beginInlineObject`, on one line; compact output (for journal lines) has no whitespace at all.
public struct JSONWriter {
    public private(set) var bytes: [UInt8] = []
    public let isPretty: Bool
    private var depth = 0
    private var isFirstInContainer = true
    /// Containers opened inline (on one line) are counted here; everything inside them is inline too.
    private var inlineDepth = 0
    private var openedInline: [Bool] = []

    public init(pretty: Bool = true, reservingCapacity capacity: Int = 0) {
        isPretty = pretty
        bytes.reserveCapacity(capacity)
    }

    /// A pretty writer that goes on with the elements of an array `depth` containers deep that another writer
    /// opened (`afterElements`: whether elements came before), so that pieces written apart — on several
    /// threads — join into the document one writer would have written.
    public init(continuingArrayAt depth: Int, afterElements: Bool, reservingCapacity capacity: Int = 0) {
        self.init(pretty: true, reservingCapacity: capacity)
        self.depth = depth
        isFirstInContainer = !afterElements
        openedInline = Array(repeating: false, count: depth)
    }

    // MARK: Containers

    public mutating func beginObject() { openContainer(UInt8(ascii: "{"), inline: false) }
    public mutating func endObject() { closeContainer(UInt8(ascii: "}")) }
    public mutating func beginArray() { openContainer(UInt8(ascii: "["), inline: false) }
    public mutating func endArray() { closeContainer(UInt8(ascii: "]")) }

    /// An object written on one line, `{"date": "2026-02-16", "to": "idee"}`: for small records such as a
    /// status change, a contact or a follow-up.
    public mutating func beginInlineObject() { openContainer(UInt8(ascii: "{"), inline: true) }

    /// Starts an element of the array being written.
    public mutating func element() {
        separate()
    }

    /// Writes a member name; the value follows.
    public mutating func key(_ name: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        if isPretty { bytes.append(UInt8(ascii: " ")) }
    }

    /// Writes a member name that is only known at run time (map keys).
    public mutating func key(dynamic name: String) {
        separate()
        string(name)
        bytes.append(UInt8(ascii: ":"))
        if isPretty { bytes.append(UInt8(ascii: " ")) }
    }

    // MARK: Scalars

    /// A string, with what JSON requires escaped, and also DEL, the C1 controls (U+0080–U+009F), the line
    /// and paragraph separators and the bidirectional embeddings, overrides and isolates: they read back
    /// the same, and JSON printed to a terminal cannot carry an escape sequence or reorder the screen.
    public mutating func string(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { utf8 in
            var runStart = 0
            var index = 0
            while index < utf8.count {
                let byte = utf8[index]
                let length: Int
                if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == 0x7F {
                    length = 1
                } else if byte == 0xC2, index + 1 < utf8.count, (0x80...0x9F).contains(utf8[index + 1]) {
                    length = 2
                } else if byte == 0xE2, index + 2 < utf8.count,
                          (utf8[index + 1] == 0x80 && (0xA8...0xAE).contains(utf8[index + 2]))
                            || (utf8[index + 1] == 0x81 && (0xA6...0xA9).contains(utf8[index + 2])) {
                    length = 3
                } else {
                    index += 1
                    continue
                }
                if runStart < index { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index])) }
                switch length {
                case 1: appendEscaped(byte)
                case 2: appendUnicodeEscape(UInt32(utf8[index + 1]))
                default: appendUnicodeEscape(0x2000 | UInt32(utf8[index + 1] & 0x3F) << 6 | UInt32(utf8[index + 2] & 0x3F))
                }
                index += length
                runStart = index
            }
            if runStart < utf8.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...])) }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    public mutating func integer(_ value: Int64) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        // Digits are appended lowest first and then turned around in place: no buffer per number.
        let start = bytes.count
        repeat {
            bytes.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        bytes[start...].reverse()
    }

    public mutating func integer(_ value: Int) { integer(Int64(value)) }

    public mutating func bool(_ value: Bool) {
        append(value ? "true" : "false")
    }

    public mutating func null() {
        append("null")
    }

    private mutating func append(_ literal: StaticString) {
        literal.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// An array of strings, on one line even in pretty output.
    /// An array with an element per value, each written by `write`.
    public mutating func array<Element>(_ values: some Sequence<Element>, _ write: (Element, inout JSONWriter) -> Void) {
        beginArray()
        for value in values {
            element()
            write(value, &self)
        }
        endArray()
    }

    public mutating func inlineStrings(_ values: [String]) {
        bytes.append(UInt8(ascii: "["))
        for (index, value) in values.enumerated() {
            if index > 0 {
                bytes.append(UInt8(ascii: ","))
                if isPretty { bytes.append(UInt8(ascii: " ")) }
            }
            string(value)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    /// Ends the document with a newline, as text files do.
    public mutating func finishDocument() {
        if isPretty { bytes.append(UInt8(ascii: "\n")) }
    }

    /// The bytes written so far, leaving the buffer empty and the writer where it was: a long document is
    /// written out piece by piece (between whole values) instead of held whole.
    public mutating func takeBytes() -> [UInt8] {
        defer { bytes.removeAll(keepingCapacity: true) }
        return bytes
    }

    // MARK: Convenience for optional members: an empty value is left out.

    public mutating func field(_ name: StaticString, _ value: String) {
        key(name)
        string(value)
    }

    public mutating func field(_ name: StaticString, _ value: Int64) {
        key(name)
        integer(value)
    }

    public mutating func field(_ name: StaticString, _ value: Int) {
        key(name)
        integer(Int64(value))
    }

    public mutating func field(_ name: StaticString, _ value: Bool) {
        key(name)
        bool(value)
    }

    public mutating func optionalField(_ name: StaticString, _ value: String) {
        if !value.isEmpty { field(name, value) }
    }

    public mutating func optionalField(_ name: StaticString, _ value: String?) {
        if let value { field(name, value) }
    }

    public mutating func optionalField(_ name: StaticString, _ values: [String]) {
        if !values.isEmpty {
            key(name)
            inlineStrings(values)
        }
    }

    /// The field always, with `null` for no value (where a reader must tell "none" from 0).
    public mutating func nullableField(_ name: StaticString, _ value: Int64?) {
        key(name)
        if let value { integer(value) } else { null() }
    }

    public mutating func optionalField(_ name: StaticString, _ value: Int?) {
        if let value { field(name, value) }
    }

    /// A whole value that a pretty writer wrote `levels` containers deeper than this one is now (an activity
    /// as a snapshot holds it), copied with its lines moved out to this depth: the bytes this writer would
    /// write for it. False, with nothing written, when a line of it lacks that indentation (not laid out so).
    public mutating func copiedValue(_ value: UnsafeBufferPointer<UInt8>, writtenDeeperBy levels: Int) -> Bool {
        guard isPretty, inlineDepth == 0, let base = value.baseAddress else { return false }
        let mark = bytes.count, shift = levels * 2
        var from = 0
        while from < value.count {
            guard let found = memchr(base + from, 0x0A, value.count - from) else {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: value[from...]))
                return true
            }
            let newline = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: value[from...newline]))
            let indented = newline + 1 + shift <= value.count && (0..<shift).allSatisfy { value[newline + 1 + $0] == 0x20 }
            guard indented else {
                bytes.removeSubrange(mark...)
                return false
            }
            from = newline + 1 + shift
        }
        return true
    }

    // MARK: Layout

    private mutating func openContainer(_ bracket: UInt8, inline: Bool) {
        bytes.append(bracket)
        depth += 1
        isFirstInContainer = true
        openedInline.append(inline)
        if inline { inlineDepth += 1 }
    }

    private mutating func closeContainer(_ bracket: UInt8) {
        depth -= 1
        if inlineDepth == 0 && !isFirstInContainer { newline() }
        if openedInline.popLast() == true { inlineDepth -= 1 }
        bytes.append(bracket)
        isFirstInContainer = false
    }

    private mutating func separate() {
        if !isFirstInContainer {
            bytes.append(UInt8(ascii: ","))
            if isPretty && inlineDepth > 0 { bytes.append(UInt8(ascii: " ")) }
        }
        isFirstInContainer = false
        if inlineDepth == 0 { newline() }
    }

    private mutating func newline() {
        guard isPretty else { return }
        bytes.append(UInt8(ascii: "\n"))
        for _ in 0..<(depth * 2) { bytes.append(UInt8(ascii: " ")) }
    }

    private mutating func appendEscaped(_ byte: UInt8) {
        let short: UInt8? = switch byte {
        case UInt8(ascii: "\""): UInt8(ascii: "\"")
        case UInt8(ascii: "\\"): UInt8(ascii: "\\")
        case UInt8(ascii: "\n"): UInt8(ascii: "n")
        case UInt8(ascii: "\t"): UInt8(ascii: "t")
        case UInt8(ascii: "\r"): UInt8(ascii: "r")
        default: nil
        }
        if let short {
            bytes.append(contentsOf: [UInt8(ascii: "\\"), short])
        } else {
            appendUnicodeEscape(UInt32(byte))
        }
    }

    /// `\u` and four lowercase hex digits.
    private mutating func appendUnicodeEscape(_ value: UInt32) {
        let hex = Array("0123456789abcdef".utf8)
        bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), hex[Int(value >> 12 & 0xF)], hex[Int(value >> 8 & 0xF)],
                                  hex[Int(value >> 4 & 0xF)], hex[Int(value & 0xF)]])
    }
}
