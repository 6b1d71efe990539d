/// A link's identifier within its relation or activity.
public typealias LinkID = String

/// A document or page that belongs with a relation or an activity: the B&W decision, a visit report, an
/// invitation. Either a web address or a path to a file (on a shared drive), with a label.
public struct Link: Hashable, Sendable, Identifiable {
    /// Stable within its owner: the slug of the label, made unique (given by the owner when left empty).
    public var id: LinkID
    public var label: String
    public var target: LinkTarget

    public init(id: LinkID = "", label: String, target: LinkTarget) {
        self.id = id.isEmpty ? Slug.make(from: label) : id
        self.label = label
        self.target = target
    }

    /// A link with the id it was stored with, even an empty one (`PackedActivityFields` gives back what it was given).
    init(keeping id: LinkID, label: String, target: LinkTarget) {
        self.id = id
        self.label = label
        self.target = target
    }
}

/// Where a link points.
public enum LinkTarget: Hashable, Sendable {
    /// A web address (`https://…`, `mailto:…`).
    case url(String)
    /// A file, such as `/mnt/gedeeld/B&W/besluit-2025-01.pdf`.
    case path(String)

    /// The address or path itself.
    public var text: String {
        switch self {
        case .url(let url): url
        case .path(let path): path
        }
    }
}

extension [Link] {
    /// Gives every link without an id, or with one used before it, the slug of its label made unique.
    public mutating func assignMissingIDs() {
        var seen = Set<LinkID>()
        for index in indices {
            if self[index].id.isEmpty || seen.contains(self[index].id) {
                let base = Slug.make(from: self[index].label)
                self[index].id = Slug.unique(base) { seen.contains($0) }
            }
            seen.insert(self[index].id)
        }
    }

    /// A fresh link id for a label: its slug, made unique among these links.
    public func newLinkID(for label: String) -> LinkID {
        Slug.unique(Slug.identifier(from: label)) { id in contains { $0.id == id } }
    }
}
