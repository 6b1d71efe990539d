/// Where things go on a screen of a given size; computed from the size on every frame, so a resize at
/// any moment just gives a new layout.
public struct Layout: Hashable, Sendable {
    public var width: Int
    public var height: Int

    /// Smaller than this, the screen shows "venster te klein" instead of a broken layout.
    public static let minimumWidth = 60
    public static let minimumHeight = 12

    public var isTooSmall: Bool { width < Layout.minimumWidth || height < Layout.minimumHeight }

    /// Row 0: title and tabs. The last two rows: messages and the key hints.
    public var messageRow: Int { height - 2 }
    public var statusBarRow: Int { height - 1 }
    public var bodyTop: Int { 1 }
    public var bodyHeight: Int { max(0, height - 3) }

    /// List rows below the column headings.
    public var listRows: Int { max(1, bodyHeight - 1) }
}
