import DossierCore
import DossierTestSupport
import Foundation
import Testing

/// Keeping records in the real program in a real terminal: add a relation, add a contact to it, edit the
/// contact, see old → new in the log, undo; a long text from the editor; the command line fitting the
/// terminal's width.
@Suite("Records in a terminal")
struct RecordSessionTests {
    let directory = TemporaryDirectory(prefix: "dossier-e2e")
    var store: String { directory.file("dossier.json") }
    let binary = ProgramRunner.builtBinary("dossier")

    init() throws {
        try directory.write("dossier.json", BundledDossier.bytes)
        // An editor for Ctrl-O that writes two paragraphs into the file it is given. It is run as `sh editor.sh`, never
        // executed itself: a script just written can be "text file busy" (exit 126) while another test's child still
        // holds the descriptor it was written through.
        try directory.write("editor.sh", "printf 'Grensregio rond de Sont.\\n\\nSamen in farma.\\n' > \"$1\"\n")
    }

    func shell(width: Int = 120, height: Int = 36) throws -> TmuxSession {
        try TmuxSession.shell(home: directory.path, width: width, height: height, extraEnvironment: "'EDITOR=sh \(directory.file("editor.sh"))'")
    }

    @Test("add a relation, add a contact, edit it, the log shows old → new, undo; notes from the editor")
    func keepRecords() throws {
        let tmux = try shell()
        try tmux.type("\(binary) --store \(store); echo EXIT:$?")
        try tmux.send("Enter")
        try tmux.waitFor("1 Relaties (")

        // A new relation; the country from the list of Dutch names with type-ahead.
        try tmux.send("+")
        try tmux.waitFor("Nieuwe relatie")
        try tmux.type("Øresund Regio")
        try tmux.waitFor("id: oresund-regio")
        // The kind is chosen, not taken as given: r is Regio/cluster.
        try tmux.send("Tab")
        try tmux.type("r")
        try tmux.send("Tab", "Tab")
        try tmux.type("den")
        try tmux.waitFor("Kies landen")
        try tmux.send("Enter", "Tab")
        try tmux.type("Malmö, Kopenhagen")
        try tmux.send("C-s")
        try tmux.waitFor("Relatie toegevoegd: Øresund Regio (oresund-regio)")

        // Its screen; a contact, first with a wrong e-mail address.
        try tmux.send("Enter")
        try tmux.waitFor("Contactpersonen (0)")
        try tmux.send("Tab", "+")
        try tmux.waitFor("Nieuwe contactpersoon bij Øresund Regio")
        try tmux.type("Søren Ørsted")
        try tmux.send("Tab")
        try tmux.type("Directeur")
        try tmux.send("Tab", "Tab")
        try tmux.type("soren.oresund.dk")
        try tmux.send("C-s")
        try tmux.waitFor("het @ ontbreekt")
        try tmux.send("C-u")
        try tmux.type("soren@oresund.dk")
        try tmux.send("C-s")
        try tmux.waitFor("Contactpersoon toegevoegd bij Øresund Regio: Søren Ørsted")

        // Edit the contact; the log shows the field old → new.
        try tmux.send("e")
        try tmux.waitFor("Contactpersoon bewerken")
        try tmux.send("Tab", "C-u")
        try tmux.type("Voorzitter")
        try tmux.send("C-s")
        try tmux.waitFor("Contactpersoon bewerkt")
        try tmux.send("L")
        let log = try tmux.waitFor("Functie: Directeur → Voorzitter")
        #expect(log.contains("Wijzigingen van Øresund Regio"))
        try tmux.send("q")

        // Undo says what it put back.
        try tmux.send("u")
        try tmux.waitFor("Ongedaan gemaakt: Øresund Regio: contactpersoon Søren Ørsted, functie Voorzitter → Directeur")

        // Notes from the editor (Ctrl-O), two paragraphs.
        try tmux.send("Tab", "Tab", "Tab", "e")
        try tmux.waitFor("Relatie bewerken")
        for _ in 0..<11 { try tmux.send("Tab") }
        try tmux.send("C-o")
        try tmux.waitFor("Tekst uit de editor overgenomen")
        try tmux.send("C-s")
        try tmux.waitFor("Samen in farma.")

        // Smaller and back.
        try tmux.resize(width: 80, height: 24)
        try tmux.waitFor("Contactpersonen (1)")
        try tmux.resize(width: 120, height: 36)
        try tmux.send("q", "q")
        try tmux.waitFor("EXIT:0")

        let dossier = try DossierStore(path: store).load()
        let relation = try #require(dossier.relation("oresund-regio"))
        #expect(relation.countries.map(\.code) == ["DK"] && relation.places == ["Malmö", "Kopenhagen"])
        #expect(relation.contacts == [Contact(id: "soren-orsted", name: "Søren Ørsted", role: "Directeur", email: "soren@oresund.dk")])
        #expect(relation.notes == "Grensregio rond de Sont.\n\nSamen in farma.")
        let journal = try DossierStore(path: store).history().map(\.summary)
        #expect(journal.contains("Ongedaan gemaakt: Øresund Regio: contactpersoon Søren Ørsted, functie Voorzitter → Directeur"))
    }

    @Test("a command's table fits the terminal it prints to; the same to a file keeps every cell whole")
    func tablesFitTheTerminal() throws {
        let tmux = try shell(width: 80, height: 40)
        try tmux.type("\(binary) relations --store \(store); echo END:$((40+2))")
        try tmux.send("Enter")
        let screen = try tmux.waitFor("END:42")
        // The ids have no room beside readable names at 80 columns: left out, the names say who is who.
        let lines = screen.split(separator: "\n").filter { $0.hasPrefix("Oxford") || $0.hasPrefix("Rhône-Alpes") }
        #expect(lines.count == 2, "one line each, not wrapped: \(screen)")
        #expect(lines.allSatisfy { DisplayWidth.of(String($0)) <= 80 })
        #expect(screen.contains("…") && !screen.contains("rhone-alpes"))
        let piped = try ProgramRunner().run(["relations", "--store", store])
        #expect(piped.standardOutput.contains("Oxford-Cambridge-London Golden Triangle") && piped.standardOutput.contains("rhone-alpes"))
    }
}
