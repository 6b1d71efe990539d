import DossierCore
import DossierTestSupport
import Foundation
import Testing

@Suite("The store on disk")
struct StoreTests {
    @Test("saving writes owner-only files, replaces atomically and leaves no temporary files")
    func durableSave() throws {
        let directory = TemporaryDirectory()
        let store = DossierStore(path: directory.file("dossier.json"))
        try store.save(Fixtures.smallDossier())
        #expect(try PosixFileSystem().status(store.path)?.mode == 0o600)
        #expect(try store.load() == Fixtures.smallDossier())
        var dossier = try store.load()
        try store.commit(.setRelationStatus("bom", status: .verkennen, reason: "r", reviewDate: nil), to: &dossier, context: Fixtures.context)
        #expect(try store.load() == dossier)
        #expect(try PosixFileSystem().contentsOfDirectory(directory.path) == ["dossier.json"])
    }

    @Test("a replaced file keeps the mode it had")
    func keepsMode() throws {
        let directory = TemporaryDirectory()
        let store = DossierStore(path: directory.file("gedeeld.json"))
        try directory.write("gedeeld.json", Fixtures.smallDossier().encoded())
        chmod(store.path, 0o640)
        try store.save(Fixtures.smallDossier())
        #expect(try PosixFileSystem().status(store.path)?.mode == 0o640)
    }

    @Test("load → save → load gives identical bytes")
    func identicalBytes() throws {
        let directory = TemporaryDirectory()
        let bytes = Fixtures.smallDossier().encoded()
        try directory.write("d.json", bytes)
        let store = DossierStore(path: directory.file("d.json"))
        try store.save(try store.load())
        #expect(try directory.read("d.json") == bytes)
    }

    @Test("a refused change writes nothing and leaves memory as it was")
    func refusedChange() throws {
        let directory = TemporaryDirectory()
        let store = DossierStore(path: directory.file("d.json"))
        try store.save(Fixtures.smallDossier())
        let before = try directory.read("d.json")
        var dossier = try store.load()
        #expect(throws: StoreError.self) {
            try store.commit(.moveActivity("missie-lyon", status: .idee, reason: "", overrideReason: nil), to: &dossier, context: Fixtures.context)
        }
        #expect(dossier == Fixtures.smallDossier())
        #expect(try directory.read("d.json") == before)
    }

    @Test("the store location: --store, then DOSSIER_STORE, then XDG_DATA_HOME, then ~/.local/share")
    func location() {
        #expect(StoreLocation.resolve(explicit: "/x.json", environment: ["DOSSIER_STORE": "/y.json"]).path == "/x.json")
        #expect(StoreLocation.resolve(explicit: nil, environment: ["DOSSIER_STORE": "/y.json"]).path == "/y.json")
        let xdg = StoreLocation.resolve(explicit: nil, environment: ["XDG_DATA_HOME": "/data", "HOME": "/home/a"])
        #expect(xdg == StoreLocation(path: "/data/dossier/dossier.json", isDefault: true))
        #expect(StoreLocation.resolve(explicit: nil, environment: ["HOME": "/home/a"]).path == "/home/a/.local/share/dossier/dossier.json")
        #expect(StoreLocation.resolve(explicit: nil, environment: ["HOME": "/home/a", "XDG_DATA_HOME": "relative"]).path
                == "/home/a/.local/share/dossier/dossier.json")
    }

    @Test("the default location is created from the bundled dossier, owner only, once")
    func firstUse() throws {
        let home = TemporaryDirectory()
        let location = StoreLocation.resolve(explicit: nil, environment: ["HOME": home.path])
        #expect(try location.prepare())
        #expect(try PosixFileSystem().status(location.path)?.mode == 0o600)
        #expect(try PosixFileSystem().status(FilePath.directory(of: location.path))?.mode == 0o700)
        #expect(try PosixFileSystem().readFile(location.path) == BundledDossier.bytes)
        #expect(try !location.prepare())
    }
}
