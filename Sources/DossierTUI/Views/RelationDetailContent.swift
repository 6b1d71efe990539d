import DossierCore

/// The information part of a relation's screen: every field, the contacts and the status history.
/// The linked activities are the list below it (see `RelationDetailView`).
enum RelationDetailContent {
    static func lines(_ relation: Relation, in dossier: Dossier, theme: Theme, width: Int) -> [StyledLine] {
        var writer = DetailWriter(theme: theme, width: width)
        writer.field("Soort", relation.kind.label)
        writer.field("Status", relation.status.label + (relation.reviewDate.map { " — herijking \($0.iso)" } ?? ""),
                     style: theme.relationStatus(relation.status))
        writer.field("Land", relation.countries.names)
        writer.field("Regio", relation.region)
        writer.field("Plaatsen", relation.places.joined(separator: ", "))
        writer.field("Ligging", relation.countries.location)
        writer.field("Sectoren", relation.sectors.map(\.label).joined(separator: ", "))
        writer.field("Motieven", relation.motives.map(\.label).joined(separator: ", "))
        writer.field("Via", relation.via.map(dossier.relationName) ?? "")
        writer.field("Instituten", relation.institutes.joined(separator: "; "))
        writer.field("Bedrijven", relation.companies.joined(separator: "; "))
        writer.field("Bron", relation.source, style: theme.muted)
        writer.field("Id", relation.id, style: theme.muted)
        if !relation.notes.isEmpty {
            writer.heading("Toelichting")
            writer.paragraph(relation.notes)
        }
        if !relation.contacts.isEmpty {
            writer.heading("Contactpersonen")
            for contact in relation.contacts {
                let function = [contact.role, contact.organisation].filter { !$0.isEmpty }.joined(separator: ", ")
                var spans: [StyledLine.Span] = [.init(text: "  " + contact.name, style: .plain.bold())]
                if !function.isEmpty { spans.append(.init(text: " — " + function, style: .plain)) }
                if contact.consultedForFramework { spans.append(.init(text: "  [gesprekspartner Kader]", style: theme.muted)) }
                writer.line(StyledLine(spans))
                let reach = [contact.email, contact.phone].filter { !$0.isEmpty }.joined(separator: "  ")
                if !reach.isEmpty { writer.paragraph(reach, indent: 4, style: theme.label) }
                if !contact.notes.isEmpty { writer.paragraph(contact.notes, indent: 4, style: theme.muted) }
            }
        }
        writer.heading("Statusgeschiedenis")
        if relation.statusHistory.isEmpty {
            writer.paragraph("Nog geen statuswijzigingen vastgelegd.", style: theme.muted)
        }
        for change in relation.statusHistory.reversed() {
            writer.line(StatusHistoryLine.make(change, theme: theme, style: theme.relationStatus(change.to)))
            writer.paragraph("door \(change.by)", indent: 14, style: theme.muted)
            writer.paragraph(change.reason, indent: 14)
        }
        return writer.lines
    }
}

/// "2025-01-01  Actief → Laag pitje  (College van B&W)  herijking 2030-12-31"
enum StatusHistoryLine {
    static func make<Status: Vocabulary>(_ change: StatusChange<Status>, theme: Theme, style: Style) -> StyledLine {
        var spans: [StyledLine.Span] = [.init(text: "  \(change.date.iso)  ", style: theme.label)]
        if change.isReview {
            spans.append(.init(text: "Herijking: blijft ", style: .plain))
        } else if let from = change.from {
            spans.append(.init(text: "\(from.label) → ", style: .plain))
        }
        spans.append(.init(text: change.to.label, style: style.bold()))
        if let review = change.reviewDate { spans.append(.init(text: "  herijking \(review.iso)", style: .plain)) }
        return StyledLine(spans)
    }
}
