import DossierTestSupport
import Testing
@testable import DossierCore

/// The reminders brought up to date per change are always those made from the whole dossier, in the same order,
/// also among reminders of the same day and the same text (then reviews first, then by place in the dossier).
@Suite("Reminders brought up to date per change")
struct ReminderUpdateTests {
    let context = Fixtures.context

    @Test("follow-ups added, done and removed with their activity, put back, relations to laag pitje and renamed: always what a full pass gives",
          arguments: [1, 2, 3] as [UInt64])
    func matchesAll(seed: UInt64) throws {
        let today = context.today
        var dossier = try DossierGenerator(relations: 30, activities: 200, seed: seed)
            .generate(framework: Fixtures.smallDossier().framework, budgetLines: Fixtures.smallDossier().budgetLines, today: today)
        var reminders = Reminder.all(in: dossier, today: today, within: 60)
        var random = SeededGenerator(seed: seed)
        var undos: [Restoration] = []
        // Few texts and few days: many reminders share both, so their order comes from the tie-breaks.
        let texts = ["Bellen", "Verslag", "Aanvraag"]
        let days = [-3, 0, 10, 10, 59, 61]
        var tied = 0
        for step in 0..<150 {
            let change: Change
            switch Int.random(in: 0..<10, using: &random) {
            case 0..<2 where !undos.isEmpty:
                change = .restore(undos.removeLast())
            case 0..<4:
                change = .deleteActivity(dossier.activities.randomElement(using: &random)!.id)
            case 4:
                let relation = dossier.relations.randomElement(using: &random)!
                guard relation.status != .laagPitje && relation.status != .beeindigd else { continue }
                change = .setRelationStatus(relation.id, status: .laagPitje, reason: "Kader",
                                            reviewDate: today.adding(days: [10, 30, 59].randomElement(using: &random)!))
            case 5 where step % 2 == 0:
                // A renamed relation: its review reminder gets another title and may move.
                var renamed = dossier.relations.randomElement(using: &random)!
                renamed.name = ["A", "M", "Z"].randomElement(using: &random)! + " " + renamed.name
                change = .updateRelation(renamed)
            case 5:
                guard let activity = dossier.activities.first(where: { $0.followUps.contains { !$0.isDone } }) else { continue }
                let index = try #require(activity.followUps.firstIndex { !$0.isDone })
                change = .setFollowUpDone(activity.id, index: index, isDone: true)
            default:
                let due = today.adding(days: days.randomElement(using: &random)!)
                change = .addFollowUp(dossier.activities.randomElement(using: &random)!.id,
                                      FollowUp(text: texts.randomElement(using: &random)!, due: due))
            }
            let undo: Restoration
            do { undo = try dossier.apply(change, context: context) } catch { continue }
            undos.append(undo)
            reminders = Reminder.updating(reminders, relations: Set(undo.relations.map(\.id)), activities: Set(undo.activities.map(\.id)),
                                          in: dossier, today: today, within: 60)
            let all = Reminder.all(in: dossier, today: today, within: 60)
            #expect(reminders == all, "step \(step): \(change.summary(in: dossier))")
            tied = max(tied, zip(all, all.dropFirst()).filter { $0.date == $1.date && $0.title == $1.title }.count)
        }
        #expect(tied > 10, "the test needs reminders of the same day and text")
    }

    @Test("a file that repeats an id: the reminders of both records stay")
    func repeatedIDs() throws {
        let today = context.today
        let small = Fixtures.smallDossier()
        var twin = try #require(small.activities.first)
        twin.followUps = [FollowUp(text: "Bellen", due: today.adding(days: 5))]
        let dossier = Dossier(title: small.title, framework: small.framework, budgetLines: small.budgetLines, relations: small.relations,
                              activities: small.activities + [twin])
        let all = Reminder.all(in: dossier, today: today, within: 60)
        #expect(all.contains { $0.subject == .followUp(twin.id, index: 0) && $0.title == "Bellen" })
        #expect(Reminder.updating(all, relations: [], activities: [twin.id], in: dossier, today: today, within: 60) == all)
    }
}
