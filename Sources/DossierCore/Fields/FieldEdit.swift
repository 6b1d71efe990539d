/// One field changed: which (the JSON key, dotted for nested values such as `visit.hosts`), the value the
/// editor saw and the value it becomes. Applying refuses an edit whose `old` is no longer the current
/// value, so an edit made on a stale screen never silently overwrites someone else's.
public struct FieldEdit: Hashable, Sendable {
    public var field: String
    public var old: FieldValue
    public var new: FieldValue

    public init(field: String, old: FieldValue, new: FieldValue) {
        self.field = field
        self.old = old
        self.new = new
    }
}

extension FieldEdit {
    public func write(to writer: inout JSONWriter) {
        writer.beginInlineObject()
        writer.field("field", field)
        writer.key("old")
        old.write(to: &writer)
        writer.key("new")
        new.write(to: &writer)
        writer.endObject()
    }

    public init(reading reader: inout JSONReader) throws(JSONError) {
        let start = reader.valueOffset()
        var field: String?, old: FieldValue?, new: FieldValue?
        try reader.readObject { (reader: inout JSONReader, key: String) throws(JSONError) in
            switch key {
            case "field": field = try reader.readString()
            case "old": old = try FieldValue(reading: &reader)
            case "new": new = try FieldValue(reading: &reader)
            default: throw reader.unknownField(key)
            }
        }
        self.init(field: try required(field, "field", at: start), old: try required(old, "old", at: start),
                  new: try required(new, "new", at: start))
    }
}
