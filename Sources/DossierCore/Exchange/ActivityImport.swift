/// Reading activities from the table `ActivityTable` writes: new rows are added, rows with a known id
/// update that activity (a changed status moves it along its life cycle), unchanged rows are left alone.
/// Every row is checked first; each problem names its line and column.
public enum ActivityImport {
    public typealias Problem = ImportPlan.Problem

    /// A row whose cells do not stand under the header's columns: one too few or too many (a cell deleted or inserted
    /// with the others shifted, a semicolon in a text without quotes), or text under a column without a name. Taken as
    /// it is, each cell after it would land in the next column, and the version check with it. Too few counts only for a
    /// row of an existing activity (`updates`) in a file from an export (`isExported`: it has the column 'versie'), where
    /// that row had every cell: a file made by hand, or a row added to an export, may leave out the empty cells at the end.
    static func shapeProblem(of record: CSV.Record, header: CSV.Record, width: Int, isExported: Bool, updates: Bool) -> Problem? {
        let count = record.fields.count
        if count < width && isExported && updates {
            return Problem(line: record.line, column: nil, message: "deze regel heeft \(count) cellen en de kopregel \(width): is er een cel weggevallen, "
                           + "zodat de rest naar links schoof? Elke regel heeft een cel per kolom (mag leeg)")
        }
        // From an export, also an empty cell too many: the last column's (versie, empty in a new row) shifted out.
        let extra = count > width ? record.fields[width...].firstIndex { !$0.trimmingSpaces().isEmpty } : nil
        if let extra = extra ?? (isExported && count > header.fields.count ? header.fields.count : nil) {
            let cell = record.fields[extra].trimmingSpaces().isEmpty ? "leeg" : "'\(shortened(record.fields[extra]))'"
            return Problem(line: record.line, column: nil, message: "deze regel heeft een cel voorbij de laatste kolom (cel \(extra + 1), \(cell)): "
                           + "is er een cel tussengevoegd, of staat er een puntkomma of komma in een tekst zonder aanhalingstekens?")
        }
        if let orphan = (0..<min(width, count)).first(where: { header.fields[$0].trimmingSpaces().isEmpty && !record.fields[$0].trimmingSpaces().isEmpty }) {
            return Problem(line: record.line, column: nil, message: "cel \(orphan + 1) ('\(shortened(record.fields[orphan]))') staat onder een kolom zonder naam in de "
                           + "kopregel: die wordt niet gelezen; geef de kolom een naam of haal de cel weg")
        }
        return nil
    }

    /// A cell as an export printed to a terminal or through stdout shows it (`TerminalSafeText`: ESC as ␛, a C1 control as
    /// �) where the stored text holds the control itself, is the stored text: imported as shown, the symbol would replace
    /// the control, and `--dry-run` would show the two alike.
    static func restoreShownCells(_ record: inout CSV.Record, of existing: Activity, in dossier: Dossier, columns: [String: Int]) {
        for column in ActivityTable.columns {
            guard let index = columns[column.heading], index < record.fields.count else { continue }
            let stored = column.value(existing, dossier)
            let shown = TerminalSafeText.text(stored)
            if shown != stored, record.fields[index].trimmingSpaces() == shown.trimmingSpaces() { record.fields[index] = stored }
        }
    }

    private static func shortened(_ cell: String) -> String {
        let trimmed = cell.trimmingSpaces()
        return trimmed.count > 40 ? trimmed.prefix(39) + "…" : trimmed
    }

    /// Checks every row against the dossier as of `today` (nothing carried out before it starts); no row is
    /// imported yet.
    public static func prepare(_ records: [CSV.Record], into dossier: Dossier, today: CalendarDate) -> ImportPlan {
        var result = ImportPlan()
        result.headerLine = records.first?.line ?? 1
        guard let read = ImportHeader(records, known: ActivityTable.columns.map(\.heading), table: "activiteiten", export: "activities",
                                      other: ("contactpersonen", "contacts", ContactImport.columns.map(\.heading) + [ContactTable.versionHeading]), problems: &result.problems)
        else { return result }
        let header = read.record, columnIndex = read.columns, width = read.width
        // Without the column (a file from before it, or made by hand) a change made after the export cannot be told.
        if columnIndex[ActivityTable.versionHeading] == nil, columnIndex["id"] != nil {
            result.notices.append(Problem(line: header.line, column: nil, message: "het bestand heeft geen kolom 'versie' (een oudere export?): of een "
                                          + "activiteit na de export is gewijzigd, is niet te zien; een regel zet haar terug naar wat erin staat"))
        }
        for required in ["titel", "soort"] where columnIndex[required] == nil {
            result.problems.append(Problem(line: header.line, column: required, message: "deze kolom ontbreekt"))
        }
        guard result.problems.isEmpty else { return result }

        // Check rows in order against a working copy, so that later rows see earlier ones (duplicate ids …).
        var working = dossier
        var context = ChangeContext(actor: "import", timestamp: Timestamp(date: today, hour: 0), today: today)
        // Checked as the import will be applied: its rows are not weighed one by one against the budget.
        context.isImport = true
        var idsInFile = Set<String>()
        var idCounters: [String: Int] = [:]
        let readOnly = ActivityTable.columns.filter { !$0.isImported && $0.heading != ActivityTable.versionHeading && columnIndex[$0.heading] != nil }
        let approvalColumns = ActivityTable.columns.filter { $0.heading == "besluit" || $0.heading == "reden afwijking" }
        var earlier = TitlesAndDates()
        for record in records.dropFirst() {
            // A row Excel leaves behind as separators only (";;;;"), like a blank line, holds nothing to import.
            if record.fields.allSatisfy({ $0.trimmingSpaces().isEmpty }) { continue }
            let updated = columnIndex["id"].flatMap { $0 < record.fields.count ? dossier.activity(record.fields[$0].trimmingSpaces()) : nil }
            if let problem = Self.shapeProblem(of: record, header: header, width: width, isExported: columnIndex[ActivityTable.versionHeading] != nil,
                                               updates: updated != nil) {
                result.problems.append(problem)
                continue
            }
            var record = record
            if let updated { Self.restoreShownCells(&record, of: updated, in: dossier, columns: columnIndex) }
            var row = RowReader(record: record, columns: columnIndex, today: today)
            if let id = row.cell("id"), let existing = dossier.activity(id) {
                for column in readOnly where row.cell(column.heading) != column.value(existing, dossier).trimmingSpaces() {
                    let instead = column.heading == "relatienamen" ? "; wijzig de relaties in de kolom 'relaties'" : ""
                    result.notices.append(Problem(line: record.line, column: column.heading,
                                                       message: "deze kolom is alleen om te lezen: de wijziging is niet overgenomen\(instead)"))
                }
                // An empty cell that leaves the value as it is, said: emptying it looks like removing it.
                if row.cell("budgetregel")?.isEmpty == true, existing.budgetLine != nil {
                    result.notices.append(Problem(line: record.line, column: "budgetregel",
                                                  message: "een lege cel laat de budgetregel zoals hij is; schrijf 'geen' als een partner betaalt"))
                }
                if row.cell("richting")?.isEmpty == true, existing.visit != nil {
                    result.notices.append(Problem(line: record.line, column: "richting", message: "een lege cel laat de richting van het bezoek zoals hij is"))
                }
                // Who approved and why belong to the step to goedgekeurd: on a row that does not take it, an edit there is not saved.
                let approves = row.cell("status").flatMap { try? ActivityStatus.read($0) } == .goedgekeurd && existing.status != .goedgekeurd
                if !approves {
                    let message = existing.approvalDecision == nil
                        ? "hoort bij een goedkeuring: zet de status op goedgekeurd om die hiermee vast te leggen; nu is er niets mee gedaan"
                        : "hoort bij de stap naar goedgekeurd: een goedkeuring die al is vastgelegd verandert niet met een import"
                    for column in approvalColumns where columnIndex[column.heading] != nil
                        && (row.cell(column.heading) ?? "") != column.value(existing, dossier).trimmingSpaces() {
                        result.notices.append(Problem(line: record.line, column: column.heading, message: message))
                    }
                }
            }
            guard let (changes, isNew) = row.changes(in: working, idsInFile: &idsInFile, idCounters: &idCounters) else {
                result.problems += row.problems
                continue
            }
            if changes.isEmpty {
                result.unchanged += 1
                continue
            }
            // The activity a new row adds; and the same when the row names no id of its own (then it may be one already there).
            let added: Activity? = if isNew, case .addActivity(let activity)? = changes.first { activity } else { nil }
            let addedWithoutID = (row.cell("id") ?? "").isEmpty ? added : nil
            // A row without an id like an activity that was there before: most often the same file imported again. Said
            // and skipped when it holds nothing else; refused when it differs, for it may have been meant as an update.
            if let added = addedWithoutID, let twinID = earlier.id(of: added, in: dossier), let twin = dossier.activity(twinID) {
                var same = added
                same.id = twin.id
                if added.status == twin.status && Activity.fields.edits(from: twin, to: same).isEmpty {
                    result.unchanged += 1
                    result.notices.append(Problem(line: record.line, column: nil, message: "staat er al als \(twin.title) (\(twin.id)), met dezelfde "
                                                  + "gegevens: niet nog eens toegevoegd (met een eigen id in de kolom 'id' wel)"))
                } else {
                    result.problems.append(Problem(line: record.line, column: "id", message: "\(twin.title) (\(twin.id)) heeft dezelfde titel en datum: "
                                                   + "zet \(twin.id) in de kolom 'id' om haar bij te werken, of geef deze regel een eigen id om een tweede toe te voegen"))
                }
                continue
            }
            // The same new activity twice in this file (a row copied in the spreadsheet): added twice, its cost would count twice.
            if let added = addedWithoutID, let line = earlier.rowInFile(adding: added) {
                let when = added.startDate == nil ? "zonder datum" : "met deze datum"
                result.problems.append(Problem(line: record.line, column: "titel", message: "\(added.title) \(when) staat al op regel \(line) "
                                               + "van dit bestand; één regel per activiteit (met een eigen id in de kolom 'id' wordt het een tweede)"))
                continue
            }
            // Exported before the activity was last changed or deleted (by a colleague, or here): the row holds what that
            // change replaced. A row that still reads as it was exported was not edited: left alone. One that was edited is
            // refused, since importing it would also put back the rest; an empty cell 'versie' imports it on purpose.
            let exported = row.cell(ActivityTable.versionHeading) ?? "", id = row.cell("id") ?? ""
            if !exported.isEmpty, !ActivityTable.isVersion(exported) {
                result.problems.append(Problem(line: record.line, column: ActivityTable.versionHeading, message: "'\(exported)' is geen versie zoals de "
                    + "export die schrijft (v en acht tekens); zet terug wat er stond, of maak de cel leeg om de regel zonder controle te importeren"))
                continue
            }
            let stale: (id: ActivityID, notice: String, problem: Problem)?
            if exported.isEmpty || id.isEmpty {
                stale = nil
            } else if let existing = dossier.activity(id) {
                stale = exported == ActivityTable.version(of: existing, in: dossier) ? nil : (id,
                    "\(existing.title) (\(id)) is gewijzigd na deze export en deze regel niet: de activiteit blijft zoals ze nu is",
                    Problem(line: record.line, column: ActivityTable.versionHeading, message: "\(existing.title) (\(id)) is gewijzigd na deze export; "
                            + "een import zou die wijziging terugdraaien. Exporteer opnieuw en breng uw wijziging daarin aan, of maak deze cel leeg "
                            + "om de activiteit toch met deze regel te overschrijven"))
            } else {
                stale = (id, "er is geen activiteit \(id) in dit dossier (verwijderd na deze export, of de export komt uit een ander dossier) en "
                         + "deze regel is niet gewijzigd: ze is overgeslagen; maak de cel 'versie' leeg om haar toe te voegen",
                         Problem(line: record.line, column: ActivityTable.versionHeading, message: "er is geen activiteit \(id) in dit dossier: verwijderd "
                                 + "na deze export, of komt de export uit een ander dossier? Haal de regel weg om haar weg te laten, of maak deze cel leeg "
                                 + "om haar (opnieuw) toe te voegen (zonder vervolgacties, afwegingen en links, die niet in een CSV staan; dossier log "
                                 + "toont wat een verwijderde had)"))
            }
            // Untouched in the file: its cells as exported, or (a spreadsheet writes dates its own way) the activity they make.
            var untouched = stale != nil && ActivityTable.version(ofCells: row.rawCell) == exported
            // Applied in place (a copy of the whole dossier per row would make the import quadratic); a refused
            // second change of a row undoes the first, and a stale row is undone whatever it says.
            var undos: [Restoration] = []
            var refusal: ChangeError?
            do {
                for change in changes { undos.append(try working.apply(change, context: context)) }
            } catch {
                refusal = error
            }
            if let stale, !untouched, refusal == nil {
                untouched = working.activity(stale.id).map { ActivityTable.version(of: $0, in: working) } == exported
            }
            if refusal != nil || stale != nil {
                for undo in undos.reversed() { _ = try? working.apply(.restore(undo), context: context) }
                if let stale, untouched {
                    if dossier.activity(stale.id) == nil { result.skipped += 1 } else { result.unchanged += 1 }
                    result.notices.append(Problem(line: record.line, column: nil, message: stale.notice))
                } else if let stale {
                    result.problems.append(stale.problem)
                } else if let refusal {
                    result.problems.append(Problem(line: record.line, column: refusal.field.flatMap(RowReader.column(forField:)), message: refusal.message))
                }
                continue
            }
            result.changes += changes
            if isNew { result.added += 1 } else { result.updated += 1 }
            // Every row added, also one with an id of its own: a row without one after it is the same activity again.
            if let added { earlier.noteRow(record.line, adding: added) }
            // A date ten years or more away is most often a typo in the year, as add-activity and edit say.
            let changedID = changes.lazy.compactMap { change -> ActivityID? in
                switch change {
                case .addActivity(let added): added.id
                case .editActivity(let edited, _): edited
                default: nil
                }
            }.first
            if let changedID, let after = working.activity(changedID) {
                let before = dossier.activity(changedID)
                for (column, date, was) in [("begindatum", after.startDate, before?.startDate), ("einddatum", after.endDate, before?.endDate)] {
                    guard let date, date != was, let distance = date.distance(from: today) else { continue }
                    result.notices.append(Problem(line: record.line, column: column, message: "\(DateWriting.standard.date(date)) \(distance)"))
                }
            }
            // What an edit of an approved activity does that its approval did not weigh, as `edit` says it.
            for case let .editActivity(id, edits) in changes {
                guard let before = dossier.activity(id) else { continue }
                // Weighed with the status the row ends in: a row may also move the activity (to uitgevoerd, say).
                for warning in ApprovedEditWarnings.of(before, editedWith: edits, in: dossier, endingIn: working.activity(id)?.status) {
                    result.notices.append(Problem(line: record.line, column: nil, message: warning))
                }
            }
            if let added {
                // A new row that does not start out approved (or names no decision) keeps neither cell: said, not dropped unseen.
                if added.approvalDecision == nil {
                    for column in approvalColumns where !(row.cell(column.heading) ?? "").isEmpty {
                        result.notices.append(Problem(line: record.line, column: column.heading,
                                                      message: "niet overgenomen: dit hoort bij een activiteit die al is goedgekeurd, gepland of uitgevoerd, met in 'besluit' wie besloot"))
                    }
                }
                if let twin = earlier.id(of: added, in: dossier) {
                    result.notices.append(Problem(line: record.line, column: "id", message: "nieuw toegevoegd als \(added.id), maar \(twin) heeft dezelfde titel "
                                                  + "en datum; met de id in de kolom 'id' werkt een regel die activiteit bij"))
                }
            }
        }
        return result
    }
}

/// The activities of the dossier before the import by title and start date, made at the first new row (an update
/// of every row never needs it): a new row like one of them was probably imported before without its id.
struct TitlesAndDates {
    private var ids: [String: ActivityID]?
    /// The rows of the file being imported that add an activity, by title and date.
    private var rowsInFile: [String: Int] = [:]

    mutating func id(of activity: Activity, in dossier: Dossier) -> ActivityID? {
        if ids == nil {
            ids = Dictionary(dossier.activities.map { (Self.key($0), $0.id) }, uniquingKeysWith: { first, _ in first })
        }
        return ids?[Self.key(activity)]
    }

    /// The earlier row of the file that adds an activity with this title and date.
    func rowInFile(adding activity: Activity) -> Int? { rowsInFile[Self.key(activity)] }

    mutating func noteRow(_ line: Int, adding activity: Activity) {
        if rowsInFile[Self.key(activity)] == nil { rowsInFile[Self.key(activity)] = line }
    }

    private static func key(_ activity: Activity) -> String { activity.title + "\u{0}" + (activity.startDate?.iso ?? "") }
}

/// Reading one row: each cell parsed, problems collected with their column.
struct RowReader {
    let record: CSV.Record
    let columns: [String: Int]
    /// What a visit's date is measured against (one without a status column starts as a logged visit does).
    let today: CalendarDate
    var problems: [ImportPlan.Problem] = []

    /// The cell of a column, trimmed; nil when the file has no such column.
    func cell(_ heading: String) -> String? {
        rawCell(heading)?.trimmingSpaces()
    }

    /// The cell as written, for free text (notes, outcomes) whose spaces are its own.
    func rawCell(_ heading: String) -> String? {
        guard let index = columns[heading] else { return nil }
        return index < record.fields.count ? record.fields[index] : ""
    }

    mutating func problem(_ column: String, _ message: String) {
        problems.append(ImportPlan.Problem(line: record.line, column: column, message: message))
    }

    /// The changes for this row and whether it adds an activity; nil when the row has problems.
    mutating func changes(in dossier: Dossier, idsInFile: inout Set<String>, idCounters: inout [String: Int]) -> (changes: [Change], isNew: Bool)? {
        let id = cell("id") ?? ""
        let existing = id.isEmpty ? nil : dossier.activity(id)
        if !id.isEmpty {
            if !Slug.isValid(id) { problem("id", Identifier.invalid(id).message) }
            if !idsInFile.insert(id).inserted { problem("id", "id '\(id)' staat meer dan eens in het bestand") }
        }
        var activity = existing ?? Activity(id: id, title: "", kind: .overig)
        if let title = cell("titel") {
            if title.isEmpty { problem("titel", "een activiteit heeft een titel nodig") }
            // Read as every one-line text is (a line break in a spreadsheet's cell is a space, as `edit --title` makes it).
            activity.title = ListText.oneLine(title).trimmingSpaces()
        }
        // The column is required; an empty cell is refused rather than guessed (it would become `overig`).
        if cell("soort")?.isEmpty == true {
            problem("soort", "een activiteit heeft een soort nodig (toegestaan: \(ActivityKind.allowedList))")
        } else if let kind = vocabulary("soort", ActivityKind.self) {
            activity.kind = kind
        }
        let status = vocabulary("status", ActivityStatus.self)
        let decision = cell("besluit").flatMap { $0.isEmpty ? nil : $0 }
        let overrideReason = cell("reden afwijking").flatMap { $0.isEmpty ? nil : $0 }
        if let text = cell("begindatum") { activity.startDate = date("begindatum", text) }
        if let text = cell("einddatum") { activity.endDate = date("einddatum", text) }
        // Relations by id or by name, as everywhere a relation is asked for (the one lookup, with its suggestions).
        if let text = cell("relaties") {
            var relations: [RelationID] = []
            for typed in ListText.split(text) {
                do {
                    relations.append(try NameLookup.relation(typed, in: dossier).id)
                } catch {
                    problem("relaties", error.message)
                    relations.append(typed)
                }
            }
            activity.relations = relations
        }
        if let text = cell("organisator") {
            var organiser = Organiser(slug: text.isEmpty ? Organiser.municipalitySlug : text)
            if let typed = organiser.relationID, dossier.relation(typed) == nil {
                do {
                    organiser = Organiser(slug: try NameLookup.relation(typed, in: dossier).id)
                } catch {
                    problem("organisator", error.message + " (of 'gemeente')")
                }
            }
            activity.organiser = organiser
        }
        if let text = cell("sectoren") {
            activity.sectors = parsed("sectoren", text, Sector.readList) ?? activity.sectors
        }
        if let text = cell("landen") {
            activity.countries = parsed("landen", text, Country.readList) ?? activity.countries
        }
        if let text = cell("budgetregel"), !(text.isEmpty && existing != nil) {
            activity.budgetLine = parsed("budgetregel", text, dossier.readBudgetLine) ?? activity.budgetLine
        } else if existing == nil {
            activity.budgetLine = dossier.activityBudget?.id
        }
        if let text = cell("geraamde kosten") { activity.estimatedCost = money("geraamde kosten", text) }
        if let text = cell("werkelijke kosten") { activity.actualCost = money("werkelijke kosten", text) }
        readVisit(into: &activity)
        readParticipants(into: &activity)
        // Read by their fields' own parser, as a form reads them (a Windows line end in a cell is one line break); a cell as
        // the text stands is left as it is.
        for (heading, key, text) in [("resultaten", "outcomes", \Activity.outcomes), ("toelichting", "notes", \Activity.notes)] as [(String, String, KeyPath<Activity, String>)] {
            guard let cell = rawCell(heading), cell != activity[keyPath: text], let field = Activity.fields.field(key) else { continue }
            do {
                try field.set(try field.parse(cell, in: dossier), in: &activity)
            } catch {
                problem(heading, error.message)
            }
        }
        guard problems.isEmpty else { return nil }

        guard let existing else {
            // The working dossier holds the rows before this one, so a generated id is unique in the file too.
            activity.id = id.isEmpty
                ? Slug.unique(Slug.identifier(from: activity.title), counters: &idCounters) { dossier.activity($0) != nil || dossier.relation($0) != nil }
                : id
            idsInFile.insert(activity.id)
            // Without a status: an idea; a dated visit starts as `log-visit` starts it (took place, planned or weighed).
            activity.status = status ?? (activity.isVisit ? activity.startDate.map { VisitDraft.status(on: $0, today: today, approved: decision != nil) } : nil)
                ?? .idee
            // Who decided goes in the first history entry (also of one carried out since: the export writes it, and a round trip
            // keeps it). Rejected or cancelled says why; a file (an export read back) has no column for it: the reason says
            // where it came from. The change path stamps its date and who imported it.
            let approved = decision != nil && (activity.status.isUpcoming || activity.status.isCarriedOut)
            if approved || activity.status.endsWithoutGoingAhead {
                activity.statusHistory = [StatusChange(date: CalendarDate(dayNumber: 0), from: nil, to: activity.status, reason: "Import", by: "",
                                                       decision: approved ? decision : nil, overrideReason: approved ? overrideReason : nil)]
            }
            return ([.addActivity(activity)], true)
        }
        var changes: [Change] = []
        // A visit's title made from its direction and place follows them, as an edit on the screen or with `dossier edit` does.
        let edits = VisitTitle.following(Activity.fields.edits(from: existing, to: activity), of: existing, in: dossier)
        if !edits.isEmpty { changes.append(.editActivity(existing.id, edits)) }
        if let status, status != existing.status {
            let approves = status == .goedgekeurd
            changes.append(.moveActivity(existing.id, status: status, reason: "Import", overrideReason: approves ? overrideReason : nil,
                                         decision: approves ? decision : nil, seen: existing.status))
        }
        return (changes, false)
    }

    private mutating func readVisit(into activity: inout Activity) {
        let visitColumns = ["richting", "delegatie uit/naar", "geleid door", "omvang", "gastheren", "programma"]
        let given = visitColumns.filter { !(cell($0) ?? "").isEmpty }
        guard activity.kind == .delegatiebezoek else {
            for column in given { problem(column, "alleen een delegatiebezoek heeft bezoekgegevens") }
            activity.visit = nil
            return
        }
        var visit = activity.visit ?? VisitDetails(direction: .inkomend, delegationFrom: "")
        if let direction = vocabulary("richting", VisitDirection.self) {
            visit.direction = direction
        } else if activity.visit == nil && problems.allSatisfy({ $0.column != "richting" }) {
            problem("richting", "een delegatiebezoek heeft een richting (inkomend of uitgaand)")
        }
        if let from = cell("delegatie uit/naar") { visit.delegationFrom = from }
        if let ledBy = cell("geleid door") { visit.ledBy = ledBy }
        if let text = cell("omvang") { visit.size = text.isEmpty ? nil : parsed("omvang", text, DelegationSize.read) }
        if let text = cell("gastheren") { visit.hosts = ListText.split(text) }
        if let text = cell("programma") { visit.programme = text }
        activity.visit = visit
    }

    /// Participants per role column. A role whose cell reads as the export wrote it keeps its people as
    /// they are (organisations and order included); a changed cell replaces that role's people.
    private mutating func readParticipants(into activity: inout Activity) {
        let roles: [(String, ParticipantRole)] = [("bestuurders", .bestuurder), ("ambtenaren", .ambtenaar), ("ondernemers", .ondernemer),
                                                  ("kennisinstellingen", .kennisinstelling), ("overige deelnemers", .overig)]
        let changed = roles.filter { column, role in cell(column).map { $0 != ActivityTable.people(activity, role) } ?? false }
        guard !changed.isEmpty else { return }
        var participants: [Participant] = []
        for (column, role) in roles {
            if changed.contains(where: { $0.1 == role }) {
                participants += ListText.participants(cell(column) ?? "", role: role)
            } else {
                participants += activity.participants.filter { $0.role == role }
            }
        }
        activity.participants = participants
    }

    private mutating func vocabulary<V: Vocabulary>(_ column: String, _ type: V.Type) -> V? {
        guard let text = cell(column), !text.isEmpty else { return nil }
        return parsed(column, text, V.read)
    }

    private mutating func date(_ column: String, _ text: String) -> CalendarDate? {
        text.isEmpty ? nil : parsed(column, text, CalendarDate.read)
    }

    private mutating func money(_ column: String, _ text: String) -> Money? {
        text.isEmpty ? nil : parsed(column, text, Money.read)
    }

    /// A cell read by the core's parser for its value; its message becomes the column's problem.
    private mutating func parsed<T>(_ column: String, _ text: String, _ parse: (String) throws(ValueError) -> T) -> T? {
        do {
            return try parse(text)
        } catch {
            problem(column, error.message)
            return nil
        }
    }

    /// The column a store field (a JSON key in a refusal) belongs to.
    static func column(forField field: String) -> String? {
        switch field {
        case "id": "id"
        case "title": "titel"
        case "kind": "soort"
        case "status": "status"
        case "decision": "besluit"
        case "overrideReason": "reden afwijking"
        case "startDate": "begindatum"
        case "endDate": "einddatum"
        case "relations": "relaties"
        case "organiser": "organisator"
        case "countries": "landen"
        case "budgetLine": "budgetregel"
        case "estimatedCostCents": "geraamde kosten"
        case "actualCostCents": "werkelijke kosten"
        case "outcomes": "resultaten"
        case "notes": "toelichting"
        case "visit", "direction": "richting"
        // A visit's own fields, as the rules name them (`FieldProblem.field`).
        case "delegationFrom": "delegatie uit/naar"
        case "ledBy": "geleid door"
        case "size": "omvang"
        case "hosts": "gastheren"
        case "programme": "programma"
        case "participants": "ondernemers"
        default: nil
        }
    }
}
