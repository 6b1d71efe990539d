extension Dossier {
    /// Refuses a relation name that another relation already has, ignoring case, accents and punctuation:
    /// names are how people find relations, so two must never read the same.
    func checkNameIsFree(_ name: String, for id: RelationID) throws(ChangeError) {
        if let problem = nameTakenProblem(name, for: id) { throw ChangeError(.conflict, problem, field: "name") }
    }

    /// What a form says under a relation's name the moment it reads as another relation's (nil: free); `id`: the
    /// relation being edited (its own name is free for it), "" for a new one.
    public func nameTakenProblem(_ name: String, for id: RelationID) -> String? {
        let key = Slug.make(from: name)
        guard !key.isEmpty, let other = relations.first(where: { $0.id != id && Slug.make(from: $0.name, is: key) }) else { return nil }
        return "er is al een relatie met de naam \(other.name) (\(other.id)); kies een andere naam"
    }

    /// Changes the contacts of a relation, or the municipality's own, in place and checks their rules afterwards.
    /// `body` gets the list and the owner's name for its messages.
    mutating func changeContacts(of owner: ContactOwner, label: String,
                                 _ body: (inout [Contact], String) throws(ChangeError) -> Void) throws(ChangeError) -> Restoration {
        switch owner {
        case .relation(let id):
            let (position, current) = try existingRelation(id)
            var changed = current
            try body(&changed.contacts, current.name)
            try checkRelation(changed)
            replaceRelation(at: position, with: changed)
            return Restoration(label: "\(label) \(current.name)", relations: [Snapshot(id: id, value: current, position: position)])
        case .municipality:
            let name = self.name(of: owner)
            var changed = internalContacts
            try body(&changed, name)
            if let problem = Limits.countProblem(changed.count, label: "Contactpersonen binnen de gemeente") {
                throw ChangeError(.invalid, problem)
            }
            let undo = Restoration(label: "\(label) \(name)", ownContacts: Dossier.snapshots(from: internalContacts, to: changed))
            for snapshot in undo.ownContacts {
                if let contact = changed.first(where: { $0.id == snapshot.id }), let problem = ContactRules.problems(contact, at: .root).first {
                    throw ChangeError(.invalid, problem.message, field: problem.field)
                }
            }
            internalContacts = changed
            return undo
        }
    }

    /// What puts `before` back once the list is `after`: each contact that changed, left or came, as it was and where.
    static func snapshots(from before: [Contact], to after: [Contact]) -> [Snapshot<Contact>] {
        let now = Dictionary(after.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let was = Set(before.map(\.id))
        var snapshots: [Snapshot<Contact>] = []
        for (position, contact) in before.enumerated() where now[contact.id] != contact {
            snapshots.append(Snapshot(id: contact.id, value: contact, position: position))
        }
        for (position, contact) in after.enumerated() where !was.contains(contact.id) {
            snapshots.append(Snapshot(id: contact.id, value: nil, position: position))
        }
        return snapshots
    }

    /// Changes the links of a relation or an activity and checks its rules afterwards.
    mutating func changeLinks(of owner: EntityReference, _ body: (inout [Link]) throws(ChangeError) -> Void) throws(ChangeError) -> Restoration {
        switch owner {
        case .relation(let id):
            let (position, current) = try existingRelation(id)
            var changed = current
            try body(&changed.links)
            try checkRelation(changed)
            replaceRelation(at: position, with: changed)
            return Restoration(label: "Links van \(current.name)", relations: [Snapshot(id: id, value: current, position: position)])
        case .activity(let id):
            let (position, current) = try existingActivity(id)
            var changed = current
            try body(&changed.links)
            try checkActivity(changed)
            replaceActivity(at: position, with: changed)
            return Restoration(label: "Links van \(current.title)", activities: [Snapshot(id: id, value: current, position: position)])
        }
    }

    static func position(of contactID: ContactID, in contacts: [Contact], of ownerName: String) throws(ChangeError) -> Int {
        guard let index = contacts.firstIndex(where: { $0.id == contactID }) else {
            throw ChangeError(.notFound, "\(ownerName) heeft geen contactpersoon '\(contactID)'", field: "contact")
        }
        return index
    }

    static func position(of linkID: LinkID, in links: [Link]) throws(ChangeError) -> Int {
        guard let index = links.firstIndex(where: { $0.id == linkID }) else {
            throw ChangeError(.notFound, "geen link '\(linkID)'", field: "link")
        }
        return index
    }
}
