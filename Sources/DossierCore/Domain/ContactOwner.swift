/// Whose contact a person is: one of the relations', or the municipality's own (a wethouder, a colleague at
/// economie; `Dossier.internalContacts`).
public enum ContactOwner: Hashable, Sendable {
    case relation(RelationID)
    case municipality

    public var relationID: RelationID? {
        if case .relation(let id) = self { return id }
        return nil
    }
}

extension Dossier {
    /// The contacts of an owner as they are now (nil for a relation that is not there).
    public func contacts(of owner: ContactOwner) -> [Contact]? {
        switch owner {
        case .relation(let id): relation(id)?.contacts
        case .municipality: internalContacts
        }
    }

    /// One of the municipality's own contacts.
    public func ownContact(_ id: ContactID) -> Contact? {
        internalContacts.first { $0.id == id }
    }

    /// The owner's name in messages: a relation's name, or the municipality's.
    public func name(of owner: ContactOwner) -> String {
        switch owner {
        case .relation(let id): relationName(id)
        case .municipality: Organiser.municipalityName
        }
    }
}
