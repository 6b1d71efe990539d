/// Keys, the action they trigger in a group, what it does (for the help screen) and, when it belongs in
/// the status bar, the short hint shown there.
public struct KeyBinding: Hashable, Sendable {
    public var keys: [Key]
    public var action: Action
    public var group: KeyGroup
    public var help: String
    public var hint: String?

    public init(_ keys: [Key], _ action: Action, _ group: KeyGroup, _ help: String, hint: String? = nil) {
        self.keys = keys
        self.action = action
        self.group = group
        self.help = help
        self.hint = hint
    }

    /// The keys as written in help texts: `j ↓`.
    public var keyLabel: String { keys.map(\.description).joined(separator: " ") }

    /// The keys as written in the status bar: the first one (two for up/down pairs).
    public var shortKeyLabel: String { keys.first?.description ?? "" }
}
