import DossierCore

extension AppState {
    mutating func startSearch() {
        guard case .list(let section) = screen, section.listsEntities else { return }
        index.prepareSearch(dossier)
        search = SearchState(section: section, originRow: listState(section).selection, originOffset: listState(section).offset)
    }

    /// Keys while the search line is being typed: each change jumps to the first match from where the
    /// search started; Enter keeps the search for n/N, Esc returns to where it started.
    mutating func handleSearchKey(_ key: Key, action: Action?) {
        guard var current = search else { return }
        switch action {
        case .acceptSearch?:
            current.isEditing = false
            search = current.foldedQuery.isEmpty ? nil : current
            if search != nil {
                // With nothing found, n and N have nothing to go to.
                let found = matchCount(of: current)
                if found == 0 {
                    message = .info("Geen treffers voor '\(current.input.text)'; Esc wist de zoekopdracht")
                } else {
                    sayWhereTheHitIs("\(count(found, "treffer", "treffers")); n volgende, N vorige, Esc wist de zoekopdracht")
                }
            }
        case .cancelSearch?:
            search = nil
            var origin = ListState(selection: current.originRow, offset: current.originOffset)
            origin.clamp(count: rows(current.section).count, visibleRows: layout.listRows)
            lists[current.section] = origin
        default:
            guard current.input.handle(key, keyMap: keyMap) else { return }
            searchChanged(current)
        }
    }

    /// The search line holds new text: jump to the first match from where the search started.
    mutating func searchChanged(_ current: SearchState) {
        search = current
        lists[current.section, default: ListState()].select(current.originRow, count: rows(current.section).count,
                                                             visibleRows: layout.listRows)
        if !current.foldedQuery.isEmpty {
            let found = jumpToMatch(forward: true, includingCurrent: true, preferringNames: true, quietly: true)
            search?.hasMatch = found
        }
    }

    /// Moves the selection to the next (or previous) row matching the search, wrapping around. While
    /// typing, a row whose name matches wins over one that only matches in its notes or contacts.
    @discardableResult
    mutating func jumpToMatch(forward: Bool, includingCurrent: Bool, preferringNames: Bool = false, quietly: Bool = false) -> Bool {
        guard let current = search, case .list(let section) = screen, section == current.section else {
            message = .info("Geen zoekopdracht: / om te zoeken.")
            return false
        }
        let query = current.foldedQuery
        let sectionRows = rows(section)
        guard !sectionRows.isEmpty, !query.isEmpty else { return false }
        let start = listState(section).selection
        for namesOnly in preferringNames ? [true, false] : [false] {
            for step in (includingCurrent ? 0 : 1)...sectionRows.count {
                let offset = forward ? step : -step
                let row = ((start + offset) % sectionRows.count + sectionRows.count) % sectionRows.count
                if matches(row: row, in: section, query: query, namesOnly: namesOnly) {
                    lists[section, default: ListState()].select(row, count: sectionRows.count, visibleRows: layout.listRows)
                    return true
                }
            }
        }
        if !quietly { message = .error("Niets gevonden voor '\(current.input.text)'") }
        return false
    }

    /// Whether a row of a list matches a folded query, in its name (or title) only or anywhere.
    func matches(row: Int, in section: Section, query: String, namesOnly: Bool = false) -> Bool {
        let position = rows(section)[row]
        if section == .relations && namesOnly { return SearchText.containsEveryWord(index.relationNameKeys[position], query) }
        // A search exists only with its keys (`startSearch` makes them, a rebuild keeps them).
        guard let keys = index.searchKeys else { return false }
        return section == .relations ? keys.relations.contains(query, at: position)
            : keys.activities.contains(query, at: position, inTitleOnly: namesOnly)
    }

    func matchCount(of search: SearchState) -> Int {
        let query = search.foldedQuery
        return rows(search.section).indices.filter { matches(row: $0, in: search.section, query: query) }.count
    }

    /// Where the selected row matches the search when that is not in its name or title (a contact, a note,
    /// a place): "treffer in contactpersoon: Britta Driessen". Nil when there is no search or no such hit.
    var searchHit: String? {
        guard let search, case .list(let section) = screen, section == search.section, section.listsEntities else { return nil }
        let sectionRows = rows(section), selection = listState(section).selection
        guard sectionRows.indices.contains(selection) else { return nil }
        let position = sectionRows[selection]
        let fields = section == .relations ? SearchFields.of(dossier.relations[position]) : SearchFields.of(dossier.activities[position], in: dossier)
        return SearchFields.hit(fields, query: search.foldedQuery)
    }

    /// After n or N (or Enter on the search line): where the hit is, and what the keys do.
    mutating func sayWhereTheHitIs(_ rest: String) {
        let hit = searchHit.map { $0.prefix(1).uppercased() + $0.dropFirst() }
        message = .info(([hit, rest].compactMap { $0 }).joined(separator: " · "))
    }

    /// The folded query when a search is active in this section, for highlighting matches.
    func activeQuery(in section: Section) -> String? {
        guard let search, search.section == section else { return nil }
        let query = search.foldedQuery
        return query.isEmpty ? nil : query
    }
}
