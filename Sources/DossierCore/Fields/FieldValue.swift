/// The value of one field of a relation, activity, contact or link, as a field edit records it: small
/// enough to compare and to write as plain JSON (`null`, a string, a whole number, true/false, a list of
/// strings). Dates are ISO strings, amounts whole cents, choices and references their slugs or ids.
public enum FieldValue: Hashable, Sendable {
    case none
    case text(String)
    case number(Int64)
    case flag(Bool)
    case list([String])

    /// Whether the value is empty: none, an empty text or an empty list.
    public var isEmpty: Bool {
        switch self {
        case .none: true
        case .text(let text): text.isEmpty
        case .list(let items): items.isEmpty
        case .number, .flag: false
        }
    }
}

extension FieldValue {
    public func write(to writer: inout JSONWriter) {
        switch self {
        case .none: writer.null()
        case .text(let text): writer.string(text)
        case .number(let number): writer.integer(number)
        case .flag(let flag): writer.bool(flag)
        case .list(let items): writer.inlineStrings(items)
        }
    }

    public init(reading reader: inout JSONReader) throws(JSONError) {
        switch try reader.peekKind() {
        case .null:
            _ = reader.readNull()
            self = .none
        case .string: self = .text(try reader.readString())
        case .number: self = .number(try reader.readInteger())
        case .bool: self = .flag(try reader.readBool())
        case .array: self = .list(try reader.readStrings())
        case .object: throw reader.error("een veldwaarde is null, tekst, een heel getal, true/false of een lijst teksten")
        }
    }
}
