import DossierCore

/// A yes/no question before something that cannot be taken back lightly. Nee is the default answer, and
/// ja takes a key no list uses for moving (`J`), so a reflexive `j` or Enter never confirms.
public struct Confirmation: Hashable, Sendable {
    public enum Consequence: Hashable, Sendable {
        /// Commit this change (a delete), refused when the records it was asked about have changed since.
        case commit(Change, success: String, seen: SeenRecords)
        /// Leave the program although a form holds unsaved input.
        case quit
        /// Close the open form and lose what was typed.
        case discardForm
    }

    public var question: String
    public var consequence: Consequence
    /// Which answer Enter gives: Nee until the user moves to Ja (Tab, ← or →), so a reflexive Enter is safe.
    public var isYesChosen = false

    public init(question: String, consequence: Consequence) {
        self.question = question
        self.consequence = consequence
    }
}
