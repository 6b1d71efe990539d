/// Relations and contacts as tables, for export.
public enum RelationTable {
    public static func rows(_ dossier: Dossier, today: CalendarDate) -> [[String]] {
        let headings = ["id", "naam", "soort", "status", "herijkingsdatum", "reden status", "land", "regio", "plaatsen", "buiten europa",
                        "sectoren", "motieven", "via", "instituten", "bedrijven", "aantal activiteiten", "volgende datum",
                        "contactpersonen", "toelichting", "bron"]
        let items = ActivityTable.items
        let overviews = RelationOverview.all(in: dossier, today: today)
        return [headings] + overviews.map { overview in
            let relation = overview.relation
            return [
                relation.id, relation.name, relation.kind.rawValue, relation.status.rawValue, relation.reviewDate?.iso ?? "",
                relation.statusHistory.last?.reason ?? "", items(relation.countries.map(\.name)), relation.region, items(relation.places),
                relation.countries.isEmpty ? "" : relation.isOutsideEurope ? "ja" : "nee", items(relation.sectors.map(\.rawValue)), items(relation.motives.map(\.rawValue)),
                relation.via ?? "", items(relation.institutes), items(relation.companies), String(overview.activityCount),
                overview.nextDate?.date.iso ?? "", items(relation.contacts.map(\.name)), relation.notes, relation.source,
            ]
        }
    }
}

/// Contacts as a table: all of them, or the people consulted for the Kader ("gesprekspartners"), to send
/// them the adopted Kader.
public enum ContactTable {
    public static func rows(_ dossier: Dossier, consultedOnly: Bool) -> [[String]] {
        let contacts = dossier.allContacts.filter { !consultedOnly || $0.contact.consultedForFramework }
        let headings = consultedOnly ? consultedHeadings : ContactImport.columns.map(\.heading)
        return [headings + [versionHeading]] + contacts.map { relation, contact in
            let cells = cells(contact, of: relation, headings: headings)
            return cells + [ActivityTable.version(of: cells)]
        }
    }

    /// The columns of the export 'gesprekspartners' besides its version: what sending them the Kader needs.
    static let consultedHeadings = ["naam", "organisatie", "rol", "e-mail"]

    /// The column that says which state of the contact a row was exported from (as for activities, `ActivityTable.version`):
    /// a row exported before a colleague changed the contact would undo that change. Written over the columns the export
    /// has (all the import reads, or those of 'gesprekspartners'), and checked over the same columns of the file.
    public static let versionHeading = ActivityTable.versionHeading

    /// The cells the import reads (`ContactImport.columns`) that are among `headings`, as the export writes them.
    static func cells(_ contact: Contact, of relation: Relation?, headings: [String]) -> [String] {
        let all = [contact.name, organisation(contact, relation), contact.role, contact.email, PhoneNumber.forSpreadsheet(contact.phone),
                   relation?.id ?? Organiser.municipalitySlug, contact.consultedForFramework ? "ja" : "nee", contact.notes]
        return zip(ContactImport.columns, all).compactMap { headings.contains($0.heading) ? $1 : nil }
    }

    /// The version of a contact of `relation` (nil: the municipality's own) over the columns `headings`, as the export writes it.
    static func version(of contact: Contact, of relation: Relation?, headings: [String]) -> String {
        ActivityTable.version(of: cells(contact, of: relation, headings: headings))
    }

    /// The same of a row's cells in the columns `headings`, as they stand in the file.
    static func version(ofCells cell: (String) -> String?, headings: [String]) -> String {
        ActivityTable.version(of: headings.map { cell($0) ?? "" })
    }

    private static func organisation(_ contact: Contact, _ relation: Relation?) -> String {
        contact.organisation.isEmpty ? (relation?.name ?? Organiser.municipalityName) : contact.organisation
    }
}
