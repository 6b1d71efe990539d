extension Dossier {
    /// The dossier without the contacts' e-mail addresses and phone numbers: what an export holds unless
    /// those are asked for (they are personal data; names, organisations and roles stay).
    public func withoutContactDetails() -> Dossier {
        var copy = self
        func strip(_ contact: Contact) -> Contact {
            var contact = contact
            contact.email = ""
            contact.phone = ""
            return contact
        }
        for position in copy.relations.indices where !copy.relations[position].contacts.isEmpty {
            var relation = copy.relations[position]
            relation.contacts = relation.contacts.map(strip)
            copy.replaceRelation(at: position, with: relation)
        }
        copy.internalContacts = copy.internalContacts.map(strip)
        return copy
    }
}
