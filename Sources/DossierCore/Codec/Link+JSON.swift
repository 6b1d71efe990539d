extension Link {
    public func write(to writer: inout JSONWriter) {
        writer.beginInlineObject()
        writer.field("id", id)
        writer.field("label", label)
        switch target {
        case .url(let url): writer.field("url", url)
        case .path(let path): writer.field("path", path)
        }
        writer.endObject()
    }

    public init(reading reader: inout JSONReader) throws(JSONError) {
        let start = reader.valueOffset()
        var id: String?, label: String?, target: LinkTarget?
        try reader.readObject { (reader: inout JSONReader, key: String) throws(JSONError) in
            switch key {
            case "id": id = try reader.readString()
            case "label": label = try reader.readString()
            case "url", "path":
                if target != nil { throw reader.error("een link heeft óf een url óf een path, niet beide") }
                let text = try reader.readString()
                target = key == "url" ? .url(text) : .path(text)
            default: throw reader.unknownField(key)
            }
        }
        guard let target else { throw missingField("url", at: start) }
        self.init(label: try required(label, "label", at: start), target: target)
        // Left out (a hand-written change): the owner gives it the slug of the label, made unique.
        self.id = id ?? ""
    }
}

/// `"links": [...]` when there are any.
func writeLinks(_ links: [Link], to writer: inout JSONWriter) {
    guard !links.isEmpty else { return }
    writer.key("links")
    writer.beginArray()
    for link in links {
        writer.element()
        link.write(to: &writer)
    }
    writer.endArray()
}
