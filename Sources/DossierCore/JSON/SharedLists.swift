/// Short lists a reader has made that recur throughout a document, so that equal lists share one storage: an
/// activity's countries (most name one or two of the same few), its sectors, the relations it is linked to, its
/// participants (the same few entrepreneurs) and follow-ups (the same few steps after a visit). Each
/// non-empty list is an allocation of 48 bytes or more; at 100.000 activities these were ~14 MB, mostly repeats
/// (docs/performance.md). Arrays are values, so a shared one stays the caller's own: a change copies it.
struct SharedLists {
    private var countries = Table<Country>()
    private var sectors = Table<Sector>()
    private var relations = Table<String>()
    private var participants = Table<Participant>()
    private var followUps = Table<FollowUp>()

    /// A field whose lists hardly recur should not make the reader hold them all.
    static let capacity = 8_192

    mutating func shared(_ list: [Country]) -> [Country] { countries.shared(list) }
    mutating func shared(_ list: [Sector]) -> [Sector] { sectors.shared(list) }

    /// Relation ids are shared only when ASCII, as slugs are: `String`'s equality takes "é" and "e" with a combining
    /// accent for the same text, and what is read must stay exactly what was written (`SharedTexts`).
    mutating func shared(relations list: [String]) -> [String] {
        list.allSatisfy(SharedLists.isASCII) ? relations.shared(list) : list
    }

    /// Shared only when their texts are ASCII, as relation ids are.
    mutating func shared(participants list: [Participant]) -> [Participant] {
        list.allSatisfy { SharedLists.isASCII($0.name) && SharedLists.isASCII($0.organisation) } ? participants.shared(list) : list
    }

    /// Shared only when their texts are ASCII, as relation ids are.
    mutating func shared(followUps list: [FollowUp]) -> [FollowUp] {
        list.allSatisfy { SharedLists.isASCII($0.id) && SharedLists.isASCII($0.text) && SharedLists.isASCII($0.owner) } ? followUps.shared(list) : list
    }

    private static func isASCII(_ text: String) -> Bool { text.utf8.allSatisfy { $0 < 0x80 } }

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
