import DossierCore
import DossierTestSupport
import Foundation
import Testing

/// Disk full, failing flushes, permission denied, a read-only file system, a file deleted under the
/// program: each gives a clear message, loses nothing and leaves the dossier loadable; once the fault is
/// gone the next change goes through.
@Suite("Faults at the file system")
struct FaultTests {
    let directory = TemporaryDirectory()
    let faults = FaultyFileSystem()
    var path: String { directory.file("dossier.json") }
    let context = Fixtures.context
    let change = Change.setRelationStatus("bom", status: .verkennen, reason: "herijking", reviewDate: nil)

    init() throws {
        try directory.write("dossier.json", Fixtures.smallDossier().encoded())
        chmod(directory.file("dossier.json"), 0o600)
    }

    func openStore(journalLimit: Int = 100) throws -> (DossierStore, Dossier) {
        var configuration = StoreConfiguration()
        configuration.journalEntryLimit = journalLimit
        configuration.lockWait = 0
        let store = DossierStore(path: path, fileSystem: faults, configuration: configuration)
        try store.openForWriting(actor: "tester")
        return (store, try store.load())
    }

    /// The files as they are, for comparing before and after a failure.
    func filesOnDisk() throws -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        for name in try PosixFileSystem().contentsOfDirectory(directory.path) where !name.hasSuffix(".lock") {
            if let bytes = try? directory.read(name) { files[name] = bytes }
        }
        return files
    }

    /// Commits `change` expecting the fault; checks message, memory and disk; then commits again without it.
    func expectRecovery(from fault: FaultyFileSystem.Fault, message: String, journalLimit: Int = 100, prepare: Int = 0) throws {
        var (store, dossier) = try openStore(journalLimit: journalLimit)
        for index in 0..<prepare {
            try store.commit(.addFollowUp("missie-lyon", FollowUp(text: "voor \(index)")), to: &dossier, context: context)
        }
        let memoryBefore = dossier
        let loadedBefore = try DossierStore(path: path).load()
        faults.inject(fault)
        do {
            try store.commit(change, to: &dossier, context: context)
            if journalLimit > prepare + 1 { Issue.record("the fault did not surface") }
        } catch {
            #expect(error.description.contains(message), "\(error.description)")
            #expect(error.description.contains(path), "the message names the file: \(error.description)")
            #expect(dossier == memoryBefore, "memory is put back")
        }
        faults.clearFaults()
        // What is on disk still loads, and holds what was confirmed before.
        let loaded = try DossierStore(path: path).load()
        #expect(loaded == loadedBefore || loaded == dossier)
        #expect(DossierValidator.problems(in: loaded).isEmpty)
        // Once the disk is fine again the same change goes through, on a clean journal line.
        if dossier.relation("bom")?.status != .verkennen {
            try store.commit(change, to: &dossier, context: context)
        }
        #expect(try DossierStore(path: path).load().relation("bom")?.status == .verkennen)
        let journal = String(decoding: (try? directory.read("dossier.json.journal")) ?? [], as: UTF8.self)
        #expect(!journal.contains("}{"), "no line glued to a half-written one")
    }

    @Test("disk full halfway a journal line: the partial line is cut off again")
    func diskFull() throws {
        try expectRecovery(from: .init(.write, code: SystemErrorCode.noSpace, pathContains: ".journal", bytesWritten: 40),
                           message: "de schijf is vol", prepare: 2)
    }

    @Test("a failing flush to disk (fsync) counts as not saved")
    func failingFlush() throws {
        try expectRecovery(from: .init(.synchronize, code: SystemErrorCode.ioError, pathContains: ".journal"),
                           message: "lees- of schrijffout", prepare: 1)
    }

    @Test("permission denied when opening the journal")
    func permissionDenied() throws {
        try expectRecovery(from: .init(.openForAppending, code: SystemErrorCode.accessDenied), message: "geen toestemming")
    }

    @Test("a read-only file system during compaction: the change is safe in the journal, the snapshot untouched")
    func readOnlyDuringCompaction() throws {
        var (store, dossier) = try openStore(journalLimit: 2)
        try store.commit(.addFollowUp("missie-lyon", FollowUp(text: "eerste")), to: &dossier, context: context)
        let snapshot = try directory.read("dossier.json")
        faults.inject(.init(.rename, code: SystemErrorCode.readOnlyFileSystem, pathContains: "dossier.json", times: 5))
        try store.commit(change, to: &dossier, context: context)
        #expect(store.notices.last?.contains("het bestandssysteem is alleen-lezen") == true, "\(store.notices)")
        #expect(try directory.read("dossier.json") == snapshot)
        #expect(try PosixFileSystem().contentsOfDirectory(directory.path).filter { $0.contains(".tmp-") }.isEmpty,
                "no temporary file left behind")
        faults.clearFaults()
        #expect(try DossierStore(path: path).load() == dossier)
        try store.compact(dossier, at: Fixtures.now)
        #expect(try Dossier(decoding: directory.read("dossier.json")).relation("bom")?.status == .verkennen)
    }

    @Test("a disk that fills up while the snapshot is written leaves the old snapshot whole")
    func diskFullDuringSnapshot() throws {
        var (store, dossier) = try openStore(journalLimit: 1000)
        try store.commit(change, to: &dossier, context: context)
        let snapshot = try directory.read("dossier.json")
        faults.inject(.init(.write, code: SystemErrorCode.noSpace, pathContains: ".dossier.json.tmp-", bytesWritten: 100))
        #expect(throws: StoreError.self) { try store.compact(dossier, at: Fixtures.now) }
        #expect(try directory.read("dossier.json") == snapshot)
        #expect(try DossierStore(path: path).load() == dossier)
        #expect(try PosixFileSystem().contentsOfDirectory(directory.path).filter { $0.contains(".tmp-") }.isEmpty)
    }

    @Test("the dossier deleted under the program: a clear message, the change not lost in memory, nothing written elsewhere")
    func deletedUnderTheProgram() throws {
        var (store, dossier) = try openStore()
        let before = dossier
        try FileManager.default.removeItem(atPath: path)
        do {
            try store.commit(change, to: &dossier, context: context)
            Issue.record("wrote to a deleted dossier")
        } catch {
            #expect(error.description.contains("bestaat niet (meer)"))
        }
        #expect(dossier == before)
        #expect(try PosixFileSystem().status(path + ".journal") == nil)
    }

    @Test("a leftover temporary file of a crashed writer is cleared by the next writer; one being written now is left alone")
    func leftoverTemporary() throws {
        try directory.write(".dossier.json.tmp-999-1", "half")
        var twoHoursAgo = [timeval(tv_sec: time(nil) - 7_200, tv_usec: 0), timeval(tv_sec: time(nil) - 7_200, tv_usec: 0)]
        #expect(utimes(directory.file(".dossier.json.tmp-999-1"), &twoHoursAgo) == 0)
        try directory.write(".dossier.json.tmp-998-1", "een collega schrijft nog")
        _ = try openStore()
        #expect(try PosixFileSystem().status(directory.file(".dossier.json.tmp-999-1")) == nil)
        #expect(try PosixFileSystem().status(directory.file(".dossier.json.tmp-998-1")) != nil)
    }

    @Test("a snapshot half-written by a writer killed while compacting goes with the next compaction, however recent; an index's does not")
    func abandonedSnapshot() throws {
        var (store, dossier) = try openStore(journalLimit: 1)
        try directory.write(".dossier.json.tmp-997-1", "een half geschreven momentopname")
        try directory.write(".dossier.json.index.tmp-997-2", "een index in de maak")
        try store.commit(.setRelationStatus("bom", status: .verkennen, reason: "r", reviewDate: nil), to: &dossier, context: context)
        #expect(try PosixFileSystem().status(directory.file(".dossier.json.tmp-997-1")) == nil)
        #expect(try PosixFileSystem().status(directory.file(".dossier.json.index.tmp-997-2")) != nil)
        #expect(try PosixFileSystem().contentsOfDirectory(directory.path).filter { $0.hasPrefix(".dossier.json.tmp-") }.isEmpty)
        #expect(try openStore().1 == dossier)
    }
}
