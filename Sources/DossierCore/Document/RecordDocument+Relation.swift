extension RecordDocument {
    /// A relation: its fields, notes, contacts, links, status history and activities. With `today`, a review date that
    /// has passed says so, as the lists and the signals do.
    public init(relation: Relation, in dossier: Dossier, dates: DateWriting = .standard, today: CalendarDate? = nil) {
        var fields: [RecordField] = []
        for field in Relation.fields.fields where !["name", "notes"].contains(field.key) {
            let value = field.value(of: relation)
            if !value.isEmpty { fields.append(RecordField(field.label, field.show(value, in: dossier), tone: field.key == "source" ? .muted : .plain)) }
            if field.key == "kind" {
                let review = relation.reviewDate.map { review in
                    " — herijking \(dates.date(review))" + (today.map { review < $0 && relation.status == .laagPitje } == true ? " (verlopen)" : "")
                } ?? ""
                fields.append(RecordField("Status", relation.status.label + review, tone: .relationStatus(relation.status)))
            }
            if field.key == "countries", !relation.countries.isEmpty {
                fields.append(RecordField("Ligging", relation.countries.location))
            }
        }
        fields.append(RecordField("Id", relation.id, tone: .muted))
        var blocks: [RecordBlock] = [.fields(heading: nil, fields)]
        if !relation.notes.isEmpty { blocks.append(.text(heading: "Toelichting", relation.notes)) }
        blocks.append(.list(RecordList(kind: .contacts, heading: "Contactpersonen (\(relation.contacts.count))",
                                       items: relation.contacts.map(RecordDocument.contactItem), emptyText: "Nog geen contactpersonen.",
                                       isTable: true)))
        blocks.append(.list(RecordDocument.links(relation.links)))
        blocks.append(.list(RecordList(kind: .history, heading: "Statusgeschiedenis",
                                       items: relation.statusHistory.reversed().map { RecordDocument.historyItem($0, tone: .relationStatus($0.to), dates: dates) },
                                       emptyText: "Nog geen statuswijzigingen vastgelegd.")))
        let activities = ActivityQuery.sortedChronologically(dossier.activities(of: relation.id))
        blocks.append(.list(RecordList(kind: .activities, heading: "Activiteiten (\(activities.count))", items: activities.map { activity in
            RecordItem(id: activity.id, line: [
                RecordSpan(dates.date(activity.startDate, none: "geen datum"), .label), RecordSpan(activity.title, .strong), RecordSpan(activity.kind.label),
                RecordSpan(activity.status.label, .activityStatus(activity.status)), RecordSpan("(\(activity.id))", .muted),
            ])
        }, emptyText: "Nog geen activiteiten.", isTable: true)))
        self.init(title: relation.name, id: relation.id,
                  subtitle: [RecordSpan(relation.status.label, .relationStatus(relation.status)), RecordSpan(relation.kind.label, .muted)],
                  blocks: blocks)
    }

    /// A row: name, function, organisation, e-mail, phone and the gesprekspartner mark; the notes under it.
    static func contactItem(_ contact: Contact) -> RecordItem {
        let line = [RecordSpan(contact.name, .strong), RecordSpan(contact.role), RecordSpan(contact.organisation),
                    RecordSpan(contact.email, .label), RecordSpan(contact.phone, .label),
                    RecordSpan(contact.consultedForFramework ? "gesprekspartner Kader" : "", .muted)]
        let details = contact.notes.isEmpty ? [] : [RecordLine(contact.notes, indent: 2, tone: .muted)]
        return RecordItem(id: contact.id, line: line, details: details)
    }

    static func links(_ links: [Link]) -> RecordList {
        RecordList(kind: .links, heading: "Links (\(links.count))", items: links.map { link in
            let kind = if case .path = link.target { "bestand: " } else { "" }
            return RecordItem(id: link.id, line: [RecordSpan(link.label, .strong), RecordSpan(kind + link.target.text, .muted)])
        }, emptyText: "Nog geen links.", isTable: true)
    }

    /// "1-1-2025  Actief → Laag pitje  herijking 31-12-2030", who, and why.
    static func historyItem<Status: Vocabulary>(_ change: StatusChange<Status>, tone: RecordTone, dates: DateWriting) -> RecordItem {
        // The date as wide as any date, so what follows (and the lines under it) stand in one column.
        let column = dates.columnWidth + 2
        var line = [RecordSpan(DisplayWidth.fit(dates.date(change.date), to: column), .label)]
        if change.isReview {
            line.append(RecordSpan("Herijking: blijft "))
        } else if let from = change.from {
            line.append(RecordSpan("\(from.label) → "))
        }
        line.append(RecordSpan(change.to.label, tone))
        if let review = change.reviewDate { line.append(RecordSpan("  herijking \(dates.date(review))")) }
        var details = [RecordLine("door \(change.by)", indent: column, tone: .muted)]
        if !change.reason.isEmpty { details.append(RecordLine(change.reason, indent: column)) }
        if let decision = change.decision { details.append(RecordLine("Besluit: \(decision)", indent: column)) }
        if let override = change.overrideReason {
            details.append(RecordLine("Reden om af te wijken (van de afweging, het Kader of het budget): \(override)", indent: column, tone: .warning))
        }
        return RecordItem(line: line, details: details)
    }
}
