/// A person (or, for a body consulted as a whole, the body) at a relation or inside the municipality.
/// Contacts are personal data: the dossier file is readable by its owner only.
public struct Contact: Hashable, Sendable {
    public var name: String
    public var organisation: String
    public var role: String
    public var email: String
    public var phone: String
    public var notes: String
    /// Consulted while the Kader Internationalisering 2025-2030 was drawn up ("overlegd met").
    public var consultedForFramework: Bool

    public init(name: String, organisation: String = "", role: String = "", email: String = "", phone: String = "",
                notes: String = "", consultedForFramework: Bool = false) {
        self.name = name
        self.organisation = organisation
        self.role = role
        self.email = email
        self.phone = phone
        self.notes = notes
        self.consultedForFramework = consultedForFramework
    }
}
