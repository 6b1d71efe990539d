extension Change {
    /// A change as one JSON object with a `type`, as stored in the journal and read by `dossier apply`.
    public func write(to writer: inout JSONWriter) {
        writer.beginObject()
        switch self {
        case let .setRelationStatus(id, status, reason, reviewDate, seen, seenReviewDate):
            writer.field("type", "set-relation-status")
            writer.field("relation", id)
            writer.optionalField("from", seen?.rawValue)
            writer.optionalField("fromReviewDate", seenReviewDate?.iso)
            writer.field("status", status.rawValue)
            writer.field("reason", reason)
            writer.optionalField("reviewDate", reviewDate?.iso)
        case .addRelation(let relation):
            writer.field("type", "add-relation")
            writer.key("relation")
            relation.write(to: &writer)
        case let .editRelation(id, edits):
            writer.field("type", "edit-relation")
            writer.field("relation", id)
            writeEdits(edits, to: &writer)
        case .updateRelation(let relation):
            writer.field("type", "update-relation")
            writer.key("relation")
            relation.write(to: &writer)
        case .deleteRelation(let id):
            writer.field("type", "delete-relation")
            writer.field("relation", id)
        case .addActivity(let activity):
            writer.field("type", "add-activity")
            writer.key("activity")
            activity.write(to: &writer)
        case let .editActivity(id, edits):
            writer.field("type", "edit-activity")
            writer.field("activity", id)
            writeEdits(edits, to: &writer)
        case .updateActivity(let activity):
            writer.field("type", "update-activity")
            writer.key("activity")
            activity.write(to: &writer)
        case let .moveActivity(id, status, reason, overrideReason, decision, actualCost, seen):
            writer.field("type", "move-activity")
            writer.field("activity", id)
            writer.optionalField("from", seen?.rawValue)
            writer.field("status", status.rawValue)
            writer.field("reason", reason)
            writer.optionalField("overrideReason", overrideReason)
            writer.optionalField("decision", decision)
            if let actualCost { writer.field("actualCostCents", actualCost.cents) }
        case .deleteActivity(let id):
            writer.field("type", "delete-activity")
            writer.field("activity", id)
        case let .addFollowUp(id, followUp):
            writer.field("type", "add-follow-up")
            writer.field("activity", id)
            writer.key("followUp")
            followUp.write(to: &writer)
        case let .setFollowUpDone(id, index, isDone, seen):
            writer.field("type", "set-follow-up-done")
            writer.field("activity", id)
            writer.field("index", index)
            writer.field("done", isDone)
            if let seen { writePlace(seen, to: &writer) }
        case let .editFollowUp(id, place, edits):
            writer.field("type", "edit-follow-up")
            writer.field("activity", id)
            writePlace(place, to: &writer)
            writeEdits(edits, to: &writer)
        case let .removeFollowUp(id, place):
            writer.field("type", "remove-follow-up")
            writer.field("activity", id)
            writePlace(place, to: &writer)
        case let .recordAssessment(id, assessment, seen):
            writer.field("type", "record-assessment")
            writer.field("activity", id)
            writer.key("assessment")
            assessment.write(to: &writer)
            if let seen {
                writer.key("seenAnswers")
                seen.write(to: &writer)
                writer.optionalField("seenExceptionDecision", seen.exceptionDecision)
            }
        case let .addContact(owner, contact):
            writer.field("type", "add-contact")
            writeContactOwner(owner, to: &writer)
            writer.key("contact")
            contact.write(to: &writer)
        case let .editContact(owner, contactID, edits):
            writer.field("type", "edit-contact")
            writeContactOwner(owner, to: &writer)
            writer.field("contact", contactID)
            writeEdits(edits, to: &writer)
        case let .removeContact(owner, contactID):
            writer.field("type", "remove-contact")
            writeContactOwner(owner, to: &writer)
            writer.field("contact", contactID)
        case let .addLink(owner, link):
            writer.field("type", "add-link")
            writeOwner(owner, to: &writer)
            writer.key("link")
            link.write(to: &writer)
        case let .editLink(owner, linkID, edits):
            writer.field("type", "edit-link")
            writeOwner(owner, to: &writer)
            writer.field("link", linkID)
            writeEdits(edits, to: &writer)
        case let .removeLink(owner, linkID):
            writer.field("type", "remove-link")
            writeOwner(owner, to: &writer)
            writer.field("link", linkID)
        case let .setBudgetAmount(lineID, year, amount, seen, decision):
            writer.field("type", "set-budget-amount")
            writer.field("budgetLine", lineID)
            writer.field("year", year)
            writer.key("amountCents")
            if let amount { writer.integer(amount.cents) } else { writer.null() }
            if let seen { writer.field("seenCents", seen.cents) }
            writer.field("decision", decision)
        case let .setPolicy(piece, isThere, seen, decision):
            writer.field("type", "set-policy")
            writer.field("policy", piece.rawValue)
            writer.field("there", isThere)
            if let seen { writer.field("seenThere", seen) }
            writer.field("decision", decision)
        case .restore(let restoration):
            writer.field("type", "restore")
            writer.field("label", restoration.label)
            writer.optionalField("purpose", restoration.purpose?.rawValue)
            writer.key("relations")
            writer.array(restoration.relations) { snapshot, writer in snapshot.write(to: &writer) { $0.write(to: &$1) } }
            writer.key("activities")
            writer.array(restoration.activities) { snapshot, writer in snapshot.write(to: &writer) { $0.write(to: &$1) } }
            // Left out when empty, so a restoration of relations and activities reads the same in an older version.
            if !restoration.ownContacts.isEmpty {
                writer.key("ownContacts")
                writer.array(restoration.ownContacts) { snapshot, writer in snapshot.write(to: &writer) { $0.write(to: &$1) } }
            }
            if !restoration.budgetLines.isEmpty {
                writer.key("budgetLines")
                writer.array(restoration.budgetLines) { snapshot, writer in snapshot.write(to: &writer) { $0.write(to: &$1) } }
            }
            if let framework = restoration.framework {
                writer.key("framework")
                framework.write(to: &writer) { $0.write(to: &$1) }
            }
        case let .batch(changes, label):
            writer.field("type", "batch")
            writer.field("label", label)
            writer.key("changes")
            writer.beginArray()
            for change in changes {
                writer.element()
                change.write(to: &writer)
            }
            writer.endArray()
        }
        writer.endObject()
    }

    public init(reading reader: inout JSONReader) throws(JSONError) {
        let start = reader.valueOffset()
        var type: String?, relationID: String?, activityID: String?, status: String?, reason = "", reviewDate: CalendarDate?
        var seenReviewDate: CalendarDate?
        var overrideReason: String?, decision: String?, actualCost: Money?, relation: Relation?, activity: Activity?, followUp: FollowUp?, index: Int?, done: Bool?
        var assessment: Assessment?, label = "", relationSnapshots: [Snapshot<Relation>] = [], activitySnapshots: [Snapshot<Activity>] = []
        var contactSnapshots: [Snapshot<Contact>] = [], municipality = false
        var changes: [Change] = [], edits: [FieldEdit]?, contact: Contact?, contactID: String?, link: Link?, linkID: String?
        var purpose: Restoration.Purpose?, seen: String?, occurrence: Int?, equalCount: Int?
        var budgetLineID: String?, year: Int?, amount: Money??, seenAmount: Money?, policy: PolicyPiece?, isThere: Bool?, seenThere: Bool?
        var budgetSnapshots: [Snapshot<BudgetLine>] = [], frameworkSnapshot: Snapshot<Framework>?
        var seenAnswers: AssessmentAnswers?, seenException = ""
        let isVersion3 = reader.formatVersion >= 3
        try reader.readObject { (reader: inout JSONReader, key: String) throws(JSONError) in
            switch key {
            case "type": type = try reader.readString()
            case "relation":
                if try reader.peekKind() == .object { relation = try Relation(reading: &reader) } else { relationID = try reader.readString() }
            case "activity":
                if try reader.peekKind() == .object { activity = try Activity(reading: &reader) } else { activityID = try reader.readString() }
            case "status": status = try reader.readString()
            case "from": seen = try reader.readString()
            case "reason": reason = try reader.readString()
            case "reviewDate": reviewDate = try reader.readOptionalDate()
            case "fromReviewDate": seenReviewDate = try reader.readOptionalDate()
            case "overrideReason": overrideReason = try reader.readOptionalString()
            case "decision": decision = try reader.readOptionalString()
            case "actualCostCents": actualCost = try reader.readOptionalMoney()
            case "followUp": followUp = try FollowUp(reading: &reader)
            case "index": index = try reader.readInt(in: 0...Limits.maximumListItems - 1)
            case "done": done = try reader.readBool()
            case "occurrence": occurrence = try reader.readInt(in: 0...Limits.maximumListItems - 1)
            case "of": equalCount = try reader.readInt(in: 1...Limits.maximumListItems)
            case "assessment": assessment = try Assessment(reading: &reader)
            case "seenAnswers": seenAnswers = try AssessmentAnswers(reading: &reader)
            case "seenExceptionDecision": seenException = try reader.readString()
            case "label": label = try reader.readString()
            case "purpose":
                let purposeStart = reader.valueOffset()
                let raw = try reader.readString()
                guard let value = Restoration.Purpose(rawValue: raw) else { throw reader.error(at: purposeStart, "onbekend doel '\(raw)' (undo of redo)") }
                purpose = value
            case "edits": edits = try reader.readArray { (reader: inout JSONReader) throws(JSONError) in try FieldEdit(reading: &reader) }
            case "contact":
                if try reader.peekKind() == .object { contact = try Contact(reading: &reader) } else { contactID = try reader.readString() }
            case "link":
                if try reader.peekKind() == .object { link = try Link(reading: &reader) } else { linkID = try reader.readString() }
            case "changes": changes = try reader.readArray { (reader: inout JSONReader) throws(JSONError) in try Change(reading: &reader) }
            case "relations":
                relationSnapshots = try reader.readArray { (reader: inout JSONReader) throws(JSONError) in
                    try Snapshot<Relation>(reading: &reader) { (reader: inout JSONReader) throws(JSONError) in try Relation(reading: &reader) }
                }
            case "activities":
                activitySnapshots = try reader.readArray { (reader: inout JSONReader) throws(JSONError) in
                    try Snapshot<Activity>(reading: &reader) { (reader: inout JSONReader) throws(JSONError) in try Activity(reading: &reader) }
                }
            case "ownContacts":
                contactSnapshots = try reader.readArray { (reader: inout JSONReader) throws(JSONError) in
                    try Snapshot<Contact>(reading: &reader) { (reader: inout JSONReader) throws(JSONError) in try Contact(reading: &reader) }
                }
            case "municipality": municipality = try reader.readBool()
            case "budgetLine" where isVersion3: budgetLineID = try reader.readString()
            case "year" where isVersion3: year = try reader.readYear()
            case "amountCents" where isVersion3: amount = .some(try reader.readOptionalMoney())
            case "seenCents" where isVersion3: seenAmount = try reader.readOptionalMoney()
            case "policy" where isVersion3:
                let policyStart = reader.valueOffset()
                let raw = try reader.readString()
                guard let value = PolicyPiece(rawValue: raw) else {
                    throw reader.error(at: policyStart, "onbekend beleidsstuk '\(raw)' (toegestaan: \(PolicyPiece.allCases.map(\.rawValue).joined(separator: ", ")))")
                }
                policy = value
            case "there" where isVersion3: isThere = try reader.readBool()
            case "seenThere" where isVersion3: seenThere = try reader.readBool()
            case "budgetLines" where isVersion3:
                budgetSnapshots = try reader.readArray { (reader: inout JSONReader) throws(JSONError) in
                    try Snapshot<BudgetLine>(reading: &reader) { (reader: inout JSONReader) throws(JSONError) in try BudgetLine(reading: &reader) }
                }
            case "framework" where isVersion3:
                frameworkSnapshot = try Snapshot<Framework>(reading: &reader) { (reader: inout JSONReader) throws(JSONError) in try Framework(reading: &reader) }
            default: throw reader.unknownField(key)
            }
        }
        func need<T>(_ value: T?, _ key: String) throws(JSONError) -> T { try required(value, key, at: start) }
        func vocabulary<V: Vocabulary>(_ type: V.Type) throws(JSONError) -> V {
            let raw = try need(status, "status")
            guard let value = V(rawValue: raw) else {
                throw JSONError(offset: start, message: "\(V.unknownName) '\(raw)' (toegestaan: \(V.allowedList))")
            }
            return value
        }
        func seenStatus<V: Vocabulary>(_ type: V.Type) throws(JSONError) -> V? {
            guard let seen else { return nil }
            guard let value = V(rawValue: seen) else {
                throw JSONError(offset: start, message: "\(V.unknownName) '\(seen)' bij from (toegestaan: \(V.allowedList))")
            }
            return value
        }
        func place() throws(JSONError) -> FollowUpPlace {
            let place = FollowUpPlace(seen: try need(followUp, "followUp"), occurrence: try need(occurrence, "occurrence"), count: try need(equalCount, "of"))
            guard place.occurrence < place.count else {
                throw JSONError(offset: start, message: "occurrence \(place.occurrence) ligt niet onder of \(place.count)")
            }
            return place
        }
        func owner() throws(JSONError) -> EntityReference {
            switch (relationID, activityID) {
            case let (relation?, nil): return .relation(relation)
            case let (nil, activity?): return .activity(activity)
            default: throw JSONError(offset: start, message: "een link hoort bij een relation of een activity (één van beide)")
            }
        }
        func contactOwner() throws(JSONError) -> ContactOwner {
            switch (relationID, municipality) {
            case let (relation?, false): return .relation(relation)
            case (nil, true): return .municipality
            default: throw JSONError(offset: start, message: "een contactpersoon hoort bij een relation of bij de gemeente (municipality), één van beide")
            }
        }
        switch try need(type, "type") {
        case "set-relation-status":
            self = .setRelationStatus(try need(relationID, "relation"), status: try vocabulary(RelationStatus.self), reason: reason, reviewDate: reviewDate,
                                      seen: try seenStatus(RelationStatus.self), seenReviewDate: seenReviewDate)
        case "add-relation": self = .addRelation(try need(relation, "relation"))
        case "update-relation": self = .updateRelation(try need(relation, "relation"))
        case "delete-relation": self = .deleteRelation(try need(relationID, "relation"))
        case "add-activity": self = .addActivity(try need(activity, "activity"))
        case "update-activity": self = .updateActivity(try need(activity, "activity"))
        case "move-activity":
            self = .moveActivity(try need(activityID, "activity"), status: try vocabulary(ActivityStatus.self), reason: reason,
                                 overrideReason: overrideReason, decision: decision, actualCost: actualCost, seen: try seenStatus(ActivityStatus.self))
        case "delete-activity": self = .deleteActivity(try need(activityID, "activity"))
        case "add-follow-up": self = .addFollowUp(try need(activityID, "activity"), try need(followUp, "followUp"))
        case "set-follow-up-done":
            self = .setFollowUpDone(try need(activityID, "activity"), index: try need(index, "index"), isDone: try need(done, "done"),
                                    seen: followUp == nil ? nil : try place())
        case "edit-follow-up":
            self = .editFollowUp(try need(activityID, "activity"), try place(), try need(edits, "edits"))
        case "remove-follow-up": self = .removeFollowUp(try need(activityID, "activity"), try place())
        case "record-assessment":
            seenAnswers?.exceptionDecision = seenException
            self = .recordAssessment(try need(activityID, "activity"), try need(assessment, "assessment"), seen: seenAnswers)
        case "restore":
            self = .restore(Restoration(label: label, purpose: purpose, relations: relationSnapshots, activities: activitySnapshots, ownContacts: contactSnapshots,
                                        budgetLines: budgetSnapshots, framework: frameworkSnapshot))
        case "set-budget-amount" where isVersion3:
            self = .setBudgetAmount(try need(budgetLineID, "budgetLine"), year: try need(year, "year"), amount: try need(amount, "amountCents"),
                                    seen: seenAmount, decision: decision ?? "")
        case "set-policy" where isVersion3:
            self = .setPolicy(try need(policy, "policy"), isThere: try need(isThere, "there"), seen: seenThere, decision: decision ?? "")
        case "edit-relation": self = .editRelation(try need(relationID, "relation"), try need(edits, "edits"))
        case "edit-activity": self = .editActivity(try need(activityID, "activity"), try need(edits, "edits"))
        case "add-contact": self = .addContact(try contactOwner(), try need(contact, "contact"))
        case "edit-contact": self = .editContact(try contactOwner(), try need(contactID, "contact"), try need(edits, "edits"))
        case "remove-contact": self = .removeContact(try contactOwner(), try need(contactID, "contact"))
        case "add-link": self = .addLink(try owner(), try need(link, "link"))
        case "edit-link": self = .editLink(try owner(), try need(linkID, "link"), try need(edits, "edits"))
        case "remove-link": self = .removeLink(try owner(), try need(linkID, "link"))
        case "batch": self = .batch(changes, label: label)
        case let other:
            throw JSONError(offset: start, path: JSONPath([.key("type")]), message: "onbekende soort wijziging '\(other)'")
        }
    }
}

private func writePlace(_ place: FollowUpPlace, to writer: inout JSONWriter) {
    writer.key("followUp")
    place.seen.write(to: &writer)
    writer.field("occurrence", place.occurrence)
    writer.field("of", place.count)
}

private func writeEdits(_ edits: [FieldEdit], to writer: inout JSONWriter) {
    writer.key("edits")
    writer.beginArray()
    for edit in edits {
        writer.element()
        edit.write(to: &writer)
    }
    writer.endArray()
}

private func writeContactOwner(_ owner: ContactOwner, to writer: inout JSONWriter) {
    switch owner {
    case .relation(let id): writer.field("relation", id)
    case .municipality: writer.field("municipality", true)
    }
}

private func writeOwner(_ owner: EntityReference, to writer: inout JSONWriter) {
    switch owner {
    case .relation(let id): writer.field("relation", id)
    case .activity(let id): writer.field("activity", id)
    }
}

extension Snapshot {
    func write(to writer: inout JSONWriter, value writeValue: (Entity, inout JSONWriter) -> Void) {
        writer.beginObject()
        writer.field("id", id)
        writer.field("position", position)
        writer.key("value")
        if let value { writeValue(value, &writer) } else { writer.null() }
        switch expected {
        case .unchecked: break
        case .absent:
            writer.key("expected")
            writer.null()
        case .value(let entity):
            writer.key("expected")
            writeValue(entity, &writer)
        }
        writer.endObject()
    }

    init(reading reader: inout JSONReader, value readValue: (inout JSONReader) throws(JSONError) -> Entity) throws(JSONError) {
        let start = reader.valueOffset()
        var id: String?, position: Int?, value: Entity?, sawValue = false, expected = Expectation<Entity>.unchecked
        try reader.readObject { (reader: inout JSONReader, key: String) throws(JSONError) in
            switch key {
            case "id": id = try reader.readString()
            case "position": position = try reader.readInt(in: 0...Limits.maximumActivities - 1)
            case "value":
                sawValue = true
                value = reader.readNull() ? nil : try readValue(&reader)
            case "expected":
                expected = reader.readNull() ? .absent : .value(try readValue(&reader))
            default: throw reader.unknownField(key)
            }
        }
        if !sawValue { throw missingField("value", at: start) }
        self.init(id: try required(id, "id", at: start), value: value, position: try required(position, "position", at: start), expected: expected)
    }
}
