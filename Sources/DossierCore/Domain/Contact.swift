/// A contact's identifier within its relation.
public typealias ContactID = String

/// A person (or, for a body consulted as a whole, the body) at a relation or inside the municipality.
/// Contacts are personal data: the dossier file is readable by its owner only.
public struct Contact: Hashable, Sendable, Identifiable {
    /// Stable within its relation: the slug of the name, made unique; it stays when the name changes.
    public var id: ContactID
    public var name: String
    public var organisation: String
    public var role: String
    public var email: String
    public var phone: String
    public var notes: String
    /// Consulted while the Kader Internationalisering 2025-2030 was drawn up ("overlegd met").
    public var consultedForFramework: Bool

    /// A contact; without an `id` it gets the slug of its name (a relation makes a repeated one unique).
    public init(id: ContactID = "", name: String, organisation: String = "", role: String = "", email: String = "", phone: String = "",
                notes: String = "", consultedForFramework: Bool = false) {
        self.id = id.isEmpty ? Slug.make(from: name) : id
        self.name = name
        self.organisation = organisation
        self.role = role
        self.email = email
        self.phone = phone
        self.notes = notes
        self.consultedForFramework = consultedForFramework
    }
}

extension [Contact] {
    /// A fresh contact id for a name: its slug, made unique among these contacts.
    public func newContactID(for name: String) -> ContactID {
        Slug.unique(Slug.identifier(from: name)) { id in contains { $0.id == id } }
    }

    /// Gives every contact without an id, or with one used before it, the slug of its name made unique:
    /// contacts written before contacts had ids (schemaVersion 1) get one on reading.
    public mutating func assignMissingIDs() {
        var seen = Set<ContactID>()
        for index in indices {
            if self[index].id.isEmpty || seen.contains(self[index].id) {
                let base = Slug.make(from: self[index].name)
                self[index].id = Slug.unique(base) { seen.contains($0) }
            }
            seen.insert(self[index].id)
        }
    }
}
