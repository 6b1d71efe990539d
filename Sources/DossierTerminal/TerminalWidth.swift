import CTerminalSupport

/// How wide the terminal is that output goes to, for text meant for people.
public enum TerminalWidth {
    /// The columns of the terminal on `descriptor`; nil when it is a pipe or a file, whose lines are never cut.
    public static func columns(of descriptor: Int32) -> Int? {
        let columns = Int(dossier_terminal_columns(descriptor))
        return columns > 0 ? columns : nil
    }
}
