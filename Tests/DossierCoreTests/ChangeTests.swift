import DossierCore
import DossierTestSupport
import Testing

@Suite("The change path")
struct ChangeTests {
    let context = Fixtures.context

    @Test("a relation and an activity never get one id: new ids step aside, a given one is refused, an older file still loads")
    func oneIDOneRecord() throws {
        var dossier = Fixtures.smallDossier()
        #expect(dossier.newActivityID(for: "Pivot Park") == "pivot-park-2")
        #expect(dossier.newRelationID(for: "Missie Lyon") == "missie-lyon-2")
        let refusals: [(Change, String)] = [
            (.addActivity(Activity(id: "pivot-park", title: "Pivot Park", kind: .beurs)),
             "id 'pivot-park' is al de id van relatie Pivot Park; kies een andere id"),
            (.addRelation(Relation(id: "missie-lyon", name: "Lyon", kind: .regio, status: .verkennen)),
             "id 'missie-lyon' is al de id van activiteit 'Handelsmissie Lyon'; kies een andere id"),
            (.batch([.addActivity(Activity(id: "nieuw", title: "Nieuw", kind: .beurs)),
                     .addRelation(Relation(id: "nieuw", name: "Nieuw", kind: .regio, status: .verkennen))], label: "Import"),
             "Import, onderdeel 2: id 'nieuw' is al de id van activiteit 'Nieuw'; kies een andere id"),
        ]
        for (change, message) in refusals {
            #expect(throws: ChangeError(.conflict, message, field: "id")) { try dossier.apply(change, context: context) }
            #expect(dossier == Fixtures.smallDossier(), "refused changes leave the dossier as it was")
        }
        // Putting back a deleted activity whose id a relation took since.
        let undo = try dossier.apply(.deleteActivity("missie-lyon"), context: context)
        try dossier.apply(.addRelation(Relation(id: "missie-lyon", name: "Lyon", kind: .regio, status: .verkennen)), context: context)
        #expect(throws: ChangeError(.conflict, "id 'missie-lyon' is al de id van relatie Lyon; kies een andere id", field: "id")) {
            try dossier.apply(.restore(undo), context: context)
        }
        // A line an older version wrote is replayed as it was accepted then.
        var replay = context
        replay.isReplay = true
        try dossier.apply(.addActivity(Activity(id: "bom", title: "BOM-dag", kind: .beurs)), context: replay)
        #expect(dossier.activity("bom") != nil && dossier.relation("bom") != nil)
        // Editing either of such a pair is no addition, and is not refused for the shared id.
        try dossier.apply(.editRelation("bom", [FieldEdit(field: "notes", old: .text(""), new: .text("Brabantse Ontwikkelings Maatschappij"))]),
                          context: context)
    }

    @Test("a decision or a reason to set a negative weighing aside is refused on a step that is no approval")
    func overrideOnlyWhenApproving() throws {
        var dossier = Fixtures.smallDossier()
        for (override, decision, field) in [("toch doen", nil, "overrideReason"), (nil, "Besluit B&W", "decision")] as [(String?, String?, String)] {
            #expect(throws: ChangeError(.invalid, "een besluit en een reden om van de afweging af te wijken horen bij goedkeuren, niet bij uitgevoerd",
                                        field: field)) {
                try dossier.apply(.moveActivity("missie-lyon", status: .uitgevoerd, reason: "", overrideReason: override, decision: decision),
                                  context: context)
            }
        }
        #expect(dossier == Fixtures.smallDossier())
    }

    @Test("setting laag pitje needs a reason and a review date after today, and records history")
    func laagPitje() throws {
        var dossier = Fixtures.smallDossier()
        let review = Fixtures.date("2027-11-22")
        #expect(throws: ChangeError.self) {
            try dossier.apply(.setRelationStatus("bom", status: .laagPitje, reason: " ", reviewDate: review), context: context)
        }
        do {
            try dossier.apply(.setRelationStatus("bom", status: .laagPitje, reason: "Kader", reviewDate: nil), context: context)
            Issue.record("laag pitje without review date was accepted")
        } catch {
            #expect(error.field == "reviewDate")
        }
        #expect(throws: ChangeError.self) {
            try dossier.apply(.setRelationStatus("bom", status: .laagPitje, reason: "Kader", reviewDate: Fixtures.date("2026-11-22")), context: context)
        }
        #expect(dossier == Fixtures.smallDossier(), "refused changes leave the dossier as it was")
        try dossier.apply(.setRelationStatus("bom", status: .laagPitje, reason: "Kader", reviewDate: review), context: context)
        let relation = try #require(dossier.relation("bom"))
        #expect(relation.status == .laagPitje)
        #expect(relation.reviewDate == review)
        #expect(relation.statusHistory.last == StatusChange(date: context.today, from: .actief, to: .laagPitje, reason: "Kader",
                                                           by: "tester", reviewDate: review))
    }

    @Test("leaving laag pitje clears the review date; the same status twice is refused, except as a review of laag pitje")
    func leavingLaagPitje() throws {
        var dossier = Fixtures.smallDossier()
        #expect(throws: ChangeError.self) {
            try dossier.apply(.setRelationStatus("bom", status: .actief, reason: "nogmaals", reviewDate: nil), context: context)
        }
        try dossier.apply(.setRelationStatus("taizhou", status: .verkennen, reason: "nieuw besluit", reviewDate: nil), context: context)
        #expect(dossier.relation("taizhou")?.reviewDate == nil)
        #expect(dossier.relation("taizhou")?.statusHistory.count == 2)
    }

    @Test("a review keeps laag pitje with a reason and a new review date after today, recorded as a review")
    func review() throws {
        var dossier = Fixtures.smallDossier()
        let before = dossier
        for (reason, date, field) in [("", "2029-01-01", "reason"), ("herijkt", nil, "reviewDate"), ("herijkt", "2026-11-22", "reviewDate"),
                                      ("herijkt", "2025-06-01", "reviewDate")] as [(String, String?, String)] {
            do {
                try dossier.apply(.setRelationStatus("taizhou", status: .laagPitje, reason: reason, reviewDate: date.map(Fixtures.date)), context: context)
                Issue.record("review accepted: \(reason) \(date ?? "-")")
            } catch {
                #expect(error.field == field, "\(error)")
            }
        }
        #expect(dossier == before, "a refused review changes nothing")
        try dossier.apply(.setRelationStatus("taizhou", status: .laagPitje, reason: "Herijking: blijft op een laag pitje",
                                             reviewDate: Fixtures.date("2032-01-01")), context: context)
        let relation = try #require(dossier.relation("taizhou"))
        #expect(relation.status == .laagPitje)
        #expect(relation.reviewDate == Fixtures.date("2032-01-01"))
        let review = try #require(relation.statusHistory.last)
        #expect(review.isReview && review.from == .laagPitje && review.to == .laagPitje)
        #expect(review.reason == "Herijking: blijft op een laag pitje" && review.by == "tester" && review.date == context.today)
        #expect(Change.setRelationStatus("taizhou", status: .laagPitje, reason: "x", reviewDate: Fixtures.date("2029-01-01")).summary(in: before)
                == "Herijking van Taizhou: blijft Laag pitje (volgende herijking 1-1-2029)")
        let december2030 = Fixtures.date("2030-12-10")
        #expect(Reminder.all(in: before, today: december2030, within: 30).contains { $0.title.contains("Taizhou") })
        #expect(!Reminder.all(in: dossier, today: december2030, within: 30).contains { $0.title.contains("Taizhou") }, "the review clears the signal")
    }

    @Test("every kind of change can be undone exactly by its restoration, and redone by the inverse")
    func undoRedo() throws {
        let changes: [Change] = [
            .setRelationStatus("bom", status: .verkennen, reason: "r", reviewDate: nil),
            .addRelation(Relation(id: "b7", name: "B7", kind: .samenwerkingsverband, status: .actief)),
            .updateRelation({ var r = Fixtures.smallDossier().relation("bom")!; r.notes = "nieuw"; return r }()),
            .deleteRelation("unesco-learning-cities"),
            .addActivity(Activity(id: "nieuw", title: "Nieuw", kind: .beurs)),
            .updateActivity({ var a = Fixtures.smallDossier().activity("missie-lyon")!; a.title = "Andere titel"; return a }()),
            .moveActivity("missie-lyon", status: .geannuleerd, reason: "gaat niet door", overrideReason: nil),
            .deleteActivity("delegatie-uit-lyon"),
            .addFollowUp("missie-lyon", FollowUp(text: "Bellen", due: Fixtures.date("2027-04-01"))),
            .setFollowUpDone("delegatie-uit-lyon", index: 0, isDone: true),
            .editFollowUp("delegatie-uit-lyon", FollowUpPlace(seen: FollowUp(text: "Uitnodiging terugbezoek", isDone: true)),
                          [FieldEdit(field: "due", old: .none, new: .text("2027-03-01")), FieldEdit(field: "owner", old: .text(""), new: .text("Kees"))]),
            .removeFollowUp("delegatie-uit-lyon", FollowUpPlace(0, in: Fixtures.smallDossier().activity("delegatie-uit-lyon")!.followUps)!),
        ]
        for change in changes {
            let original = Fixtures.smallDossier()
            var dossier = original
            let undo = try dossier.apply(change, context: context)
            let changed = dossier
            #expect(changed != original, "\(change) changed nothing")
            let redo = try dossier.apply(.restore(undo), context: context)
            #expect(dossier == original, "undo of \(change)")
            #expect(dossier.encoded() == original.encoded(), "undo of \(change) restores positions too")
            try dossier.apply(.restore(redo), context: context)
            #expect(dossier == changed, "redo of \(change)")
        }
    }

    @Test("a generated dossier's histories hold together: nothing dated after today, carried out not before the start, a review after the decision, a reason for rejecting and cancelling")
    func generatedHistoriesHoldTogether() throws {
        let today = Fixtures.date("2026-06-15")
        let dossier = try DossierGenerator(relations: 60, activities: 600, seed: 11)
            .generate(framework: Fixtures.smallDossier().framework, budgetLines: Fixtures.smallDossier().budgetLines, today: today)
        for relation in dossier.relations {
            for change in relation.statusHistory {
                #expect(change.date <= today && (change.reviewDate.map { $0 > change.date } ?? true), "\(relation.id)")
            }
        }
        for activity in dossier.activities {
            for change in activity.statusHistory {
                #expect(change.date <= today, "\(activity.id)")
                if change.to.isCarriedOut, let start = activity.startDate { #expect(change.date >= start, "\(activity.id)") }
                if change.to.endsWithoutGoingAhead { #expect(!change.reason.trimmingCharacters(in: .whitespaces).isEmpty, "\(activity.id)") }
            }
        }
        #expect(dossier.activities.contains { $0.status.isCarriedOut } && dossier.relations.contains { $0.status == .laagPitje })
    }

    @Test("after removing and putting back anywhere in the lists, every id is found at its place and a removed one not at all")
    func lookupsFollowRemovals() throws {
        var dossier = try DossierGenerator(relations: 30, activities: 120, seed: 3)
            .generate(framework: Fixtures.smallDossier().framework, budgetLines: Fixtures.smallDossier().budgetLines, today: context.today)
        var random = SeededGenerator(seed: 9)
        var undos: [(Restoration, String)] = []
        for step in 0..<120 {
            if step % 3 == 2, let (undo, id) = undos.popLast() {
                try dossier.apply(.restore(undo), context: context)
                #expect(dossier.activity(id)?.id == id || dossier.relation(id)?.id == id, "\(id) is back")
            } else if step % 5 == 4, let relation = dossier.relations.first(where: { relation in
                !dossier.activities.contains { RelationOverview.linkedRelations($0).contains(relation.id) } }) {
                undos.append((try dossier.apply(.deleteRelation(relation.id), context: context), relation.id))
                #expect(dossier.relation(relation.id) == nil)
            } else {
                let id = dossier.activities.randomElement(using: &random)!.id
                undos.append((try dossier.apply(.deleteActivity(id), context: context), id))
                #expect(dossier.activity(id) == nil && dossier.activityPosition(id) == nil)
            }
            for (place, activity) in dossier.activities.enumerated() { #expect(dossier.activityPosition(activity.id) == place, "step \(step)") }
            for (place, relation) in dossier.relations.enumerated() { #expect(dossier.relationPosition(relation.id) == place, "step \(step)") }
        }
    }

    @Test("a relation still in use cannot be deleted")
    func deleteInUse() throws {
        var dossier = Fixtures.smallDossier()
        do {
            try dossier.apply(.deleteRelation("rhone-alpes"), context: context)
            Issue.record("deleted a relation in use")
        } catch {
            #expect(error.kind == .conflict)
            #expect(error.message.contains("Handelsmissie Lyon"))
        }
    }

    @Test("an undo that would leave a dangling reference is refused and changes nothing")
    func danglingUndo() throws {
        var dossier = Fixtures.smallDossier()
        let undoAdd = try dossier.apply(.addRelation(Relation(id: "b7", name: "B7", kind: .samenwerkingsverband, status: .actief)), context: context)
        try dossier.apply(.addActivity(Activity(id: "b7-overleg", title: "B7-overleg", kind: .netwerkbijeenkomst, relations: ["b7"])), context: context)
        let before = dossier
        #expect(throws: ChangeError.self) { try dossier.apply(.restore(undoAdd), context: context) }
        #expect(dossier == before)
    }

    @Test("a refused undo of several changes at once is taken back step by step: the same file, every entity at its place")
    func refusedUndoLeavesPlaces() throws {
        var dossier = try DossierGenerator(relations: 30, activities: 120, seed: 3)
            .generate(framework: Fixtures.smallDossier().framework, budgetLines: Fixtures.smallDossier().budgetLines, today: context.today)
        try dossier.apply(.addRelation(Relation(id: "a7", name: "A7", kind: .samenwerkingsverband, status: .actief)), context: context)
        let addRelation = try dossier.apply(.addRelation(Relation(id: "b7", name: "B7", kind: .samenwerkingsverband, status: .actief)),
                                            context: context)
        // Removed and put back: undoing the putting back takes it out of the middle of the list.
        let putBack = try dossier.apply(.restore(try dossier.apply(.deleteActivity(dossier.activities[30].id), context: context)),
                                        context: context)
        // The same for a relation, before B7 in the list.
        let relationPutBack = try dossier.apply(.restore(try dossier.apply(.deleteRelation("a7"), context: context)), context: context)
        let removeFirst = try dossier.apply(.deleteActivity(dossier.activities[10].id), context: context)
        let removeSecond = try dossier.apply(.deleteActivity(dossier.activities[50].id), context: context)
        try dossier.apply(.addRelation(Relation(id: "c7", name: "C7", kind: .samenwerkingsverband, status: .actief)), context: context)
        let removeRelation = try dossier.apply(.deleteRelation("c7"), context: context)
        var retitled = dossier.activities[20]
        retitled.title += " (nieuwe titel)"
        let retitle = try dossier.apply(.updateActivity(retitled), context: context)
        var renamed = dossier.relations[4]
        renamed.name += " (hernoemd)"
        let rename = try dossier.apply(.updateRelation(renamed), context: context)
        // Kept out of the undo below: it still points at B7, so taking B7 away again must be refused.
        try dossier.apply(.addActivity(Activity(id: "b7-overleg", title: "B7-overleg", kind: .netwerkbijeenkomst, relations: ["b7"])),
                          context: context)
        let before = dossier.encoded()
        let undo = Restoration.combining([rename, retitle, removeRelation, removeSecond, removeFirst, putBack, relationPutBack, addRelation],
                                           label: "alles")

        // Refused by the last check, after every step was taken: B7 is still in use.
        let refusal = #expect(throws: ChangeError.self) { try dossier.apply(.restore(undo), context: context) }
        #expect(refusal?.message.contains("verwijst inmiddels naar 'b7'") == true, "\(String(describing: refusal))")
        #expect(dossier.encoded() == before)
        for (place, activity) in dossier.activities.enumerated() { #expect(dossier.activityPosition(activity.id) == place) }
        for (place, relation) in dossier.relations.enumerated() { #expect(dossier.relationPosition(relation.id) == place) }
        #expect(dossier.activity(retitled.id)?.title == retitled.title)
        for removed in removeFirst.activities + removeSecond.activities { #expect(dossier.activity(removed.id) == nil) }
        #expect(dossier.relationPosition("a7") == dossier.relations.count - 2 && dossier.relationPosition("b7") == dossier.relations.count - 1)
    }

    @Test("activities are checked: known relations, dates in order, visit details only for visits")
    func activityRules() {
        var dossier = Fixtures.smallDossier()
        let bad: [(Activity, String)] = [
            (Activity(id: "x", title: "X", kind: .beurs, relations: ["onbekend"]), "relations"),
            (Activity(id: "x", title: " ", kind: .beurs), "title"),
            (Activity(id: "x", title: "X", kind: .beurs, startDate: Fixtures.date("2027-02-02"), endDate: Fixtures.date("2027-02-01")), "endDate"),
            (Activity(id: "x", title: "X", kind: .delegatiebezoek), "visit"),
            (Activity(id: "x", title: "X", kind: .beurs, visit: VisitDetails(direction: .inkomend, delegationFrom: "Lyon")), "visit"),
            (Activity(id: "X Y", title: "X", kind: .beurs), "id"),
            (Activity(id: "x", title: "X", kind: .beurs, organiser: .relation("nergens")), "organiser"),
            (Activity(id: "missie-lyon", title: "X", kind: .beurs), "id"),
        ]
        for (activity, field) in bad {
            do {
                try dossier.apply(.addActivity(activity), context: context)
                Issue.record("accepted \(activity)")
            } catch {
                #expect(error.field == field, "\(error)")
            }
        }
        #expect(dossier == Fixtures.smallDossier())
    }

    @Test("editing cannot change the status behind the life cycle's back")
    func editKeepsStatus() throws {
        var dossier = Fixtures.smallDossier()
        var activity = try #require(dossier.activity("missie-lyon"))
        activity.status = .uitgevoerd
        #expect(throws: ChangeError.self) { try dossier.apply(.updateActivity(activity), context: context) }
        var relation = try #require(dossier.relation("taizhou"))
        relation.status = .focus
        #expect(throws: ChangeError.self) { try dossier.apply(.updateRelation(relation), context: context) }
    }
}

@Suite("Batch changes")
struct BatchTests {
    @Test("a batch applies all or nothing, and one restoration undoes it whole")
    func allOrNothing() throws {
        var dossier = Fixtures.smallDossier()
        let good: [Change] = [
            .addActivity(Activity(id: "a", title: "A", kind: .beurs)),
            .updateActivity({ var a = Fixtures.smallDossier().activity("missie-lyon")!; a.title = "Anders"; return a }()),
            .addFollowUp("a", FollowUp(text: "bel")),
        ]
        let undo = try dossier.apply(.batch(good, label: "Import"), context: Fixtures.context)
        #expect(dossier.activity("a")?.followUps.count == 1)
        #expect(dossier.activity("missie-lyon")?.title == "Anders")
        try dossier.apply(.restore(undo), context: Fixtures.context)
        #expect(dossier == Fixtures.smallDossier())
        let bad = good + [.addActivity(Activity(id: "b", title: "B", kind: .beurs, relations: ["nergens"]))]
        do {
            try dossier.apply(.batch(bad, label: "Import"), context: Fixtures.context)
            Issue.record("a bad batch was applied")
        } catch {
            #expect(error.message.hasPrefix("Import, onderdeel 4:"))
        }
        #expect(dossier == Fixtures.smallDossier())
    }

    @Test("undoing a batch puts every record back at its place also when a step edits one a later step removes, after a refusal, and at the end of a shorter list")
    func placesInHarderBatches() throws {
        func make() throws -> Dossier {
            try DossierGenerator(relations: 30, activities: 20, seed: 5)
                .generate(framework: Fixtures.smallDossier().framework, budgetLines: Fixtures.smallDossier().budgetLines, today: Fixtures.context.today)
        }
        var dossier = try make()
        let before = dossier.activities.map(\.id)
        let z = before[1], y = before[2]
        // Z is touched first (its place recorded then), Y after it removed, then Z removed.
        let editThenDelete = Change.batch([.addFollowUp(z, FollowUp(text: "bel")), .deleteActivity(y), .deleteActivity(z)], label: "B")
        let undo = try dossier.apply(editThenDelete, context: Fixtures.context)
        try dossier.apply(.restore(undo), context: Fixtures.context)
        #expect(dossier.activities.map(\.id) == before)
        // Inside a batch that is refused: every place as it was.
        #expect(throws: ChangeError.self) { try dossier.apply(.batch([editThenDelete, .deleteActivity("bestaat-niet")], label: "uit"), context: Fixtures.context) }
        #expect(dossier.activities.map(\.id) == before)
        // Two added, taken away, the list shortened, put back: in their order, at the end.
        let added = try dossier.apply(.batch([.addActivity(Activity(id: "x", title: "X", kind: .beurs)),
                                              .addActivity(Activity(id: "y", title: "Y", kind: .beurs))], label: "B"), context: Fixtures.context)
        let redo = try dossier.apply(.restore(added), context: Fixtures.context)
        try dossier.apply(.deleteActivity(dossier.activities[0].id), context: Fixtures.context)
        try dossier.apply(.restore(redo), context: Fixtures.context)
        #expect(Array(dossier.activities.map(\.id).suffix(2)) == ["x", "y"])
        // The last two removed top down, the list shortened, put back: in their order, at the end.
        var other = try make()
        let count = other.activities.count
        let last = [other.activities[count - 2].id, other.activities[count - 1].id]
        let removal = try other.apply(.batch([.deleteActivity(last[0]), .deleteActivity(last[1])], label: "B"), context: Fixtures.context)
        try other.apply(.deleteActivity(other.activities[0].id), context: Fixtures.context)
        try other.apply(.deleteActivity(other.activities[0].id), context: Fixtures.context)
        try other.apply(.restore(removal), context: Fixtures.context)
        #expect(Array(other.activities.map(\.id).suffix(2)) == last)
    }

    @Test("undoing a batch that removed or added several puts every record back at its place; redoing it makes the same file")
    func placesAfterUndoAndRedo() throws {
        var dossier = try DossierGenerator(relations: 30, activities: 120, seed: 5)
            .generate(framework: Fixtures.smallDossier().framework, budgetLines: Fixtures.smallDossier().budgetLines, today: Fixtures.context.today)
        var random = SeededGenerator(seed: 21)
        for round in 0..<60 {
            // One removed before the batch, for the batch to put back in the middle of the list.
            let spare = try dossier.apply(.deleteActivity(dossier.activities.randomElement(using: &random)!.id), context: Fixtures.context)
            let before = dossier.encoded()
            var changes: [Change] = Array(Set((0..<Int.random(in: 2...6, using: &random)).map { _ in dossier.activities.randomElement(using: &random)!.id }))
                .shuffled(using: &random).map(Change.deleteActivity)
            let unused = dossier.relations.filter { relation in !dossier.activities.contains { RelationOverview.linkedRelations($0).contains(relation.id) } }
            changes += unused.shuffled(using: &random).prefix(Int.random(in: 0...3, using: &random)).map { Change.deleteRelation($0.id) }
            if round.isMultiple(of: 2) {
                changes = (0..<Int.random(in: 2...4, using: &random)).flatMap { index in
                    [Change.addRelation(Relation(id: "r-\(round)-\(index)", name: "R \(round) \(index)", kind: .vriendschapsrelatie, status: .verkennen)),
                     Change.addActivity(Activity(id: "a-\(round)-\(index)", title: "A \(round) \(index)", kind: .beurs))]
                }
            }
            if round % 3 == 1 {
                // Mixed: one edited and later removed, one put back, one added, and the first steps in a batch of their own.
                let picked = Array(dossier.activities.shuffled(using: &random).prefix(4).map(\.id))
                let steps: [Change] = [.addFollowUp(picked[0], FollowUp(text: "bel \(round)")), .deleteActivity(picked[1]),
                                       .addActivity(Activity(id: "m-\(round)", title: "M \(round)", kind: .beurs))]
                changes = [.batch(steps, label: "binnen"), .restore(spare), .deleteActivity(picked[0]),
                           .addFollowUp(picked[2], FollowUp(text: "mail \(round)")), .deleteActivity(picked[3]), .deleteActivity(picked[2])]
                changes.shuffle(using: &random)
                // A follow-up comes before its activity is removed (picked[0]'s is in the inner batch).
                for id in [picked[0], picked[2]] {
                    let follow = changes.firstIndex {
                        switch $0 {
                        case .addFollowUp(id, _): true
                        case .batch: id == picked[0]
                        default: false
                        }
                    }
                    let removal = changes.firstIndex { if case .deleteActivity(id) = $0 { true } else { false } }
                    if let follow, let removal, removal < follow { changes.swapAt(follow, removal) }
                }
            }
            let undo: Restoration
            do {
                undo = try dossier.apply(.batch(changes, label: "Opruimen"), context: Fixtures.context)
            } catch {
                Issue.record("round \(round): \(error.message)")
                #expect(dossier.encoded() == before, "round \(round): a refused batch leaves every place")
                continue
            }
            let after = dossier.encoded()
            let redo = try dossier.apply(.restore(undo), context: Fixtures.context)
            #expect(dossier.encoded() == before, "round \(round): undo")
            let undoAgain = try dossier.apply(.restore(redo), context: Fixtures.context)
            #expect(dossier.encoded() == after, "round \(round): redo")
            try dossier.apply(.restore(undoAgain), context: Fixtures.context)
            #expect(dossier.encoded() == before, "round \(round): undo of the redo")
            if Bool.random(using: &random) { try dossier.apply(.restore(redo), context: Fixtures.context) }
        }
    }
}
