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
        if consultedOnly {
            return [["naam", "organisatie", "rol", "e-mail"]] + contacts.map { relation, contact in
                [contact.name, organisation(contact, relation), contact.role, contact.email]
            }
        }
        return [ContactImport.columns.map(\.heading) + [versionHeading]] + contacts.map { relation, contact in
            cells(contact, of: relation) + [version(of: contact, of: relation)]
        }
    }

    /// The column that says which state of the contact a row was exported from (as for activities, `ActivityTable.version`):
    /// a row exported before a colleague changed the contact would undo that change.
    public static let versionHeading = ActivityTable.versionHeading

    /// The cells the import reads (`ContactImport.columns`), as the export writes them.
    static func cells(_ contact: Contact, of relation: Relation?) -> [String] {
        [contact.name, organisation(contact, relation), contact.role, contact.email, PhoneNumber.forSpreadsheet(contact.phone),
         relation?.id ?? Organiser.municipalitySlug, contact.consultedForFramework ? "ja" : "nee", contact.notes]
    }

    /// The version of a contact of `relation` (nil: the municipality's own) as the export writes it.
    static func version(of contact: Contact, of relation: Relation?) -> String {
        ActivityTable.version(of: cells(contact, of: relation))
    }

    /// The version of a contact as it is now in `dossier`.
    static func version(of contact: Contact, owner: ContactOwner, in dossier: Dossier) -> String {
        version(of: contact, of: owner.relationID.flatMap(dossier.relation))
    }

    /// The same of a row's cells as they stand in the file; nil when the file lacks one of the columns.
    static func version(ofCells cell: (String) -> String?) -> String? {
        var values: [String] = []
        for heading in ContactImport.columns.map(\.heading) {
            guard let value = cell(heading) else { return nil }
            values.append(value)
        }
        return ActivityTable.version(of: values)
    }

    private static func organisation(_ contact: Contact, _ relation: Relation?) -> String {
        contact.organisation.isEmpty ? (relation?.name ?? Organiser.municipalityName) : contact.organisation
    }
}
