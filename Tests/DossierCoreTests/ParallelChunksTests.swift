import DossierCore
import DossierTestSupport
import Testing

@Suite("Work spread over the cores")
struct ParallelChunksTests {
    @Test("chunks cover every item once, in order, small and large")
    func order() {
        for count in [0, 1, 4_095, 4_096, 10_001] {
            #expect(ParallelChunks.map(count) { Array($0) } == Array(0..<count))
        }
    }

    @Test("checking a large dossier on several cores finds each problem, at its place, in order")
    func validatorOnManyActivities() throws {
        let bundled = try DossierFile.decode(BundledDossier.bytes, file: "ingebouwd")
        let generated = try DossierGenerator(relations: 50, activities: 6_000, seed: 3)
            .generate(framework: bundled.framework, budgetLines: bundled.budgetLines, today: Fixtures.clock.today())
        #expect(DossierValidator.problems(in: generated).isEmpty)
        var activities = generated.activities
        activities.append(activities[10])
        activities[4_500].title = " "
        let damaged = Dossier(title: generated.title, framework: generated.framework, budgetLines: generated.budgetLines,
                              relations: generated.relations, activities: activities, internalContacts: generated.internalContacts)
        let problems = DossierValidator.problems(in: damaged).map(\.description)
        #expect(problems.count == 2, "\(problems)")
        #expect(problems.first?.hasPrefix("$.activities[4500].title") == true)
        #expect(problems.last?.hasPrefix("$.activities[6000].id") == true)
    }
}
