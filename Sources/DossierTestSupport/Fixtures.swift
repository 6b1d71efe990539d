import DossierCore

/// Small dossiers built in code, and fixed moments, for deterministic tests.
public enum Fixtures {
    /// 2026-11-22 09:00 UTC: "today" in tests.
    public static let now = Timestamp(date: CalendarDate(year: 2026, month: 11, day: 22)!, hour: 9)
    public static let clock = Clock.fixed(now)
    public static let context = ChangeContext(actor: "tester", timestamp: now, today: clock.today())

    /// A journal line as an older program wrote it, with its checksum: the entry without lineage and chain, and
    /// `schemaVersion` only from format 2 on (format 1 wrote none).
    public static func olderJournalLine(sequence: Int, schemaVersion: Int, change: String) -> String {
        let version = schemaVersion > 1 ? #""schemaVersion":\#(schemaVersion),"# : ""
        let body = #"{"seq":\#(sequence),\#(version)"at":"2026-11-22T09:00:00Z","by":"adviseur","today":"2026-11-22","summary":"stap \#(sequence)","change":\#(change)}"#
        return #"{"crc":"\#(CRC32.hex(CRC32.checksum(Array(body.utf8))))","entry":\#(body)}"# + "\n"
    }

    public static func date(_ iso: String) -> CalendarDate {
        guard let date = CalendarDate(iso: iso) else { preconditionFailure("bad date \(iso)") }
        return date
    }

    /// The history of an activity that was approved (or planned) by a decision of the college, for building
    /// activities that start out approved.
    public static func approved(_ status: ActivityStatus = .goedgekeurd, decision: String = "Besluit B&W 3 november 2026", overrideReason: String? = nil)
        -> [StatusChange<ActivityStatus>] {
        [StatusChange(date: date("2026-11-03"), from: nil, to: status, reason: "Activiteit toegevoegd", by: "tester", decision: decision,
                      overrideReason: overrideReason)]
    }

    /// Countries by ISO code, for building relations and activities.
    public static func countries(_ codes: String...) -> [Country] {
        codes.map { code in
            guard let country = Country(code: code) else { preconditionFailure("unknown country code \(code)") }
            return country
        }
    }

    /// A handful of relations and activities with accents, a laag-pitje relation, a visit and follow-ups.
    public static func smallDossier() -> Dossier {
        let kaderChange = StatusChange<RelationStatus>(date: date("2025-01-01"), from: .actief, to: .laagPitje,
                                                       reason: "Kader Internationalisering 2025-2030", by: "College van B&W",
                                                       reviewDate: date("2030-12-31"))
        let relations = [
            Relation(id: "taizhou", name: "Taizhou", kind: .vriendschapsrelatie, countries: countries("CN"), places: ["Taizhou"],
                     notes: "Vriendschapsrelatie", status: .laagPitje, reviewDate: date("2030-12-31"),
                     statusHistory: [kaderChange]),
            Relation(id: "rhone-alpes", name: "Rhône-Alpes", kind: .regio, countries: countries("FR"), places: ["Lyon", "Grenoble"],
                     sectors: [.farma], motives: [.economie], institutes: ["INSERM", "CNRS"], companies: ["Sanofi Pasteur"],
                     status: .verkennen),
            Relation(id: "pivot-park", name: "Pivot Park", kind: .partnerorganisatie, countries: countries("NL"), places: ["Oss"], sectors: [.farma],
                     contacts: [Contact(name: "Britta Driessen", organisation: "Pivot Park", role: "business development manager",
                                        consultedForFramework: true)],
                     status: .focus),
            Relation(id: "bom", name: "BOM", kind: .partnerorganisatie, status: .actief),
            Relation(id: "unesco-learning-cities", name: "UNESCO Learning Cities", kind: .netwerk, sectors: [.onderwijs], status: .focus),
        ]
        let activities = [
            Activity(id: "missie-lyon", title: "Handelsmissie Lyon", kind: .handelsmissie, status: .gepland,
                     relations: ["rhone-alpes"], organiser: .relation("bom"), startDate: date("2027-03-10"),
                     countries: countries("FR"), sectors: [.farma], budgetLine: "internationalisering", estimatedCost: Money(euros: 2500),
                     statusHistory: [StatusChange(date: date("2026-01-05"), from: nil, to: .gepland, reason: "", by: "tester")]),
            Activity(id: "delegatie-uit-lyon", title: "Delegatie uit Lyon", kind: .delegatiebezoek, status: .uitgevoerd,
                     relations: ["rhone-alpes", "pivot-park"], startDate: date("2026-06-12"), countries: countries("FR"),
                     budgetLine: "internationalisering", actualCost: Money(cents: 45_050),
                     participants: [Participant(name: "Jan de Vries", role: .ondernemer, organisation: "Osse Farma BV")],
                     followUps: [FollowUp(text: "Verslag naar de wethouder", due: date("2026-07-01")),
                                 FollowUp(text: "Uitnodiging terugbezoek", isDone: true)],
                     visit: VisitDetails(direction: .inkomend, delegationFrom: "Lyon", ledBy: "Marie Dupont", size: 6,
                                         hosts: ["burgemeester Buijs"], programme: "Pivot Park"),
                     statusHistory: [StatusChange(date: date("2026-06-12"), from: nil, to: .uitgevoerd, reason: "Bezoek vastgelegd", by: "tester")]),
        ]
        return Dossier(
            title: "Testdossier",
            framework: Framework(title: "Kader Internationalisering 2025-2030", firstYear: 2025, lastYear: 2030,
                                 hasEuropeStrategy: false, hasStrategicAgenda: false),
            budgetLines: [BudgetLine(id: "internationalisering", name: "Budget internationalisering", yearlyAmount: Money(euros: 16_000),
                                     firstYear: 2025, lastYear: 2030, isActivityBudget: true),
                          BudgetLine(id: "global-goals-platform-oss", name: "Bijdrage Global Goals Platform Oss",
                                     yearlyAmount: Money(euros: 11_459), firstYear: 2025, lastYear: 2030, isActivityBudget: false)],
            relations: relations, activities: activities,
            internalContacts: [Contact(name: "Frank den Brok", organisation: "Gemeente Oss", role: "wethouder economie")])
    }

    /// The small dossier with records kept by hand: Pivot Park's contact with e-mail and phone and a second
    /// contact, links on Pivot Park and on the trade mission, a follow-up and notes. For the record document.
    public static func keptDossier() throws -> Dossier {
        var dossier = smallDossier()
        let context = Fixtures.context
        try dossier.apply(.editContact(.relation("pivot-park"), "britta-driessen", [
            FieldEdit(field: "email", old: .text(""), new: .text("b.driessen@pivotpark.example")),
            FieldEdit(field: "phone", old: .text(""), new: .text("0412 000 000")),
        ]), context: context)
        try dossier.apply(.addContact(.relation("pivot-park"), Contact(name: "Eva de Wit", organisation: "Pivot Park", role: "communicatie",
                                                            notes: "Bereikbaar op dinsdag en donderdag")), context: context)
        try dossier.apply(.addLink(.relation("pivot-park"), Link(label: "Campusrapport", target: .url("https://www.pivotpark.example/rapport"))),
                          context: context)
        try dossier.apply(.addLink(.activity("missie-lyon"), Link(label: "Uitnodiging BOM", target: .path("/mnt/gedeeld/missie-lyon.pdf"))),
                          context: context)
        try dossier.apply(.editActivity("missie-lyon", [FieldEdit(field: "notes", old: .text(""), new: .text("Samen met de BOM; ondernemers uitnodigen."))]),
                          context: context)
        try dossier.apply(.addFollowUp("missie-lyon", FollowUp(text: "Deelnemers werven", due: date("2027-01-15"), owner: "adviseur")), context: context)
        return dossier
    }

    /// The small dossier with the BOM relation edited through the change path (hostile names, huge texts …).
    public static func smallDossier(editingBOM edit: (inout Relation) -> Void) throws -> Dossier {
        var dossier = smallDossier()
        guard var relation = dossier.relation("bom") else { preconditionFailure("the small dossier has BOM") }
        edit(&relation)
        try dossier.apply(.updateRelation(relation), context: context)
        return dossier
    }
}
