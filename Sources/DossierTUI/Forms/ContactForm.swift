import DossierCore

/// `+` and `e` in a relation's contacts: name, function, organisation, e-mail, phone, the gesprekspartner
/// mark and notes; e-mail and phone checked by the core's readers, the form staying open on a mistake.
enum ContactForm {
    static func make(relation: Relation, editing contact: Contact?, in state: AppState) -> Form {
        let fields = TableForm.fields(Contact.fields, of: contact ?? Contact(name: ""), in: state.dossier)
        let title = contact.map { "Contactpersoon bewerken — \($0.name) (\(relation.name))" } ?? "Nieuwe contactpersoon bij \(relation.name)"
        return Form(purpose: contact.map { .editContact(relation.id, $0.id) } ?? .newContact(relation.id), title: title, fields: fields)
    }

    static func submit(_ form: Form, relationID: RelationID, editing contactID: ContactID?, in state: AppState) -> FormOutcome {
        guard let relation = state.seenRelation(relationID) else { return .problems(["name": "De relatie bestaat niet meer"]) }
        let (values, problems) = TableForm.values(form, Contact.fields, in: state.dossier, today: state.today,
                                                  untouched: contactID.flatMap { id in relation.contacts.first { $0.id == id } })
        guard problems.isEmpty else { return .problems(problems) }
        if let contactID, let existing = relation.contacts.first(where: { $0.id == contactID }) {
            let edits = TableForm.edits(values, of: existing)
            guard !edits.isEmpty else { return .unchanged("Niets gewijzigd aan \(existing.name).") }
            return .change(.editContact(relationID, contactID, edits), success: "Contactpersoon bewerkt: \(form.text("name"))")
        }
        let name = form.text("name")
        var contact = Contact(id: relation.contacts.newContactID(for: name), name: name)
        let fillProblems = TableForm.fill(&contact, with: values)
        guard fillProblems.isEmpty else { return .problems(fillProblems) }
        return .change(.addContact(relationID, contact), success: "Contactpersoon toegevoegd bij \(relation.name): \(contact.name)")
    }
}
