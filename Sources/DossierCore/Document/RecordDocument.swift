/// What a relation or an activity shows, decided once: its fields in order with their labels, its texts,
/// and its lists (contacts, links, activities, follow-ups, assessments, history). `dossier show` prints it
/// and the TUI's detail screens draw it, as the yearly report's blocks are written as Markdown and HTML;
/// neither decides what a record shows.
public struct RecordDocument: Hashable, Sendable {
    public var title: String
    public var id: String
    /// The status and kind, shown beside the title.
    public var subtitle: [RecordSpan]
    public var blocks: [RecordBlock]

    public init(title: String, id: String, subtitle: [RecordSpan], blocks: [RecordBlock]) {
        self.title = title
        self.id = id
        self.subtitle = subtitle
        self.blocks = blocks
    }

    /// The list of a kind, if the document has it.
    public func list(_ kind: RecordList.Kind) -> RecordList? {
        for block in blocks { if case .list(let list) = block, list.kind == kind { return list } }
        return nil
    }
}

/// A part of a document.
public enum RecordBlock: Hashable, Sendable {
    /// Label–value pairs, under a heading or (nil) at the top.
    case fields(heading: String?, [RecordField])
    /// Free text under a heading.
    case text(heading: String, String)
    case list(RecordList)
}

/// "Soort: Regio/cluster".
public struct RecordField: Hashable, Sendable {
    public var label: String
    public var value: String
    public var tone: RecordTone

    public init(_ label: String, _ value: String, tone: RecordTone = .plain) {
        self.label = label
        self.value = value
        self.tone = tone
    }
}

/// Items under a heading: contacts, links, activities, follow-ups, assessments, the status history.
public struct RecordList: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case contacts, links, activities, followUps, assessments, history
    }

    public var kind: Kind
    public var heading: String
    public var items: [RecordItem]
    /// Said when there are no items.
    public var emptyText: String
    /// The items' first lines are rows of a table: their spans are cells, aligned in columns.
    public var isTable: Bool

    public init(kind: Kind, heading: String, items: [RecordItem], emptyText: String, isTable: Bool = false) {
        self.kind = kind
        self.heading = heading
        self.items = items
        self.emptyText = emptyText
        self.isTable = isTable
    }
}

/// One item: its id (a contact's, a link's, an activity's), a first line and more lines under it.
public struct RecordItem: Hashable, Sendable {
    public var id: String?
    public var line: [RecordSpan]
    public var details: [RecordLine]

    public init(id: String? = nil, line: [RecordSpan], details: [RecordLine] = []) {
        self.id = id
        self.line = line
        self.details = details
    }

    public var text: String { line.map(\.text).joined() }
}

/// A line under an item, indented, wrapped to the width it is shown in.
public struct RecordLine: Hashable, Sendable {
    public var text: String
    public var indent: Int
    public var tone: RecordTone

    public init(_ text: String, indent: Int, tone: RecordTone = .plain) {
        self.text = text
        self.indent = indent
        self.tone = tone
    }
}

/// A piece of text with what it means, for a renderer to style (the TUI colours it; plain text does not).
public struct RecordSpan: Hashable, Sendable {
    public var text: String
    public var tone: RecordTone

    public init(_ text: String, _ tone: RecordTone = .plain) {
        self.text = text
        self.tone = tone
    }
}

/// What a piece of text is, so each front end can show it its own way.
public enum RecordTone: Hashable, Sendable {
    case plain, strong, muted, label
    case relationStatus(RelationStatus)
    case activityStatus(ActivityStatus)
    case verdict(Verdict)
    /// Needs attention: an overdue date, an approval against a negative weighing.
    case warning
}
