import DossierCore

/// A yes/no question before something that cannot be taken back lightly.
public struct Confirmation: Hashable, Sendable {
    public enum Consequence: Hashable, Sendable {
        /// Commit this change (a delete).
        case commit(Change, success: String)
        /// Leave the program although a form holds unsaved input.
        case quit
        /// Close the open form and lose what was typed.
        case discardForm
    }

    public var question: String
    public var consequence: Consequence
}
