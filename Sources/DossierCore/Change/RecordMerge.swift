/// Putting a record back (an undo or a redo) after a colleague changed it since: the fields the step changed go back,
/// the colleague's other fields stay. Refused (nil) when both changed the same field.
///
/// Merged on the record's JSON form, one top-level field at a time, so a field with parts (a status history, the
/// follow-ups, the links) counts as one: a step and a colleague's change to the same list are a conflict, never
/// half of each. A relation's contacts are merged one contact at a time, as the municipality's own are: each is a
/// record of its own (the step edited one, a colleague another). The fields the life cycle and the Kader's weighing look at together (the status and its history, the
/// weighings, the dates, the costs, the budget line, the review date) count as one as well: half of a step and half of
/// a colleague's would make a record no step made (approved without its weighing, carried out before its date). A
/// record deleted and made anew since (another first step in its history) is never merged. The merged record still
/// passes every rule of the change path before it is kept.
enum RecordMerge {
    /// `base`: the record as the step left it (what the undo expected); `ours`: as the undo puts it back; `theirs`: as
    /// it is now.
    static func merge(base: Relation, ours: Relation, theirs: Relation) -> Relation? {
        guard isSameRecord(base.statusHistory, theirs.statusHistory),
              let contacts = mergeByID(base: base.contacts, ours: ours.contacts, theirs: theirs.contacts, merge: merge) else { return nil }
        var (ours, theirs) = (ours, theirs)
        ours.contacts = contacts
        theirs.contacts = contacts
        return merge(base, ours, theirs, together: ["status", "statusHistory", "reviewDate"], write: { $0.write(to: &$1) }) {
            (reader: inout JSONReader) throws(JSONError) in try Relation(reading: &reader)
        }
    }

    static func merge(base: Activity, ours: Activity, theirs: Activity) -> Activity? {
        guard isSameRecord(base.statusHistory, theirs.statusHistory) else { return nil }
        return merge(base, ours, theirs, together: ["status", "statusHistory", "assessments", "startDate", "endDate", "estimatedCostCents",
                                                     "actualCostCents", "budgetLine"], write: { $0.write(to: &$1) }) {
            (reader: inout JSONReader) throws(JSONError) in try Activity(reading: &reader)
        }
    }

    /// Whether a record with these histories is still the one the step left (`base`), not one deleted and made anew: the
    /// same first step. A record without a history yet (as the bundled dossier's first relations are) is still itself when
    /// its first step now starts from a status, as a status set later does; a record made anew starts from none.
    static func isSameRecord<Status>(_ base: [StatusChange<Status>], _ theirs: [StatusChange<Status>]) -> Bool {
        guard let first = base.first else { return theirs.first.map { $0.from != nil } ?? true }
        return first == theirs.first
    }

    /// Only a budget line's amounts per year change (`Change.setBudgetAmount`): merged year by year.
    static func merge(base: BudgetLine, ours: BudgetLine, theirs: BudgetLine) -> BudgetLine? {
        guard base.withoutYearAmounts == ours.withoutYearAmounts, base.withoutYearAmounts == theirs.withoutYearAmounts else { return nil }
        var merged = theirs
        // A year's amount and the decision that set it go together.
        func year(_ line: BudgetLine, _ year: Int) -> (Money?, String?) { (line.amountsByYear[year], line.decisionsByYear[year]) }
        for key in Set(base.amountsByYear.keys).union(ours.amountsByYear.keys).union(theirs.amountsByYear.keys) {
            let (was, put, now) = (year(base, key), year(ours, key), year(theirs, key))
            if now == was {
                merged.amountsByYear[key] = put.0
                merged.decisionsByYear[key] = put.1
            } else if put != was && put != now {
                return nil
            }
        }
        return merged
    }

    /// The framework field by field: each piece of policy on its own.
    static func merge(base: Framework, ours: Framework, theirs: Framework) -> Framework? {
        merge(base, ours, theirs, together: [], write: { $0.write(to: &$1) }) { (reader: inout JSONReader) throws(JSONError) in try Framework(reading: &reader) }
    }

    static func merge(base: Contact, ours: Contact, theirs: Contact) -> Contact? {
        merge(base, ours, theirs, together: [], write: { $0.write(to: &$1) }) { (reader: inout JSONReader) throws(JSONError) in try Contact(reading: &reader) }
    }

    /// A list of records merged record by record, by id: what only one side changed (edited, added, removed) is taken
    /// from that side, a record both changed is merged field by field (`merge`). Nil when both changed one record in the
    /// same field, or one removed what the other changed. In the colleague's order; what only the step puts back goes
    /// after the record it follows in the step's list.
    static func mergeByID<Item: Identifiable & Equatable>(base: [Item], ours: [Item], theirs: [Item],
                                                         merge: (Item, Item, Item) -> Item?) -> [Item]? where Item.ID == String {
        func byID(_ items: [Item]) -> [String: Item]? {
            var table: [String: Item] = [:]
            for item in items where table.updateValue(item, forKey: item.id) != nil { return nil }
            return table
        }
        guard let was = byID(base), let put = byID(ours), let now = byID(theirs) else { return nil }
        var merged: [String: Item] = [:]
        for id in Set(was.keys).union(put.keys).union(now.keys) {
            let chosen: Item?
            if put[id] == was[id] {
                chosen = now[id]
            } else if now[id] == was[id] || now[id] == put[id] {
                chosen = put[id]
            } else if let base = was[id], let ours = put[id], let theirs = now[id], let both = merge(base, ours, theirs) {
                chosen = both
            } else {
                return nil
            }
            merged[id] = chosen
        }
        var result = theirs.compactMap { merged[$0.id] }
        for (index, item) in ours.enumerated() where now[item.id] == nil {
            guard let chosen = merged[item.id] else { continue }
            let after = ours[..<index].last { previous in result.contains { $0.id == previous.id } }
            let place = after.flatMap { previous in result.firstIndex { $0.id == previous.id } }.map { $0 + 1 } ?? 0
            result.insert(chosen, at: place)
        }
        return result
    }

    private static func merge<Entity>(_ base: Entity, _ ours: Entity, _ theirs: Entity, together: Set<String>, write: (Entity, inout JSONWriter) -> Void,
                                      read: (inout JSONReader) throws(JSONError) -> Entity) -> Entity? {
        guard let base = fields(of: base, write), let ours = fields(of: ours, write), let theirs = fields(of: theirs, write) else { return nil }
        func changed(_ side: [(key: String, value: ArraySlice<UInt8>)], _ key: String) -> Bool {
            side.first { $0.key == key }?.value != base.first { $0.key == key }?.value
        }
        // The fields that go together: when both sides changed one of them, both must have made them the same.
        if together.contains(where: { changed(ours, $0) }), together.contains(where: { changed(theirs, $0) }),
           together.contains(where: { key in ours.first { $0.key == key }?.value != theirs.first { $0.key == key }?.value }) {
            return nil
        }
        let keys = ours.map(\.key) + theirs.map(\.key).filter { key in !ours.contains { $0.key == key } }
        func value(_ key: String, in fields: [(key: String, value: ArraySlice<UInt8>)]) -> ArraySlice<UInt8>? {
            fields.first { $0.key == key }?.value
        }
        var merged: [UInt8] = [UInt8(ascii: "{")]
        for key in keys {
            // A field left out is a field without a value (an empty list is not written).
            let was = value(key, in: base), put = value(key, in: ours), now = value(key, in: theirs)
            let chosen: ArraySlice<UInt8>?
            if put == was {
                chosen = now
            } else if now == was || now == put {
                chosen = put
            } else {
                return nil
            }
            guard let chosen else { continue }
            if merged.count > 1 { merged.append(UInt8(ascii: ",")) }
            var name = JSONWriter(pretty: false)
            name.string(key)
            merged += name.bytes + [UInt8(ascii: ":")] + chosen
        }
        merged.append(UInt8(ascii: "}"))
        return try? JSONReader.read(merged, read)
    }

    /// The top-level fields of a record as written, each with its value's bytes.
    private static func fields<Entity>(of entity: Entity, _ write: (Entity, inout JSONWriter) -> Void) -> [(key: String, value: ArraySlice<UInt8>)]? {
        var writer = JSONWriter(pretty: false)
        write(entity, &writer)
        let bytes = writer.bytes
        var fields: [(key: String, value: ArraySlice<UInt8>)] = []
        let read: Void? = try? JSONReader.read(bytes) { (reader: inout JSONReader) throws(JSONError) in
            try reader.readObject { (reader: inout JSONReader, key: String) throws(JSONError) in
                let start = reader.valueOffset()
                try reader.skipValue()
                fields.append((key, bytes[start..<reader.offset]))
            }
        }
        return read == nil ? nil : fields
    }
}
