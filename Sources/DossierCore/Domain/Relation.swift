/// A stable relation identifier: the slug of the relation's name.
public typealias RelationID = String

/// An international relation of Oss: a city, a region, a network or a partner organisation.
public struct Relation: Hashable, Sendable, Identifiable {
    public var id: RelationID
    public var name: String
    public var kind: RelationKind
    /// Where the relation lies: one country, several (a region across borders) or none (a worldwide network).
    public var countries: [Country]
    public var region: String
    public var places: [String]
    public var sectors: [Sector]
    public var motives: [Motive]
    public var institutes: [String]
    public var companies: [String]
    public var contacts: [Contact]
    /// Documents and pages that belong with the relation (the B&W decision, a letter of intent).
    public var links: [Link]
    public var notes: String
    /// The relation through which Oss takes part (UNESCO Learning Cities through Talentencampus Oss).
    public var via: RelationID?
    /// Where in the source documents this relation is named.
    public var source: String
    public var status: RelationStatus
    /// When a relation on laag pitje is looked at again.
    public var reviewDate: CalendarDate?
    public var statusHistory: [StatusChange<RelationStatus>]

    public init(id: RelationID, name: String, kind: RelationKind, countries: [Country] = [], region: String = "",
                places: [String] = [], sectors: [Sector] = [], motives: [Motive] = [],
                institutes: [String] = [], companies: [String] = [], contacts: [Contact] = [], links: [Link] = [], notes: String = "",
                via: RelationID? = nil, source: String = "", status: RelationStatus, reviewDate: CalendarDate? = nil,
                statusHistory: [StatusChange<RelationStatus>] = []) {
        self.id = id
        self.name = name
        self.kind = kind
        self.countries = countries
        self.region = region
        self.places = places
        self.sectors = sectors
        self.motives = motives
        self.institutes = institutes
        self.companies = companies
        self.contacts = contacts
        if !contacts.isEmpty { self.contacts.assignMissingIDs() }
        self.links = links
        if !links.isEmpty { self.links.assignMissingIDs() }
        self.notes = notes
        self.via = via
        self.source = source
        self.status = status
        self.reviewDate = reviewDate
        self.statusHistory = statusHistory
    }

    /// Lies (partly) outside Europe: derived from the countries, never typed.
    public var isOutsideEurope: Bool { countries.includesOutsideEurope }

    /// Country and places in one line, for lists. Places in the Netherlands go without the country.
    public var placeSummary: String {
        let placesText = places.joined(separator: ", ")
        let countryText = countries.map(\.code) == ["NL"] && !placesText.isEmpty ? "" : countries.names
        if countryText.isEmpty { return placesText }
        return placesText.isEmpty ? countryText : "\(placesText) (\(countryText))"
    }
}

extension Array where Element == Relation {
    /// Where a visit or activity with these relations goes or comes from, as far as they tell: their countries, the
    /// Netherlands left out (a Dutch partner says nothing about where a delegation comes from or a mission goes).
    /// What a new visit or activity gets when no country is given.
    public var countriesAbroad: [Country] {
        var seen = Set<Country>()
        return flatMap(\.countries).filter { $0.code != "NL" && seen.insert($0).inserted }
    }
}
