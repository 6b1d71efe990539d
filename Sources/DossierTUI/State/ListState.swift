/// The selected row of a list and the first row shown.
public struct ListState: Hashable, Sendable {
    public var selection = 0
    public var offset = 0

    public init(selection: Int = 0, offset: Int = 0) {
        self.selection = selection
        self.offset = offset
    }

    /// Moves the selection by `delta` rows within `count`, scrolling so it stays within `visibleRows`.
    public mutating func move(by delta: Int, count: Int, visibleRows: Int) {
        select(selection + delta, count: count, visibleRows: visibleRows)
    }

    public mutating func select(_ row: Int, count: Int, visibleRows: Int) {
        selection = count == 0 ? 0 : min(max(0, row), count - 1)
        clamp(count: count, visibleRows: visibleRows)
    }

    /// Keeps selection and offset valid after the list or the window changed size.
    public mutating func clamp(count: Int, visibleRows: Int) {
        let rows = max(1, visibleRows)
        selection = count == 0 ? 0 : min(max(0, selection), count - 1)
        if selection < offset { offset = selection }
        if selection >= offset + rows { offset = selection - rows + 1 }
        offset = max(0, min(offset, max(0, count - rows)))
    }
}
