/// Short lists a reader has made that recur throughout a document, so that equal lists share one storage: an
/// activity's countries (most name one or two of the same few), its sectors, the relations it is linked to. Each
/// non-empty list is an allocation of 48 bytes or more; at 100.000 activities these were ~14 MB, mostly repeats
/// (docs/performance.md). Arrays are values, so a shared one stays the caller's own: a change copies it.
struct SharedLists {
    private var countries = Table<Country>()
    private var sectors = Table<Sector>()
    private var relations = Table<String>()

    /// A field whose lists hardly recur should not make the reader hold them all.
    static let capacity = 8_192

    mutating func shared(_ list: [Country]) -> [Country] { countries.shared(list) }
    mutating func shared(_ list: [Sector]) -> [Sector] { sectors.shared(list) }

    /// Relation ids are shared only when ASCII, as slugs are: `String`'s equality takes "é" and "e" with a combining
    /// accent for the same text, and what is read must stay exactly what was written (`SharedTexts`).
    mutating func shared(relations list: [String]) -> [String] {
        list.allSatisfy { $0.utf8.allSatisfy { $0 < 0x80 } } ? relations.shared(list) : list
    }

    private struct Table<Element: Hashable> {
        private var known: [[Element]: [Element]] = [:]

        mutating func shared(_ list: [Element]) -> [Element] {
            guard !list.isEmpty else { return list }
            if let made = known[list] { return made }
            if known.count < SharedLists.capacity { known[list] = list }
            return list
        }
    }
}
