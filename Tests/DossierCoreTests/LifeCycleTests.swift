import DossierCore
import DossierTestSupport
import Testing

@Suite("Activity life cycle")
struct LifeCycleTests {
    /// The life cycle of issue 2, written out in full so that any change to it fails here.
    static let legal: Set<String> = [
        "idee>in-afweging", "idee>geannuleerd",
        "in-afweging>goedgekeurd", "in-afweging>afgewezen", "in-afweging>geannuleerd",
        "goedgekeurd>gepland", "goedgekeurd>geannuleerd",
        "gepland>uitgevoerd", "gepland>geannuleerd",
        "uitgevoerd>geevalueerd",
    ]

    @Test("every pair of states is allowed exactly when the life cycle says so", arguments: ActivityStatus.allCases)
    func transitions(from: ActivityStatus) {
        for to in ActivityStatus.allCases {
            #expect(from.canMove(to: to) == Self.legal.contains("\(from.rawValue)>\(to.rawValue)"), "\(from) → \(to)")
        }
    }

    @Test("moving through the change path follows the same table, and an illegal step names the allowed ones",
          arguments: ActivityStatus.allCases)
    func movesThroughChangePath(from: ActivityStatus) throws {
        for to in ActivityStatus.allCases {
            var dossier = Fixtures.smallDossier()
            let activity = Activity(id: "a", title: "Proef", kind: .kennisuitwisseling, status: from)
            try dossier.apply(.addActivity(activity), context: Fixtures.context)
            do {
                try dossier.apply(.moveActivity("a", status: to, reason: "test", overrideReason: nil), context: Fixtures.context)
                #expect(Self.legal.contains("\(from.rawValue)>\(to.rawValue)"), "\(from) → \(to) was accepted")
                #expect(dossier.activity("a")?.status == to)
                #expect(dossier.activity("a")?.statusHistory.last?.from == from)
            } catch {
                #expect(!Self.legal.contains("\(from.rawValue)>\(to.rawValue)"), "\(from) → \(to) was refused: \(error)")
                #expect(error.kind == .illegalTransition)
                #expect(dossier.activity("a")?.status == from)
                for allowed in from.allowedNextStates {
                    #expect(error.message.contains(allowed.rawValue))
                }
                if from.allowedNextStates.isEmpty { #expect(error.message.contains("eindtoestand")) }
            }
        }
    }

    @Test("cancelling is possible from every state before uitgevoerd, not after")
    func cancelling() {
        for status in [ActivityStatus.idee, .inAfweging, .goedgekeurd, .gepland] {
            #expect(status.canMove(to: .geannuleerd))
        }
        for status in [ActivityStatus.uitgevoerd, .geevalueerd, .afgewezen, .geannuleerd] {
            #expect(!status.canMove(to: .geannuleerd))
        }
    }

    @Test("approving against a negative verdict needs an override reason, which is recorded")
    func approvingAgainstNegativeVerdict() throws {
        var dossier = Fixtures.smallDossier()
        let negative = Assessment(timestamp: Fixtures.now, by: "tester", answers: AssessmentAnswers(), verdict: .negatief,
                                  reasons: [VerdictReason(rule: "laag-pitje", effect: .negatief, text: "test")], missing: [])
        try dossier.apply(.addActivity(Activity(id: "a", title: "Proef", kind: .beurs, status: .inAfweging, assessments: [negative])),
                          context: Fixtures.context)
        #expect(throws: ChangeError.self) {
            try dossier.apply(.moveActivity("a", status: .goedgekeurd, reason: "", overrideReason: "  "), context: Fixtures.context)
        }
        try dossier.apply(.moveActivity("a", status: .goedgekeurd, reason: "", overrideReason: "Besluit B&W 3-2-2026"), context: Fixtures.context)
        #expect(dossier.activity("a")?.statusHistory.last?.overrideReason == "Besluit B&W 3-2-2026")
    }
}
