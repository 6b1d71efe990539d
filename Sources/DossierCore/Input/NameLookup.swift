/// Finding a relation, activity or contact by what someone typed: its id, or its name (title) ignoring
/// case, accents and punctuation (`rhone alpes` finds Rhône-Alpes). Only a whole match counts; an unknown
/// or ambiguous name is refused with the candidates ("bedoelde u …?"), never guessed.
public enum NameLookup {
    /// A relation or an activity, for commands that take either: as the whole dossier holds it (`Subject`), or as
    /// far as a name reads it (`NameCatalog`).
    public enum Found<NamedActivity: ActivityNaming> {
        case relation(Relation)
        case activity(NamedActivity)

        public var id: String {
            switch self {
            case .relation(let relation): relation.id
            case .activity(let activity): activity.id
            }
        }

        public var name: String {
            switch self {
            case .relation(let relation): relation.name
            case .activity(let activity): activity.title
            }
        }
    }

    public typealias Subject = Found<Activity>

    public static func relation<Records: NamedRecords>(_ text: String, in dossier: Records) throws(ValueError) -> Relation {
        let typed = text.trimmingSpaces().withoutPrefix(relationPrefix) ?? text.trimmingSpaces()
        if let relation = dossier.relation(typed) ?? dossier.relation(typed.lowercased()) { return relation }
        let matches = relationMatches(typed, in: dossier)
        if matches.count == 1 { return matches[0] }
        throw refusal(typed, what: "relatie", matches: matches.map(describe),
                      suggestions: relationSuggestions(typed, in: dossier).map(describe))
    }

    public static func activity<Records: NamedRecords>(_ text: String, in dossier: Records) throws(ValueError) -> Records.NamedActivity {
        let typed = typedID(text)
        if let activity = dossier.namedActivity(typed) ?? dossier.namedActivity(typed.lowercased()) { return activity }
        let matches = activityMatches(typed, in: dossier)
        if matches.count == 1 { return matches[0] }
        throw refusal(typed, what: "activiteit", matches: matches.map(describe),
                      suggestions: activitySuggestions(typed, in: dossier).map(describe))
    }

    /// What `activity(_:in:)` first looks for as an id: the text without the white space around it (and without
    /// `activiteit:` before it).
    public static func typedID(_ text: String) -> String {
        let typed = text.trimmingSpaces()
        return typed.withoutPrefix(activityPrefix) ?? typed
    }

    /// A relation or an activity. An id that is both, or a name that fits more than one, is ambiguous; `relatie:` or
    /// `activiteit:` before it says which kind is meant (for an id both have, which older versions let happen).
    public static func subject<Records: NamedRecords>(_ text: String, in dossier: Records) throws(ValueError) -> Found<Records.NamedActivity> {
        let typed = text.trimmingSpaces()
        // Each of those takes its own kind's prefix off.
        if typed.hasPrefix(relationPrefix) { return .relation(try relation(typed, in: dossier)) }
        if typed.hasPrefix(activityPrefix) { return .activity(try activity(typed, in: dossier)) }
        // An id is a slug: typed with capitals ("Aachen", "PIVOT-PARK") it is still that one id, before any name it also fits.
        var exact = [dossier.relation(typed).map(Found.relation), dossier.namedActivity(typed).map(Found.activity)].compactMap { $0 }
        if exact.isEmpty {
            let id = typed.lowercased()
            let byID = [dossier.relation(id).map(Found.relation), dossier.namedActivity(id).map(Found.activity)].compactMap { $0 }
            if byID.count == 1 { exact = byID }
        }
        if exact.count == 1 { return exact[0] }
        if exact.count == 2 {
            throw ValueError("'\(typed)' is de id van relatie \(exact[0].name) en van activiteit '\(exact[1].name)'; "
                             + "schrijf \(relationPrefix)\(typed) of \(activityPrefix)\(typed)")
        }
        let matches = exact.isEmpty ? named(typed, in: dossier) : exact
        if matches.count == 1 { return matches[0] }
        let suggestions = relationSuggestions(typed, in: dossier).map { "relatie " + describe($0) }
            + activitySuggestions(typed, in: dossier).map { "activiteit " + describe($0) }
        throw refusal(typed, what: "relatie of activiteit", matches: matches.map(describe), suggestions: Array(suggestions.prefix(maximumCandidates)))
    }

    /// A contact among those of one owner (named `ownerName` in the refusal), by its id or name.
    public static func contact(_ text: String, among contacts: [Contact], of ownerName: String) throws(ValueError) -> Contact {
        let typed = text.trimmingSpaces()
        let key = Slug.make(from: typed)
        if let contact = contacts.first(where: { $0.id == typed }) { return contact }
        let matches = contacts.filter { $0.id == key || Slug.make(from: $0.name) == key }
        if matches.count == 1 { return matches[0] }
        let suggestions = contacts.filter { resembles(key, name: $0.name, id: $0.id) }
        throw refusal(typed, what: "contactpersoon bij \(ownerName)", matches: matches.map { "\($0.name) (\($0.id))" },
                      suggestions: (suggestions.isEmpty ? contacts : suggestions).prefix(maximumCandidates).map { "\($0.name) (\($0.id))" },
                      unknown: "\(ownerName) heeft geen contactpersoon '\(typed)'")
    }

    /// Whose contacts someone named: `gemeente` (or "Gemeente Oss") for the municipality's own, otherwise a relation.
    public static func contactOwner<Records: NamedRecords>(_ text: String, in dossier: Records) throws(ValueError) -> ContactOwner {
        if namesMunicipality(text) { return .municipality }
        do {
            return .relation(try relation(text, in: dossier).id)
        } catch {
            // "Gemeente Meierijstad", or the municipality by another name: its own people are under `gemeente`.
            guard Slug.make(from: text).hasPrefix(Organiser.municipalitySlug) else { throw error }
            throw ValueError(error.message + "; de eigen mensen van de gemeente staan onder '\(Organiser.municipalitySlug)'")
        }
    }

    /// Whether a text names the municipality itself: `gemeente` or "Gemeente Oss", whatever the case and accents.
    public static func namesMunicipality(_ text: String) -> Bool {
        let key = Slug.make(from: text)
        return key == Organiser.municipalitySlug || key == Slug.make(from: Organiser.municipalityName)
    }

    static let maximumCandidates = 5
    public static let relationPrefix = "relatie:"
    public static let activityPrefix = "activiteit:"

    // MARK: Matching

    /// The relations whose name is `typed` (as slugs), or else those whose id its slug is: a name typed in full ("Łódź
    /// Metropolia") is the relation of that name, not another whose id it makes (one renamed since it got its id).
    private static func relationMatches<Records: NamedRecords>(_ typed: String, in dossier: Records) -> [Relation] {
        guard let key = nameKey(typed) else { return [] }
        let byName = relations(named: key, in: dossier)
        return byName.isEmpty ? dossier.relations.filter { $0.id == key } : byName
    }

    /// The same for activities: by title, or else by id.
    private static func activityMatches<Records: NamedRecords>(_ typed: String, in dossier: Records) -> [Records.NamedActivity] {
        guard let key = nameKey(typed) else { return [] }
        let byTitle = activities(titled: key, in: dossier)
        return byTitle.isEmpty ? dossier.namedActivities.filter { $0.id == key } : byTitle
    }

    /// Relations and activities for `subject`: those whose name or title is `typed`, or else those whose id its slug is.
    private static func named<Records: NamedRecords>(_ typed: String, in dossier: Records) -> [Found<Records.NamedActivity>] {
        guard let key = nameKey(typed) else { return [] }
        let byName = relations(named: key, in: dossier).map(Found.relation) + activities(titled: key, in: dossier).map(Found.activity)
        guard byName.isEmpty else { return byName }
        return dossier.relations.filter { $0.id == key }.map(Found.relation) + dossier.namedActivities.filter { $0.id == key }.map(Found.activity)
    }

    private static func relations<Records: NamedRecords>(named key: String, in dossier: Records) -> [Relation] {
        dossier.relations.filter { Slug.make(from: $0.name) == key }
    }

    private static func activities<Records: NamedRecords>(titled key: String, in dossier: Records) -> [Records.NamedActivity] {
        dossier.namedActivities.filter { Slug.make(from: $0.title, is: key) }
    }

    /// What a typed name is compared as: the slug of the text without the white space around it (trimmed first, as
    /// the lookups here do: a space and a combining mark after it are one character, and go together); nil when it
    /// can name nothing (no letter or digit in it).
    public static func nameKey(_ typed: String) -> String? {
        let key = Slug.make(from: typed.trimmingSpaces())
        return key.isEmpty ? nil : key
    }

    /// Whether an activity answers to the name `key` (a `nameKey`): its id is that, or its title makes that. (What the
    /// indexes narrow down with; when both an id and a title answer, the lookup on the whole dossier takes the title.)
    public static func answers(_ key: String, id: ActivityID, title: String) -> Bool {
        id == key || Slug.make(from: title, is: key)
    }

    /// Whether `typed` names a relation, by its id or its name: a command that takes a relation or an activity
    /// would find it (`subject`).
    public static func namesRelation<Records: NamedRecords>(_ typed: String, in dossier: Records) -> Bool {
        dossier.relation(typed.trimmingSpaces()) != nil || !relationsNamed(typed, in: dossier).isEmpty
    }

    /// The relations that answer to `typed` as a name: those whose name makes its slug, or else those whose id is its
    /// slug (`subject` looks for the text as an exact id first).
    static func relationsNamed<Records: NamedRecords>(_ typed: String, in dossier: Records) -> [Relation] {
        relationMatches(typed.trimmingSpaces(), in: dossier)
    }

    private static func relationSuggestions<Records: NamedRecords>(_ typed: String, in dossier: Records) -> [Relation] {
        suggestions(among: dossier.relations, for: Slug.make(from: typed), name: \.name, id: \.id)
    }

    private static func activitySuggestions<Records: NamedRecords>(_ typed: String, in dossier: Records) -> [Records.NamedActivity] {
        suggestions(among: dossier.namedActivities, for: Slug.make(from: typed), name: \.title, id: \.id)
    }

    /// The first `maximumCandidates` of `records` worth suggesting for `key`, in their order: one pass, which stops
    /// at the last of them.
    private static func suggestions<Record>(among records: [Record], for key: String, name: (Record) -> String,
                                            id: (Record) -> String) -> [Record] {
        var found: [Record] = []
        for record in records where resembles(key, name: name(record), id: id(record)) {
            found.append(record)
            if found.count == maximumCandidates { break }
        }
        return found
    }

    /// Whether a name is worth suggesting for what was typed: one contains the other, or they differ by
    /// at most two letters (a typo).
    static func resembles(_ key: String, name: String, id: String) -> Bool {
        // Slugs are ASCII: a letter is a byte, and containing is containing bytes (`SearchText.contains`, without
        // Foundation's search, which was a sixth of a refusal among 100.000 titles).
        guard key.utf8.count >= 2 else { return false }
        let nameKey = Slug.make(from: name)
        if SearchText.contains(nameKey, key) || SearchText.contains(id, key) || (nameKey.utf8.count >= 3 && SearchText.contains(key, nameKey)) {
            return true
        }
        // A typo: one letter off in a short name, two in a longer one.
        let allowed = key.utf8.count < 6 ? 1 : 2
        return abs(nameKey.utf8.count - key.utf8.count) <= allowed && EditDistance.between(nameKey, key) <= allowed
    }

    // MARK: Messages

    private static func describe(_ relation: Relation) -> String { "\(relation.name) (\(relation.id))" }

    private static func describe(_ activity: some ActivityNaming) -> String {
        "\(activity.title) (\(activity.id)\(activity.startDate.map { ", \(DateWriting.standard.date($0))" } ?? ""))"
    }

    private static func describe(_ subject: Found<some ActivityNaming>) -> String {
        switch subject {
        case .relation(let relation): "relatie " + describe(relation)
        case .activity(let activity): "activiteit " + describe(activity)
        }
    }

    /// `unknown`: what is said when nothing fits, where "onbekende \(what) '…'" reads badly (a contact of a named owner).
    private static func refusal(_ typed: String, what: String, matches: [String], suggestions: [String], unknown: String? = nil) -> ValueError {
        if matches.count > 1 {
            return ValueError("'\(typed)' past bij meer dan één \(what); bedoelde u \(alternatives(Array(matches.prefix(maximumCandidates))))? Gebruik de id")
        }
        let base = unknown ?? "onbekende \(what) '\(typed)'"
        return ValueError(suggestions.isEmpty ? base : "\(base); bedoelde u \(alternatives(suggestions))?")
    }

    /// "A", "A of B", "A, B of C".
    public static func alternatives(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " of " + items[items.count - 1]
    }
}

extension NameLookup.Found: Hashable where NamedActivity: Hashable {}
extension NameLookup.Found: Equatable where NamedActivity: Equatable {}
extension NameLookup.Found: Sendable {}

private extension String {
    func withoutPrefix(_ prefix: String) -> String? {
        hasPrefix(prefix) ? String(dropFirst(prefix.count)) : nil
    }
}
