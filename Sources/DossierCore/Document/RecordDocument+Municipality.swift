extension RecordDocument {
    /// The municipality itself: its own people (wethouders, colleagues), who are kept like a relation's contacts.
    public init(municipalityOf dossier: Dossier) {
        let contacts = dossier.internalContacts
        let about = "Wethouders en collega's. Gesprekspartners krijgen het vastgestelde Kader (export --what gesprekspartners)."
        self.init(title: Organiser.municipalityName, id: Organiser.municipalitySlug,
                  subtitle: [RecordSpan("eigen organisatie", .muted)],
                  blocks: [.text(heading: "De eigen mensen van de gemeente", about),
                           .list(RecordList(kind: .contacts, heading: "Contactpersonen (\(contacts.count))", items: contacts.map(RecordDocument.contactItem),
                                            emptyText: "Nog geen contactpersonen.", isTable: true))])
    }
}
