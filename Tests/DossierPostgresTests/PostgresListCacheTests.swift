#if PostgreSQL
import DossierCore
import DossierPostgres
import DossierTestSupport
import Foundation
import Testing

/// The copy of the server's start-screen lists on this computer: believed only when the server's list for its
/// last change has the same digest; stale, damaged or another database's copies are ignored and replaced.
@Suite("PostgreSQL: the start screen's lists kept here", .enabled(if: PostgreSQLTests.shouldRun, PostgreSQLTests.skipReason))
struct PostgresListCacheTests {
    @Test("the copy here is believed only while the server's list has its digest; a change, damage or another address is never shown")
    func believedOnlyWhileCurrent() throws {
        let storage = try StorageUnderTest(.postgresql)
        let address = try PostgresAddress(parsing: storage.location, environment: [:])
        let folder = TemporaryDirectory(prefix: "dossier-list-cache")
        let cache = PostgresListCache(folder: folder.path + "/cache", address: address)
        func opened() -> PostgresStore {
            let store = PostgresStore(address: address)
            store.listCache = cache
            return store
        }
        let original = ListIndex(dossier: Fixtures.smallDossier())

        // The copy into the database wrote the server's list; the first start reads it there and keeps a copy.
        #expect(opened().listIndex() == original)
        let kept = try #require(cache.read())
        #expect(kept.list == original)
        let attributes = try FileManager.default.attributesOfItem(atPath: cache.path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600, "readable by its owner only")

        // With the server's digest, the copy here is what the next start shows (a planted list proves it).
        var planted = original
        planted.relations.removeLast()
        cache.write(digest: kept.digest, body: planted.encoded())
        #expect(opened().listIndex() == planted)

        // A change on the server: its list for the last change is not there yet, so no list at all, and
        // never the copy here.
        let writer = opened()
        var dossier = try writer.load()
        try writer.openForWriting(actor: "Ine")
        try writer.commit(.setRelationStatus("bom", status: .verkennen, reason: "herijking", reviewDate: nil), to: &dossier, context: .by("Ine"))
        #expect(opened().listIndex() == nil)
        // The writer brings the server's list up to date, and the copy here with it.
        try #require(writer.listIndexWrite(of: dossier)).run()
        let changed = ListIndex(dossier: dossier)
        #expect(changed != original)
        #expect(cache.read()?.list == changed)
        #expect(opened().listIndex() == changed)
        // A copy from before the change (the old digest) is not believed, and is replaced.
        cache.write(digest: kept.digest, body: planted.encoded())
        #expect(opened().listIndex() == changed)
        #expect(cache.read()?.list == changed)

        // A damaged copy is read from the server again and written anew.
        var damaged = try #require(FileManager.default.contents(atPath: cache.path))
        damaged[damaged.count - 5] ^= 0x20
        try damaged.write(to: URL(fileURLWithPath: cache.path))
        #expect(cache.read() == nil)
        #expect(opened().listIndex() == changed)
        #expect(cache.read()?.list == changed)

        // Another database's copy at this path (the name is a checksum of the address) is not believed.
        let other = PostgresListCache(folder: folder.path + "/cache", address: try PostgresAddress(parsing: storage.location + "_ander", environment: [:]))
        other.write(digest: try #require(cache.read()).digest, body: planted.encoded())
        try FileManager.default.removeItem(atPath: cache.path)
        try FileManager.default.moveItem(atPath: other.path, toPath: cache.path)
        #expect(cache.read() == nil)
        #expect(opened().listIndex() == changed)
    }
}
#endif
