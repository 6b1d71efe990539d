import DossierCore
import Testing

/// The core's one reader per value: what it accepts, and the one wording of each refusal.
@Suite("Reading typed values")
struct InputTests {
    func message<T>(_ parse: (String) throws(ValueError) -> T, _ text: String) -> String? {
        do {
            _ = try parse(text)
            return nil
        } catch {
            return error.message
        }
    }

    @Test("fixed lists by slug or Dutch label, case and accents blind; a list of them without repeats")
    func vocabularies() throws {
        #expect(try RelationStatus.read("Laag Pitje") == .laagPitje)
        #expect(try RelationStatus.read("beëindigd") == .beeindigd)
        #expect(try Sector.readList("farma, Agrifood; farma") == [.farma, .agrifood])
        #expect(message(RelationStatus.read, "slapend") == "onbekende \(RelationStatus.vocabularyName) 'slapend'; kies uit: focus, actief, verkennen, laag-pitje, beeindigd, genoemd")
    }

    @Test("a mistyped value is offered the one it most likely meant: part of it, one letter off, or a word left out; never one that could be its opposite")
    func vocabularySuggestions() {
        let offered = { (message: String?) in message?.firstMatch(of: /bedoelde u '([a-z-]+)'/).map { String($0.1) } }
        #expect(offered(message(RelationStatus.read, "laag-pitj")) == "laag-pitje")
        #expect(offered(message(ActivityStatus.read, "goedgekeurt")) == "goedgekeurd")
        #expect(offered(message(Question.read, "waarde-bedrijfsleven")) == "waarde-voor-bedrijfsleven")
        #expect(offered(message(RelationStatus.read, "inactief")) == nil, "two letters from actief, and its opposite")
        #expect(offered(message(ActivityStatus.read, "niet-goedgekeurd")) == nil)
    }

    @Test("a delegation's size as typed or as the screen shows it: 8, 8 personen, 1 persoon; other words refused")
    func delegationSize() throws {
        #expect(try DelegationSize.read("8") == 8)
        #expect(try DelegationSize.read(" 8 personen ") == 8)
        #expect(try DelegationSize.read("1 persoon") == 1)
        #expect(try DelegationSize.read("12 Pers.") == 12)
        #expect(throws: ValueError.self) { try DelegationSize.read("8personen") }
        #expect(throws: ValueError.self) { try DelegationSize.read("acht personen") }
        #expect(throws: ValueError.self) { try DelegationSize.read("personen") }
        #expect(throws: ValueError.self) { try DelegationSize.read("-3 personen") }
        // Grouped in thousands, as the limit is said ("1 … 10.000"); a dot elsewhere is no whole number.
        #expect(try DelegationSize.read("1.000") == 1_000)
        #expect(try DelegationSize.read("10.000 personen") == 10_000)
        #expect(message(DelegationSize.read, "1.5") == "'1.5' is geen heel getal")
        #expect(message(DelegationSize.read, "1.0000") == "'1.0000' is geen heel getal")
        #expect(message(DelegationSize.read, "0.500") == "'0.500' is geen heel getal", "a group never starts with 0")
    }

    @Test("ids must be slugs")
    func idsAndCounts() throws {
        #expect(try Identifier.read(" handelsmissie-lyon ") == "handelsmissie-lyon")
        #expect(message(Identifier.read, "Handelsmissie Lyon") == "'Handelsmissie Lyon' is geen geldige id: alleen kleine letters, cijfers en enkele koppeltekens")
    }

    @Test("e-mail addresses: one @, a domain with a dot, no spaces; the missing @ said plainly")
    func emailAddresses() throws {
        #expect(try EmailAddress.read(" b.driessen@pivotpark.nl ") == "b.driessen@pivotpark.nl")
        #expect(message(EmailAddress.read, "britta.pivotpark.nl") == "'britta.pivotpark.nl' is geen e-mailadres: het @ ontbreekt (zoals naam@organisatie.nl)")
        for bad in ["britta@", "@pivotpark.nl", "britta@pivotpark", "britta@@pivotpark.nl", "britta driessen@pivotpark.nl", "b@pivot..nl"] {
            #expect(message(EmailAddress.read, bad) == "'\(bad)' is geen e-mailadres (zoals naam@organisatie.nl)", "\(bad)")
        }
        #expect(try EmailAddress.read("mailto:rob@lpo.nl") == "rob@lpo.nl", "copied from a link: the address")
        #expect(try EmailAddress.read("MAILTO:rob@lpo.nl?subject=Hallo") == "rob@lpo.nl", "without what the link asks of a mail program")
        #expect(EmailAddress.problem("mailto:rob@lpo.nl") == nil, "one stored so before is not refused: its dossier must open")
        // Copied from a mail program's address line: the address between the brackets.
        #expect(try EmailAddress.read("<jan@oss.nl>") == "jan@oss.nl")
        #expect(try EmailAddress.read("Jan Jansen <jan@oss.nl> ") == "jan@oss.nl")
        #expect(try EmailAddress.read("\"Jansen, Jan\" <mailto:jan@oss.nl>") == "jan@oss.nl")
        #expect(try EmailAddress.read("\"jan@oss.nl\" <jan@oss.nl>") == "jan@oss.nl", "a mail program that names the person by the address")
        #expect(message(EmailAddress.read, "jan@oss.nl;") == "'jan@oss.nl;' is geen e-mailadres: ';' hoort er niet in (één adres, zoals naam@organisatie.nl)")
        #expect(message(EmailAddress.read, "jan@oss.nl>") == "'jan@oss.nl>' is geen e-mailadres: '>' hoort er niet in (één adres, zoals naam@organisatie.nl)")
        #expect(EmailAddress.problem("<jan@oss.nl>") == nil, "one stored so before is not refused: its dossier must open")
        for two in ["Jan Jansen <jan@oss.nl>, Piet Pietersen <piet@oss.nl>", "jan@oss.nl <piet@oss.nl>"] {
            #expect(message(EmailAddress.read, two) == "'\(two)' is geen e-mailadres: er staan er meer in (één adres, zoals naam@organisatie.nl)")
        }
        // Typing slips no mail server takes, refused as typed; a dossier that holds one still opens.
        let slips = [(".ann@acme.nl", "een punt staat niet aan het begin of eind van wat vóór de @ staat, en nooit twee achter elkaar"),
                     ("ann.@acme.nl", "een punt staat niet aan het begin of eind van wat vóór de @ staat, en nooit twee achter elkaar"),
                     ("ann..de.vries@acme.nl", "een punt staat niet aan het begin of eind van wat vóór de @ staat, en nooit twee achter elkaar"),
                     ("ann@-acme.nl", "een deel van het domein begint of eindigt niet met een streepje"),
                     ("ann@acme-.nl", "een deel van het domein begint of eindigt niet met een streepje"),
                     ("ann@acme.n", "'.n' is geen domeinextensie (zoals .nl of .com)"), ("ann@acme.nl1", "'.nl1' is geen domeinextensie (zoals .nl of .com)")]
        for (slip, why) in slips {
            #expect(message(EmailAddress.read, slip) == "'\(slip)' is geen e-mailadres: \(why) (zoals naam@organisatie.nl)", "\(slip)")
            #expect(EmailAddress.problem(slip) == nil, "\(slip): one stored so before is not refused")
        }
        for good in ["Carla.Gonçalves@camara.sp.gov.br", "a-b@x-y.co.uk", "o'brien@acme.ie", "jan+dossier@oss.nl", "info@xn--bcher-kva.de"] {
            #expect(try EmailAddress.read(good) == good)
        }
    }

    @Test("phone numbers: digits with the usual separators, + only in front, 6 to 15 digits")
    func phoneNumbers() throws {
        #expect(try PhoneNumber.read("0412  123 456") == "0412 123 456")
        #expect(try PhoneNumber.read("+31 (0)412-123456") == "+31 (0)412-123456")
        // A Dutch number a digit short or long, as typed; service numbers, numbers abroad and the municipal 14 0412 as they are.
        for (slip, why) in [("0412 1234", "een Nederlands nummer heeft 10 cijfers, dit heeft er 8 (zoals 0412 123 456)"),
                            ("06 1234 567", "een Nederlands nummer heeft 10 cijfers, dit heeft er 9 (zoals 0412 123 456)"),
                            ("+31 6 1234 56789", "na 31 horen 9 cijfers, dit zijn er 10 (zoals +31 412 123 456)"),
                            ("0031 412 12345", "na 31 horen 9 cijfers, dit zijn er 8 (zoals +31 412 123 456)")] {
            #expect(message(PhoneNumber.read, slip) == "'\(slip)' is geen telefoonnummer: \(why)", "\(slip)")
            #expect(PhoneNumber.problem(slip) == nil, "\(slip): one stored so before is not refused")
        }
        for good in ["06 12345678", "+31 (0)6 1234 5678", "0031 412 123456", "0800 1234", "0900 123 45 67", "14 0412", "+49 30 1234567", "+48 42 638 40 00"] {
            #expect(try PhoneNumber.read(good) == good, "\(good)")
        }
        for bad in ["bel maar", "12345", "0412+123456", "0412 123 456 ext 12", "1234567890123456"] {
            #expect(message(PhoneNumber.read, bad) == "'\(bad)' is geen telefoonnummer (zoals 0412 123 456 of +31 412 123 456)", "\(bad)")
        }
    }

    @Test("the dossier's rules use the same wording for a stored e-mail address, phone number and id")
    func rulesShareTheWording() throws {
        let contact = Contact(name: "Britta Driessen", email: "britta.pivotpark.nl", phone: "bel maar")
        let problems = ContactRules.problems(contact, at: JSONPath()).map(\.message)
        #expect(problems == [message(EmailAddress.read, "britta.pivotpark.nl"), message(PhoneNumber.read, "bel maar")])
    }

    @Test("a path typed in a form starts at the root, the home folder or a Windows drive; one typed on the command line is read from where it was typed")
    func paths() throws {
        #expect(message(LinkTarget.readAnchored, "docs/besluit.pdf") == "'docs/besluit.pdf' is geen volledig pad: begin bij / of ~/ (zoals /mnt/gedeeld/besluit.pdf)")
        for anchored in ["/mnt/gedeeld/besluit.pdf", "~/Documenten/verslag.pdf", "S:\\Internationaal\\besluit.pdf", "\\\\server\\share\\x.pdf"] {
            #expect(message(LinkTarget.readAnchored, anchored) == nil, "\(anchored)")
            #expect(FilePath.absolute(anchored, from: "/home/anna") == anchored)
        }
        #expect(message(LinkTarget.readAnchored, "https://www.oss.nl") == nil)
        // A web address without https:// is said to be one, in a form and on the command line.
        #expect(message(LinkTarget.readAnchored, "www.taizhou.gov.cn/en") == "'www.taizhou.gov.cn/en' is geen volledig webadres; bedoelde u https://www.taizhou.gov.cn/en?")
        #expect(message(LinkTarget.readAnchored, "taizhou.gov.cn/en") == "'taizhou.gov.cn/en' is geen volledig webadres; bedoelde u https://taizhou.gov.cn/en?")
        #expect(message(LinkTarget.readURL, "www.oss.nl") == "'www.oss.nl' is geen volledig webadres; bedoelde u https://www.oss.nl?")
        #expect(message(LinkTarget.readAnchored, "besluit.pdf")?.contains("geen volledig pad") == true, "a file's name, not a web address")
        // A host alone is a website, in the form as with --url; a name ending as files do is a file.
        #expect(message(LinkTarget.readAnchored, "oss.nl") == "'oss.nl' is geen volledig webadres; bedoelde u https://oss.nl?")
        #expect(message(LinkTarget.readURL, "taizhou.gov.cn") == "'taizhou.gov.cn' is geen volledig webadres; bedoelde u https://taizhou.gov.cn?")
        #expect(message(LinkTarget.readAnchored, "Verslag.DOCX")?.contains("geen volledig pad") == true)
        #expect(message(LinkTarget.readAnchored, "verslagen.2026/mei.pdf")?.contains("geen volledig pad") == true, "a folder with a dot")
        #expect(FilePath.absolute("docs/./besluit.pdf", from: "/home/anna/werk") == "/home/anna/werk/docs/besluit.pdf")
        #expect(FilePath.absolute("../gedeeld/x.pdf", from: "/home/anna/werk/") == "/home/anna/gedeeld/x.pdf")
        #expect(FilePath.expandingHome("~/x.pdf", home: "/home/anna") == "/home/anna/x.pdf")
        #expect(FilePath.expandingHome("/x/~/y", home: "/home/anna") == "/x/~/y")
        // Another user's home, as the shell expands it; an unknown user's path stays as it is.
        let root = try #require(SystemUser.home(of: "root"))
        #expect(FilePath.expandingHome("~root/dossier.json", home: "/home/anna") == root + "/dossier.json")
        #expect(FilePath.expandingHome("~root", home: "/home/anna") == root)
        #expect(FilePath.expandingHome("~geen-gebruiker-xyz/d.json", home: "/home/anna") == "~geen-gebruiker-xyz/d.json")
    }

    @Test("people as typed: a comma inside the organisation's brackets or a quoted name does not split them, and what is written reads back")
    func people() {
        let read = { (text: String) in ListText.participants(text, role: .ondernemer).map { [$0.name, $0.organisation] } }
        #expect(read("Jan de Vries (Osse Farma BV), Els Jansen") == [["Jan de Vries", "Osse Farma BV"], ["Els Jansen", ""]])
        #expect(read("Els Jansen (Farma, Oss); Piet") == [["Els Jansen", "Farma, Oss"], ["Piet", ""]])
        #expect(read("\"Jansen, P.\" (Farma (NL), BV)") == [["Jansen, P.", "Farma (NL), BV"]])
        #expect(read("Buijs, W. (burgemeester), Den Brok, F.J.") == [["Buijs, W.", "burgemeester"], ["Den Brok, F.J.", ""]],
                "a surname before its initials is one person")
        #expect(read("Jansen, Th. A., Piet, Els") == [["Jansen, Th. A.", ""], ["Piet", ""], ["Els", ""]], "only initials join the name before them")
        #expect(read("Jan (Farma), W.") == [["Jan", "Farma"], ["W.", ""]], "not after a name with its organisation")
        #expect(ListText.split("Buijs, W.; Oss, Uden, NL") == ["Buijs, W.", "Oss", "Uden", "NL"])
        #expect(ListText.split(ListText.join(["Jansen", "P."])) == ["Jansen", "P."], "initials alone are written so that they read back alone")
        let two = [Participant(name: "Jansen", role: .bestuurder), Participant(name: "P.", role: .bestuurder)]
        #expect(ListText.participants(ListText.participantText(two), role: .bestuurder) == two, "\(ListText.participantText(two))")
        #expect(ListText.participantText([Participant(name: "Buijs, W.", role: .bestuurder, organisation: "burgemeester")]) == "Buijs, W. (burgemeester)")
        #expect(read("(Pivot Park)") == [["(Pivot Park)", ""]], "brackets alone are a name")
        #expect(read("Jan (Farma") == [["Jan (Farma", ""]], "an unclosed bracket is part of the name")
        let awkward = [Participant(name: "Jansen, P.", role: .ondernemer, organisation: "Farma (NL), BV"),
                       Participant(name: "Kees \"de Baas\" Bos", role: .ondernemer),
                       Participant(name: "Anna (PvdA)", role: .ondernemer, organisation: "Gemeente; Oss"),
                       Participant(name: "Piet", role: .ondernemer, organisation: "Rabobank")]
        #expect(ListText.participants(ListText.participantText(awkward), role: .ondernemer) == awkward,
                "\(ListText.participantText(awkward))")
        #expect(ListText.participantText([awkward[3]]) == "Piet (Rabobank)", "a plain name as before, without quotes")
        // A bracket left open is written in quotes: a person added after it in a spreadsheet's cell stays a person of their own.
        let open = [Participant(name: "Piet (, Jan", role: .bestuurder), Participant(name: "Els", role: .bestuurder, organisation: "Farma (NL")]
        for person in open {
            let cell = ListText.personText(person) + "; Kees"
            #expect(ListText.participants(cell, role: .bestuurder) == [person, Participant(name: "Kees", role: .bestuurder)], "\(cell)")
        }
        // Whatever a record holds (an older version read "Jan (Farma (NL))" as Jan (Farma / NL)): each reads back as itself.
        let odd = [("Jan (Farma", "NL)"), ("Piet", "Stichting \"De Brug"), ("Jan", "Farma \"X, Els"), ("Jan", "Organon (NL)"),
                   ("\"Bas\" en \"Piet\"", "Org"), ("Kees", ""), ("Anna (PvdA)", ""), ("A;B", "C)(D")]
            .map { Participant(name: $0.0, role: .ondernemer, organisation: $0.1) }
        for person in odd {
            #expect(ListText.participants(ListText.personText(person), role: .ondernemer) == [person], "\(ListText.personText(person))")
        }
        #expect(ListText.participants(ListText.participantText(odd), role: .ondernemer) == odd, "\(ListText.participantText(odd))")
    }

    @Test("a list's items: a comma in brackets or in double quotes separates nothing, and what join writes reads back")
    func listItems() {
        #expect(ListText.split("burgemeester Buijs, wethouder Den Brok; Pivot Park") == ["burgemeester Buijs", "wethouder Den Brok", "Pivot Park"])
        #expect(ListText.split("Buijs (burgemeester, Oss), \"De Vries, J.\"") == ["Buijs (burgemeester, Oss)", "De Vries, J."])
        #expect(ListText.split("\"a\" en \"b\"") == ["\"a\" en \"b\""], "two quoted texts in one item stay as typed")
        let awkward = ["Buijs, W. (burgemeester)", "De Vries", "Zei \"ja\"", "Open (haakje", "dicht) haakje", "a; b"]
        #expect(ListText.split(ListText.join(awkward)) == awkward, "\(ListText.join(awkward))")
        #expect(ListText.join(["Oss", "Buijs (burgemeester)"]) == "Oss, Buijs (burgemeester)", "plain items as before")
        #expect(ListText.split("\"\", Oss") == ["Oss"], "an empty quoted item is no item")
    }

    @Test("an amount with a dot: three digits after it group thousands, one or two are cents; '0.125' is neither and refused")
    func amountsWithADot() throws {
        #expect(try Money.read("1.250") == Money(euros: 1_250))
        #expect(try Money.read("12.50") == Money(cents: 1_250))
        #expect(try Money.read("0.5") == Money(cents: 50))
        #expect(try Money.read("1.250.000") == Money(euros: 1_250_000))
        #expect(try Money.read("€ -") == .zero && Money.read("€-") == .zero, "zero in a spreadsheet's accounting format")
        #expect(message(Money.read, "€ -5") == "een bedrag kan niet negatief zijn ('€ -5')")
        for bad in ["0.125", "0.125,00", "012.500"] {
            #expect(message(Money.read, bad) == "'\(bad)' is geen bedrag; gebruik bijvoorbeeld 1250, 1.250 of 1.250,50 (euro)")
        }
    }

    @Test("a line typed at a plain prompt keeps its text and drops what the terminal sent for Escape, arrows, keypad and paste brackets")
    func typedLine() {
        #expect(TypedLine.text("Jan Jansen\u{1B}[D") == "Jan Jansen")
        #expect(TypedLine.text("\u{1B}") == "")
        #expect(TypedLine.text("  \u{1B}[200~Zoë de Wit\u{1B}[201~ ") == "Zoë de Wit")
        #expect(TypedLine.text("Ine\u{1B}OA") == "Ine")
        #expect(TypedLine.text("\u{1B}Jan") == "Jan", "Escape, then the name typed after it")
        #expect(TypedLine.text("Jan\tJansen") == "Jan Jansen")
        #expect(TypedLine.text("Li\u{7F}\u{9B}Wei") == "LiWei")
        #expect(TypedLine.text("李伟") == "李伟")
    }
}
