/// Where a person is named, for a request to see what the municipality holds about them (AVG: inzage): every field of
/// every record that holds the text (a name, an e-mail address, a phone number), folded for case and accents as a search
/// is; and whether a logged change or a backup names it.
public enum PersonalDataSearch {
    /// One field that names the person.
    public struct Place: Hashable, Sendable {
        /// The relation's or activity's id, or `gemeente` for the municipality's own people.
        public var subject: String
        public var subjectName: String
        /// What the field is, in Dutch: "contactpersoon", "gastheer", "toelichting bij Jana Novakova" …
        public var field: String
        public var value: String
    }

    /// Every field of the dossier that holds `text`, relations first, then the municipality's own people, then activities.
    public static func places(of text: String, in dossier: Dossier) -> [Place] {
        let wanted = SearchText.fold(text.trimmingSpaces())
        guard !wanted.isEmpty else { return [] }
        var places: [Place] = []
        func look(_ subject: String, _ name: String, _ fields: [(String, String)]) {
            for (field, value) in fields where SearchText.contains(SearchText.fold(value), wanted) {
                places.append(Place(subject: subject, subjectName: name, field: field, value: value))
            }
        }
        for relation in dossier.relations {
            look(relation.id, relation.name, contactFields(relation.contacts) + [("toelichting", relation.notes), ("bron", relation.source)]
                 + relation.statusHistory.flatMap { [("status gewijzigd door", $0.by), ("reden van een status", $0.reason)] })
        }
        look(Organiser.municipalitySlug, "Gemeente Oss", contactFields(dossier.internalContacts))
        for activity in dossier.activities {
            var fields = activity.participants.map { ("deelnemer (\($0.role.label.lowercased()))", $0.name + ($0.organisation.isEmpty ? "" : ", \($0.organisation)")) }
            if let visit = activity.visit {
                fields += [("geleid door", visit.ledBy), ("programma", visit.programme)] + visit.hosts.map { ("gastheer", $0) }
            }
            fields += activity.followUps.flatMap { [("vervolgactie", $0.text), ("vervolgactie: wie", $0.owner)] }
            fields += [("toelichting", activity.notes), ("resultaten", activity.outcomes)]
            fields += activity.statusHistory.flatMap { [("status gewijzigd door", $0.by), ("reden van een status", $0.reason)] }
            look(activity.id, activity.title, fields)
        }
        return places
    }

    /// Whether a logged change names `text`: who made it, what it says, or what it changed.
    public static func names(_ text: String, in entry: JournalEntry) -> Bool {
        let wanted = SearchText.fold(text.trimmingSpaces())
        guard !wanted.isEmpty else { return false }
        var writer = JSONWriter()
        if case .change(let change) = entry.event { change.write(to: &writer) }
        let said = [entry.actor, entry.summary, entry.reason, String(decoding: writer.bytes, as: UTF8.self)] + entry.details
        return said.contains { SearchText.contains(SearchText.fold($0), wanted) }
    }

    /// Whether the bytes of a stored dossier (a backup) name `text`.
    public static func names(_ text: String, in document: [UInt8]) -> Bool {
        let wanted = SearchText.fold(text.trimmingSpaces())
        return !wanted.isEmpty && SearchText.contains(SearchText.fold(String(decoding: document, as: UTF8.self)), wanted)
    }

    private static func contactFields(_ contacts: [Contact]) -> [(String, String)] {
        contacts.flatMap { contact in
            [("contactpersoon", contact.name), ("e-mail van \(contact.name)", contact.email), ("telefoon van \(contact.name)", contact.phone),
             ("functie van \(contact.name)", contact.role), ("toelichting bij \(contact.name)", contact.notes)]
        }
    }
}
