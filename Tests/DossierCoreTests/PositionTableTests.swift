import DossierTestSupport
import Testing
@testable import DossierCore

/// The position table finds every id at its place after any mix of insertions and removals anywhere in the list,
/// as a dictionary made anew from the list would, and finds nothing for an id that is gone.
@Suite("Positions by id")
struct PositionTableTests {
    struct Entity: Identifiable {
        var id: String
    }

    /// Where each id stands; a repeated id at its first place.
    static func reference(_ entities: [Entity]) -> [String: Int] {
        Dictionary(entities.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    @Test("insertions and removals anywhere, through growing, in runs of colliding slots", arguments: [1, 2, 3])
    func followsTheList(seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        var entities: [Entity] = []
        var table = PositionTable(of: entities)
        var gone: [String] = []
        var next = 0
        for step in 0..<3_000 {
            // Grows to a few hundred, then mostly removes: every run of slots sees removals in its middle.
            let removes = !entities.isEmpty && Int.random(in: 0..<10, using: &random) < (step < 1_500 ? 3 : 7)
            if removes {
                let position = Int.random(in: entities.indices, using: &random)
                table.removing(at: position, of: entities)
                gone.append(entities.remove(at: position).id)
            } else {
                let position = Int.random(in: 0...entities.count, using: &random)
                entities.insert(Entity(id: "id-\(next)"), at: position)
                next += 1
                table.inserted(at: position, of: entities)
            }
            #expect(table.count == entities.count, "step \(step)")
            if step % 50 == 0 || step > 2_950 {
                for (position, entity) in entities.enumerated() {
                    #expect(table.position(of: entity.id, in: entities) == position, "step \(step)")
                }
                for id in gone.suffix(20) { #expect(table.position(of: id, in: entities) == nil) }
            }
        }
    }

    @Test("a repeated id is held at its first place only, and the count shows it")
    func repeatedIDs() {
        let entities = ["a", "b", "a", "c", "b"].map(Entity.init)
        let table = PositionTable(of: entities)
        #expect(table.count == 3)
        for (id, position) in PositionTableTests.reference(entities) { #expect(table.position(of: id, in: entities) == position) }
    }

    @Test("a dossier whose file repeats an id keeps finding each id at its first place through removals")
    func dossierWithRepeatedIDs() throws {
        var dossier = Fixtures.smallDossier()
        let twin = try #require(dossier.activities.first)
        let other = try #require(dossier.activities.last)
        dossier = Dossier(title: dossier.title, framework: dossier.framework, budgetLines: dossier.budgetLines, relations: dossier.relations,
                          activities: [other, twin] + dossier.activities.dropLast() + [twin])
        #expect(!dossier.hasUniqueIDs)
        #expect(dossier.activityPosition(twin.id) == 1)
        dossier.removeActivity(at: 1)
        #expect(dossier.activityPosition(twin.id) == 1, "the next one with that id")
        for (id, position) in PositionTableTests.reference(dossier.activities.map { Entity(id: $0.id) }) {
            #expect(dossier.activityPosition(id) == position)
        }
    }
}
