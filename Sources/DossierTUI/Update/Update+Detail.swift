import DossierCore

/// The detail screens of a relation and an activity: their document (the core's), the lists below the
/// information and which of them has the keys.
extension AppState {
    /// The lists a detail screen shows below the information, in tab order.
    static func detailLists(of screen: Screen) -> [RecordList.Kind] {
        switch screen {
        case .relationDetail: [.contacts, .links, .activities]
        case .activityDetail: [.followUps, .links]
        case .municipality: [.contacts]
        default: []
        }
    }

    /// What a detail screen shows: the core's document of its relation or activity.
    func document(of screen: Screen) -> RecordDocument? {
        switch screen {
        case .relationDetail(let detail): dossier.relation(detail.id).map { RecordDocument(relation: $0, in: dossier, today: today) }
        case .activityDetail(let detail): dossier.activity(detail.id).map { RecordDocument(activity: $0, in: dossier, today: today) }
        case .municipality: RecordDocument(municipalityOf: dossier)
        default: nil
        }
    }

    /// The list a detail screen shows when nothing was chosen: a relation's activities, an activity's follow-ups.
    static func defaultList(of screen: Screen) -> RecordList.Kind? {
        switch screen {
        case .relationDetail: .activities
        case .activityDetail: .followUps
        case .municipality: .contacts
        default: nil
        }
    }

    /// The detail state of the current screen, if it is a detail screen.
    var currentDetail: DetailState? { Self.detail(of: screen) }

    mutating func replaceCurrentDetail(_ detail: DetailState) {
        replaceDetail(at: stack.count - 1, with: detail)
    }

    /// The detail state of the detail screen at `place` on the stack set to `detail`; another screen stays as it is.
    private mutating func replaceDetail(at place: Int, with detail: DetailState) {
        guard stack.indices.contains(place) else { return }
        switch stack[place] {
        case .relationDetail: stack[place] = .relationDetail(detail)
        case .activityDetail: stack[place] = .activityDetail(detail)
        case .municipality: stack[place] = .municipality(detail)
        default: break
        }
    }

    private static func detail(of screen: Screen) -> DetailState? {
        switch screen {
        case .relationDetail(let detail), .activityDetail(let detail), .municipality(let detail): detail
        default: nil
        }
    }

    /// The list shown below the information of the current detail screen: the one chosen, or the default; a relation
    /// without activities shows its contacts when it has any ("Nog geen activiteiten" under "Contactpersonen (6)" hid
    /// them). Not while the dossier is still read: the activities are not all known yet.
    func shownList(_ detail: DetailState) -> RecordList.Kind? {
        if let shown = detail.shownList { return shown }
        if case .relationDetail = screen, preview == nil, index.activitiesByRelation[detail.id]?.isEmpty ?? true,
           dossier.relation(detail.id)?.contacts.isEmpty == false {
            return .contacts
        }
        return Self.defaultList(of: screen)
    }

    /// What an item of a detail screen's list is, apart from its row: a contact's, link's or activity's id; a
    /// follow-up's id (its number changes when one is added or removed before it; its text, date and owner when it is
    /// edited, and the list sorts it elsewhere by date: the selection goes with it, so the next Space ticks it off).
    func itemIdentity(_ item: RecordItem, of kind: RecordList.Kind, on screen: Screen) -> String? {
        guard kind == .followUps else { return item.id }
        guard case .activityDetail(let detail) = screen, let activity = dossier.activity(detail.id),
              let number = item.id.flatMap(Int.init), activity.followUps.indices.contains(number - 1) else { return nil }
        let followUp = activity.followUps[number - 1]
        return followUp.id.isEmpty ? [followUp.text, followUp.due.map(\.description) ?? "", followUp.owner].joined(separator: "\u{1}") : followUp.id
    }

    /// Remembers the selected item of every list on the detail screens on the stack, before others' changes or a
    /// reload come in (`refreshAfterChange` selects them again where they went).
    mutating func rememberDetailSelection() {
        detailSelectionBeforeChange = [:]
        for (place, screen) in stack.enumerated() {
            guard let detail = Self.detail(of: screen), let document = document(of: screen) else { continue }
            var identities: [RecordList.Kind: String] = [:]
            for (kind, list) in detail.lists {
                guard let items = document.list(kind)?.items, items.indices.contains(list.selection),
                      let identity = itemIdentity(items[list.selection], of: kind, on: screen) else { continue }
                identities[kind] = identity
            }
            detailSelectionBeforeChange[place] = identities
        }
    }

    /// Selects again, on the detail screen at `place`, the items that were selected (a row of their own now, after
    /// others added or removed items before them); an item that is gone leaves the row as it is.
    mutating func reselect(_ identities: [RecordList.Kind: String], onDetailScreenAt place: Int) {
        let screen = stack[place]
        guard var detail = Self.detail(of: screen), let document = document(of: screen) else { return }
        for (kind, identity) in identities {
            guard let items = document.list(kind)?.items,
                  let row = items.indices.first(where: { itemIdentity(items[$0], of: kind, on: screen) == identity }) else { continue }
            detail.lists[kind, default: ListState()].select(row, count: items.count,
                                                            visibleRows: DetailLayout(layout: layout, itemCount: items.count, on: screen).itemRows)
        }
        replaceDetail(at: place, with: detail)
    }

    /// The id of the selected item of a focused list (a contact's, a link's, an activity's, a follow-up's number).
    func selectedItemID(of kind: RecordList.Kind) -> String? {
        guard let detail = currentDetail, detail.focusedList == kind, let list = document(of: screen)?.list(kind) else { return nil }
        let selection = detail.lists[kind]?.selection ?? 0
        return list.items.indices.contains(selection) ? list.items[selection].id : nil
    }

    /// What an addition on a detail screen selects once saved (asked with the dossier as saved): the new contact, link or follow-up, so that `o`, `e`, `d`
    /// and Space then act on what was just added, not on the row that happened to be selected.
    func addedItem(by change: Change) -> (kind: RecordList.Kind, itemID: String)? {
        switch change {
        case .addContact(_, let contact): (.contacts, contact.id)
        case .addLink(_, let link): (.links, link.id)
        // A follow-up's item is its number; the one added is the last.
        case .addFollowUp(let activityID, _): dossier.activity(activityID).map { (.followUps, String($0.followUps.count)) }
        default: nil
        }
    }

    /// Selects the item `itemID` of the list `kind` on the current detail screen, in sight; which pane has the keys
    /// stays as it was.
    mutating func selectItem(_ itemID: String, in kind: RecordList.Kind) {
        guard var detail = currentDetail, Self.detailLists(of: screen).contains(kind),
              let row = document(of: screen)?.list(kind)?.items.firstIndex(where: { $0.id == itemID }) else { return }
        let count = itemCount(of: kind)
        detail.lists[kind, default: ListState()].select(row, count: count, visibleRows: DetailLayout(layout: layout, itemCount: count, on: screen).itemRows)
        replaceCurrentDetail(detail)
    }

    /// Whether the list that has the keys on a detail screen has no items: then there is nothing to edit, delete or open in it.
    var focusedListIsEmpty: Bool {
        guard let focused = currentDetail?.focusedList else { return false }
        return itemCount(of: focused) == 0
    }

    /// The number of items in a list of the current detail screen.
    func itemCount(of kind: RecordList.Kind?) -> Int {
        kind.flatMap { document(of: screen)?.list($0)?.items.count } ?? 0
    }

    /// The lines of the information part, for scrolling.
    func informationLineCount() -> Int {
        guard let document = document(of: screen) else { return 0 }
        return RecordDocumentView.detailInformation(document, leavingOut: Set(Self.detailLists(of: screen)), theme: theme,
                                                    width: layout.width - 2).count
    }

    /// j/k: scroll the information, or move in the focused list.
    mutating func moveInDetail(by delta: Int) {
        guard var detail = currentDetail else { return }
        let shown = shownList(detail)
        let count = itemCount(of: shown)
        let panes = DetailLayout(layout: layout, itemCount: count, on: screen)
        if detail.focusedList != nil && count > 0 {
            detail.items.move(by: delta, count: count, visibleRows: panes.itemRows)
        } else {
            let maximum = max(0, informationLineCount() - panes.informationRows)
            detail.scroll = min(max(0, detail.scroll + delta), maximum)
        }
        replaceCurrentDetail(detail)
    }

    /// Tab: the information, then each list in turn, then the information again.
    mutating func switchDetailPane(forward: Bool) {
        guard var detail = currentDetail else { return }
        let lists = Self.detailLists(of: screen)
        // The municipality's screen is its list: the lines above it are always in view, with nothing to scroll or do.
        let information: [DetailPane] = if case .municipality = screen { [] } else { [.information] }
        let panes: [DetailPane] = information + lists.map(DetailPane.list)
        let current = panes.firstIndex(of: detail.pane) ?? 0
        let next = panes[(current + (forward ? 1 : panes.count - 1)) % panes.count]
        focus(next, in: &detail)
        replaceCurrentDetail(detail)
    }

    /// Gives a pane the keys; a list also becomes the one shown.
    func focus(_ pane: DetailPane, in detail: inout DetailState) {
        detail.pane = pane
        if case .list(let kind) = pane {
            detail.shownList = kind
            let count = itemCount(of: kind)
            detail.lists[kind, default: ListState()].clamp(count: count, visibleRows: DetailLayout(layout: layout, itemCount: count, on: screen).itemRows)
        }
    }

    /// Enter on a detail screen: from the information to the shown list; in the activities, open one.
    /// Whether Enter opens something on the current detail screen (`openInDetail`): the status bar offers it only then.
    var detailOpensSomething: Bool {
        guard let detail = currentDetail else { return false }
        guard let focused = detail.focusedList else { return shownList(detail).map { itemCount(of: $0) > 0 } ?? false }
        return focused == .activities && selectedItemID(of: .activities) != nil
    }

    mutating func openInDetail() {
        guard var detail = currentDetail else { return }
        guard let focused = detail.focusedList else {
            if let shown = shownList(detail), itemCount(of: shown) > 0 {
                focus(.list(shown), in: &detail)
                replaceCurrentDetail(detail)
            }
            return
        }
        if focused == .activities, let id = selectedItemID(of: .activities) {
            stack.append(.activityDetail(DetailState(id: id)))
        }
    }

    /// The reference of the record whose links the current detail screen shows.
    var currentLinkOwner: EntityReference? {
        switch screen {
        case .relationDetail(let detail): .relation(detail.id)
        case .activityDetail(let detail): .activity(detail.id)
        default: nil
        }
    }

    /// The link selected in the focused links pane.
    var selectedLink: (owner: EntityReference, link: Link)? {
        guard let owner = currentLinkOwner, let id = selectedItemID(of: .links),
              let link = dossier.links(of: owner).first(where: { $0.id == id }) else { return nil }
        return (owner, link)
    }

    /// The follow-up selected in the focused follow-ups pane, with its place (from 0) in the activity's list.
    var selectedFollowUp: (activity: Activity, index: Int, followUp: FollowUp)? {
        guard case .activityDetail(let detail) = screen, detail.focusedList == .followUps, let activity = dossier.activity(detail.id),
              let index = followUpIndex(shownAt: detail.lists[.followUps]?.selection ?? 0, of: activity) else { return nil }
        return (activity, index, activity.followUps[index])
    }

    /// The place in the activity's list of the follow-up shown at `row` of its pane (they are shown by date, `shownOrder`).
    func followUpIndex(shownAt row: Int, of activity: Activity) -> Int? {
        let order = activity.followUps.shownOrder
        return order.indices.contains(row) ? order[row] : nil
    }

    /// Whether Space on the activity screen would open a follow-up again (the selected one is done) rather than tick it off.
    var selectedFollowUpIsDone: Bool {
        guard case .activityDetail(let detail) = screen, let activity = dossier.activity(detail.id),
              let index = followUpIndex(shownAt: detail.lists[.followUps]?.selection ?? 0, of: activity) else { return false }
        return activity.followUps[index].isDone
    }

    /// Whose contacts the current detail screen shows: a relation's, or the municipality's own.
    var currentContactOwner: ContactOwner? {
        switch screen {
        case .relationDetail(let detail): .relation(detail.id)
        case .municipality: .municipality
        default: nil
        }
    }

    /// The contact selected in the focused contacts pane.
    var selectedContact: (owner: ContactOwner, contact: Contact)? {
        guard let owner = currentContactOwner, let id = selectedItemID(of: .contacts),
              let contact = dossier.contacts(of: owner)?.first(where: { $0.id == id }) else { return nil }
        return (owner, contact)
    }
}

/// How a detail screen splits its height between the information and the list below it.
struct DetailLayout {
    var informationRows: Int
    var itemRows: Int

    /// The municipality's own information is a few lines about its list: there the list follows them and has all the rest.
    static let informationRowsAboveOwnList = 3

    init(layout: Layout, itemCount: Int, on screen: Screen) {
        // Body: a title row, the information, a heading row for the lists, the items.
        let available = max(2, layout.bodyHeight - 2)
        if case .municipality = screen {
            informationRows = min(Self.informationRowsAboveOwnList, max(1, available - 3))
            itemRows = max(1, available - informationRows)
            return
        }
        itemRows = itemCount == 0 ? 1 : min(itemCount, max(3, available / 3))
        informationRows = max(1, available - itemRows)
    }
}
