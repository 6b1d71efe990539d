/// A line for the user above the status bar: what just happened, or what went wrong.
public struct StatusMessage: Hashable, Sendable {
    public var text: String
    public var isError: Bool

    public static func info(_ text: String) -> StatusMessage { StatusMessage(text: text, isError: false) }
    public static func error(_ text: String) -> StatusMessage { StatusMessage(text: text, isError: true) }
}
