/// Finding a relation, activity or contact by what someone typed: its id, or its name (title) ignoring
/// case, accents and punctuation (`rhone alpes` finds Rhône-Alpes). Only a whole match counts; an unknown
/// or ambiguous name is refused with the candidates ("bedoelde u …?"), never guessed.
public enum NameLookup {
    /// A relation or an activity, for commands that take either.
    public enum Subject: Hashable, Sendable {
        case relation(Relation)
        case activity(Activity)

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

    public static func relation(_ text: String, in dossier: Dossier) throws(ValueError) -> Relation {
        let typed = text.trimmingSpaces()
        if let relation = dossier.relation(typed) { return relation }
        let matches = relationMatches(typed, in: dossier)
        if matches.count == 1 { return matches[0] }
        throw refusal(typed, what: "relatie", matches: matches.map(describe),
                      suggestions: relationSuggestions(typed, in: dossier).map(describe))
    }

    public static func activity(_ text: String, in dossier: Dossier) throws(ValueError) -> Activity {
        let typed = typedID(text)
        if let activity = dossier.activity(typed) { return activity }
        let matches = activityMatches(typed, in: dossier)
        if matches.count == 1 { return matches[0] }
        throw refusal(typed, what: "activiteit", matches: matches.map(describe),
                      suggestions: activitySuggestions(typed, in: dossier).map(describe))
    }

    /// What `activity(_:in:)` first looks for as an id: the text without the white space around it.
    public static func typedID(_ text: String) -> String { text.trimmingSpaces() }

    /// A relation or an activity. An id that is both, or a name that fits more than one, is ambiguous.
    public static func subject(_ text: String, in dossier: Dossier) throws(ValueError) -> Subject {
        let typed = text.trimmingSpaces()
        let exact = [dossier.relation(typed).map(Subject.relation), dossier.activity(typed).map(Subject.activity)].compactMap { $0 }
        if exact.count == 1 { return exact[0] }
        let matches = exact.isEmpty
            ? relationMatches(typed, in: dossier).map(Subject.relation) + activityMatches(typed, in: dossier).map(Subject.activity)
            : exact
        if matches.count == 1 { return matches[0] }
        let suggestions = relationSuggestions(typed, in: dossier).map { "relatie " + describe($0) }
            + activitySuggestions(typed, in: dossier).map { "activiteit " + describe($0) }
        throw refusal(typed, what: "relatie of activiteit", matches: matches.map(describe), suggestions: Array(suggestions.prefix(maximumCandidates)))
    }

    /// A contact of a relation, by its id or name.
    public static func contact(_ text: String, of relation: Relation) throws(ValueError) -> Contact {
        let typed = text.trimmingSpaces()
        let key = Slug.make(from: typed)
        if let contact = relation.contacts.first(where: { $0.id == typed }) { return contact }
        let matches = relation.contacts.filter { $0.id == key || Slug.make(from: $0.name) == key }
        if matches.count == 1 { return matches[0] }
        let suggestions = relation.contacts.filter { resembles(key, name: $0.name, id: $0.id) }
        throw refusal(typed, what: "contactpersoon bij \(relation.name)", matches: matches.map { "\($0.name) (\($0.id))" },
                      suggestions: (suggestions.isEmpty ? relation.contacts : suggestions).prefix(maximumCandidates).map { "\($0.name) (\($0.id))" })
    }

    static let maximumCandidates = 5

    // MARK: Matching

    private static func relationMatches(_ typed: String, in dossier: Dossier) -> [Relation] {
        let key = Slug.make(from: typed)
        guard !key.isEmpty else { return [] }
        return dossier.relations.filter { $0.id == key || Slug.make(from: $0.name) == key }
    }

    private static func activityMatches(_ typed: String, in dossier: Dossier) -> [Activity] {
        guard let key = nameKey(typed) else { return [] }
        return dossier.activities.filter { answers(key, id: $0.id, title: $0.title) }
    }

    /// What a typed name is compared as: the slug of the text without the white space around it (trimmed first, as
    /// the lookups here do: a space and a combining mark after it are one character, and go together); nil when it
    /// can name nothing (no letter or digit in it).
    public static func nameKey(_ typed: String) -> String? {
        let key = Slug.make(from: typed.trimmingSpaces())
        return key.isEmpty ? nil : key
    }

    /// Whether an activity answers to the name `key` (a `nameKey`): its id is that, or its title makes that.
    public static func answers(_ key: String, id: ActivityID, title: String) -> Bool {
        id == key || Slug.make(from: title, is: key)
    }

    /// Whether `typed` names a relation, by its id or its name: a command that takes a relation or an activity
    /// would find it (`subject`).
    public static func namesRelation(_ typed: String, in dossier: Dossier) -> Bool {
        dossier.relation(typed.trimmingSpaces()) != nil || !relationsNamed(typed, in: dossier).isEmpty
    }

    /// The relations that answer to `typed` as a name: their name or id is its slug (`subject` looks for the text
    /// as an exact id first).
    static func relationsNamed(_ typed: String, in dossier: Dossier) -> [Relation] {
        relationMatches(typed.trimmingSpaces(), in: dossier)
    }

    private static func relationSuggestions(_ typed: String, in dossier: Dossier) -> [Relation] {
        let key = Slug.make(from: typed)
        return Array(dossier.relations.filter { resembles(key, name: $0.name, id: $0.id) }.prefix(maximumCandidates))
    }

    private static func activitySuggestions(_ typed: String, in dossier: Dossier) -> [Activity] {
        let key = Slug.make(from: typed)
        return Array(dossier.activities.filter { resembles(key, name: $0.title, id: $0.id) }.prefix(maximumCandidates))
    }

    /// Whether a name is worth suggesting for what was typed: one contains the other, or they differ by
    /// at most two letters (a typo).
    static func resembles(_ key: String, name: String, id: String) -> Bool {
        guard key.count >= 2 else { return false }
        let nameKey = Slug.make(from: name)
        if nameKey.contains(key) || id.contains(key) || (nameKey.count >= 3 && key.contains(nameKey)) { return true }
        // A typo: one letter off in a short name, two in a longer one.
        let allowed = key.count < 6 ? 1 : 2
        return abs(nameKey.count - key.count) <= allowed && EditDistance.between(nameKey, key) <= allowed
    }

    // MARK: Messages

    private static func describe(_ relation: Relation) -> String { "\(relation.name) (\(relation.id))" }

    private static func describe(_ activity: Activity) -> String {
        "\(activity.title) (\(activity.id)\(activity.startDate.map { ", \(DateWriting.standard.date($0))" } ?? ""))"
    }

    private static func describe(_ subject: Subject) -> String {
        switch subject {
        case .relation(let relation): "relatie " + describe(relation)
        case .activity(let activity): "activiteit " + describe(activity)
        }
    }

    private static func refusal(_ typed: String, what: String, matches: [String], suggestions: [String]) -> ValueError {
        if matches.count > 1 {
            return ValueError("'\(typed)' past bij meer dan één \(what); bedoelde u \(alternatives(Array(matches.prefix(maximumCandidates))))? Gebruik de id")
        }
        let base = "onbekende \(what) '\(typed)'"
        return ValueError(suggestions.isEmpty ? base : "\(base); bedoelde u \(alternatives(suggestions))?")
    }

    /// "A", "A of B", "A, B of C".
    public static func alternatives(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " of " + items[items.count - 1]
    }
}
