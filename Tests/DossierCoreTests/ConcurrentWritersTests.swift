import DossierCore
import DossierTestSupport
import Foundation
import Testing

/// Several writers on one dossier file: each takes the lock only while it appends, takes in the others'
/// changes first, and is refused — naming the colleague — where its change no longer holds; a colleague's
/// compaction is followed without a reload; torn lines, newer versions and a full disk harm no one else.
@Suite("Several writers on one file")
struct ConcurrentWritersTests {
    let directory = TemporaryDirectory()
    var path: String { directory.file("dossier.json") }

    init() throws {
        try directory.write("dossier.json", Fixtures.smallDossier().encoded())
        chmod(path, 0o600)
    }

    func context(_ actor: String, minute: Int = 0) -> ChangeContext {
        ChangeContext(actor: actor, timestamp: Timestamp(secondsSinceEpoch: Fixtures.now.secondsSinceEpoch + Int64(60 * minute)),
                      today: Fixtures.context.today)
    }

    func writer(_ actor: String, journalLimit: Int = 100, fileSystem: any FileSystem = PosixFileSystem()) throws -> (DossierStore, Dossier) {
        var configuration = StoreConfiguration()
        configuration.journalEntryLimit = journalLimit
        configuration.lockWait = 1
        let store = DossierStore(path: path, fileSystem: fileSystem, configuration: configuration)
        store.clock = Fixtures.clock
        try store.openForWriting(actor: actor)
        return (store, try store.load())
    }

    func edit(_ key: String, of activity: Activity, to value: FieldValue) -> Change {
        .editActivity(activity.id, [FieldEdit(field: key, old: Activity.fields.field(key)!.value(of: activity), new: value)])
    }

    @Test("a deletion decided on a record as it was seen is refused once a colleague changed it, also when the change only comes in with the save")
    func deletionOfWhatWasSeen() throws {
        var (ine, ineView) = try writer("Ine")
        var (piet, pietView) = try writer("Piet")
        let seenMission = try #require(ineView.activity("missie-lyon"))
        let seenRelation = try #require(ineView.relation("bom"))
        try piet.commit(edit("notes", of: seenMission, to: .text("Nieuwe afspraak")), to: &pietView, context: context("Piet"))
        let renamed = try #require(pietView.relation("bom"))
        try piet.commit(.editRelation("bom", [FieldEdit(field: "name", old: .text(renamed.name), new: .text("BOM Brabant"))]), to: &pietView,
                        context: context("Piet", minute: 1))
        var deciding = context("Ine", minute: 2)
        deciding.seen = SeenRecords(activities: [seenMission])
        do {
            try ine.commit(.deleteActivity("missie-lyon"), to: &ineView, context: deciding)
            Issue.record("deleted what Piet had changed since Ine saw it")
        } catch {
            #expect(error.description.contains("'Handelsmissie Lyon' is gewijzigd sinds u het zag"), "\(error)")
        }
        #expect(try ine.load().activity("missie-lyon")?.notes == "Nieuwe afspraak")
        deciding.seen = SeenRecords(relations: [seenRelation])
        do {
            try ine.commit(.setRelationStatus("bom", status: .focus, reason: "r", reviewDate: nil), to: &ineView, context: deciding)
            Issue.record("changed what Piet had renamed since Ine saw it")
        } catch {
            #expect(error.description.contains("BOM is gewijzigd sinds u het zag (nu: BOM Brabant)"), "\(error)")
        }
        // Seen as it is now, it goes.
        deciding.seen = SeenRecords(activities: [try #require(ineView.activity("missie-lyon"))])
        try ine.commit(.deleteActivity("missie-lyon"), to: &ineView, context: deciding)
        #expect(try piet.load().activity("missie-lyon") == nil)
    }

    /// The journal truncated or copied over in place (same file, `truncate`, `cp`, a sync tool) while a writer has it
    /// open: before, that writer appended after whatever was left — its line glued to a fragment — or cut the file
    /// back to the length it remembered, taking a colleague's confirmed line with it.
    @Test("a journal cut back or copied over outside the program is refused as changed on disk, and nothing in it is cut",
          arguments: ["cut mid-line, then a colleague saves", "cut mid-line", "an older copy copied over it"])
    func journalCutBack(how: String) throws {
        let journal = directory.file("dossier.json.journal")
        var (ine, ineView) = try writer("Ine")
        try ine.commit(.setRelationStatus("bom", status: .verkennen, reason: "een", reviewDate: nil), to: &ineView, context: context("Ine"))
        let older = try directory.read("dossier.json.journal")
        try ine.commit(.setRelationStatus("bom", status: .focus, reason: "twee", reviewDate: nil), to: &ineView, context: context("Ine", minute: 1))
        var (piet, pietView) = try writer("Piet")
        #expect(pietView.relation("bom")?.status == .focus)
        if how == "an older copy copied over it" {
            try ine.commit(.setRelationStatus("bom", status: .actief, reason: "drie", reviewDate: nil), to: &ineView, context: context("Ine", minute: 2))
            _ = try piet.refresh(&pietView)
            let handle = try #require(FileHandle(forWritingAtPath: journal))
            try handle.truncate(atOffset: 0)
            try handle.write(contentsOf: older)
            try handle.close()
        } else {
            #expect(truncate(journal, off_t(older.count + 40)) == 0)
        }
        if how == "cut mid-line, then a colleague saves" {
            // A fresh writer reads the cut line as an append cut short: it cuts it off and writes its own, confirmed.
            var (anna, annaView) = try writer("Anna")
            try anna.commit(.setRelationStatus("unesco-learning-cities", status: .actief, reason: "anna", reviewDate: nil), to: &annaView, context: context("Anna", minute: 3))
        }
        let before = try directory.read("dossier.json.journal")
        var refusal: StoreError?
        do {
            try piet.commit(.setRelationStatus("pivot-park", status: .actief, reason: "piet", reviewDate: nil), to: &pietView,
                            context: context("Piet", minute: 4))
        } catch {
            refusal = error
        }
        #expect(refusal?.description.contains("buiten dit programma gewijzigd") == true, "\(String(describing: refusal))")
        #expect(piet.notices.contains { $0.contains("het journaal is buiten dossier om ingekort of overschreven") }, "\(piet.notices)")
        #expect(try directory.read("dossier.json.journal") == before, "nothing appended, nothing cut")
        #expect(!String(decoding: before, as: UTF8.self).contains("\"reason\":\"piet\""))
        // The screen's regular look at the files says so too, before anything is typed.
        #expect(throws: StoreError.self) { _ = try piet.refresh(&pietView) }
        // Read again, it goes on from what the journal holds now.
        pietView = try piet.load()
        try piet.commit(.setRelationStatus("pivot-park", status: .actief, reason: "piet", reviewDate: nil), to: &pietView, context: context("Piet", minute: 5))
        let reread = try writer("Ine").1
        #expect(reread.relation("pivot-park")?.status == .actief)
        if how == "cut mid-line, then a colleague saves" { #expect(reread.relation("unesco-learning-cities")?.status == .actief, "Anna's confirmed change stays") }
    }

    @Test("two people edit different fields of one activity: both stand; the same field: the second is refused, naming the first")
    func fieldConflicts() throws {
        var (ine, ineView) = try writer("Ine")
        var (piet, pietView) = try writer("Piet")
        let mission = try #require(ineView.activity("missie-lyon"))
        // Both opened the activity as it was; each changes a field of their own.
        try ine.commit(edit("notes", of: mission, to: .text("Hotel geboekt")), to: &ineView, context: context("Ine"))
        try piet.commit(edit("estimatedCostCents", of: mission, to: .number(300_000)), to: &pietView, context: context("Piet", minute: 1))
        #expect(pietView.activity("missie-lyon")?.notes == "Hotel geboekt", "Piet took in Ine's change first")
        #expect(pietView.activity("missie-lyon")?.estimatedCost == Money(euros: 3_000))
        // Now both change the notes, from what they saw.
        let seenByIne = try #require(ineView.activity("missie-lyon"))
        let seenByPiet = try #require(pietView.activity("missie-lyon"))
        try piet.commit(edit("notes", of: seenByPiet, to: .text("Hotel en trein geboekt")), to: &pietView, context: context("Piet", minute: 2))
        let before = ineView
        do {
            try ine.commit(edit("notes", of: seenByIne, to: .text("Hotel geannuleerd")), to: &ineView, context: context("Ine", minute: 3))
            Issue.record("a stale edit overwrote a colleague's")
        } catch {
            #expect(error.description.contains("Piet"), "\(error)")
            #expect(error.description.contains("09:02"), "\(error)")
            #expect(error.description.contains("Toelichting is intussen gewijzigd"), "\(error)")
        }
        #expect(ineView.activity("missie-lyon")?.notes == "Hotel en trein geboekt", "Ine's view now has Piet's change")
        #expect(ineView.activity("missie-lyon")?.estimatedCost == Money(euros: 3_000))
        #expect(before.activity("missie-lyon")?.estimatedCost != Money(euros: 3_000), "which Ine had not seen before")
        #expect(try DossierStore(path: path).load() == ineView)
    }

    @Test("a status a colleague set meanwhile is not overwritten: the second change is refused with who and when")
    func statusConflict() throws {
        var (ine, ineView) = try writer("Ine")
        var (piet, pietView) = try writer("Piet")
        try ine.commit(.setRelationStatus("rhone-alpes", status: .actief, reason: "akkoord", reviewDate: nil, seen: .verkennen),
                       to: &ineView, context: context("Ine", minute: 42))
        do {
            try piet.commit(.setRelationStatus("rhone-alpes", status: .beeindigd, reason: "geen belang", reviewDate: nil, seen: .verkennen),
                            to: &pietView, context: context("Piet", minute: 43))
            Issue.record("a status change from a stale screen went through")
        } catch {
            #expect(error.description.contains("Ine om 09:42"), "\(error)")
            #expect(error.description.contains("Status van Rhône-Alpes: Verkennen → Actief"), "\(error)")
        }
        #expect(pietView.relation("rhone-alpes")?.status == .actief)
    }

    @Test("a review (herijking) a colleague recorded meanwhile is not overwritten: the status stayed, the date did not")
    func reviewConflict() throws {
        var (ine, ineView) = try writer("Ine")
        var (piet, pietView) = try writer("Piet")
        let seen = try #require(pietView.relation("taizhou"))
        try ine.commit(.setRelationStatus("taizhou", status: .laagPitje, reason: "nog steeds geen vraag", reviewDate: Fixtures.date("2027-06-01"),
                                          seen: .laagPitje, seenReviewDate: Fixtures.date("2030-12-31")),
                       to: &ineView, context: context("Ine", minute: 42))
        do {
            try piet.commit(.setRelationStatus("taizhou", status: .laagPitje, reason: "wachten op de raad", reviewDate: Fixtures.date("2028-03-01"),
                                               seen: seen.status, seenReviewDate: seen.reviewDate),
                            to: &pietView, context: context("Piet", minute: 43))
            Issue.record("a review from a stale screen went through")
        } catch {
            #expect(error.description.contains("botst met de wijziging van Ine om 09:42"), "\(error)")
            #expect(error.description.contains("Taizhou is intussen herijkt tot 1-6-2027, niet meer tot 31-12-2030"), "\(error)")
        }
        #expect(pietView.relation("taizhou")?.reviewDate == Fixtures.date("2027-06-01"))
        // The journal line keeps the date seen, so a colleague's program checks it the same way.
        let line = try #require(String(decoding: try directory.read("dossier.json.journal"), as: UTF8.self).split(separator: "\n").last)
        #expect(line.contains("\"from\":\"laag-pitje\",\"fromReviewDate\":\"2030-12-31\""), "\(line)")
        // From what is there now, the review goes through.
        try piet.commit(.setRelationStatus("taizhou", status: .laagPitje, reason: "wachten op de raad", reviewDate: Fixtures.date("2028-03-01"),
                                           seen: .laagPitje, seenReviewDate: Fixtures.date("2027-06-01")),
                        to: &pietView, context: context("Piet", minute: 44))
        #expect(try DossierStore(path: path).load().relation("taizhou")?.reviewDate == Fixtures.date("2028-03-01"))
    }

    @Test("undo undoes one's own change; when a colleague changed the same thing since, it is refused with the reason")
    func undoAfterColleague() throws {
        var (ine, ineView) = try writer("Ine")
        var (piet, pietView) = try writer("Piet")
        let undoRhone = try ine.commit(.setRelationStatus("rhone-alpes", status: .actief, reason: "r", reviewDate: nil),
                                       to: &ineView, context: context("Ine"))
        let undoBOM = try ine.commit(.setRelationStatus("bom", status: .verkennen, reason: "r", reviewDate: nil), to: &ineView, context: context("Ine"))
        // Piet changes BOM's status after Ine did (another field of it would stay, the undo going through), and something unrelated.
        try piet.commit(.setRelationStatus("bom", status: .focus, reason: "nieuwe contactpersoon", reviewDate: nil),
                        to: &pietView, context: context("Piet", minute: 4))
        try piet.commit(.addFollowUp("missie-lyon", FollowUp(text: "los daarvan")), to: &pietView, context: context("Piet", minute: 5))
        var undo = undoBOM
        undo.purpose = .undo
        do {
            try ine.commit(.restore(undo), to: &ineView, context: context("Ine", minute: 6))
            Issue.record("an undo wiped out a colleague's change")
        } catch {
            #expect(error.description.contains("Piet"), "\(error)")
            #expect(error.description.contains("ongedaan"), "\(error)")
        }
        #expect(ineView.relation("bom")?.statusHistory.last?.reason == "nieuwe contactpersoon", "the colleague's change stands")
        #expect(ineView.relation("bom")?.status == .focus)
        // Rhône-Alpes nobody touched since: that undo goes through.
        try ine.commit(.restore(undoRhone), to: &ineView, context: context("Ine", minute: 7))
        #expect(ineView.relation("rhone-alpes")?.status == .verkennen)
        #expect(try DossierStore(path: path).load() == ineView)
    }

    @Test("a colleague's compaction is followed without a reload: what came before it arrives through the archived journal")
    func followCompaction() throws {
        var (ine, ineView) = try writer("Ine", journalLimit: 3)
        var (piet, pietView) = try writer("Piet", journalLimit: 1_000)
        for index in 0..<7 {
            try ine.commit(.addFollowUp("missie-lyon", FollowUp(text: "ine \(index)")), to: &ineView, context: context("Ine"))
        }
        #expect(try !PosixFileSystem().contentsOfDirectory(path + ".history").isEmpty, "Ine compacted")
        let arrived = try piet.refresh(&pietView)
        #expect(arrived.count == 7)
        #expect(pietView == ineView)
        try piet.commit(.addFollowUp("missie-lyon", FollowUp(text: "piet")), to: &pietView, context: context("Piet"))
        #expect(try ine.refresh(&ineView).map(\.entry.actor) == ["Piet"])
        #expect(ineView == pietView)
        #expect(try DossierStore(path: path).load() == pietView)
    }

    @Test("only one program compacts at a time")
    func oneCompactor() throws {
        var (ine, ineView) = try writer("Ine", journalLimit: 2)
        var (piet, pietView) = try writer("Piet", journalLimit: 2)
        ine.compactsAfterCommit = false
        piet.compactsAfterCommit = false
        try ine.commit(.addFollowUp("missie-lyon", FollowUp(text: "een")), to: &ineView, context: context("Ine"))
        try piet.commit(.addFollowUp("missie-lyon", FollowUp(text: "twee")), to: &pietView, context: context("Piet"))
        _ = piet.takeOthersChanges()
        _ = try ine.refresh(&ineView)
        #expect(ine.needsCompaction && piet.needsCompaction)
        let job = try #require(ine.snapshotWrite(of: ineView))
        #expect(piet.snapshotWrite(of: pietView) == nil, "Ine is compacting")
        #expect(try ine.finishCompaction(try job.run(), at: Fixtures.now))
        #expect(try piet.refresh(&pietView).isEmpty)
        #expect(!piet.needsCompaction, "Piet followed Ine's compaction")
        #expect(piet.snapshotWrite(of: pietView) != nil, "and may compact next time")
    }

    @Test("a colleague's half-written line is never applied and blocks no one: the next writer cuts it off")
    func tornLineOfColleague() throws {
        var (ine, ineView) = try writer("Ine")
        var (piet, pietView) = try writer("Piet")
        try ine.commit(.addFollowUp("missie-lyon", FollowUp(text: "heel")), to: &ineView, context: context("Ine"))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path + ".journal"))
        handle.seekToEndOfFile()
        handle.write(Data(#"{"crc":"00000000","entry":{"seq":2,"schemaVersion":2,"at":"2026-11"#.utf8))
        try handle.close()
        #expect(try piet.refresh(&pietView).map(\.entry.summary) == ["Vervolgactie bij Handelsmissie Lyon: heel"])
        try piet.commit(.addFollowUp("missie-lyon", FollowUp(text: "na de scheur")), to: &pietView, context: context("Piet"))
        #expect(try ine.refresh(&ineView).map(\.entry.actor) == ["Piet"])
        let journal = String(decoding: try directory.read("dossier.json.journal"), as: UTF8.self)
        #expect(journal.split(separator: "\n").count == 2 && journal.hasSuffix("\n"), "the torn tail was cut off")
        #expect(try DossierStore(path: path).load() == ineView)
    }

    @Test("a line of a newer version of the program: what comes before it is read, nothing is written, and the message says to update")
    func newerVersion() throws {
        var (ine, ineView) = try writer("Ine")
        try ine.commit(.addFollowUp("missie-lyon", FollowUp(text: "voor de nieuwe versie")), to: &ineView, context: context("Ine"))
        let last = try JournalFile.parse(try directory.read("dossier.json.journal"))
        let body = #"{"seq":2,"schemaVersion":99,"lineage":"\#(ineView.lineage ?? "")","prev":"\#(last.checksums[0])","at":"2026-11-22T09:00:00Z","by":"toekomst","today":"2026-11-22","summary":"iets nieuws","change":{"type":"teleport"}}"#
        let line = #"{"crc":""# + CRC32.hex(CRC32.checksum(Array(body.utf8))) + #"","entry":"# + body + "}\n"
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path + ".journal"))
        handle.seekToEndOfFile()
        handle.write(Data(line.utf8))
        try handle.close()
        let before = try directory.read("dossier.json.journal")
        let (reader, read) = try writer("Piet")
        #expect(read.activity("missie-lyon")?.followUps.last?.text == "voor de nieuwe versie")
        #expect(reader.notices.contains { $0.contains("nieuwere versie") && $0.contains("Werk dossier bij") }, "\(reader.notices)")
        var copy = read
        do {
            try reader.commit(.addFollowUp("missie-lyon", FollowUp(text: "mag niet")), to: &copy, context: context("Piet"))
            Issue.record("wrote after a newer program's line")
        } catch {
            guard case .newerVersion = error else { Issue.record("\(error)"); return }
        }
        #expect(try directory.read("dossier.json.journal") == before, "nothing was written or cut off")
    }

    @Test("a disk that fills up refuses the change of the one who wrote; the others go on reading and writing")
    func fullDiskOfOne() throws {
        let faults = FaultyFileSystem()
        var (ine, ineView) = try writer("Ine", fileSystem: faults)
        var (piet, pietView) = try writer("Piet")
        faults.inject(.init(.write, code: SystemErrorCode.noSpace, pathContains: ".journal", bytesWritten: 10))
        let before = ineView
        do {
            try ine.commit(.addFollowUp("missie-lyon", FollowUp(text: "past niet")), to: &ineView, context: context("Ine"))
            Issue.record("a failed write counted as saved")
        } catch {
            #expect(error.description.contains("de schijf is vol"), "\(error)")
        }
        #expect(ineView == before)
        #expect(try piet.refresh(&pietView).isEmpty, "half a line of Ine's is never read")
        try piet.commit(.addFollowUp("missie-lyon", FollowUp(text: "van Piet")), to: &pietView, context: context("Piet"))
        try ine.commit(.addFollowUp("missie-lyon", FollowUp(text: "past nu wel")), to: &ineView, context: context("Ine"))
        #expect(ineView.activity("missie-lyon")?.followUps.map(\.text).suffix(2) == ["van Piet", "past nu wel"])
        #expect(try DossierStore(path: path).load() == ineView)
    }
}
