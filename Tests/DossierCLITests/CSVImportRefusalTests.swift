import DossierCore
import DossierTestSupport
import Foundation
import Testing

/// Rows the CSV import refuses instead of guessing.
@Suite("CSV import refusals")
struct CSVImportRefusalTests {
    let scratch: ScratchStore

    init() throws {
        scratch = try ScratchStore()
    }

    @Test("an empty kind is refused for a new row and for an existing one, never turned into 'overig'")
    func emptyKind() throws {
        try scratch.directory.write("leeg.csv", "id;titel;soort\r\n;Nieuwe beurs;\r\nmissie-lyon;Handelsmissie Lyon;\r\n")
        let result = try scratch.run(["import", "activities", scratch.directory.file("leeg.csv")])
        #expect(result.status == 65)
        #expect(result.standardError.contains("regel 2, kolom 'soort': een activiteit heeft een soort nodig (toegestaan: handelsmissie,"), "\(result.standardError)")
        #expect(result.standardError.contains("regel 3, kolom 'soort': een activiteit heeft een soort nodig"), "\(result.standardError)")
        #expect(result.standardError.split(separator: "\n").allSatisfy { $0.hasPrefix("dossier: ") }, "every message as every other: \(result.standardError)")
        #expect(try scratch.load() == Fixtures.smallDossier())
    }

    @Test("an edit in a column the import does not read is said, not silently dropped")
    func readOnlyColumns() throws {
        let file = scratch.directory.file("a.csv")
        #expect(try scratch.run(["export", "--format", "csv", "--what", "activities", "--excel", "-o", file]).status == 0)
        var text = String(decoding: try scratch.directory.read("a.csv"), as: UTF8.self)
        let lines = text.components(separatedBy: "\r\n")
        let header = lines[0].split(separator: ";", omittingEmptySubsequences: false).map(String.init)
        let namesColumn = try #require(header.firstIndex(of: "relatienamen"))
        let row = try #require(lines.firstIndex { $0.hasPrefix("missie-lyon;") })
        var cells = lines[row].split(separator: ";", omittingEmptySubsequences: false).map(String.init)
        cells[namesColumn] = "Pivot Park"
        text = text.replacingOccurrences(of: lines[row], with: cells.joined(separator: ";"))
        try scratch.directory.write("a.csv", text)
        let imported = try scratch.run(["import", "activities", file])
        #expect(imported.status == 0)
        #expect(imported.standardError.contains("regel \(row + 1), kolom 'relatienamen': deze kolom is alleen om te lezen: de wijziging is niet overgenomen; "
                                                + "wijzig de relaties in de kolom 'relaties'"), "\(imported.standardError)")
        #expect(try scratch.load().activity("missie-lyon")?.relations == Fixtures.smallDossier().activity("missie-lyon")?.relations)
    }

    @Test("a file imported twice without ids adds nothing twice: a row like an activity already there is skipped, one that differs refused; rows Excel left as separators are skipped")
    func importedAgain() throws {
        try scratch.directory.write("nieuw.csv", "titel;soort;begindatum;geraamde kosten\r\nBeurs Milaan;beurs;2027-03-01;1.500\r\n;;\r\n;;\r\n")
        let first = try scratch.run(["import", "activities", scratch.directory.file("nieuw.csv")])
        #expect(first.status == 0 && first.standardError.isEmpty, "\(first.standardError)")
        let again = try scratch.run(["import", "activities", scratch.directory.file("nieuw.csv")])
        #expect(again.status == 0)
        #expect(again.standardOutput.hasPrefix("Geïmporteerd: 0 nieuw, 0 bijgewerkt, 1 ongewijzigd."), "\(again.standardOutput)")
        #expect(again.standardError.contains("regel 2: staat er al als Beurs Milaan (beurs-milaan), met dezelfde gegevens: niet nog eens toegevoegd"),
                "\(again.standardError)")
        // Changed in the file since: meant as an update, perhaps; refused with the way to either.
        try scratch.directory.write("nieuw.csv", "titel;soort;begindatum;geraamde kosten\r\nBeurs Milaan;beurs;2027-03-01;2.000\r\n")
        let changed = try scratch.run(["import", "activities", scratch.directory.file("nieuw.csv")])
        #expect(changed.status == 65, "\(changed.standardOutput)\(changed.standardError)")
        #expect(changed.standardError.contains("regel 2, kolom 'id': Beurs Milaan (beurs-milaan) heeft dezelfde titel en datum: zet beurs-milaan in de kolom 'id'"),
                "\(changed.standardError)")
        try scratch.directory.write("nieuw.csv", "id;titel;soort;begindatum\r\nbeurs-milaan-najaar;Beurs Milaan;beurs;2027-03-01\r\n")
        let own = try scratch.run(["import", "activities", scratch.directory.file("nieuw.csv")])
        #expect(own.status == 0 && own.standardOutput.hasPrefix("Geïmporteerd: 1 nieuw"), "\(own.standardOutput)\(own.standardError)")
        #expect(try scratch.load().activities.filter { $0.title == "Beurs Milaan" }.count == 2)
    }

    @Test("a new row the Kader warns about gets the warning add-activity gives, a cost its budget line has no room for too; one it has nothing to say about gets none")
    func firstLookOfNewRows() throws {
        try scratch.directory.write("reis.csv", "titel;soort;landen;begindatum;geraamde kosten;budgetregel\r\nReis Vietnam;inspiratiereis;Vietnam;2027-04-01;;\r\n"
                                    + "Beurs Gent;beurs;België;2027-05-01;800;internationalisering\r\nCongres Lyon;beurs;Frankrijk;2027-06-01;20.000;internationalisering\r\n")
        // The check beforehand gives the same warning, so it is read before anything is imported.
        let dryRun = try scratch.run(["import", "activities", scratch.directory.file("reis.csv"), "--dry-run"])
        #expect(dryRun.status == 0 && dryRun.standardOutput.contains("Let op: Reis Vietnam (reis-vietnam): "), "\(dryRun.standardOutput)")
        #expect(try scratch.load().activity("reis-vietnam") == nil)
        let imported = try scratch.run(["import", "activities", scratch.directory.file("reis.csv")])
        #expect(imported.status == 0, "\(imported.standardError)")
        #expect(imported.standardOutput.contains("Let op: Reis Vietnam (reis-vietnam): "), "\(imported.standardOutput)")
        #expect(imported.standardOutput.contains("laag pitje"), "\(imported.standardOutput)")
        #expect(imported.standardOutput.contains("Let op: Congres Lyon (congres-lyon): € 20.000,00 past niet binnen Budget internationalisering 2027"),
                "\(imported.standardOutput)")
        #expect(!imported.standardOutput.contains("Beurs Gent (beurs-gent)"))
    }

    @Test("a new row that starts out approved while the Kader's rules make it negative needs 'reden afwijking', as approving does; the export writes it back")
    func approvedRowNeedsOverride() throws {
        let header = "titel;soort;landen;begindatum;status;besluit"
        try scratch.directory.write("reis.csv", "\(header)\r\nReis Vietnam;inspiratiereis;Vietnam;2027-04-01;goedgekeurd;mandaat wethouder\r\n")
        let refused = try scratch.run(["import", "activities", scratch.directory.file("reis.csv")])
        #expect(refused.status == 65)
        #expect(refused.standardError.contains("regel 2, kolom 'reden afwijking'"), "\(refused.standardError)")
        #expect(refused.standardError.contains("laag pitje"), "\(refused.standardError)")
        #expect(try scratch.load().activity("reis-vietnam") == nil)

        try scratch.directory.write("reis.csv", "\(header);reden afwijking\r\nReis Vietnam;inspiratiereis;Vietnam;2027-04-01;goedgekeurd;mandaat wethouder;Besluit college 1-12-2026\r\n")
        let imported = try scratch.run(["import", "activities", scratch.directory.file("reis.csv")])
        #expect(imported.status == 0, "\(imported.standardError)")
        #expect(try scratch.load().activity("reis-vietnam")?.approvalOverrideReason == "Besluit college 1-12-2026")
        let exported = try scratch.run(["export", "--format", "csv", "--what", "activities"])
        #expect(exported.standardOutput.contains(",goedgekeurd,mandaat wethouder,Besluit college 1-12-2026,"), "\(exported.standardOutput.prefix(600)) \(exported.standardError)")

        try scratch.directory.write("later.csv", "id;titel;soort;status;besluit;reden afwijking\r\nreis-vietnam;Reis Vietnam;inspiratiereis;goedgekeurd;mandaat wethouder;een andere reden\r\n")
        let later = try scratch.run(["import", "activities", scratch.directory.file("later.csv")])
        #expect(later.status == 0, "\(later.standardError) \(later.standardOutput)")
        #expect(later.standardError.contains("kolom 'reden afwijking': hoort bij de stap naar goedgekeurd"), "\(later.standardError)")
        #expect(try scratch.load().activity("reis-vietnam")?.approvalOverrideReason == "Besluit college 1-12-2026")

        try scratch.directory.write("idee.csv", "titel;soort;status;besluit;reden afwijking\r\nIdee Hanoi;inspiratiereis;idee;;een reden\r\n")
        let idea = try scratch.run(["import", "activities", scratch.directory.file("idee.csv")])
        #expect(idea.status == 0, "\(idea.standardError)")
        #expect(idea.standardError.contains("kolom 'reden afwijking': niet overgenomen: dit hoort bij een activiteit die al is goedgekeurd"),
                "a cell that is not kept is said: \(idea.standardError)")
        try scratch.directory.write("later-idee.csv", "id;titel;soort;status;besluit\r\nidee-hanoi;Idee Hanoi;inspiratiereis;idee;mandaat\r\n")
        let notYet = try scratch.run(["import", "activities", scratch.directory.file("later-idee.csv")])
        #expect(notYet.standardError.contains("kolom 'besluit': hoort bij een goedkeuring: zet de status op goedgekeurd"), "\(notYet.standardError)")

        // The approved one loses its date and its budget line's cell is emptied: both said.
        try scratch.directory.write("leeg.csv", "id;titel;soort;begindatum;budgetregel;geraamde kosten\r\nreis-vietnam;Reis Vietnam;inspiratiereis;;;800\r\n")
        let emptied = try scratch.run(["import", "activities", scratch.directory.file("leeg.csv")])
        #expect(emptied.status == 0, "\(emptied.standardError)")
        #expect(emptied.standardError.contains("kolom 'budgetregel': een lege cel laat de budgetregel zoals hij is; schrijf 'geen'"), "\(emptied.standardError)")
        #expect(emptied.standardError.contains("zonder datum telt € 800,00 van 'Reis Vietnam' in geen budgetjaar meer mee"), "\(emptied.standardError)")
    }

    @Test("relations and the organiser may be named as anywhere else; a name that fits none is refused with the same suggestions")
    func relationsByName() throws {
        try scratch.directory.write("namen.csv", "id;titel;soort;relaties;organisator\r\n;Beurs Lyon;beurs;Rhône-Alpes;BOM\r\n")
        let imported = try scratch.run(["import", "activities", scratch.directory.file("namen.csv")])
        #expect(imported.status == 0, "\(imported.standardError)")
        let fair = try #require(try scratch.load().activity("beurs-lyon"))
        #expect(fair.relations == ["rhone-alpes"] && fair.organiser == .relation("bom"), "\(fair.relations) \(fair.organiser)")

        try scratch.directory.write("tikfout.csv", "id;titel;soort;relaties\r\n;Beurs Grenoble;beurs;Rhone Alpse\r\n")
        let refused = try scratch.run(["import", "activities", scratch.directory.file("tikfout.csv")])
        #expect(refused.status == 65)
        #expect(refused.standardError.contains("regel 2, kolom 'relaties': onbekende relatie 'Rhone Alpse'"), "\(refused.standardError)")
        #expect(refused.standardError.contains("Rhône-Alpes"), "a suggestion: \(refused.standardError)")
    }

    @Test("a file no row of which can be read is refused with --skip-invalid too: exit 65, nothing imported, no advice to skip")
    func wholeFileRefused() throws {
        let files = ["kolom.csv": "Soort;Titel;Opmerking;Begindatum\r\noverig;Een;iets;1-6-2027\r\noverig;Twee;;2-6-2027\r\n",
                     "leeg.csv": "",
                     "contacten.csv": "naam;relatie;e-mail\r\nJan;bom;jan@example.org\r\n"]
        for (name, text) in files {
            try scratch.directory.write(name, text)
            let result = try scratch.run(["import", "activities", scratch.directory.file(name), "--skip-invalid"])
            #expect(result.status == 65, "\(name): \(result.standardOutput)")
            #expect(!result.standardOutput.contains("Geïmporteerd") && !result.standardError.contains("--skip-invalid"), "\(name): \(result.standardError)")
            #expect(result.standardError.contains("er is niets geïmporteerd: geen regel is te lezen zoals het bestand nu is"), "\(name): \(result.standardError)")
        }
        #expect(try scratch.load() == Fixtures.smallDossier())
    }

    @Test("the same new activity twice in one file (a row copied in the spreadsheet) is refused, naming the first row; with its own id it is a second")
    func sameRowTwice() throws {
        let row = ";Beurs Hannover;beurs;1-5-2027;2500"
        try scratch.directory.write("twee.csv", "id;titel;soort;begindatum;geraamde kosten\r\n\(row)\r\n\(row)\r\n")
        let refused = try scratch.run(["import", "activities", scratch.directory.file("twee.csv")])
        #expect(refused.status == 65)
        #expect(refused.standardError.contains("regel 3, kolom 'titel': Beurs Hannover met deze datum staat al op regel 2 van dit bestand; één regel per "
                                               + "activiteit"), "\(refused.standardError)")
        #expect(try scratch.load() == Fixtures.smallDossier())
        let skipped = try scratch.run(["import", "activities", scratch.directory.file("twee.csv"), "--skip-invalid"])
        #expect(skipped.standardOutput.hasPrefix("Geïmporteerd: 1 nieuw, 0 bijgewerkt, 0 ongewijzigd, 1 regel overgeslagen."), "\(skipped.standardOutput)")
        #expect(try scratch.load().activities.filter { $0.title == "Beurs Hannover" }.count == 1)
        // Another date, or an id of its own, is another activity.
        try scratch.directory.write("ander.csv", "id;titel;soort;begindatum\r\n;Beurs Hannover;beurs;1-5-2028\r\nhannover-2;Beurs Hannover;beurs;1-5-2028\r\n")
        let other = try scratch.run(["import", "activities", scratch.directory.file("ander.csv")])
        #expect(other.status == 0 && other.standardOutput.hasPrefix("Geïmporteerd: 2 nieuw"), "\(other.standardError)")
        // The other way round, a row without an id after one with its own is that activity again; without a date, said so.
        try scratch.directory.write("om.csv", "id;titel;soort;begindatum\r\nmesse-1;Messe Essen;beurs;1-5-2029\r\n;Messe Essen;beurs;1-5-2029\r\n"
                                    + ";Werkbezoek;overig;\r\n;Werkbezoek;overig;\r\n")
        let reversed = try scratch.run(["import", "activities", scratch.directory.file("om.csv"), "--dry-run"])
        #expect(reversed.standardError.contains("regel 3, kolom 'titel': Messe Essen met deze datum staat al op regel 2"), "\(reversed.standardError)")
        #expect(reversed.standardError.contains("regel 5, kolom 'titel': Werkbezoek zonder datum staat al op regel 4"), "\(reversed.standardError)")
    }

    @Test("a workbook, a JSON file or another file that is no text is refused as what it is; a tab-separated table is read")
    func notCSV() throws {
        let cases: [(String, [UInt8], String)] = [
            ("map.xlsx", [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00] + Array("[Content_Types].xml".utf8), "dit is een Excel-werkmap (.xlsx)"),
            ("oud.xls", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0x00, 0x00, 0x3E, 0x00], "dit is een Excel-werkmap (.xls)"),
            ("plaatje.csv", Array("GIF89a".utf8) + [0x01, 0x00, 0x01, 0x00, 0x80, 0x00, 0x00, 0xFF, 0xFF, 0xFF, 0x21], "dit is geen tekstbestand"),
            ("dossier.csv", Array("\u{FEFF}  {\"schemaVersion\": 3}".utf8), "dit is een JSON-bestand"),
            ("adresboek.vcf", Array("BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Smit;Piet\r\nEND:VCARD\r\n".utf8),
             "dit is een vCard (uit een adresboek), geen CSV-bestand"),
            ("agenda.ics", Array("BEGIN:VCALENDAR\r\nPRODID:-//Google Inc//Google Calendar 70.9054//EN\r\nEND:VCALENDAR\r\n".utf8),
             "dit is een agenda (iCalendar, .ics), geen CSV-bestand"),
            ("jaar.csv", Array(("id,titel,focus,soort,status,begindatum,einddatum,relaties,organisator,richting,delegatie uit/naar,geraamde kosten,"
                                + "werkelijke kosten,budgetregel,kosten voor budget,laatste oordeel,afwijking,besluit\r\n").utf8),
             "dit is het jaarverslag als tabel (dossier report --format csv)"),
        ]
        for (name, bytes, said) in cases {
            try scratch.directory.write(name, bytes)
            for table in ["contacts", "activities"] {
                let result = try scratch.run(["import", table, scratch.directory.file(name)])
                #expect(result.status == 65 && result.standardError.contains("regel 1: \(said)"), "\(name): \(result.standardError)")
                #expect(!result.standardError.contains("UTF-16"), "\(name): \(result.standardError)")
            }
        }
        try scratch.directory.write("tabs.txt", "naam\trelatie\te-mail\r\nJana Novakova\tbom\tjana@example.org\r\n")
        let tabs = try scratch.run(["import", "contacts", scratch.directory.file("tabs.txt")])
        #expect(tabs.status == 0 && tabs.standardOutput.hasPrefix("Geïmporteerd: 1 nieuw"), "\(tabs.standardError)")
        #expect(try scratch.load().relation("bom")?.contacts.contains { $0.name == "Jana Novakova" && $0.email == "jana@example.org" } == true)
        // Headings as other programs write them (abook, Outlook): the same columns.
        try scratch.directory.write("outlook.csv", "Naam;Relatie;E-mailadres;Telefoonnummer\r\nPiet Smit;bom;piet@example.org;0412 123456\r\n")
        let outlook = try scratch.run(["import", "contacts", scratch.directory.file("outlook.csv")])
        #expect(outlook.status == 0, "\(outlook.standardError)")
        #expect(try scratch.load().relation("bom")?.contacts.contains { $0.name == "Piet Smit" && $0.email == "piet@example.org" && !$0.phone.isEmpty } == true)
        // Excel's separator hint before the header is read as that, and lines are counted as in the file.
        // ("|": no separator the header would be read by.)
        try scratch.directory.write("sep.csv", "sep=|\r\nnaam|relatie|e-mail\r\nKees Bos|bom|kees@example.org\r\nZonder Relatie|onbekend-x|\r\n")
        let hinted = try scratch.run(["import", "contacts", scratch.directory.file("sep.csv"), "--dry-run"])
        #expect(hinted.standardError.contains("regel 4, kolom 'relatie'") && !hinted.standardError.contains("sep="), "\(hinted.standardError)")
        try scratch.directory.write("twee.csv", "naam;email;e-mail\r\nJan;a@b.nl;c@d.nl\r\n")
        #expect(try scratch.run(["import", "contacts", scratch.directory.file("twee.csv")]).standardError.contains("deze kolom staat twee keer in de kopregel"))
        // A folder named as the file: a mistake in what was asked (66, as a missing file), not a failing disk (74).
        let folder = try scratch.run(["import", "contacts", scratch.directory.path])
        #expect(folder.status == 66 && folder.standardError.contains("is een map; geef het CSV-bestand"), "\(folder.standardError)")
        // One unknown column is said as one.
        try scratch.directory.write("een.csv", "adres\r\nDorpsstraat 1\r\n")
        #expect(try scratch.run(["import", "contacts", scratch.directory.file("een.csv")]).standardError.contains("de enige kolom is onbekend ('adres')"))
    }
}
