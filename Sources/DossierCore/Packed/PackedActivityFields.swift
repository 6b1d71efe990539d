/// The fields of an activity that lists seldom show, kept as one run of compact bytes (`PackedWriter`) instead of
/// an array or text each: a dossier of 100.000 activities held ~700.000 small allocations for them (status
/// histories, relations, countries, participants), each with its header and the allocator's share besides its
/// contents (docs/performance.md, point 57). A field is read by walking to its part of the bytes and
/// decoding that part; setting one writes its part anew. Empty fields at the end take no bytes; an activity with
/// none of them holds no allocation at all.
struct PackedActivityFields: Hashable, Sendable {
    private var bytes: [UInt8] = []

    /// Equal as the fields are equal, as before they were packed: a follow-up's id does not count (`FollowUp ==`), nor do
    /// texts that are the same to `String` in other bytes. Equal bytes settle it at once.
    static func == (left: PackedActivityFields, right: PackedActivityFields) -> Bool {
        left.bytes == right.bytes || left.relations == right.relations && left.statusHistory == right.statusHistory
            && left.countries == right.countries && left.sectors == right.sectors && left.participants == right.participants
            && left.visit == right.visit && left.followUps == right.followUps && left.notes == right.notes
            && left.outcomes == right.outcomes && left.links == right.links
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(relations)
        hasher.combine(statusHistory)
        hasher.combine(countries)
        hasher.combine(sectors)
        hasher.combine(participants)
        hasher.combine(visit)
        hasher.combine(followUps)
        hasher.combine(notes)
        hasher.combine(outcomes)
        hasher.combine(links)
    }

    /// The parts, in the order they are kept: those most activities have first, so that the rarer ones can be left off.
    enum Field: Int, CaseIterable {
        case relations, statusHistory, countries, sectors, participants, visit, followUps, notes, outcomes, links
    }

    init() {}

    init(relations: [RelationID], statusHistory: [StatusChange<ActivityStatus>], countries: [Country], sectors: [Sector],
         participants: [Participant], visit: VisitDetails?, followUps: [FollowUp], notes: String, outcomes: String, links: [Link]) {
        bytes = PackedActivityFields.joined(Field.allCases.map { field in
            switch field {
            case .relations: PackedActivityFields.part(relations: relations)
            case .statusHistory: PackedActivityFields.part(statusHistory: statusHistory)
            case .countries: PackedActivityFields.part(countries: countries)
            case .sectors: PackedActivityFields.part(sectors: sectors)
            case .participants: PackedActivityFields.part(participants: participants)
            case .visit: PackedActivityFields.part(visit: visit)
            case .followUps: PackedActivityFields.part(followUps: followUps)
            case .notes: PackedActivityFields.part(text: notes)
            case .outcomes: PackedActivityFields.part(text: outcomes)
            case .links: PackedActivityFields.part(links: links)
            }
        })
    }

    var relations: [RelationID] {
        get {
            guard var reader = reader(.relations) else { return [] }
            let count = reader.count()
            return Interned.relationIDs.values(at: (0..<count).lazy.map { _ in UInt32(reader.unsigned()) })
        }
        set { replace(.relations, with: PackedActivityFields.part(relations: newValue)) }
    }

    var statusHistory: [StatusChange<ActivityStatus>] {
        get {
            guard var reader = reader(.statusHistory) else { return [] }
            let count = reader.count()
            var entries: [(CalendarDate, ActivityStatus?, ActivityStatus, CalendarDate?, UInt32)] = []
            entries.reserveCapacity(count)
            for _ in 0..<count {
                entries.append((reader.date(), reader.optionalWord(ActivityStatus.self), reader.word(ActivityStatus.self),
                                reader.optionalDate(), UInt32(reader.unsigned())))
            }
            let texts = Interned.statusTexts.values(at: entries.lazy.map(\.4))
            return zip(entries, texts).map { entry, texts in
                StatusChange(date: entry.0, from: entry.1, to: entry.2, reviewDate: entry.3, texts: texts)
            }
        }
        set { replace(.statusHistory, with: PackedActivityFields.part(statusHistory: newValue)) }
    }

    var countries: [Country] {
        get { list(.countries) { Country(trustedCode: $0.text()) } }
        set { replace(.countries, with: PackedActivityFields.part(countries: newValue)) }
    }

    var sectors: [Sector] {
        get { list(.sectors) { $0.word(Sector.self) } }
        set { replace(.sectors, with: PackedActivityFields.part(sectors: newValue)) }
    }

    var participants: [Participant] {
        get { list(.participants) { Participant(name: $0.text(), role: $0.word(ParticipantRole.self), organisation: $0.text()) } }
        set { replace(.participants, with: PackedActivityFields.part(participants: newValue)) }
    }

    var visit: VisitDetails? {
        get {
            guard var reader = reader(.visit) else { return nil }
            let direction = reader.word(VisitDirection.self), from = reader.text(), ledBy = reader.text()
            let size = reader.bool() ? reader.signed() : nil
            let hosts = (0..<reader.count()).map { _ in reader.text() }
            return VisitDetails(direction: direction, delegationFrom: from, ledBy: ledBy, size: size, hosts: hosts, programme: reader.text())
        }
        set { replace(.visit, with: PackedActivityFields.part(visit: newValue)) }
    }

    /// The visit's direction, read from the first byte of its part without the rest of the visit.
    var visitDirection: VisitDirection? {
        guard var reader = reader(.visit) else { return nil }
        return reader.word(VisitDirection.self)
    }

    var followUps: [FollowUp] {
        get {
            list(.followUps) { reader in
                let id = reader.text(), text = reader.text(), due = reader.optionalDate(), owner = reader.text()
                return FollowUp(text: text, due: due, owner: owner, isDone: reader.bool(), id: id)
            }
        }
        set { replace(.followUps, with: PackedActivityFields.part(followUps: newValue)) }
    }

    var notes: String {
        get { text(.notes) }
        set { replace(.notes, with: PackedActivityFields.part(text: newValue)) }
    }

    var outcomes: String {
        get { text(.outcomes) }
        set { replace(.outcomes, with: PackedActivityFields.part(text: newValue)) }
    }

    var links: [Link] {
        get {
            list(.links) { reader in
                let id = reader.text(), label = reader.text()
                let target: LinkTarget = reader.byte() == 0 ? .url(reader.text()) : .path(reader.text())
                return Link(keeping: id, label: label, target: target)
            }
        }
        set { replace(.links, with: PackedActivityFields.part(links: newValue)) }
    }

    /// How many bytes the fields take (for `dossier-benchmarks --memory`).
    var byteCount: Int { bytes.count }

    // MARK: Parts

    /// A reader at the start of a field's part, nil when the field is empty.
    private func reader(_ field: Field) -> PackedReader? {
        let part = part(field)
        return part.isEmpty ? nil : PackedReader(part)
    }

    private func part(_ field: Field) -> ArraySlice<UInt8> {
        var reader = PackedReader(bytes[...])
        for _ in 0..<field.rawValue {
            if reader.isAtEnd { return [] }
            _ = reader.skip(reader.count())
        }
        return reader.isAtEnd ? [] : reader.skip(reader.count())
    }

    private func list<Element>(_ field: Field, _ element: (inout PackedReader) -> Element) -> [Element] {
        guard var reader = reader(field) else { return [] }
        return (0..<reader.count()).map { _ in element(&reader) }
    }

    private func text(_ field: Field) -> String {
        let part = part(field)
        return part.isEmpty ? "" : String(decoding: part, as: UTF8.self)
    }

    private mutating func replace(_ field: Field, with new: [UInt8]) {
        var parts = Field.allCases.map { part($0) }
        parts[field.rawValue] = new[...]
        bytes = PackedActivityFields.joined(parts)
    }

    /// Each part with its length before it, the empty ones at the end left off, in storage of exactly their size.
    private static func joined(_ parts: [some Collection<UInt8>]) -> [UInt8] {
        guard let last = parts.lastIndex(where: { !$0.isEmpty }) else { return [] }
        var writer = PackedWriter()
        for part in parts[...last] {
            writer.count(part.count)
            writer.append(contentsOf: part)
        }
        return writer.bytes.exactlySized()
    }

    /// What a field's part holds; empty for an empty field.
    private static func part(_ write: (inout PackedWriter) -> Void) -> [UInt8] {
        var writer = PackedWriter()
        write(&writer)
        return writer.bytes
    }

    private static func part<Element>(list: [Element], _ write: (inout PackedWriter, Element) -> Void) -> [UInt8] {
        list.isEmpty ? [] : part { writer in
            writer.count(list.count)
            for element in list { write(&writer, element) }
        }
    }

    private static func part(relations: [RelationID]) -> [UInt8] {
        part(list: relations) { $0.unsigned(UInt64(Interned.relationIDs.place(of: $1))) }
    }

    private static func part(statusHistory: [StatusChange<ActivityStatus>]) -> [UInt8] {
        part(list: statusHistory) { writer, change in
            writer.date(change.date)
            writer.optionalWord(change.from)
            writer.word(change.to)
            writer.optionalDate(change.reviewDate)
            writer.unsigned(UInt64(Interned.statusTexts.place(of: change.texts)))
        }
    }

    private static func part(countries: [Country]) -> [UInt8] { part(list: countries) { $0.text($1.code) } }

    private static func part(sectors: [Sector]) -> [UInt8] { part(list: sectors) { $0.word($1) } }

    private static func part(participants: [Participant]) -> [UInt8] {
        part(list: participants) { writer, participant in
            writer.text(participant.name)
            writer.word(participant.role)
            writer.text(participant.organisation)
        }
    }

    private static func part(visit: VisitDetails?) -> [UInt8] {
        guard let visit else { return [] }
        return part { writer in
            writer.word(visit.direction)
            writer.text(visit.delegationFrom)
            writer.text(visit.ledBy)
            writer.bool(visit.size != nil)
            if let size = visit.size { writer.signed(size) }
            writer.count(visit.hosts.count)
            for host in visit.hosts { writer.text(host) }
            writer.text(visit.programme)
        }
    }

    private static func part(followUps: [FollowUp]) -> [UInt8] {
        part(list: followUps) { writer, followUp in
            writer.text(followUp.id)
            writer.text(followUp.text)
            writer.optionalDate(followUp.due)
            writer.text(followUp.owner)
            writer.bool(followUp.isDone)
        }
    }

    private static func part(text: String) -> [UInt8] {
        text.isEmpty ? [] : Array(text.utf8)
    }

    private static func part(links: [Link]) -> [UInt8] {
        part(list: links) { writer, link in
            writer.text(link.id)
            writer.text(link.label)
            switch link.target {
            case .url(let url):
                writer.bool(false)
                writer.text(url)
            case .path(let path):
                writer.bool(true)
                writer.text(path)
            }
        }
    }
}
