@testable import DossierCore
import DossierTestSupport
import Testing

@Suite("Places before a batch")
struct BatchPlacesTests {
    @Test("after random removals, insertions and appends, every original entity's place is taken back to where it stood before the first step")
    func matchesAModel() {
        var random = SeededGenerator(seed: 31)
        for round in 0..<200 {
            let originalCount = Int.random(in: 1...60, using: &random)
            var list = Array(0..<originalCount)
            var places = BatchPlaces()
            var fresh = 1_000
            for _ in 0..<Int.random(in: 1...25, using: &random) {
                // One step: some removals (places before it), some insertions (places after it), or appends only.
                var removed: [Int] = [], inserted: [Int] = []
                switch Int.random(in: 0..<4, using: &random) {
                case 0, 1:
                    // Removals at places of the list before the step, all in that list's coordinates.
                    let chosen = Set((0..<Int.random(in: 1...3, using: &random)).compactMap { _ in list.indices.randomElement(using: &random) })
                    removed = Array(chosen)
                    list = list.enumerated().filter { !chosen.contains($0.offset) }.map(\.element)
                case 2:
                    // Insertions anywhere (a put-back), maybe beside removals in the same step.
                    if Bool.random(using: &random), let place = list.indices.randomElement(using: &random) {
                        removed = [place]
                        list.remove(at: place)
                    }
                    var new: Set<Int> = []
                    for _ in 0..<Int.random(in: 1...3, using: &random) {
                        list.insert(fresh, at: Int.random(in: 0...list.count, using: &random))
                        new.insert(fresh)
                        fresh += 1
                    }
                    inserted = list.indices.filter { new.contains(list[$0]) }
                default:
                    list.append(fresh)
                    fresh += 1
                    inserted = [list.count - 1]
                }
                places.record(removed: removed, inserted: inserted, count: list.count)
            }
            for (position, entity) in list.enumerated() where entity < 1_000 {
                #expect(places.placeBefore(position) == entity, "round \(round): \(entity) at \(position)")
            }
        }
    }
}
