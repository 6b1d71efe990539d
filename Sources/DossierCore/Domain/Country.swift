/// A country, stored by its ISO 3166-1 alpha-2 code (`DE`) and shown by its Dutch name (Duitsland).
/// Whether it lies in Europe comes from the one table in the core (`Country.table`), never from input.
public struct Country: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The two capital letters of ISO 3166-1 (and XK for Kosovo).
    public let code: String

    /// The country with this code (any case), or nil when the table has no such code.
    public init?(code: String) {
        let upper = code.uppercased()
        guard Country.positionByCode[upper] != nil else { return nil }
        self.code = upper
    }

    private var entry: Entry { Country.table[Country.positionByCode[code] ?? 0] }

    /// The Dutch name, as in the Taalunie's list of country names: "Duitsland", "Verenigd Koninkrijk".
    public var name: String { entry.name }

    /// Lies in Europe as the Council of Europe and the EU draw it (see docs/data-format.md, "Landen").
    public var isInEurope: Bool { entry.isInEurope }

    /// Other names the parser accepts: Dutch alternatives ("Engeland", "Holland") and English names.
    public var otherNames: [String] { entry.otherNames }

    /// "Duitsland (DE)", for messages and choices.
    public var nameWithCode: String { "\(name) (\(code))" }

    public var description: String { name }

    /// Dutch alphabetical order of the names, ignoring accents and case.
    public static func < (lhs: Country, rhs: Country) -> Bool {
        (positionByCode[lhs.code] ?? 0) < (positionByCode[rhs.code] ?? 0)
    }

    /// Every country, in the order of their Dutch names.
    public static let all: [Country] = table.map { Country(trustedCode: $0.code) }

    init(trustedCode: String) {
        code = trustedCode
    }

    // MARK: Reading what people type

    /// The one reader of a country: a Dutch name (or another name of the table), ignoring case and
    /// accents, or a code. Refuses with one wording that suggests the nearest names.
    public static func parse(_ text: String) throws(CountryError) -> Country {
        let typed = text.trimmingSpaces()
        guard !typed.isEmpty else { throw CountryError(input: typed, candidates: []) }
        let folded = SearchText.fold(typed)
        if let code = codeByFoldedName[folded] { return Country(trustedCode: code) }
        throw CountryError(input: typed, candidates: candidates(for: folded))
    }

    /// A list of countries typed in one line, separated by commas or semicolons ("Denemarken, Zweden").
    /// A piece that is no country but whose parts around " en " are ("Denemarken en Zweden") counts as
    /// those parts; names such as "Bosnië en Herzegovina" are read whole first. The same country twice
    /// counts once.
    public static func parseList(_ text: String) throws(CountryError) -> [Country] {
        var countries: [Country] = []
        for piece in text.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == "\n" }) {
            let typed = String(piece).trimmingSpaces()
            if typed.isEmpty { continue }
            let found: [Country]
            do {
                found = [try parse(typed)]
            } catch {
                let parts = typed.components(separatedBy: " en ").map { $0.trimmingSpaces() }
                guard parts.count > 1, case let parsed = parts.compactMap({ try? parse($0) }), parsed.count == parts.count else {
                    throw error
                }
                found = parsed
            }
            for country in found where !countries.contains(country) { countries.append(country) }
        }
        return countries
    }

    /// Countries whose name (or other name, or code) starts with what was typed, then those with a word that starts with it,
    /// then those whose name contains it: the type-ahead of a country field. Within each, the countries in `uses` first, most
    /// used first ("chi" offers China before Chili in a dossier with Taizhou), then those where it is a whole word, shortest
    /// name first ("verenigde": the Verenigde Staten before the Verenigde Arabische Emiraten; "staten": before the Kleine
    /// Pacifische eilanden van de Verenigde Staten), then the rest in the order of their Dutch names.
    public static func matching(_ text: String, limit: Int = 10, preferring uses: [Country: Int] = [:]) -> [Country] {
        let folded = SearchText.fold(text.trimmingSpaces())
        if folded.isEmpty { return Array(mostUsedFirst(all, uses).prefix(limit)) }
        var exact: [Country] = [], starting: [(Country, Int)] = [], wordStarting: [(Country, Int)] = [], containing: [Country] = []
        if let code = codeByFoldedName[folded] { exact.append(Country(trustedCode: code)) }
        let separators: Set<Character> = [" ", "-", "(", ")", ","]
        let words = { (name: String) in name.split(whereSeparator: separators.contains).map(String.init) }
        // With the length of the shortest name that has it as a whole word (Int.max for none): typed whole, a shorter name is closer.
        let wholeWordLength = { (names: [String]) in names.filter { words($0).contains(folded) }.map(\.utf8.count).min() ?? Int.max }
        for country in all where !exact.contains(country) {
            let names = country.foldedNames
            if names.contains(where: { $0.hasPrefix(folded) }) {
                starting.append((country, wholeWordLength(names)))
            } else if names.contains(where: { words($0).contains { $0.hasPrefix(folded) } }) {
                wordStarting.append((country, wholeWordLength(names)))
            } else if names.contains(where: { SearchText.contains($0, folded) }) {
                containing.append(country)
            }
        }
        let result = exact + mostUsedFirst(shortestFirst(starting), uses) + mostUsedFirst(shortestFirst(wordStarting), uses) + mostUsedFirst(containing, uses)
        // Nothing begins or contains it: the countries a mistyped name probably meant ("Duitsand": Duitsland), as the
        // command line suggests them.
        return result.isEmpty ? Array(candidates(for: folded).prefix(limit)) : Array(result.prefix(limit))
    }

    /// The countries by the length of their name that has the typed text as a whole word, shortest first; the others, and
    /// those of equal length, in the table's order.
    private static func shortestFirst(_ matches: [(Country, Int)]) -> [Country] {
        matches.enumerated().sorted { left, right in
            left.element.1 != right.element.1 ? left.element.1 < right.element.1 : left.offset < right.offset
        }.map(\.element.0)
    }

    /// The countries in `uses` first, most used first, then the others; each in the order they came in (a stable sort).
    private static func mostUsedFirst(_ countries: [Country], _ uses: [Country: Int]) -> [Country] {
        guard !uses.isEmpty else { return countries }
        return countries.enumerated().sorted { left, right in
            let leftUses = uses[left.element] ?? 0, rightUses = uses[right.element] ?? 0
            return leftUses != rightUses ? leftUses > rightUses : left.offset < right.offset
        }.map(\.element)
    }

    /// How often each country occurs in the dossier, on its relations and activities: what a country field offers first.
    public static func uses(in dossier: Dossier) -> [Country: Int] {
        var counts: [Country: Int] = [:]
        for relation in dossier.relations { for country in relation.countries { counts[country, default: 0] += 1 } }
        for activity in dossier.activities { for country in activity.countries { counts[country, default: 0] += 1 } }
        return counts
    }

    // MARK: Lookup tables, built once

    private static let positionByCode: [String: Int] = Dictionary(uniqueKeysWithValues: table.enumerated().map { ($1.code, $0) })

    /// Every folded name, other name and code, to its code.
    private static let codeByFoldedName: [String: String] = {
        var names: [String: String] = [:]
        for entry in table {
            for name in [entry.code, entry.name] + entry.otherNames { names[SearchText.fold(name)] = entry.code }
        }
        return names
    }()

    private var foldedNames: [String] { Country.foldedNamesByCode[code] ?? [] }

    /// Each country's name and other names, folded once: a picker narrows on them at every key.
    private static let foldedNamesByCode: [String: [String]] = Dictionary(
        uniqueKeysWithValues: table.map { entry in (entry.code, ([entry.name] + entry.otherNames).map(SearchText.fold)) })

    /// At most three countries a mistyped name probably meant: names that start with it, else names that
    /// contain it, else the names fewest typing mistakes away.
    private static func candidates(for folded: String) -> [Country] {
        let prefixed = all.filter { $0.foldedNames.contains { $0.hasPrefix(folded) } }
        if !prefixed.isEmpty { return Array(prefixed.prefix(3)) }
        if folded.count >= 3 {
            let containing = all.filter { $0.foldedNames.contains { SearchText.contains($0, folded) } }
            if !containing.isEmpty { return Array(containing.prefix(3)) }
        }
        let allowed = max(1, folded.count / 3)
        let scored = all.compactMap { country -> (Country, Int)? in
            // A name whose length differs by more than the mistakes allowed cannot be near enough: not measured (a long
            // text typed into the picker would otherwise be compared with every name at every key).
            let distance = country.foldedNames.filter { abs($0.unicodeScalars.count - folded.unicodeScalars.count) <= allowed }
                .map { EditDistance.between($0, folded) }.min() ?? Int.max
            return distance <= allowed ? (country, distance) : nil
        }
        return scored.sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }.prefix(3).map(\.0)
    }
}

/// A country that could not be read, with the countries the user probably meant.
public struct CountryError: Error, Hashable, Sendable, CustomStringConvertible {
    public var input: String
    public var candidates: [Country]

    public init(input: String, candidates: [Country]) {
        self.input = input
        self.candidates = candidates
    }

    /// The one Dutch wording, shown in forms, on stderr and in import errors.
    public var message: String {
        if input.isEmpty { return "geen land ingevuld; typ een Nederlandse landnaam (Duitsland) of een landcode (DE)" }
        let unknown = "'\(input)' is geen land dat dossier kent"
        switch candidates.count {
        case 0: return "\(unknown); typ een Nederlandse landnaam (Duitsland) of een landcode (DE)"
        case 1: return "\(unknown); bedoelde u \(candidates[0].nameWithCode)?"
        default:
            let names = candidates.map(\.nameWithCode)
            return "\(unknown); bedoelde u \(names.dropLast().joined(separator: ", ")) of \(names[names.count - 1])?"
        }
    }

    public var description: String { message }
}

/// The number of single-character insertions, deletions and substitutions between two texts.
enum EditDistance {
    static func between(_ left: String, _ right: String) -> Int {
        let a = Array(left.unicodeScalars), b = Array(right.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}

extension [Country] {
    /// The Dutch names in one line: "Denemarken, Zweden".
    public var names: String { map(\.name).joined(separator: ", ") }

    /// One of them lies outside Europe.
    public var includesOutsideEurope: Bool { contains { !$0.isInEurope } }

    /// "binnen Europa", "buiten Europa", or nothing when no country is known.
    public var location: String { isEmpty ? "" : includesOutsideEurope ? "buiten Europa" : "binnen Europa" }
}
