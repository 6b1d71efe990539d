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

    public mutating func string(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { utf8 in
            var runStart = 0
            for index in 0..<utf8.count {
                let byte = utf8[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == 0x7F else { continue }
                if runStart < index { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index])) }
                appendEscaped(byte)
                runStart = index + 1
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

    public mutating func optionalField(_ name: StaticString, _ value: Int?) {
        if let value { field(name, value) }
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
        bytes.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""): bytes.append(UInt8(ascii: "\""))
        case UInt8(ascii: "\\"): bytes.append(UInt8(ascii: "\\"))
        case UInt8(ascii: "\n"): bytes.append(UInt8(ascii: "n"))
        case UInt8(ascii: "\t"): bytes.append(UInt8(ascii: "t"))
        case UInt8(ascii: "\r"): bytes.append(UInt8(ascii: "r"))
        default:
            let hex = Array("0123456789abcdef".utf8)
            bytes.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
        }
    }
}
