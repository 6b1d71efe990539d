/// Who organises an activity: the municipality itself, or one of its relations (a partner such as
/// NL in Business or the BOM, whose trade missions the Kader prefers Oss to join).
public enum Organiser: Hashable, Sendable {
    case municipality
    case relation(RelationID)

    /// The stored form: `gemeente`, or the organising relation's id.
    public static let municipalitySlug = "gemeente"
    /// The municipality's name wherever it is shown.
    public static let municipalityName = "Gemeente Oss"

    public var slug: String {
        switch self {
        case .municipality: Organiser.municipalitySlug
        case .relation(let id): id
        }
    }

    public init(slug: String) {
        self = slug == Organiser.municipalitySlug ? .municipality : .relation(slug)
    }

    public var relationID: RelationID? {
        if case .relation(let id) = self { return id }
        return nil
    }
}
