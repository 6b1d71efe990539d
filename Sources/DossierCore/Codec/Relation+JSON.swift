extension Relation {
    public func write(to writer: inout JSONWriter) {
        write(to: &writer) { _ in }
    }

    /// The relation's object with more members after its own (what a listing adds, such as counts).
    public func write(to writer: inout JSONWriter, appending more: (inout JSONWriter) -> Void) {
        writer.beginObject()
        writer.field("id", id)
        writer.field("name", name)
        writer.field("kind", kind.rawValue)
        writer.field("status", status.rawValue)
        writer.optionalField("reviewDate", reviewDate?.iso)
        writer.optionalField("countries", countries.map(\.code))
        writer.optionalField("region", region)
        writer.optionalField("places", places)
        writer.optionalField("sectors", sectors.map(\.rawValue))
        writer.optionalField("motives", motives.map(\.rawValue))
        writer.optionalField("via", via)
        writer.optionalField("institutes", institutes)
        writer.optionalField("companies", companies)
        if !contacts.isEmpty {
            writer.key("contacts")
            writer.beginArray()
            for contact in contacts {
                writer.element()
                contact.write(to: &writer)
            }
            writer.endArray()
        }
        writeLinks(links, to: &writer)
        writer.optionalField("notes", notes)
        writer.optionalField("source", source)
        if !statusHistory.isEmpty {
            writer.key("statusHistory")
            writer.beginArray()
            for change in statusHistory {
                writer.element()
                change.write(to: &writer)
            }
            writer.endArray()
        }
        more(&writer)
        writer.endObject()
    }

    public init(reading reader: inout JSONReader) throws(JSONError) {
        let start = reader.valueOffset()
        var id: String?, name: String?, kind: RelationKind?, status: RelationStatus?
        var reviewDate: CalendarDate?, via: String?, countries: [Country] = []
        var version1Country: (text: String, isOutsideEurope: Bool) = ("", false)
        var region = "", notes = "", source = ""
        var places: [String] = [], institutes: [String] = [], companies: [String] = []
        var sectors: [Sector] = [], motives: [Motive] = [], contacts: [Contact] = [], links: [Link] = []
        var history: [StatusChange<RelationStatus>] = []
        try reader.readObject { (reader: inout JSONReader, key: String) throws(JSONError) in
            switch key {
            case "id": id = try reader.readString()
            case "name": name = try reader.readString()
            case "kind": kind = try reader.readVocabulary(RelationKind.self)
            case "status": status = try reader.readVocabulary(RelationStatus.self)
            case "reviewDate": reviewDate = try reader.readOptionalDate()
            case "countries": countries = try reader.readCountries()
            case "region": region = try reader.readString()
            case "places": places = try reader.readStrings()
            case "country" where reader.formatVersion < 2: version1Country.text = try reader.readString()
            case "outsideEurope" where reader.formatVersion < 2: version1Country.isOutsideEurope = try reader.readBool()
            case "sectors": sectors = try reader.readVocabularies(Sector.self)
            case "motives": motives = try reader.readVocabularies(Motive.self)
            case "via": via = try reader.readOptionalString()
            case "institutes": institutes = try reader.readStrings()
            case "companies": companies = try reader.readStrings()
            case "contacts": contacts = try reader.readArray { (reader: inout JSONReader) throws(JSONError) in try Contact(reading: &reader) }
            case "links": links = try reader.readArray { (reader: inout JSONReader) throws(JSONError) in try Link(reading: &reader) }
            case "notes": notes = try reader.readString()
            case "source": source = try reader.readString()
            case "statusHistory":
                history = try reader.readArray { (reader: inout JSONReader) throws(JSONError) in try StatusChange<RelationStatus>(reading: &reader) }
            default: throw reader.unknownField(key)
            }
        }
        if reader.formatVersion < 2 {
            (countries, notes) = Version1.countries(from: version1Country.text, isOutsideEurope: version1Country.isOutsideEurope, notes: notes)
        }
        self.init(id: try required(id, "id", at: start), name: try required(name, "name", at: start),
                  kind: try required(kind, "kind", at: start), countries: countries, region: region, places: places, sectors: sectors, motives: motives,
                  institutes: institutes, companies: companies, contacts: contacts, links: links, notes: notes, via: via, source: source,
                  status: try required(status, "status", at: start), reviewDate: reviewDate, statusHistory: history)
    }
}

extension Contact {
    public func write(to writer: inout JSONWriter) {
        writer.beginInlineObject()
        writer.field("id", id)
        writer.field("name", name)
        writer.optionalField("organisation", organisation)
        writer.optionalField("role", role)
        writer.optionalField("email", email)
        writer.optionalField("phone", phone)
        writer.optionalField("notes", notes)
        if consultedForFramework { writer.field("consultedForFramework", true) }
        writer.endObject()
    }

    public init(reading reader: inout JSONReader) throws(JSONError) {
        let start = reader.valueOffset()
        var name: String?, id = ""
        var contact = Contact(name: "")
        try reader.readObject { (reader: inout JSONReader, key: String) throws(JSONError) in
            switch key {
            case "id": id = try reader.readString()
            case "name": name = try reader.readString()
            case "organisation": contact.organisation = try reader.readString()
            case "role": contact.role = try reader.readString()
            case "email": contact.email = try reader.readString()
            case "phone": contact.phone = try reader.readString()
            case "notes": contact.notes = try reader.readString()
            case "consultedForFramework": contact.consultedForFramework = try reader.readBool()
            default: throw reader.unknownField(key)
            }
        }
        contact.name = try required(name, "name", at: start)
        // Empty when the file predates contact ids; the relation being read gives it one.
        contact.id = id
        self = contact
    }
}

extension StatusChange {
    public func write(to writer: inout JSONWriter) {
        writer.beginInlineObject()
        writer.field("date", date.iso)
        writer.optionalField("from", from?.rawValue)
        writer.field("to", to.rawValue)
        writer.optionalField("reason", reason)
        writer.field("by", by)
        writer.optionalField("reviewDate", reviewDate?.iso)
        writer.optionalField("decision", decision)
        writer.optionalField("overrideReason", overrideReason)
        writer.endObject()
    }

    public init(reading reader: inout JSONReader) throws(JSONError) {
        let start = reader.valueOffset()
        var date: CalendarDate?, from: Status?, to: Status?, reason: String?, by: String?
        var reviewDate: CalendarDate?, decision: String?, overrideReason: String?
        try reader.readObject { (reader: inout JSONReader, key: String) throws(JSONError) in
            switch key {
            case "date": date = try reader.readDate()
            case "from": from = reader.readNull() ? nil : try reader.readVocabulary(Status.self)
            case "to": to = try reader.readVocabulary(Status.self)
            case "reason": reason = try reader.readSharedString()
            case "by": by = try reader.readSharedString()
            case "reviewDate": reviewDate = try reader.readOptionalDate()
            case "decision" where reader.formatVersion >= 2: decision = try reader.readOptionalSharedString()
            case "overrideReason": overrideReason = try reader.readOptionalSharedString()
            default: throw reader.unknownField(key)
            }
        }
        let texts = reader.sharedStatusTexts.shared(reason: reason ?? "", by: try required(by, "by", at: start), decision: decision,
                                                    overrideReason: overrideReason)
        self.init(date: try required(date, "date", at: start), from: from, to: try required(to, "to", at: start), reviewDate: reviewDate,
                  texts: texts)
    }
}
