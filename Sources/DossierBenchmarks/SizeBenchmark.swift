import DossierCore
import DossierTUI
import Foundation

/// All measurements at one size: a generated dossier on disk (snapshot and journal), measured in process
/// and through the real binary.
struct SizeBenchmark {
    let activities: Int
    let relations: Int
    let runs: Int
    let bundled: Dossier
    let clock: Clock
    let binary: String
    let directory: String
    let path: String

    init(activities: Int, relations: Int, runs: Int, bundled: Dossier, clock: Clock, binary: String, directory: String) throws {
        self.activities = activities
        self.relations = relations
        self.runs = runs
        self.bundled = bundled
        self.clock = clock
        self.binary = binary
        self.directory = directory
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        path = directory + "/dossier-\(activities).json"
    }

    func run(into table: inout ResultsTable) throws {
        let generationStart = Measurement.now()
        let generated = try DossierGenerator(relations: relations, activities: activities, seed: 7)
            .generate(framework: bundled.framework, budgetLines: bundled.budgetLines, today: clock.today())
        for suffix in ["", ".journal", ".lock"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        for folder in [".history", ".backups"] { try? FileManager.default.removeItem(atPath: path + folder) }
        try DossierStore(path: path).writeNewSnapshot(generated)
        // A journal of 50 changes after the snapshot, as a day's work would leave.
        var configuration = StoreConfiguration()
        configuration.journalEntryLimit = 100_000
        configuration.lockWait = 0
        do {
            let store = DossierStore(path: path, configuration: configuration)
            try store.openForWriting(actor: "benchmark")
            var dossier = try store.load()
            for step in 0..<50 {
                try store.commit(.addFollowUp(dossier.activities[step * 7 % dossier.activities.count].id, FollowUp(text: "Nabellen \(step)")),
                                 to: &dossier, context: clock.context(actor: "benchmark"))
            }
            // As a program that writes leaves it: the side index beside the snapshot and journal.
            store.writeSideIndex(of: dossier)
            try store.close(nil, at: clock.now())
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        table.note(activities, "bestand \(size / 1_000_000) MB, gegenereerd in \(Int((Measurement.now() - generationStart) * 1000)) ms")

        // The first screen as the program shows it: from the side index (a large dossier), or the whole
        // dossier (read and checked, screen index built) for a small one (`ListIndex.isWorthPreviewing`).
        table.record(.firstScreen, size: activities, measurement: try repeated(runs) {
            let store = DossierStore(path: path, configuration: configuration)
            if let list = store.listIndex(), list.isWorthPreviewing {
                _ = Renderer.render(AppState(previewing: list, today: clock.today(), width: 120, height: 40))
            } else {
                _ = Renderer.render(AppState(dossier: try store.load(), today: clock.today(), width: 120, height: 40))
            }
        })
        // The whole dossier behind it: snapshot and journal read (the rules not checked again: the side index
        // vouches for the snapshot), the screen index built, a frame drawn.
        var loaded: Dossier?
        table.record(.wholeDossier, size: activities, measurement: try repeated(runs) {
            let store = DossierStore(path: path, configuration: configuration)
            let dossier = try store.load()
            let state = AppState(dossier: dossier, today: clock.today(), width: 120, height: 40)
            _ = Renderer.render(state)
            loaded = dossier
        })
        // The search keys, made on another thread after that (or by the first search when it comes sooner).
        if let dossier = loaded {
            table.record(.searchKeys, size: activities, measurement: repeated(max(3, runs / 2)) { _ = SearchKeys(dossier: dossier) })
        }
        guard var dossier = loaded else { return }

        // One durable edit: a journal line, flushed to disk.
        let store = DossierStore(path: path, configuration: configuration)
        try store.openForWriting(actor: "benchmark")
        dossier = try store.load()
        var edit = Measurement()
        for step in 0..<max(30, runs * 4) {
            let id = dossier.activities[(step * 13) % dossier.activities.count].id
            edit.samples.append(try Measurement.time {
                try store.commit(.addFollowUp(id, FollowUp(text: "Meting \(step)")), to: &dossier, context: clock.context(actor: "benchmark"))
            })
        }
        table.record(.durableEdit, size: activities, measurement: edit)

        // Compaction: backup, new snapshot, journal archived.
        table.record(.compaction, size: activities, measurement: try repeated(max(3, runs / 2)) {
            try store.commit(.addFollowUp(dossier.activities[0].id, FollowUp(text: "voor samenvoegen")), to: &dossier,
                             context: clock.context(actor: "benchmark"))
            try store.compact(dossier, at: clock.now())
        })
        try store.close(nil, at: clock.now())

        // Keystrokes, each handled and the whole frame rendered.
        let keys = KeystrokeBenchmark(dossier: dossier, clock: clock)
        for (operation, measurement) in keys.run() { table.record(operation, size: activities, measurement: measurement) }

        // Assessing every activity with its latest answers, the budget summed once per run (as a report would).
        table.record(.assessAll, size: activities, measurement: repeated(max(3, runs / 2)) {
            let ledger = BudgetLedger(dossier)
            for activity in dossier.activities {
                _ = Assessor.assess(activity, answers: activity.assessments.last?.answers ?? AssessmentAnswers(), in: dossier, ledger: ledger)
            }
        })

        // The yearly report of the busiest year.
        table.record(.report, size: activities, measurement: repeated(max(3, runs / 2)) {
            _ = MarkdownReport.render(YearReport(dossier: dossier, year: 2027, today: clock.today()))
        })

        // CSV import: every activity as a new row (no ids) into a fresh copy of the store.
        let rows = ActivityTable.rows(dossier.activities, in: dossier).map { row in [""] + row.dropFirst() }
        let csv = CSV.encode(rows, format: .dutchExcel)
        var importing = Measurement()
        for _ in 0..<3 {
            let copy = directory + "/import-\(activities).json"
            for suffix in ["", ".journal", ".lock"] { try? FileManager.default.removeItem(atPath: copy + suffix) }
            for folder in [".history", ".backups"] { try? FileManager.default.removeItem(atPath: copy + folder) }
            try FileManager.default.copyItem(atPath: path, toPath: copy)
            let importStore = DossierStore(path: copy, configuration: configuration)
            try importStore.openForWriting(actor: "benchmark")
            var target = try importStore.load()
            // Measured: reading the CSV, checking every row, and the durable batch commit.
            importing.samples.append(try Measurement.time {
                let prepared = ActivityImport.prepare(try CSV.decode(csv), into: target, today: clock.today())
                precondition(prepared.problems.isEmpty, "import problems: \(prepared.problems.prefix(3))")
                var context = clock.context(actor: "benchmark")
                context.isImport = true
                try importStore.commit(.batch(prepared.changes, label: "Import"), to: &target, context: context)
            })
            try importStore.close(nil, at: clock.now())
        }
        table.record(.csvImport, size: activities, measurement: importing)

        // The real binary: the list commands, the agenda and what is due, six changes and a record shown, whole process, with peak
        // memory. The status goes back and forth between two statuses of one relation, so every run is a real change; each visit
        // logged is a new activity, each follow-up a new one of the same activity (named by its id, then its title), each deletion
        // of another activity; each relation added has a name of its own.
        let measured = try DossierStore(path: path).load()
        let relation = measured.relations[1], activity = measured.activities[1]
        // (An id a relation has too is ambiguous to delete; the peak-memory run deletes one more.)
        var deletions = measured.activities.dropFirst(2).lazy.map(\.id).filter { measured.relation($0) == nil }.makeIterator()
        var flip = false, added = 0
        let commands: [(Operation, () -> [String])] = [
            (.activitiesJSON, { ["activities", "--json"] }), (.activitiesTable, { ["activities"] }), (.relationsCommand, { ["relations"] }),
            (.agendaCommand, { ["agenda"] }), (.dueCommand, { ["due"] }),
            (.setStatus, {
                flip.toggle()
                return ["set-status", relation.id, flip ? "actief" : "verkennen", "--reason", "meting"]
            }),
            (.logVisit, {
                ["log-visit", "--relation", relation.id, "--date", "2027-03-12", "--direction", "inkomend", "--delegation", "Medicon Valley",
                 "--cost", "450", "--follow-up", "Verslag @ 2027-04-01"]
            }),
            (.addFollowUp, { ["add-follow-up", activity.id, "--what", "Nabellen", "--due", "2027-01-15"] }),
            (.addFollowUpByTitle, { ["add-follow-up", activity.title, "--what", "Nabellen", "--due", "2027-01-15"] }),
            (.deleteActivity, { ["delete", deletions.next() ?? "", "--yes"] }),
            (.showRelation, { ["show", relation.id] }),
            // Last: the journal entries of added relations are replayed by every command after them.
            (.addRelation, {
                added += 1
                return ["add-relation", "--name", "Meetstad \(added)", "--kind", "regio", "--country", "Nederland"]
            }),
        ]
        for (operation, arguments) in commands {
            var timing = Measurement()
            let environment = ["DOSSIER_NOW": "2026-11-22T09:00:00Z", "DOSSIER_USER": "meting"]
            for _ in 0..<runs {
                let command = arguments()
                let result = ProcessMeasurement.run(binary, command + ["--store", path], environment: environment)
                precondition(result.status == 0, "\(command) failed")
                timing.samples.append(result.milliseconds)
            }
            table.record(operation, size: activities, measurement: timing)
            table.recordMemory(operation, size: activities, megabytes: ProcessMeasurement.peakMemory(binary, arguments() + ["--store", path],
                                                                                                    environment: environment))
        }
    }

    func repeated(_ count: Int, _ body: () throws -> Void) rethrows -> Measurement {
        var measurement = Measurement()
        for _ in 0..<count { measurement.samples.append(try Measurement.time(body)) }
        return measurement
    }
}
