extension Dossier {
    /// The dossier as the stored file: pretty JSON with a stable key order and a trailing newline.
    public func encoded(pretty: Bool = true) -> [UInt8] {
        var ranges: [Range<Int>] = []
        return encoded(pretty: pretty, activityRanges: &ranges)
    }

    /// As `encoded()`, noting where each activity's bytes lie (in dossier order).
    func encoded(pretty: Bool = true, activityRanges: inout [Range<Int>]) -> [UInt8] {
        var writer = JSONWriter(pretty: pretty, reservingCapacity: 4096 + activities.count * 1_000 + relations.count * 800)
        var handedOut = 0
        write(to: &writer, activityRanges: &activityRanges, handedOut: &handedOut, pieceSize: nil) { (_: [UInt8]) throws(Never) in }
        writer.finishDocument()
        return writer.bytes
    }

    /// The bytes of `encoded(activityRanges:)`, handed to `output` in pieces of about `pieceSize` (cut between
    /// activities) instead of held whole: at 100.000 activities the file is 100 MB, which a compaction at the
    /// end of a session would otherwise add to what the screen holds.
    func encode<Failure: Error>(activityRanges: inout [Range<Int>], pieceSize: Int = 1 << 20,
                                to output: ([UInt8]) throws(Failure) -> Void) throws(Failure) {
        var writer = JSONWriter(pretty: true, reservingCapacity: pieceSize + 64 * 1_024)
        var handedOut = 0
        try write(to: &writer, activityRanges: &activityRanges, handedOut: &handedOut, pieceSize: pieceSize, output: output)
        writer.finishDocument()
        try output(writer.takeBytes())
    }

    public func write(to writer: inout JSONWriter) {
        var ranges: [Range<Int>] = []
        var handedOut = 0
        write(to: &writer, activityRanges: &ranges, handedOut: &handedOut, pieceSize: nil) { (_: [UInt8]) throws(Never) in }
    }

    /// `handedOut`: how many bytes of the document went to `output` already (the ranges count from the
    /// document's start); with a `pieceSize`, the writer's bytes go to `output` whenever they reach it.
    private func write<Failure: Error>(to writer: inout JSONWriter, activityRanges: inout [Range<Int>], handedOut: inout Int,
                                       pieceSize: Int?, output: ([UInt8]) throws(Failure) -> Void) throws(Failure) {
        writer.beginObject()
        writer.field("schemaVersion", Dossier.currentSchemaVersion)
        if let lineage { writer.field("lineage", lineage) }
        if journalSequence > 0 { writer.field("journalSequence", journalSequence) }
        if !journalTail.isEmpty { writer.field("journalTail", journalTail) }
        writer.field("title", title)
        writer.key("framework")
        framework.write(to: &writer)
        writer.key("budgetLines")
        writer.beginArray()
        for line in budgetLines {
            writer.element()
            line.write(to: &writer)
        }
        writer.endArray()
        writer.key("relations")
        writer.beginArray()
        for relation in relations {
            writer.element()
            relation.write(to: &writer)
        }
        writer.endArray()
        writer.key("activities")
        writer.beginArray()
        activityRanges.reserveCapacity(activities.count)
        for activity in activities {
            writer.element()
            let start = handedOut + writer.bytes.count
            activity.write(to: &writer)
            activityRanges.append(start..<handedOut + writer.bytes.count)
            if let pieceSize, writer.bytes.count >= pieceSize {
                handedOut += writer.bytes.count
                try output(writer.takeBytes())
            }
        }
        writer.endArray()
        writer.key("internalContacts")
        writer.beginArray()
        for contact in internalContacts {
            writer.element()
            contact.write(to: &writer)
        }
        writer.endArray()
        writer.endObject()
    }

    /// Reads a dossier file's bytes. Checks the syntax and the format, not the rules between entities
    /// (see `DossierValidator`).
    /// `formatVersion` below the current one lets the decoders read that older version's fields (a conversion).
    public init(decoding bytes: [UInt8], formatVersion: Int = Dossier.currentSchemaVersion) throws(JSONError) {
        do {
            self = try JSONReader.read(bytes, formatVersion: formatVersion) { (reader: inout JSONReader) throws(JSONError) in
                try Dossier(reading: &reader)
            }
        } catch {
            // A newer file fails in many ways; say the one thing that matters.
            if let version = Dossier.schemaVersion(in: bytes), version > Dossier.currentSchemaVersion {
                throw Dossier.newerVersionError(version)
            }
            throw error
        }
    }

    /// Reads a current document from bytes in memory of their own, handing back the pages of its long arrays
    /// as they are read (`SnapshotBuffer`). Any error: read the file again the usual way, for its exact place.
    /// `deferred`: the ranges of the long arrays that are read only when reached (`SnapshotBuffer`).
    init(decodingReleasing buffer: UnsafeBufferPointer<UInt8>, every releaseStep: Int = JSONReader.defaultReleaseStep,
         deferred: (any DeferredBytes)? = nil) throws(JSONError) {
        self = try JSONReader.read(buffer, releasingEvery: releaseStep, deferred: deferred) { (reader: inout JSONReader) throws(JSONError) in
            try Dossier(reading: &reader)
        }
    }

    /// What a document holds before its activities (relations included; this program writes the activities
    /// and the internal contacts last), read from a buffer that need hold no more, as a dossier without
    /// activities or internal contacts. Not checked against the rules. Nil when the buffer ends before the
    /// activities start, or the document is not one.
    static func decodingUpToActivities(_ buffer: UnsafeBufferPointer<UInt8>) -> Dossier? {
        var stopped = false
        let dossier = try? JSONReader.read(buffer, toTheEnd: false) { (reader: inout JSONReader) throws(JSONError) in
            try Dossier(reading: &reader, stoppingAtActivities: true, stopped: &stopped)
        }
        return stopped ? dossier : nil
    }

    init(reading reader: inout JSONReader) throws(JSONError) {
        var stopped = false
        try self.init(reading: &reader, stoppingAtActivities: false, stopped: &stopped)
    }

    /// `stoppingAtActivities`: stop reading where the activities start (`stopped` says whether it did), and
    /// hold what came before them.
    private init(reading reader: inout JSONReader, stoppingAtActivities stops: Bool, stopped: inout Bool) throws(JSONError) {
        let start = reader.valueOffset()
        var version: Int?, title: String?, framework: Framework?, journalSequence = 0, lineage: String?, journalTail = ""
        var budgetLines: [BudgetLine] = [], relations: [Relation] = [], activities: [Activity] = [], contacts: [Contact] = []
        do {
            try reader.readObject { (reader: inout JSONReader, key: String) throws(JSONError) in
                if stops && key == "activities" {
                    stopped = true
                    throw reader.error("tot hier")
                }
                switch key {
                case "schemaVersion":
                    let versionStart = reader.valueOffset()
                    let value = try reader.readInt()
                    guard value <= Dossier.currentSchemaVersion else { throw Dossier.newerVersionError(value) }
                    guard value >= 1 else { throw reader.error(at: versionStart, "ongeldige schemaVersion \(value)") }
                    version = value
                case "journalSequence":
                    journalSequence = try reader.readInt(in: Limits.journalSequence)
                case "lineage":
                    let lineageStart = reader.valueOffset()
                    let value = try reader.readString()
                    guard Lineage.isValid(value) else { throw reader.error(at: lineageStart, "'\(value)' is geen geldige lineage (32 hexadecimale tekens)") }
                    lineage = value
                case "journalTail":
                    let tailStart = reader.valueOffset()
                    journalTail = try reader.readString()
                    guard CRC32.isValidHex(journalTail) else { throw reader.error(at: tailStart, "'\(journalTail)' is geen controlegetal") }
                case "title": title = try reader.readString()
                case "framework": framework = try Framework(reading: &reader)
                case "budgetLines":
                    budgetLines = try reader.readArray { (reader: inout JSONReader) throws(JSONError) in try BudgetLine(reading: &reader) }
                case "relations":
                    relations = try reader.readArrayInParallel { (reader: inout JSONReader) throws(JSONError) in try Relation(reading: &reader) }
                case "activities":
                    // Most of a large dossier: read on all cores.
                    activities = try reader.readArrayInParallel { (reader: inout JSONReader) throws(JSONError) in try Activity(reading: &reader) }
                case "internalContacts":
                    contacts = try reader.readArray { (reader: inout JSONReader) throws(JSONError) in try Contact(reading: &reader) }
                default: throw reader.unknownField(key)
                }
            }
        } catch {
            guard stopped else { throw error }
        }
        _ = try required(version, "schemaVersion", at: start)
        self.init(title: try required(title, "title", at: start), framework: try required(framework, "framework", at: start),
                  budgetLines: budgetLines, relations: relations, activities: activities, internalContacts: contacts)
        self.journalSequence = journalSequence
        self.lineage = lineage
        self.journalTail = journalTail
    }

    static func newerVersionError(_ version: Int) -> JSONError {
        JSONError(offset: 0, path: JSONPath([.key("schemaVersion")]),
                  message: "dit bestand heeft schemaVersion \(version); deze versie van dossier kent tot en met \(currentSchemaVersion). Werk dossier bij om het te openen",
                  newerVersion: version)
    }

    /// The schemaVersion of a document, found without reading the rest; nil when there is none to find.
    /// Checked on every load, so it stops at the key (the first one in a file this program wrote).
    static func schemaVersion(in bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { schemaVersion(in: $0) }
    }

    static func schemaVersion(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var version: Int?
        _ = try? JSONReader.read(bytes) { (reader: inout JSONReader) throws(JSONError) in
            try reader.readObject { (reader: inout JSONReader, key: String) throws(JSONError) in
                guard key == "schemaVersion" else { return try reader.skipValue() }
                version = try reader.readInt()
                throw JSONError(offset: reader.offset, message: "gevonden")  // the rest does not matter
            }
        }
        return version
    }
}

extension Framework {
    public func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("title", title)
        writer.field("firstYear", firstYear)
        writer.field("lastYear", lastYear)
        writer.field("europeStrategy", hasEuropeStrategy)
        writer.field("strategicAgenda", hasStrategicAgenda)
        writer.optionalField("notes", notes)
        writer.optionalField("europeStrategyDecision", policyDecisions[.europastrategie])
        writer.optionalField("strategicAgendaDecision", policyDecisions[.strategischeAgenda])
        writer.endObject()
    }

    public init(reading reader: inout JSONReader) throws(JSONError) {
        let start = reader.valueOffset()
        var title: String?, firstYear: Int?, lastYear: Int?, europe: Bool?, agenda: Bool?, notes = "", decisions: [PolicyPiece: String] = [:]
        try reader.readObject { (reader: inout JSONReader, key: String) throws(JSONError) in
            switch key {
            case "title": title = try reader.readString()
            case "firstYear": firstYear = try reader.readYear()
            case "lastYear": lastYear = try reader.readYear()
            case "europeStrategy": europe = try reader.readBool()
            case "strategicAgenda": agenda = try reader.readBool()
            case "notes": notes = try reader.readString()
            case "europeStrategyDecision" where reader.formatVersion >= 3: decisions[.europastrategie] = try reader.readString().nonBlank
            case "strategicAgendaDecision" where reader.formatVersion >= 3: decisions[.strategischeAgenda] = try reader.readString().nonBlank
            default: throw reader.unknownField(key)
            }
        }
        self.init(title: try required(title, "title", at: start), firstYear: try required(firstYear, "firstYear", at: start),
                  lastYear: try required(lastYear, "lastYear", at: start), hasEuropeStrategy: try required(europe, "europeStrategy", at: start),
                  hasStrategicAgenda: try required(agenda, "strategicAgenda", at: start), notes: notes, policyDecisions: decisions)
    }
}

extension BudgetLine {
    public func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("id", id)
        writer.field("name", name)
        writer.field("yearlyAmountCents", yearlyAmount.cents)
        writer.optionalField("firstYear", firstYear)
        writer.optionalField("lastYear", lastYear)
        writer.optionalField("relation", relation)
        writer.field("activityBudget", isActivityBudget)
        writer.optionalField("notes", notes)
        if !amountsByYear.isEmpty {
            writer.key("yearAmounts")
            writer.array(amountsByYear.keys.sorted()) { year, writer in
                writer.beginObject()
                writer.field("year", year)
                writer.field("amountCents", amountsByYear[year]!.cents)
                writer.optionalField("decision", decisionsByYear[year])
                writer.endObject()
            }
        }
        writer.endObject()
    }

    public init(reading reader: inout JSONReader) throws(JSONError) {
        let start = reader.valueOffset()
        var id: String?, name: String?, amount: Money?, firstYear: Int?, lastYear: Int?, relation: String?
        var activityBudget: Bool?, notes = "", amounts: [Int: Money] = [:], decisions: [Int: String] = [:]
        try reader.readObject { (reader: inout JSONReader, key: String) throws(JSONError) in
            switch key {
            case "id": id = try reader.readString()
            case "name": name = try reader.readString()
            case "yearlyAmountCents": amount = try reader.readMoney()
            case "firstYear": firstYear = reader.readNull() ? nil : try reader.readYear()
            case "lastYear": lastYear = reader.readNull() ? nil : try reader.readYear()
            case "relation": relation = try reader.readOptionalString()
            case "activityBudget": activityBudget = try reader.readBool()
            case "notes": notes = try reader.readString()
            case "yearAmounts" where reader.formatVersion >= 3:
                try reader.readArray { (reader: inout JSONReader, _: Int) throws(JSONError) in
                    let entryStart = reader.valueOffset()
                    var year: Int?, amount: Money?, decision: String?
                    try reader.readObject { (reader: inout JSONReader, key: String) throws(JSONError) in
                        switch key {
                        case "year": year = try reader.readYear()
                        case "amountCents": amount = try reader.readMoney()
                        case "decision": decision = try reader.readString()
                        default: throw reader.unknownField(key)
                        }
                    }
                    let entryYear = try required(year, "year", at: entryStart)
                    guard amounts[entryYear] == nil else { throw reader.error(at: entryStart, "het jaar \(entryYear) staat twee keer in yearAmounts") }
                    amounts[entryYear] = try required(amount, "amountCents", at: entryStart)
                    decisions[entryYear] = decision.flatMap { $0.isBlank ? nil : $0 }
                }
            default: throw reader.unknownField(key)
            }
        }
        self.init(id: try required(id, "id", at: start), name: try required(name, "name", at: start),
                  yearlyAmount: try required(amount, "yearlyAmountCents", at: start), firstYear: firstYear, lastYear: lastYear,
                  relation: relation, isActivityBudget: try required(activityBudget, "activityBudget", at: start), notes: notes,
                  amountsByYear: amounts, decisionsByYear: decisions)
    }
}
