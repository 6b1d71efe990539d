/// The policy the dossier is weighed against, and the pieces of policy it says are still to come.
public struct Framework: Hashable, Sendable {
    public var title: String
    public var firstYear: Int
    public var lastYear: Int
    /// Until a Europe strategy exists, each EU funding chance is judged on its own.
    public var hasEuropeStrategy: Bool
    /// New international networks only when they fit the strategic agenda (and public affairs agenda).
    public var hasStrategicAgenda: Bool
    public var notes: String
    /// The decision that recorded each piece of policy as it stands (`Change.setPolicy`): adopted, or withdrawn again.
    public var policyDecisions: [PolicyPiece: String]

    public init(title: String, firstYear: Int, lastYear: Int, hasEuropeStrategy: Bool, hasStrategicAgenda: Bool,
                notes: String = "", policyDecisions: [PolicyPiece: String] = [:]) {
        self.title = title
        self.firstYear = firstYear
        self.lastYear = lastYear
        self.hasEuropeStrategy = hasEuropeStrategy
        self.hasStrategicAgenda = hasStrategicAgenda
        self.notes = notes
        self.policyDecisions = policyDecisions
    }
}

extension Framework {
    /// The id a restoration names the framework by: there is one.
    public static let snapshotID = "kader"
    /// How a journal entry names the Kader's pieces of policy among its subjects: no relation's or activity's id can be it
    /// (an id has no colon), so `dossier log kader` and a relation named Kader stay apart.
    public static let subject = "kader:beleidsstukken"

    /// The framework with every piece of policy as still to come: what no change alters.
    public var withoutPolicyPieces: Framework {
        var plain = self
        for piece in PolicyPiece.allCases { plain[keyPath: piece.flag] = false }
        plain.policyDecisions = [:]
        return plain
    }
}
