extension Dossier {
    /// Refuses a relation name that another relation already has, ignoring case, accents and punctuation:
    /// names are how people find relations, so two must never read the same.
    func checkNameIsFree(_ name: String, for id: RelationID) throws(ChangeError) {
        let key = Slug.make(from: name)
        guard !key.isEmpty, let other = relations.first(where: { $0.id != id && Slug.make(from: $0.name, is: key) }) else { return }
        throw ChangeError(.conflict, "er is al een relatie met de naam \(other.name) (\(other.id)); kies een andere naam", field: "name")
    }

    /// Changes a relation's contacts in place and checks the relation's rules afterwards.
    mutating func changeContacts(of id: RelationID, label: String,
                                 _ body: (inout Relation) throws(ChangeError) -> Void) throws(ChangeError) -> Restoration {
        let (position, current) = try existingRelation(id)
        var changed = current
        try body(&changed)
        try checkRelation(changed)
        replaceRelation(at: position, with: changed)
        return Restoration(label: "\(label) \(current.name)", relations: [Snapshot(id: id, value: current, position: position)])
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

    static func position(of contactID: ContactID, in relation: Relation) throws(ChangeError) -> Int {
        guard let index = relation.contacts.firstIndex(where: { $0.id == contactID }) else {
            throw ChangeError(.notFound, "\(relation.name) heeft geen contactpersoon '\(contactID)'", field: "contact")
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
