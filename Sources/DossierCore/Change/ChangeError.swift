/// Why a change was refused, in Dutch, with the field it concerns when there is one.
public struct ChangeError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Kind: Hashable, Sendable {
        /// The relation or activity does not exist.
        case notFound
        /// A value breaks a rule of the dossier.
        case invalid
        /// The life cycle does not allow this step.
        case illegalTransition
        /// Other parts of the dossier depend on what would be removed or changed.
        case conflict
    }

    public var kind: Kind
    public var message: String
    /// The field (JSON key, such as `reviewDate`) the message is about, for showing it in a form.
    public var field: String?

    /// What a conflict's message ends with: what to do on the command line. A form that takes the new state and keeps the
    /// input says what to do there instead.
    public static let lookAgain = "; bekijk de nieuwe stand en wijzig opnieuw"

    public init(_ kind: Kind, _ message: String, field: String? = nil) {
        self.kind = kind
        self.message = message
        self.field = field
    }

    public var description: String { message }
}
