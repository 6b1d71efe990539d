/// A terminal that shows nothing and never has input: for driving the loop without a screen (tests that
/// feed it messages directly, the keystroke benchmark).
public final class HeadlessBackend: TerminalBackend {
    public let width: Int
    public let height: Int

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    public func show(_ canvas: Canvas) {}
    public func nextEvent() -> TerminalEvent { .stop }
}
