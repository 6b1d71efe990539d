import DossierCore
import DossierTestSupport
import Testing
@testable import DossierTUI

/// After a change the TUI updates its index from what the change touched; that must always give the
/// index a full rebuild gives.
@Suite("Index brought up to date per change")
struct IndexUpdateTests {
    let today = Fixtures.clock.today()

    @Test("edits in place, additions and removals update the index and its search keys; either way it equals a rebuild")
    func matchesRebuild() throws {
        var dossier = Fixtures.smallDossier()
        var index = DossierIndex(dossier: dossier, today: today, searchKeys: true)
        var renamed = try #require(dossier.relation("rhone-alpes"))
        renamed.name = "Auvergne-Rhône-Alpes"
        var relinked = try #require(dossier.activity("missie-lyon"))
        relinked.relations = ["pivot-park", "bom"]
        relinked.startDate = Fixtures.date("2026-01-05")
        relinked.title = "Aaa eerst in de lijst"
        let added = Activity(id: "bezoek-taizhou", title: "Bezoek uit Taizhou", kind: .kennisuitwisseling, status: .idee, relations: ["taizhou"],
                             startDate: Fixtures.date("2027-03-01"), estimatedCost: Money(euros: 900))
        let addedRelation = Relation(id: "aalborg", name: "Aalborg", kind: .vriendschapsrelatie, status: .verkennen)
        // Aalborg's only activity moves to BOM: Aalborg is left with none.
        var moved = Activity(id: "a2", title: "Tweede", kind: .beurs, status: .idee, relations: ["aalborg"])
        let steps: [(Change, Bool)] = [
            (.setRelationStatus("bom", status: .laagPitje, reason: "Kader", reviewDate: Fixtures.date("2026-12-01")), true),
            (.updateRelation(renamed), true),
            (.updateActivity(relinked), true),
            (.addActivity(added), true),
            (.moveActivity("bezoek-taizhou", status: .inAfweging, reason: "voorgelegd", overrideReason: nil), true),
            (.addFollowUp("delegatie-uit-lyon", FollowUp(text: "Verslag", due: Fixtures.date("2026-11-30"))), true),
            (.addRelation(addedRelation), true),
            (.batch([.addActivity(Activity(id: "a2", title: "Tweede", kind: .beurs, status: .idee, relations: ["aalborg"])),
                     .addFollowUp("missie-lyon", FollowUp(text: "Bellen"))], label: "twee"), true),
            (.updateActivity(moved), true),
            (.deleteActivity("bezoek-taizhou"), true),
            (.deleteActivity("missie-lyon"), true),
            (.deleteRelation("aalborg"), true),
            // Two removals in one batch: its places are those of the list before its first step.
            (.batch([.deleteActivity("delegatie-uit-lyon"), .deleteActivity("a2")], label: "twee weg"), true),
        ]
        for (planned, inPlace) in steps {
            var change = planned
            if case .updateActivity(let activity) = planned, activity.id == "a2", let stored = dossier.activity("a2") {
                moved = stored
                moved.relations = ["bom"]
                change = .updateActivity(moved)
            }
            let undo = try dossier.apply(change, context: Fixtures.context)
            let updated = index.update(after: undo, in: dossier, today: today)
            #expect(updated == inPlace, "\(change.summary(in: dossier))")
            if !updated { index = DossierIndex(dossier: dossier, today: today, searchKeys: true) }
            #expect(index == DossierIndex(dossier: dossier, today: today, searchKeys: true), "after \(change.summary(in: dossier))")
            // Undoing goes through the same path.
            var undone = dossier
            let redo = try undone.apply(.restore(undo), context: Fixtures.context)
            var undoneIndex = index
            if !undoneIndex.update(after: redo, in: undone, today: today) { undoneIndex = DossierIndex(dossier: undone, today: today, searchKeys: true) }
            #expect(undoneIndex == DossierIndex(dossier: undone, today: today, searchKeys: true), "undo of \(change.summary(in: dossier))")
        }
    }

    @Test("removing (also several at once, and beside additions) and putting back, in any order and anywhere in the lists, updates the index in place to what a rebuild makes")
    func removalsAndPutsBack() throws {
        var dossier = try DossierGenerator(relations: 40, activities: 300, seed: 11)
            .generate(framework: Fixtures.smallDossier().framework, budgetLines: Fixtures.smallDossier().budgetLines, today: today)
        var index = DossierIndex(dossier: dossier, today: today, searchKeys: true)
        var random = SeededGenerator(seed: 5)
        var undos: [Restoration] = []
        var inPlace = 0, rebuilt = 0
        for step in 0..<160 {
            let change: Change
            switch Int.random(in: 0..<12, using: &random) {
            case 10, 11:
                // Several removed at once (a batch): activities anywhere, and relations no activity uses.
                let activities = Set((0..<Int.random(in: 2...4, using: &random)).map { _ in dossier.activities.randomElement(using: &random)!.id })
                let unused = dossier.relations.filter { relation in !dossier.activities.contains { RelationOverview.linkedRelations($0).contains(relation.id) } }
                let relations = Set(unused.shuffled(using: &random).prefix(Int.random(in: 0...2, using: &random)).map(\.id))
                // Half the time a colleague also adds one after removing (taken in together: removals and additions).
                let added: [Change] = Bool.random(using: &random) ? [] : [
                    .addRelation(Relation(id: "erbij-\(step)", name: "Erbij \(step)", kind: .vriendschapsrelatie, status: .verkennen)),
                    .addActivity(Activity(id: "erbij-\(step)", title: "Erbij \(step)", kind: .beurs, relations: [dossier.relations[0].id])),
                ]
                change = .batch(activities.map(Change.deleteActivity) + relations.map(Change.deleteRelation) + added, label: "Opruimen")
            case 0..<3 where !undos.isEmpty:
                change = .restore(undos.removeLast())
            case 0..<4:
                change = .deleteActivity(dossier.activities.randomElement(using: &random)!.id)
            case 4:
                let unused = dossier.relations.filter { relation in !dossier.activities.contains { RelationOverview.linkedRelations($0).contains(relation.id) } }
                guard let relation = unused.randomElement(using: &random) else { continue }
                change = .deleteRelation(relation.id)
            case 5:
                let relation = dossier.relations.randomElement(using: &random)!.id
                change = .addActivity(Activity(id: "nieuw-\(step)", title: "Nieuw \(step)", kind: .beurs, status: .idee, relations: [relation],
                                               startDate: today.adding(days: step - 80)))
            case 6:
                change = .addRelation(Relation(id: "relatie-\(step)", name: "Relatie \(step)", kind: .vriendschapsrelatie, status: .verkennen))
            case 7:
                var activity = dossier.activities.randomElement(using: &random)!
                activity.title = "Hernoemd \(step)"
                activity.relations = [dossier.relations.randomElement(using: &random)!.id]
                change = .updateActivity(activity)
            default:
                var relation = dossier.relations.randomElement(using: &random)!
                relation.name = "Andere naam \(step)"
                change = .updateRelation(relation)
            }
            let summary = change.summary(in: dossier)
            let undo: Restoration
            do {
                undo = try dossier.apply(change, context: Fixtures.context)
            } catch {
                continue
            }
            if case .restore = change {} else { undos.append(undo) }
            if index.update(after: undo, in: dossier, today: today) {
                inPlace += 1
            } else {
                rebuilt += 1
                index = DossierIndex(dossier: dossier, today: today, searchKeys: true)
            }
            #expect(index == DossierIndex(dossier: dossier, today: today, searchKeys: true), "step \(step): \(summary)")
        }
        #expect(rebuilt == 0, "every one of these changes is in place (\(inPlace) in place)")
        #expect(inPlace > 100)
    }

    @Test("colleagues' removals taken in together, each recorded in the list the ones before it shortened, are followed in place")
    func colleaguesRemovals() throws {
        var dossier = try DossierGenerator(relations: 40, activities: 300, seed: 19)
            .generate(framework: Fixtures.smallDossier().framework, budgetLines: Fixtures.smallDossier().budgetLines, today: today)
        var index = DossierIndex(dossier: dossier, today: today, searchKeys: true)
        let ids = [dossier.activities[20].id, dossier.activities[21].id, dossier.activities[250].id, dossier.activities[3].id]
        var entries: [Restoration] = []
        for id in ids { entries.append(try dossier.apply(.deleteActivity(id), context: Fixtures.context)) }
        let accepted = index.update(after: entries, in: dossier, today: today)
        #expect(accepted)
        #expect(index == DossierIndex(dossier: dossier, today: today, searchKeys: true))
    }

    @Test("a removal recorded after an earlier change put one back before it is followed by a rebuild, within a batch in place; a file that repeats an id always is rebuilt")
    func placesItCannotFollow() throws {
        var dossier = try DossierGenerator(relations: 40, activities: 300, seed: 17)
            .generate(framework: Fixtures.smallDossier().framework, budgetLines: Fixtures.smallDossier().budgetLines, today: today)
        let first = try dossier.apply(.deleteActivity(dossier.activities[0].id), context: Fixtures.context)
        var index = DossierIndex(dossier: dossier, today: today, searchKeys: true)
        // Two colleagues' changes: the first activity put back at its place, then one further on removed. The second
        // place is in a list that holds the one put back, which the index does not.
        let putBack = try dossier.apply(.restore(first), context: Fixtures.context)
        let removal = try dossier.apply(.deleteActivity(dossier.activities[199].id), context: Fixtures.context)
        let accepted = index.update(after: [putBack, removal], in: dossier, today: today)
        #expect(!accepted)
        if !accepted { index = DossierIndex(dossier: dossier, today: today, searchKeys: true) }
        #expect(index == DossierIndex(dossier: dossier, today: today, searchKeys: true))
        // The same two steps as one batch: its restoration records places before its first step, followed in place.
        let again = try dossier.apply(.deleteActivity(dossier.activities[0].id), context: Fixtures.context)
        index = DossierIndex(dossier: dossier, today: today, searchKeys: true)
        let batch = try dossier.apply(.batch([.restore(again), .deleteActivity(dossier.activities[150].id)], label: ""), context: Fixtures.context)
        let batchAccepted = index.update(after: batch, in: dossier, today: today)
        #expect(batchAccepted)
        #expect(index == DossierIndex(dossier: dossier, today: today, searchKeys: true))

        let twin = dossier.activities[5]
        let withTwin = Dossier(title: dossier.title, framework: dossier.framework, budgetLines: dossier.budgetLines, relations: dossier.relations,
                               activities: dossier.activities + [twin])
        var twinIndex = DossierIndex(dossier: withTwin, today: today, searchKeys: true)
        // (Every change to such a file is refused; a restoration that names an activity in it is still not followed.)
        let touched = Restoration(label: "", activities: [Snapshot(id: withTwin.activities[9].id, value: withTwin.activities[9], position: 9)])
        let twinAccepted = twinIndex.update(after: touched, in: withTwin, today: today)
        #expect(!twinAccepted, "an id found twice names two places")
        twinIndex = DossierIndex(dossier: withTwin, today: today, searchKeys: true)
        #expect(twinIndex == DossierIndex(dossier: withTwin, today: today, searchKeys: true))
    }

    @Test("a change on a later day: the reminders are made anew for that day, as a rebuild makes them")
    func changeOnALaterDay() throws {
        var dossier = try DossierGenerator(relations: 40, activities: 300, seed: 13)
            .generate(framework: Fixtures.smallDossier().framework, budgetLines: Fixtures.smallDossier().budgetLines, today: today)
        var index = DossierIndex(dossier: dossier, today: today)
        let later = today.adding(days: 45)
        let undo = try dossier.apply(.deleteActivity(dossier.activities[150].id), context: Fixtures.context)
        let updated = index.update(after: undo, in: dossier, today: later)
        #expect(updated)
        let rebuilt = DossierIndex(dossier: dossier, today: later)
        #expect(index.reminders != DossierIndex(dossier: dossier, today: today).reminders, "the test needs reminders that differ per day")
        #expect(index == rebuilt)
    }

    @Test("others' changes taken in together: a removal recorded in a list an earlier removal shifted is refused, also beside a neighbour like it")
    func staleRemovalPlace() throws {
        var dossier = try DossierGenerator(relations: 40, activities: 300, seed: 11)
            .generate(framework: Fixtures.smallDossier().framework, budgetLines: Fixtures.smallDossier().budgetLines, today: today)
        let facets = dossier.activities.map(ActivityQuery.Facets.init)
        // C at p and B at p + 1 are alike in everything a list filters on, but are two activities.
        let p = try #require((2..<dossier.activities.count - 2).first {
            facets[$0] == facets[$0 + 1] && dossier.activities[$0].title != dossier.activities[$0 + 1].title
        })
        let x = dossier.activities[0].id, b = dossier.activities[p + 1].id
        var index = DossierIndex(dossier: dossier, today: today, searchKeys: true)
        // Ine deletes X; Piet deletes B, recorded at p (X's removal shifted it); Ine undoes hers, X back at 0. Taken in
        // together (`takeOthersChanges`): one removal, nothing added, X where it was; B's recorded place names C.
        let deleteX = try dossier.apply(.deleteActivity(x), context: Fixtures.context)
        let deleteB = try dossier.apply(.deleteActivity(b), context: Fixtures.context)
        let putBackX = try dossier.apply(.restore(deleteX), context: Fixtures.context)
        let accepted = index.update(after: [deleteX, deleteB, putBackX], in: dossier, today: today)
        #expect(!accepted, "B's recorded place holds C")
        if !accepted { index = DossierIndex(dossier: dossier, today: today, searchKeys: true) }
        #expect(index == DossierIndex(dossier: dossier, today: today, searchKeys: true))
    }

    @Test("after any change the lists are those a fresh screen makes, also when a change that touched no activity keeps the activity lists")
    func listsMatchFreshScreen() throws {
        var state = AppState(dossier: Fixtures.smallDossier(), today: today, width: 120, height: 40)
        state.activityQuery = ActivityQuery(relation: "bom")
        state.refreshRows()
        var renamed = try #require(state.dossier.relation("rhone-alpes"))
        renamed.name = "Aaa Rhône"
        let changes: [Change] = [
            .setRelationStatus("bom", status: .laagPitje, reason: "Kader", reviewDate: Fixtures.date("2026-12-01")),
            .updateRelation(renamed),
            .addRelation(Relation(id: "aalborg", name: "Aalborg", kind: .vriendschapsrelatie, status: .verkennen)),
            .addActivity(Activity(id: "bezoek-bom", title: "Bezoek BOM", kind: .delegatiebezoek, status: .idee, relations: ["bom"],
                                  startDate: Fixtures.date("2026-01-02"),
                                  visit: VisitDetails(direction: .inkomend, delegationFrom: "Eindhoven"))),
            .moveActivity("bezoek-bom", status: .inAfweging, reason: "voorgelegd", overrideReason: nil),
            .deleteRelation("aalborg"),
            .deleteActivity("bezoek-bom"),
        ]
        for change in changes {
            let undo = try state.dossier.apply(change, context: Fixtures.context)
            state.refreshAfterChange(undo)
            var fresh = AppState(dossier: state.dossier, today: today, width: 120, height: 40)
            fresh.activityQuery = state.activityQuery
            fresh.refreshRows()
            for section in Section.allCases {
                #expect(state.rows(section) == fresh.rows(section), "\(section) after \(change.summary(in: state.dossier))")
            }
        }
    }

    @Test("a save in the TUI keeps the lists in order and the selection on the saved item")
    func saveKeepsOrder() throws {
        let app = Harness()
        app.press(.character("2"))
        let before = app.state.rows(.activities)
        app.press(.character("/")).type("lyon").press(.enter)
        let selected = app.state.selectedID(in: .activities)
        app.press(.character("m"))
        #expect(app.state.form != nil, "m opens the life-cycle form")
        app.press(.tab).type("verder").press(.control("s"))
        #expect(app.store.committed.count == 1, "\(String(describing: app.state.message))")
        #expect(app.state.index.searchKeys != nil, "the search made the keys")
        #expect(app.state.index == DossierIndex(dossier: app.state.dossier, today: today, searchKeys: true))
        #expect(app.state.rows(.activities).count == before.count)
        #expect(app.state.selectedID(in: .activities) == selected)
    }
}
