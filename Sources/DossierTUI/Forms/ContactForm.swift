import DossierCore

/// `+` and `e` in a relation's contacts, or in the municipality's own: name, function, organisation, e-mail, phone,
/// the gesprekspartner mark and notes; e-mail and phone checked by the core's readers, the form staying open on a mistake.
enum ContactForm {
    static func make(owner: ContactOwner, editing contact: Contact?, in state: AppState) -> Form {
        let fields = TableForm.fields(Contact.fields, of: contact ?? Contact(name: ""), in: state.dossier)
        let ownerName = state.dossier.name(of: owner)
        let title = contact.map { "Contactpersoon bewerken — \($0.name) (\(ownerName))" } ?? "Nieuwe contactpersoon bij \(ownerName)"
        return Form(purpose: contact.map { .editContact(owner, $0.id) } ?? .newContact(owner), title: title, fields: fields)
    }

    static func submit(_ form: Form, owner: ContactOwner, editing contactID: ContactID?, in state: AppState) -> FormOutcome {
        // The contacts as the form saw them (its basis): a field a colleague changed meanwhile is never saved over unseen.
        let contacts: [Contact]
        switch owner {
        case .relation(let id):
            guard let relation = state.seenRelation(id) else { return .problems(["name": "De relatie bestaat niet meer"]) }
            contacts = relation.contacts
        case .municipality:
            contacts = state.seenOwnContacts()
        }
        let (values, problems) = TableForm.values(form, Contact.fields, in: state.dossier, today: state.today,
                                                  untouched: contactID.flatMap { id in contacts.first { $0.id == id } })
        guard problems.isEmpty else { return .problems(problems) }
        if let contactID {
            guard let existing = contacts.first(where: { $0.id == contactID }) else { return .problems(["name": "Deze contactpersoon bestaat niet meer"]) }
            let edits = TableForm.edits(values, of: existing)
            guard !edits.isEmpty else { return .unchanged("Niets gewijzigd aan \(existing.name).") }
            return .change(.editContact(owner, contactID, edits), success: "Contactpersoon bewerkt: \(form.text("name"))")
        }
        let name = form.text("name")
        // A new id among the contacts as they are now: one a colleague added meanwhile is not taken again.
        var contact = Contact(id: (state.dossier.contacts(of: owner) ?? contacts).newContactID(for: name), name: name)
        let fillProblems = TableForm.fill(&contact, with: values)
        guard fillProblems.isEmpty else { return .problems(fillProblems) }
        return .change(.addContact(owner, contact), success: "Contactpersoon toegevoegd bij \(state.dossier.name(of: owner)): \(contact.name)")
    }
}
