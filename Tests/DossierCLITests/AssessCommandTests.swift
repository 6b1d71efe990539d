import DossierCore
import DossierTestSupport
import Foundation
import Testing

@Suite("dossier assess")
struct AssessCommandTests {
    let directory = TemporaryDirectory()
    let runner = ProgramRunner()
    var storePath: String { directory.file("dossier.json") }
    let environment = ["DOSSIER_NOW": "2026-11-22T09:00:00Z", "DOSSIER_USER": "adviseur"]

    init() throws {
        try directory.write("dossier.json", BundledDossier.bytes)
    }

    func run(_ arguments: [String], input: String? = nil) throws -> ProgramRunner.Result {
        try runner.run(arguments + ["--store", storePath], environment: environment, input: input)
    }

    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test("answers from flags: the verdict, reasons with rule, text and passage, what is missing; saved with the activity")
    func flags() throws {
        let yes = Question.allCases.map { "--answer=\($0.rawValue)=ja" }
        let result = try run(["assess", "campusbeurs-han", "--json", "--note", "inhoudelijke-link=Organon werft hier"] + yes)
        #expect(result.status == 0, "\(result.standardError)")
        let object = try json(result.standardOutput)
        #expect(object["verdict"] as? String == "nader-bekijken")
        let reasons = try #require(object["reasons"] as? [[String: Any]])
        #expect(reasons.first?["rule"] as? String == "budget", "no costs known: the budget cannot be checked")
        #expect(reasons.allSatisfy { ($0["passage"] as? String)?.isEmpty == false && $0["text"] != nil })
        #expect(reasons.contains { ($0["text"] as? String)?.contains("Organon werft hier") == true })
        #expect((object["missing"] as? [String])?.contains("Geraamde kosten") == true)
        #expect(object["saved"] as? Bool == true)
        let stored = try #require(try DossierStore(path: storePath).load().activity("campusbeurs-han")?.assessments.last)
        #expect(stored.verdict == .naderBekijken)
        #expect(stored.by == "adviseur")
        #expect(stored.answers.note(.inhoudelijkeLink) == "Organon werft hier")
        // A second weighing keeps the first.
        _ = try run(["assess", "campusbeurs-han", "--answer", "inhoudelijke-link=nee"])
        #expect(try DossierStore(path: storePath).load().activity("campusbeurs-han")?.assessments.count == 2)
        // The same answers again, with the same outcome: not a new weighing; --save records it anyway.
        let again = try run(["assess", "campusbeurs-han", "--answer", "inhoudelijke-link=nee"])
        #expect(again.status == 0)
        #expect(again.standardOutput.contains("Niet opnieuw bewaard: dit zegt de laatste afweging al"), "\(again.standardOutput)")
        #expect(try DossierStore(path: storePath).load().activity("campusbeurs-han")?.assessments.count == 2)
        _ = try run(["assess", "campusbeurs-han", "--answer", "inhoudelijke-link=nee", "--save"])
        #expect(try DossierStore(path: storePath).load().activity("campusbeurs-han")?.assessments.count == 3)
    }

    @Test("--what-if weighs a proposal from a file and saves nothing")
    func whatIf() throws {
        try directory.write("voorstel.json", """
        {
          "activity": {"title": "Handelsmissie Medicon Valley", "kind": "handelsmissie", "relations": ["medicon-valley"],
                       "organiser": "bom", "startDate": "2027-05-18", "estimatedCostCents": 250000, "sectors": ["farma"],
                       "participants": [{"name": "Osse Farma BV", "role": "ondernemer"}]},
          "answers": {"inhoudelijke-link": {"answer": "ja"}, "behoefte-lokale-partners": {"answer": "ja"},
                      "toegevoegde-waarde": {"answer": "ja"}, "geopolitiek": {"answer": "ja"}, "afbreukrisico": {"answer": "ja"},
                      "aansluiting-strategie": {"answer": "ja"}, "mvo": {"answer": "deels"}, "mensenrechten": {"answer": "ja"},
                      "global-goals": {"answer": "onbekend"}, "behapbaar": {"answer": "ja"}, "aanvullend": {"answer": "ja"},
                      "waarde-voor-bedrijfsleven": {"answer": "ja"}}
        }
        """)
        let before = try directory.read("dossier.json")
        let result = try run(["assess", "--what-if", directory.file("voorstel.json"), "--json"])
        #expect(result.status == 0, "\(result.standardError)")
        let object = try json(result.standardOutput)
        #expect(object["verdict"] as? String == "positief")
        #expect(object["activity"] is NSNull)
        #expect(object["saved"] as? Bool == false)
        let rules = (object["reasons"] as? [[String: Any]])?.compactMap { $0["rule"] as? String } ?? []
        #expect(rules.contains("partnermissie") && rules.contains("budget") && rules.contains("speerpuntsector"))
        #expect(try directory.read("dossier.json") == before)
        let text = try run(["assess", "--what-if", directory.file("voorstel.json"), "--explain"])
        #expect(text.standardOutput.contains("Oordeel: POSITIEF"))
        #expect(text.standardOutput.contains("Kader, a. Financiën"))
    }

    @Test("a proposal naming an unknown relation, or a broken file, is refused with its place")
    func badProposal() throws {
        try directory.write("fout.json", #"{"activity": {"title": "X", "kind": "beurs", "relations": ["narnia"]}}"#)
        let unknown = try run(["assess", "--what-if", directory.file("fout.json")])
        #expect(unknown.status == 65)
        #expect(unknown.standardError.contains("$.activity.relations[0]"))
        #expect(unknown.standardError.contains("onbekende relatie 'narnia'"))
        try directory.write("kapot.json", #"{"answers": {"mensenrechten": {"answer": "misschien"}}}"#)
        let broken = try run(["assess", "campusbeurs-han", "--answers", directory.file("kapot.json")])
        #expect(broken.status == 65)
        #expect(broken.standardError.contains("onbekend antwoord 'misschien'"))
        // A proposal written by hand with a wrong value is a mistake to correct, not a damaged file.
        try directory.write("voorstel-fout.json", #"{"activity": {"title": "x", "kind": "beurs"}, "answers": {"mensenrechten": "misschien"}}"#)
        let wrong = try run(["assess", "--what-if", directory.file("voorstel-fout.json")])
        #expect(wrong.status == 65 && !wrong.standardError.contains("beschadigd") && wrong.standardError.contains("$.answers.mensenrechten"),
                "\(wrong.standardError)")
        // The activity's fields at the top, as a dossier has them: said where they go.
        try directory.write("plat.json", #"{"title": "x", "kind": "beurs"}"#)
        let flat = try run(["assess", "--what-if", directory.file("plat.json")])
        #expect(flat.status == 65 && flat.standardError.contains("onbekend veld 'title': een voorstel heeft activity, answers en exceptionDecision")
                && flat.standardError.contains("staan onder \"activity\""), "\(flat.standardError)")
        let badFlag = try run(["assess", "campusbeurs-han", "--answer", "mensenrechten=misschien"])
        #expect(badFlag.status == 64)
        let neither = try run(["assess"])
        #expect(neither.status == 64)
    }

    @Test("answers from a JSON file, with an exception decision for a relation on laag pitje")
    func answersFile() throws {
        _ = try run(["add-activity", "--title", "Onderwijsbezoek Taizhou", "--kind", "kennisuitwisseling", "--relation", "taizhou",
                     "--date", "2027-04-01", "--cost", "0"])
        try directory.write("antwoorden.json",
                            #"{"answers": {"inhoudelijke-link": {"answer": "ja", "note": "Agrifood Oss vraagt erom"}}, "exceptionDecision": "B&W 3-2-2027"}"#)
        let result = try run(["assess", "onderwijsbezoek-taizhou", "--answers", directory.file("antwoorden.json"), "--json"])
        let object = try json(result.standardOutput)
        let reasons = try #require(object["reasons"] as? [[String: Any]])
        let exception = try #require(reasons.first { $0["rule"] as? String == "laag-pitje" })
        #expect(exception["effect"] as? String == "positief")
        #expect((exception["reading"] as? String)?.contains("heft voor deze ene activiteit de regels laag-pitje en buiten-europa op") == true)
        #expect(!reasons.contains { $0["rule"] as? String == "buiten-europa" }, "the exception lifts the focus outside Europe for Taizhou")
        #expect(object["verdict"] as? String == "nader-bekijken", "the other questions are still unanswered")
        #expect(object["saved"] as? Bool == true)
        // The why of the weighing stays in view: the college's decision and the advisor's note, though both count in favour.
        let shown = try run(["show", "onderwijsbezoek-taizhou"]).standardOutput
        #expect(shown.contains("B&W 3-2-2027") && shown.contains("Agrifood Oss vraagt erom"), "\(shown)")
        // What is still unknown is said once: by its reason, or else in the list of what is unknown.
        #expect(shown.contains("• Behapbaar voor de gemeente: nog onbekend") && !shown.contains("Nog onbekend: Behapbaar voor de gemeente"), "\(shown)")
        #expect(shown.contains("• Nog onbekend: Bijdrage aan de Global Goals"), "\(shown)")
    }

    @Test("without a terminal and without answers: the verdict is shown and nothing is written; --save keeps it")
    func noTerminalNoAnswers() throws {
        let before = try directory.read("dossier.json")
        let result = try run(["assess", "campusbeurs-han"], input: "")
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("Oordeel: NADER BEKIJKEN"))
        #expect(result.standardOutput.contains("Niet bewaard: er zijn geen antwoorden gegeven"))
        #expect(try directory.read("dossier.json") == before)
        #expect((try? directory.read("dossier.json.journal")) == nil, "no journal line either")
        let asJSON = try json(try run(["assess", "campusbeurs-han", "--json"]).standardOutput)
        #expect(asJSON["saved"] as? Bool == false)
        #expect(try DossierStore(path: storePath).load().activity("campusbeurs-han")?.assessments.isEmpty == true)
        let saved = try run(["assess", "campusbeurs-han", "--save"])
        #expect(saved.standardOutput.contains("Opgeslagen bij de activiteit"))
        #expect(try DossierStore(path: storePath).load().activity("campusbeurs-han")?.assessments.count == 1)
    }

    @Test("on a terminal without answers the questions are asked one by one; a note follows the answer on its line (no second question to type ahead into); Enter through all again saves nothing new; Ctrl-C says nothing was saved")
    func interactive() throws {
        let binary = ProgramRunner.builtBinary("dossier")
        let command = "env DOSSIER_NOW=2026-11-22T09:00:00Z DOSSIER_USER=adviseur LANG=C.UTF-8 \(binary) assess campusbeurs-han --store \(storePath)"
        let tmux = try TmuxSession(command: "\(command); echo EXIT:$?; \(command); echo EXIT:$?; read pause; clear; \(command); echo EXIT:$?; sleep 30",
                                   width: 80)
        try tmux.waitFor("(1/18) Inhoudelijke link met Oss")
        #expect(try tmux.capture().contains("aan de hand van 5"))
        try tmux.type("n geen link")
        try tmux.send("Enter")
        try tmux.waitFor("(2/18)")
        #expect(!(try tmux.capture()).contains("Toelichting (Enter"), "no separate question for the note")
        for _ in 2...18 { try tmux.send("Enter") }
        try tmux.waitFor("EXIT:0")
        let stored = try #require(try DossierStore(path: storePath).load().activity("campusbeurs-han")?.assessments.last)
        #expect(stored.verdict == .negatief)
        #expect(stored.answers[.inhoudelijkeLink] == .nee)
        #expect(stored.answers.note(.inhoudelijkeLink) == "geen link")
        // The second run: the note is shown with the answer; Enter through every question changes nothing and saves nothing.
        try tmux.waitFor("(nu: nee; toelichting: geen link)")
        for _ in 1...18 { try tmux.send("Enter") }
        let again = try tmux.waitFor("Niet opnieuw bewaard")
        #expect(again.contains("dit zegt de laatste afweging al"), "\(again)")
        #expect(try DossierStore(path: storePath).load().activity("campusbeurs-han")?.assessments.count == 1)
        // The third: Ctrl-C at the first question.
        try tmux.send("Enter")
        try tmux.waitFor("(1/18)", gone: ["Niet opnieuw bewaard"])
        try tmux.send("C-c")
        let stopped = try tmux.waitFor("EXIT:130")
        #expect(stopped.contains("dossier: afgebroken; de afweging is niet bewaard"), "\(stopped)")
        #expect(try DossierStore(path: storePath).load().activity("campusbeurs-han")?.assessments.count == 1)
    }
}

@Suite("docs/afweegkader.md")
struct AssessmentDocumentationTests {
    @Test("the complete example in docs/afweegkader.md is a valid proposal and weighs positive")
    func example() throws {
        let document = try String(contentsOfFile: Repository.path("docs/afweegkader.md"), encoding: .utf8)
        let begin = try #require(document.range(of: "<!-- example:begin -->\n```json\n"))
        let end = try #require(document.range(of: "```\n<!-- example:end -->"))
        let example = String(document[begin.upperBound..<end.lowerBound])
        let dossier = try DossierFile.decode(BundledDossier.bytes, file: "bundled")
        let proposal = try ProposalFile.decode(Array(example.utf8), file: "voorbeeld", dossier: dossier)
        let activity = try #require(proposal.activity)
        let result = Assessor.assess(activity, answers: proposal.answers, in: dossier)
        #expect(result.verdict == .positief, "\(result.reasons.map(\.text))")
        #expect(activity.id == "voorstel" && activity.status == .inAfweging)
    }

    @Test("every rule and question slug is described in docs/afweegkader.md")
    func slugs() throws {
        let document = try String(contentsOfFile: Repository.path("docs/afweegkader.md"), encoding: .utf8)
        for rule in AssessmentRule.allCases { #expect(document.contains("`\(rule.rawValue)`"), "\(rule.rawValue)") }
        for question in Question.allCases { #expect(document.contains("`\(question.rawValue)`"), "\(question.rawValue)") }
    }
}
