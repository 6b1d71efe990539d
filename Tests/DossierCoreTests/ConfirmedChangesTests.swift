import DossierCore
import DossierTestSupport
import Foundation
import Testing

/// Whatever the store confirms, the dossier compacts and loads: random sequences of valid and invalid
/// changes of every kind, read back through the JSON codec as `dossier apply` reads them, committed on a
/// real store that compacts often. A refused change leaves the dossier exactly as it was.
@Suite("Confirmed changes always load")
struct ConfirmedChangesTests {
    @Test("random changes of every kind, valid and invalid: what was confirmed always compacts and loads")
    func randomChanges() throws {
        var confirmedByKind: [String: Int] = [:]
        var refusedByKind: [String: Int] = [:]
        for seed: UInt64 in [11, 23, 37, 41] {
            try run(seed: seed, confirmedByKind: &confirmedByKind, refusedByKind: &refusedByKind)
        }
        // The generator must really reach every kind, both ways, or the test proves little.
        for kind in RandomChange.kinds {
            #expect(confirmedByKind[kind, default: 0] > 0, "no \(kind) was ever confirmed (\(confirmedByKind))")
            #expect(refusedByKind[kind, default: 0] > 0, "no \(kind) was ever refused (\(refusedByKind))")
        }
    }

    func run(seed: UInt64, confirmedByKind: inout [String: Int], refusedByKind: inout [String: Int]) throws {
        let directory = TemporaryDirectory()
        let path = directory.file("dossier.json")
        try directory.write("dossier.json", Fixtures.smallDossier().encoded())
        var configuration = StoreConfiguration()
        configuration.journalEntryLimit = 6
        configuration.backupsToKeep = 3
        configuration.lockWait = 0
        let store = DossierStore(path: path, configuration: configuration)
        try store.openForWriting(actor: "tester")
        var dossier = try store.load()
        var random = SeededGenerator(seed: seed)
        for step in 0..<800 {
            let generated = RandomChange.make(in: dossier, using: &random)
            // Through the codec, as `dossier apply` and the journal read it; what the codec refuses (a negative
            // index …) goes in as a front end could build it, and must be refused by the rules instead.
            var writer = JSONWriter(pretty: false)
            generated.write(to: &writer)
            let change = (try? JSONReader.read(writer.bytes) { (reader: inout JSONReader) throws(JSONError) in try Change(reading: &reader) }) ?? generated
            let before = dossier
            let kind = RandomChange.kind(of: change)
            do {
                try store.commit(change, to: &dossier, context: Fixtures.context)
                confirmedByKind[kind, default: 0] += 1
            } catch {
                refusedByKind[kind, default: 0] += 1
                #expect(dossier == before, "seed \(seed) step \(step): a refused \(kind) left the dossier changed: \(error)")
            }
            if step % 50 == 49 {
                try store.compact(dossier, at: Fixtures.now)
                let loaded = try DossierStore(path: path).load()
                #expect(loaded == dossier, "seed \(seed) step \(step): the loaded dossier differs from the confirmed one")
                #expect(DossierValidator.problems(in: loaded).isEmpty, "seed \(seed) step \(step): \(DossierValidator.problems(in: loaded).prefix(3))")
            }
        }
        let loaded = try DossierStore(path: path).load()
        #expect(loaded == dossier, "seed \(seed)")
    }

    @Test("a restore that names another id, a negative position, or removes a relation others use is refused and writes nothing")
    func hostileRestores() throws {
        var dossier = Fixtures.smallDossier()
        let bom = try #require(dossier.relation("bom"))
        let taizhou = try #require(dossier.relation("taizhou"))
        var renamed = bom
        renamed.id = "iets-anders"
        let cases: [(String, Restoration)] = [
            ("ander id", Restoration(label: "x", relations: [Snapshot(id: "bom", value: renamed, position: 3)])),
            ("twee keer", Restoration(label: "x", relations: [Snapshot(id: "bom", value: bom, position: 3), Snapshot(id: "bom", value: nil, position: 3)])),
            ("negatieve positie", Restoration(label: "x", relations: [Snapshot(id: "nieuw", value: nil, position: -1)])),
            ("negatieve positie bij toevoegen", Restoration(label: "x", relations: [Snapshot(id: "taizhou", value: nil, position: 0),
                                                                                   Snapshot(id: "taizhou-2", value: { var copy = taizhou; copy.id = "taizhou-2"; return copy }(), position: -5)])),
            ("gebruikt door een activiteit", Restoration(label: "x", relations: [Snapshot(id: "bom", value: nil, position: 3)])),
            ("gebruikt als via", {
                var dependent = taizhou
                dependent.via = "rhone-alpes"
                return Restoration(label: "x", relations: [Snapshot(id: "taizhou", value: dependent, position: 0),
                                                           Snapshot(id: "rhone-alpes", value: nil, position: 1)])
            }()),
            ("dubbele id", Restoration(label: "x", activities: [Snapshot(id: "missie-lyon-2", value: {
                var copy = dossier.activities[0]
                copy.id = "missie-lyon"
                return copy
            }(), position: 0)])),
        ]
        for (name, restoration) in cases {
            let before = dossier
            #expect(throws: ChangeError.self, "\(name)") { try dossier.apply(.restore(restoration), context: Fixtures.context) }
            #expect(dossier == before, "\(name): the dossier is as it was")
            #expect(DossierValidator.problems(in: dossier).isEmpty, "\(name)")
        }
        // A budget line's relation cannot be removed by a restore either.
        var withLine = Fixtures.smallDossier()
        let lined = try Dossier(decoding: Array(String(decoding: withLine.encoded(), as: UTF8.self)
            .replacingOccurrences(of: #""activityBudget": true"#, with: #""relation": "taizhou", "activityBudget": true"#).utf8))
        withLine = lined
        #expect(throws: ChangeError.self) {
            try withLine.apply(.restore(Restoration(label: "x", relations: [Snapshot(id: "taizhou", value: nil, position: 0)])), context: Fixtures.context)
        }
    }
}

/// Changes of every kind made up at random from a dossier's current state: about half break a rule.
enum RandomChange {
    static let kinds = ["set-relation-status", "add-relation", "update-relation", "delete-relation", "add-activity", "update-activity",
                        "move-activity", "delete-activity", "add-follow-up", "set-follow-up-done", "record-assessment", "restore", "batch",
                        "edit-relation", "edit-activity", "add-contact", "edit-contact", "remove-contact", "add-link", "edit-link", "remove-link",
                        "edit-follow-up", "remove-follow-up", "set-budget-amount", "set-policy"]

    static func kind(of change: Change) -> String {
        switch change {
        case .setRelationStatus: "set-relation-status"
        case .addRelation: "add-relation"
        case .updateRelation: "update-relation"
        case .deleteRelation: "delete-relation"
        case .addActivity: "add-activity"
        case .updateActivity: "update-activity"
        case .moveActivity: "move-activity"
        case .deleteActivity: "delete-activity"
        case .addFollowUp: "add-follow-up"
        case .setFollowUpDone: "set-follow-up-done"
        case .recordAssessment: "record-assessment"
        case .restore: "restore"
        case .batch: "batch"
        case .editRelation: "edit-relation"
        case .editActivity: "edit-activity"
        case .addContact: "add-contact"
        case .editContact: "edit-contact"
        case .removeContact: "remove-contact"
        case .addLink: "add-link"
        case .editLink: "edit-link"
        case .removeLink: "remove-link"
        case .editFollowUp: "edit-follow-up"
        case .removeFollowUp: "remove-follow-up"
        case .setBudgetAmount: "set-budget-amount"
        case .setPolicy: "set-policy"
        }
    }

    static let templates = Fixtures.smallDossier()

    static func make(in dossier: Dossier, using random: inout SeededGenerator, depth: Int = 0) -> Change {
        // New entities are made from existing ones, or from the small fixture once the dossier has run out.
        let relation = Optional(random.pick(dossier.relations.isEmpty ? templates.relations : dossier.relations))
        let activity = Optional(random.pick(dossier.activities.isEmpty ? templates.activities : dossier.activities))
        // Removals are rarer than additions, so the dossier keeps something to change.
        let weights = [4, 3, 4, 2, 5, 4, 5, 2, 4, 3, 2, 3, depth == 0 ? 2 : 0, 4, 4, 3, 3, 1, 5, 4, 1, 3, 2, 2, 1]
        var roll = random.int(0...(weights.reduce(0, +) - 1))
        var choice = 0
        while roll >= weights[choice] {
            roll -= weights[choice]
            choice += 1
        }
        switch choice {
        case 0:
            let status = random.pick(RelationStatus.allCases)
            return .setRelationStatus(relationID(dossier, &random), status: status, reason: random.chance(0.15) ? " " : "reden",
                                      reviewDate: random.chance(0.7) ? date(&random) : nil)
        case 1:
            guard var value = relation else { return .deleteRelation("x") }
            value.id = random.chance(0.7) ? "r-\(random.int(0...60))" : random.pick(["Ongeldig Id", value.id, "gemeente", ""])
            value.name = random.chance(0.9) ? "Relatie \(random.int(0...999))" : "  "
            value.statusHistory = random.chance(0.8) ? [] : value.statusHistory
            value.via = random.chance(0.2) ? relationID(dossier, &random) : nil
            value.contacts = random.chance(0.2) ? [Contact(name: random.chance(0.5) ? "" : "Piet", email: random.pick(["", "geen-mail", "p@x.nl"]))] : []
            return .addRelation(value)
        case 2:
            guard var value = relation else { return .deleteRelation("x") }
            value.name = random.chance(0.9) ? value.name + "!" : ""
            if random.chance(0.2) { value.via = random.chance(0.5) ? value.id : relationID(dossier, &random) }
            if random.chance(0.1) { value.status = random.pick(RelationStatus.allCases) }
            value.notes = "bewerkt \(random.int(0...99))"
            return .updateRelation(value)
        case 3:
            return .deleteRelation(relationID(dossier, &random))
        case 4:
            guard var value = activity else { return .deleteActivity("x") }
            value.id = random.chance(0.7) ? "a-\(random.int(0...80))" : random.pick(["Ongeldig", value.id, ""])
            value.title = random.chance(0.9) ? "Activiteit \(random.int(0...999))" : ""
            value.relations = (0..<random.int(0...3)).map { _ in relationID(dossier, &random) }
            value.organiser = random.chance(0.7) ? .municipality : .relation(relationID(dossier, &random))
            value.startDate = random.chance(0.8) ? date(&random) : nil
            value.endDate = random.chance(0.3) ? date(&random) : nil
            value.estimatedCost = random.chance(0.8) ? Money(cents: Int64(random.int(-500...2_000_000))) : nil
            value.statusHistory = []
            value.assessments = []
            return .addActivity(value)
        case 5:
            guard var value = activity else { return .deleteActivity("x") }
            value.title = random.chance(0.9) ? value.title + "." : " "
            value.relations = random.chance(0.8) ? value.relations : [relationID(dossier, &random)]
            value.endDate = random.chance(0.3) ? date(&random) : value.endDate
            if random.chance(0.1) { value.status = random.pick(ActivityStatus.allCases) }
            if random.chance(0.05) { value.assessments = [] }
            return .updateActivity(value)
        case 6:
            let id = activityID(dossier, &random)
            let allowed = dossier.activity(id)?.status.allowedNextStates ?? []
            let status = random.chance(0.7) && !allowed.isEmpty ? random.pick(allowed) : random.pick(ActivityStatus.allCases)
            return .moveActivity(id, status: status, reason: "stap", overrideReason: random.chance(0.3) ? "toch" : nil)
        case 7:
            return .deleteActivity(activityID(dossier, &random))
        case 8:
            return .addFollowUp(activityID(dossier, &random), FollowUp(text: random.chance(0.8) ? "doen \(random.int(0...99))" : " ",
                                                                       due: random.chance(0.5) ? date(&random) : nil))
        case 9:
            let id = activityID(dossier, &random)
            let count = dossier.activity(id)?.followUps.count ?? 0
            return .setFollowUpDone(id, index: random.chance(0.7) && count > 0 ? random.int(0...(count - 1)) : random.int(-1...5), isDone: random.chance(0.5))
        case 10:
            let assessment = Assessment(timestamp: Fixtures.now, by: "x", answers: AssessmentAnswers(), verdict: random.pick(Verdict.allCases),
                                        reasons: [], missing: [])
            return .recordAssessment(activityID(dossier, &random), assessment)
        case 11:
            return .restore(restoration(dossier, &random))
        case 12:
            return .batch((0..<random.int(1...4)).map { _ in make(in: dossier, using: &random, depth: depth + 1) }, label: "Reeks")
        case 13:
            guard let relation else { return .deleteRelation("x") }
            return .editRelation(random.chance(0.9) ? relation.id : "onbekend", edits(Relation.fields, relation, dossier, &random))
        case 14:
            guard let activity else { return .deleteActivity("x") }
            return .editActivity(random.chance(0.9) ? activity.id : "onbekend", edits(Activity.fields, activity, dossier, &random))
        case 15:
            let contact = Contact(id: random.chance(0.8) ? "" : random.pick(["Ongeldig Id", "piet"]), name: random.chance(0.85) ? "Piet \(random.int(0...9))" : " ",
                                  email: random.pick(["", "p@x.nl", "geen-adres"]), phone: random.pick(["", "+31 412 123456", "bel mij"]))
            return .addContact(random.chance(0.2) ? .municipality : .relation(relationID(dossier, &random)), contact)
        case 16:
            if random.chance(0.2), let contact = dossier.internalContacts.randomElement(using: &random) {
                return .editContact(.municipality, random.chance(0.9) ? contact.id : "niemand", edits(Contact.fields, contact, dossier, &random))
            }
            guard let owner = dossier.relations.filter({ !$0.contacts.isEmpty }).randomElement(using: &random),
                  let contact = owner.contacts.randomElement(using: &random) else { return .removeContact(.relation(relationID(dossier, &random)), "niemand") }
            return .editContact(.relation(owner.id), random.chance(0.9) ? contact.id : "niemand", edits(Contact.fields, contact, dossier, &random))
        case 17:
            if random.chance(0.2) {
                return .removeContact(.municipality, dossier.internalContacts.randomElement(using: &random)?.id ?? "niemand")
            }
            let owner = dossier.relations.filter { !$0.contacts.isEmpty }.randomElement(using: &random)
            return .removeContact(.relation(owner?.id ?? relationID(dossier, &random)), owner?.contacts.randomElement(using: &random)?.id ?? "niemand")
        case 18:
            let target: LinkTarget = random.chance(0.5) ? .url(random.pick(["https://oss.nl/besluit", "geen url", ""])) : .path(random.pick(["/mnt/b.pdf", ""]))
            return .addLink(owner(dossier, &random), Link(label: random.chance(0.85) ? "Besluit \(random.int(0...9))" : "", target: target))
        case 19:
            let owner = owner(dossier, &random)
            guard let link = links(of: owner, in: dossier).randomElement(using: &random) else { return .removeLink(owner, "geen") }
            return .editLink(owner, link.id, edits(Link.fields, link, dossier, &random))
        case 20:
            let owner = owner(dossier, &random)
            return .removeLink(owner, links(of: owner, in: dossier).randomElement(using: &random)?.id ?? "geen")
        case 21:
            // Mostly the follow-up as it is; sometimes one whose action changed meanwhile, or a place that is not there.
            let id = activityID(dossier, &random)
            let followUps = dossier.activity(id)?.followUps ?? []
            guard let index = followUps.indices.randomElement(using: &random), var place = FollowUpPlace(index, in: followUps) else {
                return .editFollowUp(id, FollowUpPlace(seen: FollowUp(text: "x")), [])
            }
            if random.chance(0.1) { place.seen.text = "verouderd" }
            if random.chance(0.05) { place.count += 1 }
            return .editFollowUp(id, place, edits(FollowUp.fields, followUps[index], dossier, &random))
        case 23:
            // A year's amount set, put back to the yearly amount, or seen stale; now and then a line or a year that is not there.
            let line = random.chance(0.9) ? random.pick(dossier.budgetLines) : BudgetLine(id: "onbekend", name: "?", yearlyAmount: .zero, isActivityBudget: false)
            let year = random.chance(0.95) ? random.int(2024...2033) : 3000
            let amount: Money? = random.chance(0.25) ? nil : Money(cents: Int64(random.pick([0, 1_200_000, 1_600_000, 2_000_000, Int(Money.maximum.cents) + 1])))
            let seen = random.chance(0.5) ? nil : random.chance(0.85) ? line.amount(in: year) : Money(cents: 1)
            return .setBudgetAmount(line.id, year: year, amount: amount, seen: seen, decision: random.chance(0.9) ? "Raadsbesluit" : " ")
        case 24:
            return .setPolicy(random.pick(PolicyPiece.allCases), isThere: random.chance(0.5), decision: random.chance(0.9) ? "Raadsbesluit" : "")
        default:  // 22
            let id = activityID(dossier, &random)
            let followUps = dossier.activity(id)?.followUps ?? []
            guard let index = followUps.indices.randomElement(using: &random), var place = FollowUpPlace(index, in: followUps) else {
                return .removeFollowUp(id, FollowUpPlace(seen: FollowUp(text: "x")))
            }
            if random.chance(0.1) { place.seen.isDone.toggle() }
            if random.chance(0.05) { place.occurrence = place.count }
            return .removeFollowUp(id, place)
        }
    }

    /// One to three edits of fields in `table`: mostly seen right (old = current), sometimes stale; new values
    /// copied from another field of the same shape or emptied, so some break a rule.
    static func edits<Entity>(_ table: FieldTable<Entity>, _ entity: Entity, _ dossier: Dossier, _ random: inout SeededGenerator) -> [FieldEdit] {
        (0..<random.int(1...3)).map { _ in
            let field = random.pick(table.fields)
            let current = field.value(of: entity)
            let old = random.chance(0.85) ? current : .text("verouderd")
            let new: FieldValue = switch current {
            case .text(let text): random.chance(0.8) ? .text(text + " *") : .text("")
            case .list(let items): random.chance(0.7) ? .list(items + [random.pick(["NL", "farma", "Oss", "onbekend"])]) : .list([])
            case .number(let number): .number(random.chance(0.8) ? number + 100 : -number - 1)
            case .flag(let flag): .flag(!flag)
            case .none: random.pick([.none, .text("2027-05-01"), .number(1_000), .text("onbekend")])
            }
            return FieldEdit(field: random.chance(0.95) ? field.key : "bestaat-niet", old: old, new: new)
        }
    }

    static func owner(_ dossier: Dossier, _ random: inout SeededGenerator) -> EntityReference {
        random.chance(0.5) ? .relation(relationID(dossier, &random)) : .activity(activityID(dossier, &random))
    }

    static func links(of owner: EntityReference, in dossier: Dossier) -> [Link] {
        switch owner {
        case .relation(let id): dossier.relation(id)?.links ?? []
        case .activity(let id): dossier.activity(id)?.links ?? []
        }
    }

    /// Entities put back as they are, changed, removed or re-added, at sane and insane positions.
    static func restoration(_ dossier: Dossier, _ random: inout SeededGenerator) -> Restoration {
        var relations: [Snapshot<Relation>] = []
        var activities: [Snapshot<Activity>] = []
        for _ in 0..<random.int(1...3) {
            let position = random.chance(0.8) ? random.int(0...dossier.relations.count) : random.pick([-1, Int.max, 1_000_000])
            if random.chance(0.5), let relation = dossier.relations.isEmpty ? nil : random.pick(dossier.relations) {
                var value = relation
                if random.chance(0.2) { value.id = "r-\(random.int(0...9))" }
                if random.chance(0.2) { value.name = "" }
                relations.append(Snapshot(id: random.chance(0.9) ? relation.id : "r-\(random.int(0...9))",
                                          value: random.chance(0.15) ? nil : value, position: position))
            } else if let activity = dossier.activities.isEmpty ? nil : random.pick(dossier.activities) {
                var value = activity
                if random.chance(0.2) { value.relations = ["onbekend"] }
                activities.append(Snapshot(id: random.chance(0.9) ? activity.id : "a-\(random.int(0...9))",
                                           value: random.chance(0.15) ? nil : value, position: position))
            }
        }
        // Now and then a budget line put back as it is, with another year's amount, or taken away (refused).
        var lines: [Snapshot<BudgetLine>] = []
        if random.chance(0.2), let line = dossier.budgetLines.isEmpty ? nil : random.pick(dossier.budgetLines) {
            var value = line
            if random.chance(0.5) { value.amountsByYear[random.int(2025...2032)] = Money(euros: Int64(random.int(0...20_000))) }
            lines.append(Snapshot(id: line.id, value: random.chance(0.1) ? nil : value, position: 0))
        }
        return Restoration(label: "Terug", relations: relations, activities: activities, budgetLines: lines)
    }

    static func relationID(_ dossier: Dossier, _ random: inout SeededGenerator) -> RelationID {
        random.chance(0.85) && !dossier.relations.isEmpty ? random.pick(dossier.relations).id : random.pick(["onbekend", "gemeente", "r-1"])
    }

    static func activityID(_ dossier: Dossier, _ random: inout SeededGenerator) -> ActivityID {
        random.chance(0.85) && !dossier.activities.isEmpty ? random.pick(dossier.activities).id : "onbekend"
    }

    static func date(_ random: inout SeededGenerator) -> CalendarDate {
        CalendarDate(year: random.int(2020...2032), month: random.int(1...12), day: random.int(1...28)) ?? Fixtures.date("2027-01-01")
    }
}
