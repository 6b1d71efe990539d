import DossierCore
import DossierPostgres
import DossierTestSupport
import Foundation
import Testing

/// What every storage of a dossier promises — a file with its journal, a PostgreSQL database — checked by the
/// same tests against each: saving and loading, several writers and their conflicts, others' changes taken
/// in, compaction, the log, backups and restore, undo, a newer program's change, reading only.
@Suite("The storage contract, for a file and for PostgreSQL")
struct StoreContractTests {
    @Test("a change is saved, loads again, and is in the log with who, when and what", arguments: StorageKind.available)
    func saveAndLoad(kind: StorageKind) throws {
        let storage = try StorageUnderTest(kind)
        let ine = try storage.open(writer: "Ine")
        var dossier = try ine.load()
        try ine.commit(.setRelationStatus("bom", status: .verkennen, reason: "herijking", reviewDate: nil), to: &dossier, context: .by("Ine"))
        let reloaded = try storage.open().load()
        #expect(reloaded == dossier)
        #expect(reloaded.relation("bom")?.status == .verkennen)
        let log = try storage.open().history()
        #expect(log.map(\.summary) == ["Status van BOM: Actief → Verkennen"])
        #expect(log.first?.actor == "Ine")
        #expect(log.first?.reason == "herijking")
    }

    @Test("two writers: each takes in the other's changes first; different fields both stand; the same field is refused, naming the colleague",
          arguments: StorageKind.available)
    func twoWriters(kind: StorageKind) throws {
        let storage = try StorageUnderTest(kind)
        let ine = try storage.open(writer: "Ine"), piet = try storage.open(writer: "Piet")
        var ineView = try ine.load(), pietView = try piet.load()
        let mission = try #require(ineView.activity("missie-lyon"))
        func edit(_ key: String, _ value: FieldValue, seen: Activity) -> Change {
            .editActivity(seen.id, [FieldEdit(field: key, old: Activity.fields.field(key)!.value(of: seen), new: value)])
        }
        try ine.commit(edit("notes", .text("Hotel geboekt"), seen: mission), to: &ineView, context: .by("Ine", minute: 1))
        try piet.commit(edit("estimatedCostCents", .number(300_000), seen: mission), to: &pietView, context: .by("Piet", minute: 2))
        #expect(pietView.activity("missie-lyon")?.notes == "Hotel geboekt")
        #expect(piet.takeOthersChanges().map(\.entry.actor) == ["Ine"])
        // Kees changes another field after Piet: the refusal names Piet, whose change to the cost is what stands in the way.
        let kees = try storage.open(writer: "Kees")
        var keesView = try kees.load()
        try kees.commit(edit("outcomes", .text("Twee leads"), seen: try #require(keesView.activity("missie-lyon"))), to: &keesView,
                        context: .by("Kees", minute: 3))
        let before = ineView
        do {
            try ine.commit(edit("estimatedCostCents", .number(100), seen: mission), to: &ineView, context: .by("Ine", minute: 4))
            Issue.record("a stale edit overwrote the colleague's")
        } catch {
            #expect(error.description.contains("botst met de wijziging van Piet om 09:02"), "\(error)")
        }
        // The same for a status: Piet's step stands in the way, not Kees's later edit of the notes.
        try piet.commit(.setRelationStatus("bom", status: .focus, reason: "p", reviewDate: nil, seen: .actief), to: &pietView, context: .by("Piet", minute: 5))
        _ = try kees.refresh(&keesView)
        try kees.commit(.editRelation("bom", [FieldEdit(field: "notes", old: .text(""), new: .text("Notitie"))]), to: &keesView, context: .by("Kees", minute: 6))
        do {
            try ine.commit(.setRelationStatus("bom", status: .verkennen, reason: "i", reviewDate: nil, seen: .actief), to: &ineView, context: .by("Ine", minute: 7))
            Issue.record("a status step over a colleague's was taken")
        } catch {
            #expect(error.description.contains("botst met de wijziging van Piet om 09:05"), "\(error)")
        }
        #expect(ineView.activity("missie-lyon")?.estimatedCost == Money(euros: 3_000))
        #expect(ineView != before)
        #expect(try storage.open().load() == ineView)
    }

    // (A file is never copied over: only a database takes `--replace`.)
    @Test("a dossier put in its place with fewer changes (an older export, copy --replace): a writer that read more is refused and leaves no gap",
          arguments: StorageKind.available.filter { $0 == .postgresql })
    func replacedWithOlder(kind: StorageKind) throws {
        let storage = try StorageUnderTest(kind)
        let ine = try storage.open(writer: "Ine")
        var dossier = try ine.load()
        try ine.commit(.setRelationStatus("bom", status: .verkennen, reason: "een", reviewDate: nil), to: &dossier, context: .by("Ine"))
        let older = try storage.open().exportArchive()
        try ine.commit(.setRelationStatus("bom", status: .focus, reason: "twee", reviewDate: nil), to: &dossier, context: .by("Ine"))
        try storage.open(writer: "Beheer").importArchive(older, replacing: true)
        #expect(throws: StoreError.self) {
            try ine.commit(.setRelationStatus("bom", status: .actief, reason: "drie", reviewDate: nil), to: &dossier, context: .by("Ine"))
        }
        #expect(try storage.open().history().map(\.sequence) == [1])
        #expect(try storage.open().load().relation("bom")?.status == .verkennen)
    }

    @Test("a copy over a database that fails halfway leaves the dossier that was there, log and all", arguments: StorageKind.available.filter { $0 == .postgresql })
    func replaceFailingHalfway(kind: StorageKind) throws {
        let storage = try StorageUnderTest(kind)
        let ine = try storage.open(writer: "Ine")
        var dossier = try ine.load()
        try ine.commit(.setRelationStatus("bom", status: .verkennen, reason: "een", reviewDate: nil), to: &dossier, context: .by("Ine"))
        // Two backups of one name: the database refuses the second, after the tables were made anew.
        let twice = ArchivedBackup(name: "dossier-20261122T090000Z-000000000.json", sequence: 0, timestamp: Fixtures.now,
                                   bytes: Fixtures.smallDossier().encoded())
        let broken = DossierArchive(snapshot: Fixtures.smallDossier().encoded(), sequence: 0, lines: [], backups: [twice, twice])
        #expect(throws: StoreError.self) { try storage.open(writer: "Beheer").importArchive(broken, replacing: true) }
        #expect(try storage.open().load() == dossier)
        #expect(try storage.open().history().map(\.summary) == ["Status van BOM: Actief → Verkennen"])
    }

    @Test("an open screen's refresh takes in others' changes", arguments: StorageKind.available)
    func refresh(kind: StorageKind) throws {
        let storage = try StorageUnderTest(kind)
        let screen = try storage.open(writer: "scherm"), other = try storage.open(writer: "Kees")
        var view = try screen.load()
        _ = try screen.refresh(&view)
        var otherView = try other.load()
        try other.commit(.addFollowUp("missie-lyon", FollowUp(text: "van Kees")), to: &otherView, context: .by("Kees"))
        let arrived = try storage.refreshUntilChanged(screen, &view)
        #expect(arrived.map(\.entry.summary) == ["Vervolgactie bij Handelsmissie Lyon: van Kees"])
        #expect(arrived.first?.restoration != nil, "with what it touched, for updating lists in place")
        #expect(view == otherView)
    }

    @Test("compaction by one writer is followed by the others; nothing confirmed is lost", arguments: StorageKind.available)
    func compaction(kind: StorageKind) throws {
        let storage = try StorageUnderTest(kind)
        let ine = try storage.open(writer: "Ine", journalLimit: 3), piet = try storage.open(writer: "Piet", journalLimit: 1_000)
        var ineView = try ine.load(), pietView = try piet.load()
        for index in 0..<8 {
            try ine.commit(.addFollowUp("missie-lyon", FollowUp(text: "ine \(index)")), to: &ineView, context: .by("Ine"))
        }
        #expect(try !ine.backups().isEmpty, "Ine compacted, keeping the snapshots before as backups")
        try piet.commit(.addFollowUp("missie-lyon", FollowUp(text: "piet")), to: &pietView, context: .by("Piet"))
        #expect(pietView.activity("missie-lyon")?.followUps.count == ineView.activity("missie-lyon")!.followUps.count + 1)
        #expect(try storage.open().load() == pietView)
        #expect(try storage.open().history().count == 9, "the log keeps every change across compactions")
    }

    @Test("a backup is restored, as a change in the log; the state before it stays a backup", arguments: StorageKind.available)
    func restore(kind: StorageKind) throws {
        let storage = try StorageUnderTest(kind)
        let ine = try storage.open(writer: "Ine", journalLimit: 1)
        var view = try ine.load()
        let original = view
        try ine.commit(.setRelationStatus("bom", status: .verkennen, reason: "r", reviewDate: nil), to: &view, context: .by("Ine"))
        try ine.commit(.setRelationStatus("bom", status: .focus, reason: "r", reviewDate: nil), to: &view, context: .by("Ine", minute: 1))
        let oldest = try #require(try ine.backups().last)
        let restored = try ine.restore(backup: oldest.name, current: view, context: .by("Ine", minute: 2))
        #expect(restored == original)
        #expect(try storage.open().load() == original)
        #expect(try storage.open().history().last?.summary == "Teruggezet uit back-up \(oldest.name)")
        #expect(try storage.open().history().last?.subjects == ["bom"], "what it changed back, for the log of that record")
        let kept = try ine.backups().map(\.sequence)
        #expect(kept.contains(2), "the state with BOM on focus is kept: \(kept)")

        // Also when the change before it was never merged into a snapshot.
        let unmerged = try StorageUnderTest(kind)
        let merging = try unmerged.open(writer: "Piet", journalLimit: 1)
        var mergedView = try merging.load()
        try merging.commit(.setRelationStatus("bom", status: .verkennen, reason: "r", reviewDate: nil), to: &mergedView, context: .by("Piet"))
        let piet = try unmerged.open(writer: "Piet", journalLimit: 100)
        var pietView = try piet.load()
        try piet.commit(.setRelationStatus("bom", status: .focus, reason: "r", reviewDate: nil), to: &pietView, context: .by("Piet", minute: 1))
        let earlier = try #require(try piet.backups().first { $0.sequence < 2 })
        _ = try piet.restore(backup: earlier.name, current: pietView, context: .by("Piet", minute: 2))
        let backups = try piet.backups()
        let before = try #require(backups.first { $0.sequence == 2 }, "the state before the restore: \(backups.map(\.name))")
        _ = try piet.restore(backup: before.name, current: try piet.load(), context: .by("Piet", minute: 3))
        #expect(try unmerged.open().load().relation("bom")?.status == .focus)
    }

    @Test("undo puts back one's own change and keeps a colleague's change to another field since; the same field is refused", arguments: StorageKind.available)
    func undo(kind: StorageKind) throws {
        let storage = try StorageUnderTest(kind)
        let ine = try storage.open(writer: "Ine"), piet = try storage.open(writer: "Piet")
        var ineView = try ine.load(), pietView = try piet.load()
        let before = try #require(ineView.relation("bom"))
        var undo = try ine.commit(.setRelationStatus("bom", status: .verkennen, reason: "r", reviewDate: nil), to: &ineView, context: .by("Ine"))
        try piet.commit(.editRelation("bom", [FieldEdit(field: "notes", old: .text(""), new: .text("van Piet"))]), to: &pietView,
                        context: .by("Piet", minute: 1))
        undo.purpose = .undo
        try ine.commit(.restore(undo), to: &ineView, context: .by("Ine", minute: 2))
        #expect(ineView.relation("bom")?.status == before.status && ineView.relation("bom")?.statusHistory == before.statusHistory, "the status goes back")
        #expect(ineView.relation("bom")?.notes == "van Piet", "Piet's notes stay")
        #expect(try storage.open().load() == ineView)

        undo = try ine.commit(.setRelationStatus("bom", status: .verkennen, reason: "nog eens", reviewDate: nil), to: &ineView, context: .by("Ine", minute: 3))
        pietView = try piet.load()
        try piet.commit(.setRelationStatus("bom", status: .actief, reason: "van Piet", reviewDate: nil), to: &pietView, context: .by("Piet", minute: 4))
        #expect(throws: StoreError.self) { try ine.commit(.restore(undo), to: &ineView, context: .by("Ine", minute: 5)) }
        #expect(ineView.relation("bom")?.status == .actief, "Piet's status stays")
    }

    @Test("a year's amount and a piece of the Kader: saved with the decision, loaded again; a stale amount refused naming the colleague; undone beside a colleague's other year",
          arguments: StorageKind.available)
    func budgetAndPolicy(kind: StorageKind) throws {
        let storage = try StorageUnderTest(kind)
        let ine = try storage.open(writer: "Ine"), piet = try storage.open(writer: "Piet")
        var ineView = try ine.load(), pietView = try piet.load()
        var undo = try ine.commit(.setBudgetAmount("internationalisering", year: 2028, amount: Money(euros: 12_000), seen: Money(euros: 16_000),
                                                   decision: "Voorjaarsnota 2028"), to: &ineView, context: .by("Ine"))
        try ine.commit(.setPolicy(.europastrategie, isThere: true, seen: false, decision: "Raadsbesluit 3 maart 2027"), to: &ineView, context: .by("Ine", minute: 1))
        let reloaded = try storage.open().load()
        #expect(reloaded == ineView)
        #expect(reloaded.budgetLine("internationalisering")?.amountsByYear == [2028: Money(euros: 12_000)] && reloaded.framework.hasEuropeStrategy)
        #expect(reloaded.budgetLine("internationalisering")?.decisionsByYear == [2028: "Voorjaarsnota 2028"])
        #expect(reloaded.framework.policyDecisions == [.europastrategie: "Raadsbesluit 3 maart 2027"])
        #expect(try storage.open().history().map(\.reason) == ["besluit: Voorjaarsnota 2028", "besluit: Raadsbesluit 3 maart 2027"])
        // Piet saw 2028 as it was: refused, naming Ine.
        do {
            try piet.commit(.setBudgetAmount("internationalisering", year: 2028, amount: Money(euros: 9_000), seen: Money(euros: 16_000), decision: "p"),
                            to: &pietView, context: .by("Piet", minute: 2))
            Issue.record("a stale amount overwrote the colleague's")
        } catch {
            #expect(error.description.contains("Ine"), "\(error)")
        }
        pietView = try piet.load()
        try piet.commit(.setBudgetAmount("internationalisering", year: 2029, amount: Money(euros: 9_000), decision: "Najaarsnota"), to: &pietView,
                        context: .by("Piet", minute: 3))
        undo.purpose = .undo
        try ine.commit(.restore(undo), to: &ineView, context: .by("Ine", minute: 4))
        #expect(ineView.budgetLine("internationalisering")?.amountsByYear == [2029: Money(euros: 9_000)], "Ine's 2028 goes back, Piet's 2029 stays")
        #expect(ineView.budgetLine("internationalisering")?.decisionsByYear == [2029: "Najaarsnota"], "with its decision")
        #expect(try storage.open().load() == ineView)
    }

    @Test("the municipality's own contacts: two writers' changes both stand, loaded again as they were; an undo puts one back", arguments: StorageKind.available)
    func ownContacts(kind: StorageKind) throws {
        let storage = try StorageUnderTest(kind)
        let ine = try storage.open(writer: "Ine"), piet = try storage.open(writer: "Piet")
        var ineView = try ine.load(), pietView = try piet.load()
        var undo = try ine.commit(.addContact(.municipality, Contact(name: "Anne Verhoeven", role: "wethouder")), to: &ineView, context: .by("Ine"))
        let frank = try #require(pietView.internalContacts.first)
        try piet.commit(.editContact(.municipality, frank.id, [FieldEdit(field: "email", old: .text(frank.email), new: .text("f@oss.nl"))]), to: &pietView,
                        context: .by("Piet", minute: 1))
        #expect(pietView.ownContact("anne-verhoeven")?.role == "wethouder", "Ine's addition taken in first")
        let reloaded = try storage.open().load()
        #expect(reloaded == pietView)
        #expect(reloaded.internalContacts.map(\.id) == [frank.id, "anne-verhoeven"] && reloaded.ownContact(frank.id)?.email == "f@oss.nl")
        undo.purpose = .undo
        try ine.commit(.restore(undo), to: &ineView, context: .by("Ine", minute: 2))
        #expect(try storage.open().load().internalContacts.map(\.id) == [frank.id])
        #expect(try storage.open().history().map(\.summary).first == "Contactpersoon toegevoegd bij Gemeente Oss: Anne Verhoeven")
    }

    @Test("a change of a newer program: what comes before it is read, nothing more is written", arguments: StorageKind.available)
    func newerProgram(kind: StorageKind) throws {
        let storage = try StorageUnderTest(kind)
        let ine = try storage.open(writer: "Ine")
        var view = try ine.load()
        try ine.commit(.addFollowUp("missie-lyon", FollowUp(text: "gewoon")), to: &view, context: .by("Ine"))
        let last = try #require(try storage.open().history().last)
        let body = #"{"seq":2,"schemaVersion":99,"lineage":"\#(last.lineage ?? "")","prev":"\#(try checksumOfLast(storage))","at":"2026-11-22T09:00:00Z","by":"toekomst","today":"2026-11-22","summary":"iets nieuws","change":{"type":"teleport"}}"#
        let line = #"{"crc":""# + CRC32.hex(CRC32.checksum(Array(body.utf8))) + #"","entry":"# + body + "}"
        try appendRaw(line, to: storage, sequence: 2)
        let reader = try storage.open(writer: "Piet")
        var read = try reader.load()
        #expect(read.activity("missie-lyon")?.followUps.last?.text == "gewoon")
        #expect(reader.notices.contains { $0.contains("nieuwere versie") }, "\(reader.notices)")
        do {
            try reader.commit(.addFollowUp("missie-lyon", FollowUp(text: "mag niet")), to: &read, context: .by("Piet"))
            Issue.record("wrote after a newer program's change")
        } catch {
            guard case .newerVersion = error else { Issue.record("\(error)"); return }
        }
    }

    @Test("a storage not opened for writing refuses to write", arguments: StorageKind.available)
    func readOnly(kind: StorageKind) throws {
        let storage = try StorageUnderTest(kind)
        let reader = try storage.open()
        var view = try reader.load()
        #expect(throws: StoreError.self) {
            try reader.commit(.addFollowUp("missie-lyon", FollowUp(text: "x")), to: &view, context: .by("lezer"))
        }
        #expect(try storage.open().history().isEmpty)
    }

    // MARK: Helpers that reach into a storage's raw log

    func checksumOfLast(_ storage: StorageUnderTest) throws -> String {
        switch storage.kind {
        case .file:
            let journal = try JournalFile.parse(try storage.directory.read("dossier.json.journal"))
            return journal.checksums.last ?? ""
        case .postgresql:
            return try PostgresTestServer.sql(storage.location, "SELECT checksum FROM dossier_changes ORDER BY seq DESC LIMIT 1")
                .trimmingCharacters(in: .whitespacesAndNewlines)
        }
    }

    func appendRaw(_ line: String, to storage: StorageUnderTest, sequence: Int) throws {
        switch storage.kind {
        case .file:
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: storage.location + ".journal"))
            handle.seekToEndOfFile()
            handle.write(Data((line + "\n").utf8))
            try handle.close()
        case .postgresql:
            let quoted = line.replacingOccurrences(of: "'", with: "''")
            try PostgresTestServer.sql(storage.location, """
                INSERT INTO dossier_changes (seq, change_id, actor, summary, entry, checksum)
                VALUES (\(sequence), 'toekomst', 'toekomst', 'iets nieuws', '\(quoted)', 'x')
                """)
        }
    }

    @Test("the start screen's lists come from the storage's list index only while it describes the last change; compaction writes one",
          arguments: StorageKind.available)
    func listIndex(kind: StorageKind) throws {
        let storage = try StorageUnderTest(kind)
        let ine = try storage.open(writer: "Ine", journalLimit: 2)
        var dossier = try ine.load()
        try ine.commit(.setRelationStatus("bom", status: .verkennen, reason: "herijking", reviewDate: nil), to: &dossier, context: .by("Ine"))
        ine.listIndexWrite(of: dossier)?.run()
        let listed = try #require(try storage.open().listIndex(), "a list index written for the last change is believed")
        #expect(listed == ListIndex(dossier: dossier))
        #expect(listed.relations.first { $0.relation.id == "bom" }?.relation.status == .verkennen)
        #expect(ine.listIndexWrite(of: dossier) == nil, "nothing to write when it is current")
        // A colleague's change that did not write it: the old one describes an older dossier and is not believed.
        let piet = try storage.open(writer: "Piet", journalLimit: 100)
        var pietView = try piet.load()
        try piet.commit(.setRelationStatus("bom", status: .actief, reason: "toch", reviewDate: nil), to: &pietView, context: .by("Piet", minute: 1))
        #expect(try storage.open().listIndex() == nil)
        // Compaction (the journal limit of 2 is reached by Ine's next change) brings it up to date.
        try ine.commit(.addFollowUp("missie-lyon", FollowUp(text: "Bellen")), to: &dossier, context: .by("Ine", minute: 2))
        #expect(try storage.open().listIndex() == ListIndex(dossier: dossier))
    }
}
