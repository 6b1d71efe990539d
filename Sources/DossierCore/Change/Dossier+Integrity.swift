extension Dossier {
    /// Applies a change, or refuses it and leaves the dossier as it was.
    ///
    /// Whatever a change is — typed in a form, read from `dossier apply`, an import, an undo — the dossier
    /// after it satisfies every rule the loader checks (`DossierValidator`), so a confirmed change can never
    /// produce a file that will not load. Checking all of it after each change would cost a full validation;
    /// instead the relations and activities the change touched (its restoration names them) are checked,
    /// which is enough because every rule of an entity looks only at the entity itself and at whether the
    /// relations it names exist: so besides the touched entities only the users of a removed relation can
    /// break, and those are looked for.
    /// - Returns: the restoration that undoes the change.
    ///
    /// The restoration returned also says what each entity is now (`Snapshot.expected`): applying it later
    /// (an undo) is refused when someone changed one of them since.
    @discardableResult
    public mutating func apply(_ change: Change, context: ChangeContext) throws(ChangeError) -> Restoration {
        let change = try effective(change)
        // (A restoration puts back a state just left, or is an undo with its own expectations.)
        if !context.isReplay, !change.isRestoration { try checkUnchanged(since: context.seen) }
        var undo = try applyUnchecked(change, context: context)
        // A replayed line was accepted when it was written: an id shared before this rule must not make the log unreadable.
        if let problem = (context.isReplay ? nil : idOfTheOtherKind(addedBy: undo)) ?? firstProblem(touchedBy: undo)
            ?? (context.isReplay || change.isRestoration ? nil : newNUL(touchedBy: undo)) {
            // Putting back the state just left always applies: it satisfied every rule.
            _ = try? applyUnchecked(.restore(undo), context: context)
            throw problem
        }
        for index in undo.relations.indices { undo.relations[index].expected = Expectation(relation(undo.relations[index].id)) }
        for index in undo.activities.indices { undo.activities[index].expected = Expectation(activity(undo.activities[index].id)) }
        for index in undo.ownContacts.indices { undo.ownContacts[index].expected = Expectation(ownContact(undo.ownContacts[index].id)) }
        for index in undo.budgetLines.indices { undo.budgetLines[index].expected = Expectation(budgetLine(undo.budgetLines[index].id)) }
        undo.framework?.expected = .value(framework)
        return undo
    }

    /// The change as it will be applied: a restoration of a record someone changed since carries the merged record
    /// (see `merged`), which is what the journal keeps and the log describes, so that a replay, also by an older
    /// version, puts back exactly that. Any other change as it is.
    public func effective(_ change: Change) throws(ChangeError) -> Change {
        guard case .restore(let restoration) = change else { return change }
        try Dossier.checkShape(of: restoration)
        return .restore(try merged(restoration))
    }

    /// A restoration whose entities are as the change it undoes left them, or, for one someone changed since, with
    /// the fields that change did not touch as they are now (`RecordMerge`). Refused when both changed the same field,
    /// or the entity was removed or made again since: putting it back would wipe the other change.
    private func merged(_ restoration: Restoration) throws(ChangeError) -> Restoration {
        var merged = restoration
        let said = restoration.purpose == .redo ? "die u opnieuw wilt doen" : "die u ongedaan wilt maken"
        try Self.merge(&merged.relations, now: { relation($0) }, named: \.name, said: said) { RecordMerge.merge(base: $0, ours: $1, theirs: $2) }
        try Self.merge(&merged.activities, now: { activity($0) }, named: { "'\($0.title)'" }, said: said) { RecordMerge.merge(base: $0, ours: $1, theirs: $2) }
        try Self.merge(&merged.ownContacts, now: { ownContact($0) }, named: \.name, said: said) { RecordMerge.merge(base: $0, ours: $1, theirs: $2) }
        // A year's amount and each piece of policy on its own: another year or piece set since is kept.
        try Self.merge(&merged.budgetLines, now: { budgetLine($0) }, named: \.name, said: said, together: "hetzelfde jaar",
                       RecordMerge.merge(base:ours:theirs:))
        if var framework = merged.framework.map({ [$0] }) {
            try Self.merge(&framework, now: { _ in self.framework }, named: \.title, said: said, together: "hetzelfde beleidsstuk",
                           RecordMerge.merge(base:ours:theirs:))
            merged.framework = framework.first
        }
        return merged
    }

    /// The snapshots of one kind of record, each not as expected merged with the record as it is now (see `merged`).
    /// `together`: what a conflict in the same field means for this kind of record, said in the refusal.
    private static func merge<Entity>(_ snapshots: inout [Snapshot<Entity>], now current: (String) -> Entity?, named name: (Entity) -> String,
                                      said: String, together: String = "een veld dat die ook veranderde, of dat ermee samenhangt (status, afwegingen, datums, kosten en budgetregel gaan samen)",
                                      _ merge: (Entity, Entity, Entity) -> Entity?) throws(ChangeError) {
        for index in snapshots.indices where !snapshots[index].expected.isMet(by: current(snapshots[index].id)) {
            let snapshot = snapshots[index], now = current(snapshot.id)
            let shown = (now ?? snapshot.value).map(name) ?? snapshot.id
            guard case .value(let left) = snapshot.expected, let now, let value = snapshot.value else {
                throw ChangeError(.conflict, "\(shown) is gewijzigd na de wijziging \(said); terugzetten zou die wijziging ook wissen")
            }
            guard let combined = merge(left, value, now) else {
                throw ChangeError(.conflict, "\(shown) is gewijzigd na de wijziging \(said), in \(together); terugzetten zou die wijziging ook wissen")
            }
            snapshots[index].value = combined
            snapshots[index].expected = .value(now)
        }
    }

    /// A restoration read from a file can say anything: each snapshot's value must have the snapshot's id,
    /// an entity may appear once, and positions are places in a list.
    static func checkShape(of restoration: Restoration) throws(ChangeError) {
        try checkShape(of: restoration.relations, id: \.id, noun: "relatie")
        try checkShape(of: restoration.activities, id: \.id, noun: "activiteit")
        try checkShape(of: restoration.ownContacts, id: \.id, noun: "contactpersoon", whose: " van de gemeente")
        try checkShape(of: restoration.budgetLines, id: \.id, noun: "budgetregel")
        if let framework = restoration.framework { try checkShape(of: [framework], id: { _ in Framework.snapshotID }, noun: "kader") }
        // Budget lines and the framework are only ever put back, never taken away.
        if restoration.budgetLines.contains(where: { $0.value == nil }) || restoration.framework.map({ $0.value == nil }) == true {
            throw ChangeError(.invalid, "terugzetten: een budgetregel of het kader zonder waarde kan niet worden teruggezet")
        }
    }

    /// The snapshots of one kind of record (a `noun`, `whose` said after it): see `checkShape(of:)`.
    private static func checkShape<Entity>(of snapshots: [Snapshot<Entity>], id: (Entity) -> String, noun: String,
                                           whose: String = "") throws(ChangeError) {
        var ids = Set<String>()
        for snapshot in snapshots {
            if let value = snapshot.value, id(value) != snapshot.id {
                throw ChangeError(.invalid, "terugzetten: \(noun) '\(snapshot.id)'\(whose) heeft als waarde een \(noun) met id '\(id(value))'", field: "id")
            }
            guard ids.insert(snapshot.id).inserted else {
                throw ChangeError(.invalid, "terugzetten: \(noun) '\(snapshot.id)'\(whose) staat er twee keer in", field: "id")
            }
            guard snapshot.position >= 0 else {
                throw ChangeError(.invalid, "terugzetten: positie \(snapshot.position) van \(noun) '\(snapshot.id)' is negatief", field: "position")
            }
        }
    }

    /// A relation or activity the change brought into the dossier (its restoration takes it away again) under an id
    /// a record of the other kind has: then `dossier show ID` and every command that takes either could not tell them apart.
    func idOfTheOtherKind(addedBy restoration: Restoration) -> ChangeError? {
        for snapshot in restoration.relations where snapshot.value == nil && relation(snapshot.id) != nil {
            if let other = activity(snapshot.id) {
                return ChangeError(.conflict, "id '\(snapshot.id)' is al de id van activiteit '\(other.title)'; kies een andere id", field: "id")
            }
        }
        for snapshot in restoration.activities where snapshot.value == nil && activity(snapshot.id) != nil {
            if let other = relation(snapshot.id) {
                return ChangeError(.conflict, "id '\(snapshot.id)' is al de id van relatie \(other.name); kies een andere id", field: "id")
            }
        }
        return nil
    }

    /// The first rule broken by the entities a change touched, or by users of a relation it removed.
    func firstProblem(touchedBy restoration: Restoration) -> ChangeError? {
        if !hasUniqueIDs {
            return ChangeError(.conflict, "na deze wijziging zouden twee relaties of activiteiten dezelfde id hebben", field: "id")
        }
        for snapshot in restoration.relations {
            if let relation = relation(snapshot.id) {
                if let problem = RelationRules.problems(relation, in: self).first {
                    return ChangeError(.invalid, "\(relation.name): \(problem.message)", field: problem.field)
                }
            } else if let problem = problemOfRemoved(relation: snapshot.id) {
                return problem
            }
        }
        for snapshot in restoration.activities {
            if let activity = activity(snapshot.id), let problem = ActivityRules.problems(activity, in: self).first {
                return ChangeError(.invalid, "\(activity.title): \(problem.message)", field: problem.field)
            }
        }
        for snapshot in restoration.ownContacts {
            if let contact = ownContact(snapshot.id), let problem = ContactRules.problems(contact, at: .root).first {
                return ChangeError(.invalid, "\(contact.name): \(problem.message)", field: problem.field)
            }
        }
        for snapshot in restoration.budgetLines {
            if let line = budgetLine(snapshot.id), let problem = SizeRules.problems(line).first {
                return ChangeError(.invalid, "\(line.name): \(problem.message)", field: problem.field)
            }
        }
        return nil
    }

    /// A NUL (U+0000) in a text the change put there: PostgreSQL cannot store one, so no change may add one. One a record held
    /// before (a file from an older version) does not stop a change of it; a replayed line or a restoration puts back what was.
    func newNUL(touchedBy restoration: Restoration) -> ChangeError? {
        // The record as it was is read only when it has one now: almost never, so a large batch pays one pass.
        func added(_ now: [FieldProblem], before: () -> [FieldProblem]) -> ChangeError? {
            guard !now.isEmpty else { return nil }
            let earlier = before()
            return now.first { !earlier.contains($0) }.map { ChangeError(.invalid, $0.message, field: $0.field) }
        }
        func nul(_ relation: Relation) -> [FieldProblem] {
            SizeRules.problems(relation, nulOnly: true) + relation.contacts.enumerated().flatMap { index, contact in
                SizeRules.problems(contact, at: JSONPath([.key("contacts"), .index(index)]), nulOnly: true)
            }
        }
        for snapshot in restoration.relations {
            if let relation = relation(snapshot.id), let problem = added(nul(relation), before: { snapshot.value.map(nul) ?? [] }) { return problem }
        }
        for snapshot in restoration.activities {
            if let activity = activity(snapshot.id),
               let problem = added(SizeRules.problems(activity, nulOnly: true), before: { snapshot.value.map { SizeRules.problems($0, nulOnly: true) } ?? [] }) {
                return problem
            }
        }
        for snapshot in restoration.ownContacts {
            if let contact = ownContact(snapshot.id),
               let problem = added(SizeRules.problems(contact, at: .root, nulOnly: true),
                                   before: { snapshot.value.map { SizeRules.problems($0, at: .root, nulOnly: true) } ?? [] }) {
                return problem
            }
        }
        return nil
    }

    private func problemOfRemoved(relation id: RelationID) -> ChangeError? {
        if let user = activities.first(where: { $0.relations.contains(id) || $0.organiser.relationID == id }) {
            return ChangeError(.conflict, "'\(user.title)' verwijst naar relatie '\(id)', die er dan niet meer zou zijn")
        }
        if let dependent = relations.first(where: { $0.via == id }) {
            return ChangeError(.conflict, "\(dependent.name) loopt via relatie '\(id)', die er dan niet meer zou zijn")
        }
        if let line = budgetLines.first(where: { $0.relation == id }) {
            return ChangeError(.conflict, "de budgetregel '\(line.name)' hoort bij relatie '\(id)', die er dan niet meer zou zijn")
        }
        return nil
    }
}
