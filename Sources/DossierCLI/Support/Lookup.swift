import DossierCore

/// Relations, activities and contacts by what was typed: an id or a name, ignoring case and accents
/// (the core's `NameLookup`). An unknown or ambiguous name is refused with the candidates, exit 65.
enum Lookup {
    static func relation(_ text: String, in dossier: some NamedRecords) throws -> Relation {
        try refusing { () throws(ValueError) in try NameLookup.relation(text, in: dossier) }
    }

    static func activity<Records: NamedRecords>(_ text: String, in dossier: Records) throws -> Records.NamedActivity {
        try refusing { () throws(ValueError) in try NameLookup.activity(text, in: dossier) }
    }

    static func subject<Records: NamedRecords>(_ text: String, in dossier: Records) throws -> NameLookup.Found<Records.NamedActivity> {
        try refusing { () throws(ValueError) in try NameLookup.subject(text, in: dossier) }
    }

    /// `gemeente` (or "Gemeente Oss") for the municipality's own contacts, or a relation by id or name.
    static func contactOwner(_ text: String, in dossier: Dossier) throws -> ContactOwner {
        try refusing { () throws(ValueError) in try NameLookup.contactOwner(text, in: dossier) }
    }

    /// A contact of an owner, by id or name.
    static func contact(_ text: String, of owner: ContactOwner, in dossier: Dossier) throws -> Contact {
        try refusing { () throws(ValueError) in try NameLookup.contact(text, among: dossier.contacts(of: owner) ?? [], of: dossier.name(of: owner)) }
    }

    /// Relations named in options that may each hold several, separated by commas.
    static func relationIDs(_ texts: [String], in dossier: Dossier) throws -> [RelationID] {
        var ids: [RelationID] = []
        for text in ListText.split(texts) {
            let id = try relation(text, in: dossier).id
            if !ids.contains(id) { ids.append(id) }
        }
        return ids
    }

    /// `gemeente` (or "Gemeente Oss"), or a relation by id or name.
    static func organiser(_ text: String, in dossier: Dossier) throws -> Organiser {
        if text.allSatisfy(\.isWhitespace) || NameLookup.namesMunicipality(text) { return .municipality }
        return .relation(try relation(text, in: dossier).id)
    }

    private static func refusing<T>(_ body: () throws(ValueError) -> T) throws -> T {
        do {
            return try body()
        } catch {
            throw failure(error.message, code: ExitStatus.dataError)
        }
    }
}
