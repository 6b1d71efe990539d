extension Activity {
    public func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("id", id)
        writer.field("title", title)
        writer.field("kind", kind.rawValue)
        writer.field("status", status.rawValue)
        writer.optionalField("relations", relations)
        writer.field("organiser", organiser.slug)
        writer.optionalField("startDate", startDate?.iso)
        writer.optionalField("endDate", endDate?.iso)
        writer.optionalField("countries", countries.map(\.code))
        writer.optionalField("sectors", sectors.map(\.rawValue))
        writer.optionalField("budgetLine", budgetLine)
        if let estimatedCost { writer.field("estimatedCostCents", estimatedCost.cents) }
        if let actualCost { writer.field("actualCostCents", actualCost.cents) }
        if let visit {
            writer.key("visit")
            visit.write(to: &writer)
        }
        if !participants.isEmpty {
            writer.key("participants")
            writer.beginArray()
            for participant in participants {
                writer.element()
                participant.write(to: &writer)
            }
            writer.endArray()
        }
        writer.optionalField("outcomes", outcomes)
        if !followUps.isEmpty {
            writer.key("followUps")
            writer.beginArray()
            for followUp in followUps {
                writer.element()
                followUp.write(to: &writer)
            }
            writer.endArray()
        }
        writer.optionalField("notes", notes)
        writeLinks(links, to: &writer)
        if !statusHistory.isEmpty {
            writer.key("statusHistory")
            writer.beginArray()
            for change in statusHistory {
                writer.element()
                change.write(to: &writer)
            }
            writer.endArray()
        }
        if !assessments.isEmpty {
            writer.key("assessments")
            writer.beginArray()
            for assessment in assessments {
                writer.element()
                assessment.write(to: &writer)
            }
            writer.endArray()
        }
        writer.endObject()
    }

    public init(reading reader: inout JSONReader) throws(JSONError) {
        try self.init(reading: &reader, isProposal: false)
    }

    /// A proposed activity, as in a what-if file: `id`, `status` and `organiser` may be left out
    /// (they become `voorstel`, `in-afweging` and the municipality).
    public init(readingProposal reader: inout JSONReader) throws(JSONError) {
        try self.init(reading: &reader, isProposal: true)
    }

    private init(reading reader: inout JSONReader, isProposal: Bool) throws(JSONError) {
        let start = reader.valueOffset()
        var id: String?, title: String?, kind: ActivityKind?, status: ActivityStatus?, organiser: String?
        var relations: [RelationID] = [], startDate: CalendarDate?, endDate: CalendarDate?, countries: [Country] = []
        var sectors: [Sector] = [], budgetLine: String?, estimatedCost: Money?, actualCost: Money?, visit: VisitDetails?
        var participants: [Participant] = [], outcomes = "", followUps: [FollowUp] = [], notes = "", links: [Link] = []
        var statusHistory: [StatusChange<ActivityStatus>] = [], assessments: [Assessment] = []
        try reader.readObject { (reader: inout JSONReader, key: String) throws(JSONError) in
            switch key {
            case "id": id = try reader.readString()
            case "title": title = try reader.readString()
            case "kind": kind = try reader.readVocabulary(ActivityKind.self)
            case "status": status = try reader.readVocabulary(ActivityStatus.self)
            case "relations": relations = try reader.readSharedStrings()
            case "organiser": organiser = try reader.readSharedString()
            case "startDate": startDate = try reader.readOptionalDate()
            case "endDate": endDate = try reader.readOptionalDate()
            case "countries" where reader.formatVersion >= 2: countries = try reader.readCountries()
            case "sectors": sectors = try reader.readVocabularies(Sector.self)
            case "budgetLine" where reader.formatVersion >= 2: budgetLine = try reader.readOptionalSharedString()
            case "estimatedCostCents": estimatedCost = try reader.readOptionalMoney()
            case "actualCostCents": actualCost = try reader.readOptionalMoney()
            case "visit": visit = reader.readNull() ? nil : try VisitDetails(reading: &reader)
            case "participants":
                participants = try reader.readArray { (reader: inout JSONReader) throws(JSONError) in try Participant(reading: &reader) }
            case "outcomes": outcomes = try reader.readString()
            // Written before follow-ups had ids (or by hand): the ids their texts give, as every reader gives them (the
            // initialiser's `assignMissingIDs`).
            case "followUps":
                followUps = try reader.readArray { (reader: inout JSONReader) throws(JSONError) in try FollowUp(reading: &reader) }
            case "notes": notes = try reader.readString()
            case "links": links = try reader.readArray { (reader: inout JSONReader) throws(JSONError) in try Link(reading: &reader) }
            case "statusHistory":
                statusHistory = try reader.readArray { (reader: inout JSONReader) throws(JSONError) in
                    try StatusChange<ActivityStatus>(reading: &reader)
                }
            case "assessments":
                assessments = try reader.readArray { (reader: inout JSONReader) throws(JSONError) in try Assessment(reading: &reader) }
            default: throw reader.unknownField(key)
            }
        }
        if isProposal {
            id = id ?? "voorstel"
            status = status ?? .inAfweging
            organiser = organiser ?? Organiser.municipalitySlug
        }
        self.init(id: try required(id, "id", at: start), title: try required(title, "title", at: start),
                  kind: try required(kind, "kind", at: start), status: try required(status, "status", at: start),
                  relations: relations, organiser: Organiser(slug: try required(organiser, "organiser", at: start)),
                  startDate: startDate, endDate: endDate, countries: countries, sectors: sectors, budgetLine: budgetLine,
                  estimatedCost: estimatedCost, actualCost: actualCost, participants: participants, outcomes: outcomes,
                  followUps: followUps, notes: notes, visit: visit, statusHistory: statusHistory, assessments: assessments)
        // As read: a missing or repeated link id is for validation to report, not for the reader to mend (the initialiser would).
        if !links.isEmpty { self.links = links }
    }
}

extension Participant {
    public func write(to writer: inout JSONWriter) {
        writer.beginInlineObject()
        writer.field("name", name)
        writer.field("role", role.rawValue)
        writer.optionalField("organisation", organisation)
        writer.endObject()
    }

    public init(reading reader: inout JSONReader) throws(JSONError) {
        let start = reader.valueOffset()
        var name: String?, role: ParticipantRole?, organisation = ""
        try reader.readObject { (reader: inout JSONReader, key: String) throws(JSONError) in
            switch key {
            case "name": name = try reader.readString()
            case "role": role = try reader.readVocabulary(ParticipantRole.self)
            case "organisation": organisation = try reader.readSharedString()
            default: throw reader.unknownField(key)
            }
        }
        self.init(name: try required(name, "name", at: start), role: try required(role, "role", at: start), organisation: organisation)
    }
}

extension FollowUp {
    public func write(to writer: inout JSONWriter) {
        writer.beginInlineObject()
        writer.optionalField("id", id)
        writer.field("text", text)
        writer.optionalField("due", due?.iso)
        writer.optionalField("owner", owner)
        writer.field("done", isDone)
        writer.endObject()
    }

    public init(reading reader: inout JSONReader) throws(JSONError) {
        let start = reader.valueOffset()
        var id = "", text: String?, due: CalendarDate?, owner = "", done = false
        try reader.readObject { (reader: inout JSONReader, key: String) throws(JSONError) in
            switch key {
            case "id": id = try reader.readString()
            case "text": text = try reader.readSharedString()
            case "due": due = try reader.readOptionalDate()
            case "owner": owner = try reader.readSharedString()
            case "done": done = try reader.readBool()
            default: throw reader.unknownField(key)
            }
        }
        self.init(text: try required(text, "text", at: start), due: due, owner: owner, isDone: done, id: id)
    }
}

extension VisitDetails {
    public func write(to writer: inout JSONWriter) {
        writer.beginInlineObject()
        writer.field("direction", direction.rawValue)
        writer.field("delegationFrom", delegationFrom)
        writer.optionalField("ledBy", ledBy)
        writer.optionalField("size", size)
        writer.optionalField("hosts", hosts)
        writer.optionalField("programme", programme)
        writer.endObject()
    }

    public init(reading reader: inout JSONReader) throws(JSONError) {
        let start = reader.valueOffset()
        var direction: VisitDirection?, from: String?, ledBy = "", size: Int?
        var hosts: [String] = [], programme = ""
        try reader.readObject { (reader: inout JSONReader, key: String) throws(JSONError) in
            switch key {
            case "direction": direction = try reader.readVocabulary(VisitDirection.self)
            case "delegationFrom": from = try reader.readSharedString()
            case "ledBy": ledBy = try reader.readSharedString()
            case "size": size = reader.readNull() ? nil : try reader.readInt(in: Limits.delegationSize)
            case "hosts": hosts = try reader.readSharedStrings()
            // Format 1 kept the programme split into items: they are put back together as they were typed.
            case "programme" where reader.formatVersion < 2: programme = Version1.programme(try reader.readStrings())
            case "programme": programme = try reader.readSharedString()
            default: throw reader.unknownField(key)
            }
        }
        self.init(direction: try required(direction, "direction", at: start), delegationFrom: try required(from, "delegationFrom", at: start),
                  ledBy: ledBy, size: size, hosts: hosts, programme: programme)
    }
}

extension Assessment {
    public func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("timestamp", timestamp.iso)
        writer.field("by", by)
        writer.field("verdict", verdict.rawValue)
        writer.key("answers")
        answers.write(to: &writer)
        writer.optionalField("exceptionDecision", answers.exceptionDecision)
        writer.key("reasons")
        writer.beginArray()
        for reason in reasons {
            writer.element()
            writer.beginInlineObject()
            writer.field("rule", reason.rule)
            writer.field("effect", reason.effect.rawValue)
            writer.field("text", reason.text)
            writer.endObject()
        }
        writer.endArray()
        writer.optionalField("missing", missing)
        writer.endObject()
    }

    public init(reading reader: inout JSONReader) throws(JSONError) {
        let start = reader.valueOffset()
        var timestamp: Timestamp?, by: String?, verdict: Verdict?, answers: AssessmentAnswers?, exception = ""
        var reasons: [VerdictReason] = [], missing: [String] = []
        try reader.readObject { (reader: inout JSONReader, key: String) throws(JSONError) in
            switch key {
            case "timestamp": timestamp = try reader.readTimestamp()
            case "by": by = try reader.readSharedString()
            case "verdict": verdict = try reader.readVocabulary(Verdict.self)
            case "answers": answers = try AssessmentAnswers(reading: &reader)
            case "exceptionDecision": exception = try reader.readSharedString()
            case "reasons":
                reasons = try reader.readArray { (reader: inout JSONReader) throws(JSONError) in try VerdictReason(reading: &reader) }
            case "missing": missing = try reader.readSharedStrings()
            default: throw reader.unknownField(key)
            }
        }
        var allAnswers = try required(answers, "answers", at: start)
        allAnswers.exceptionDecision = exception
        self.init(timestamp: try required(timestamp, "timestamp", at: start), by: try required(by, "by", at: start),
                  answers: allAnswers, verdict: try required(verdict, "verdict", at: start), reasons: reasons, missing: missing)
    }
}

extension AssessmentAnswers {
    /// The answers as an object keyed by question slug, in the order of the questions.
    public func write(to writer: inout JSONWriter) {
        writer.beginObject()
        for question in Question.allCases {
            guard let entry = entry(question) else { continue }
            writer.key(dynamic: question.rawValue)
            writer.beginInlineObject()
            writer.field("answer", entry.answer.rawValue)
            writer.optionalField("note", entry.note)
            writer.endObject()
        }
        writer.endObject()
    }

    public init(reading reader: inout JSONReader) throws(JSONError) {
        var answers = AssessmentAnswers()
        try reader.readObject { (reader: inout JSONReader, key: String) throws(JSONError) in
            guard let question = Question(rawValue: key) else {
                throw reader.error("onbekende vraag '\(key)' (toegestaan: \(Question.allowedList))")
            }
            let start = reader.valueOffset()
            var answer: Answer?, note = ""
            try reader.readObject { (reader: inout JSONReader, key: String) throws(JSONError) in
                switch key {
                case "answer": answer = try reader.readVocabulary(Answer.self)
                case "note": note = try reader.readSharedString()
                default: throw reader.unknownField(key)
                }
            }
            answers.setEntry(question, AnswerEntry(try required(answer, "answer", at: start), note: note))
        }
        self = answers
    }
}

extension VerdictReason {
    public init(reading reader: inout JSONReader) throws(JSONError) {
        let start = reader.valueOffset()
        var rule: String?, effect: Verdict?, text: String?
        try reader.readObject { (reader: inout JSONReader, key: String) throws(JSONError) in
            switch key {
            case "rule": rule = try reader.readSharedString()
            case "effect": effect = try reader.readVocabulary(Verdict.self)
            case "text": text = try reader.readSharedString()
            default: throw reader.unknownField(key)
            }
        }
        self.init(rule: try required(rule, "rule", at: start), effect: try required(effect, "effect", at: start),
                  text: try required(text, "text", at: start))
    }
}
