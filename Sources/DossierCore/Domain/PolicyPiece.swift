/// A piece of policy the Kader says is still to come, and which the weighing follows once it is there: the Europe
/// strategy (until then each EU funding chance is judged on its own) and the strategic agenda (until then a new network
/// cannot be tested against it). `Change.setPolicy` records that one is there.
public enum PolicyPiece: String, CaseIterable, Hashable, Sendable {
    case europastrategie
    case strategischeAgenda = "strategische-agenda"

    /// As a sentence names it: "de Europastrategie".
    public var label: String {
        switch self {
        case .europastrategie: "de Europastrategie"
        case .strategischeAgenda: "de strategische agenda"
        }
    }

    /// As a heading or a log line begins: "Europastrategie".
    public var title: String {
        switch self {
        case .europastrategie: "Europastrategie"
        case .strategischeAgenda: "Strategische agenda"
        }
    }

    /// Whether a piece is there, as the log and the screen say it.
    public static func stateLabel(_ isThere: Bool) -> String { isThere ? "vastgesteld" : "nog te maken" }

    /// Where the framework keeps whether it is there.
    public var flag: WritableKeyPath<Framework, Bool> {
        switch self {
        case .europastrategie: \.hasEuropeStrategy
        case .strategischeAgenda: \.hasStrategicAgenda
        }
    }

    /// The one reader of a piece as typed: its name, ignoring case and accents ("europastrategie", "strategische agenda").
    public static func read(_ text: String) throws(ValueError) -> PolicyPiece {
        let folded = SearchText.fold(text.trimmingSpaces()).replacing(" ", with: "-")
        if let piece = PolicyPiece(rawValue: folded) { return piece }
        throw ValueError("onbekend beleidsstuk '\(text.trimmingSpaces())'; kies uit: europastrategie, strategische-agenda")
    }
}
