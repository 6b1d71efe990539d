import DossierCore

/// The texts a `/` search looks in, each with the name of its field: the search keys are made of them, and
/// a hit outside the name says which field it is in ("treffer in contactpersoon: Britta Driessen").
enum SearchFields {
    struct Field {
        var label: String
        var text: String
    }

    /// Names, places, contacts and notes of a relation; the name first.
    static func of(_ relation: Relation) -> [Field] {
        // The places first after the name: a hit there is said by the place the list shows, not by a region that names it too.
        var fields = [Field(label: "naam", text: relation.name), Field(label: "id", text: relation.id)]
        fields += relation.places.map { Field(label: "plaats", text: $0) }
        fields += [Field(label: "land", text: relation.countries.names), Field(label: "regio", text: relation.region),
                   Field(label: "toelichting", text: relation.notes)]
        fields += relation.institutes.map { Field(label: "instituut", text: $0) }
        fields += relation.companies.map { Field(label: "bedrijf", text: $0) }
        for contact in relation.contacts {
            fields += [Field(label: "contactpersoon", text: contact.name),
                       Field(label: "organisatie van \(contact.name)", text: contact.organisation),
                       Field(label: "functie van \(contact.name)", text: contact.role),
                       Field(label: "e-mail van \(contact.name)", text: contact.email),
                       Field(label: "telefoon van \(contact.name)", text: contact.phone),
                       Field(label: "toelichting bij \(contact.name)", text: contact.notes)]
        }
        return fields
    }

    /// Title, places, people and notes of an activity and the names of its relations; the title first.
    static func of(_ activity: Activity, in dossier: Dossier) -> [Field] {
        var fields = [Field(label: "titel", text: activity.title), Field(label: "id", text: activity.id),
                      Field(label: "toelichting", text: activity.notes), Field(label: "resultaten", text: activity.outcomes)]
        fields += activity.relations.map { Field(label: "relatie", text: dossier.relationName($0)) }
        fields += activity.participants.flatMap { [Field(label: "deelnemer", text: $0.name), Field(label: "organisatie van \($0.name)", text: $0.organisation)] }
        if let visit = activity.visit {
            fields += [Field(label: "delegatie uit/naar", text: visit.delegationFrom), Field(label: "geleid door", text: visit.ledBy)]
            fields += visit.hosts.map { Field(label: "gastheer", text: $0) }
            fields.append(Field(label: "programma", text: visit.programme))
        }
        fields += activity.followUps.map { Field(label: "vervolgactie", text: $0.text) }
        return fields
    }

    /// The search key, appended to `bytes`: every field folded, apart (U+0001 between them); how many bytes the first
    /// field's are.
    static func key(_ fields: [Field], folder: inout SearchText.Folder, into bytes: inout [UInt8]) -> Int {
        let start = bytes.count
        var firstCount = 0
        for (number, field) in fields.enumerated() {
            if number > 0 { bytes.append(0x01) }
            folder.fold(field.text, into: &bytes)
            if number == 0 { firstCount = bytes.count - start }
        }
        return firstCount
    }

    /// "treffer in contactpersoon: Britta Driessen": the first field that holds every word of the folded query, or else
    /// the first that holds a word the name or title does not; nil when the name or title the list shows holds them all.
    /// The text around the (first such) word for a long one.
    static func hit(_ fields: [Field], query: String) -> String? {
        guard !query.isEmpty, !fields.isEmpty else { return nil }
        var folder = SearchText.Folder()
        // The name or title first: while it holds the query (the usual case, on every frame of a search) nothing else is folded.
        let name = folder.fold(fields[0].text)
        guard !SearchText.containsEveryWord(name, query) else { return nil }
        let folded = [name] + fields.dropFirst().map { folder.fold($0.text) }
        let words = SearchText.words(of: query)
        let lacking = words.filter { !SearchText.contains(name, $0) }
        let others = folded.indices.dropFirst()
        guard let found = others.first(where: { SearchText.containsEveryWord(folded[$0], query) })
            ?? others.first(where: { position in lacking.contains { SearchText.contains(folded[position], $0) } })
        else { return nil }
        // Around the whole query where it stands as typed, else around the first word the name lacks.
        let word = SearchText.contains(folded[found], query) ? query
            : (lacking + words).first { SearchText.contains(folded[found], $0) } ?? query
        return "treffer in \(fields[found].label): \(excerpt(fields[found].text, around: word))"
    }

    /// The words of `text` around the first match of the folded query: two before (so the match is early on a
    /// narrow message line), the match, three after. Linear in the text: a note of a million characters is
    /// searched once.
    static func excerpt(_ text: String, around query: String, before: Int = 2, after: Int = 3) -> String {
        let words = text.split(whereSeparator: \.isWhitespace)
        guard words.count > before + after + 2 else { return words.joined(separator: " ") }
        var folder = SearchText.Folder()
        let folded = words.map { folder.fold(String($0)) }.joined(separator: " ")
        guard let match = folded.utf8.firstRange(of: query.utf8) else { return words.prefix(before + after + 1).joined(separator: " ") + " …" }
        // Word numbers by the spaces before the match's start and end.
        let first = folded[..<match.lowerBound].utf8.count { $0 == 0x20 }
        let last = first + folded[match].utf8.count { $0 == 0x20 }
        // No character folds to a space today; should one ever, the excerpt shifts instead of the program stopping.
        let to = min(words.count - 1, last + after), from = min(max(0, first - before), to)
        return (from > 0 ? "… " : "") + words[from...to].joined(separator: " ") + (to < words.count - 1 ? " …" : "")
    }
}
