import DossierCore
/// A line for the user above the status bar: what just happened, or what went wrong.
public struct StatusMessage: Hashable, Sendable {
    public var text: String
    public var isError: Bool

    /// A message is prose on the message line, wrapped to its width there: a line break from what it quotes (a name typed
    /// over two lines in the editor) is a space, as in the record.
    public static func info(_ text: String) -> StatusMessage { StatusMessage(text: ListText.oneLine(text), isError: false) }
    public static func error(_ text: String) -> StatusMessage { StatusMessage(text: ListText.oneLine(text), isError: true) }
}
