/// Bytes of which some ranges may still have to be read before a reader looks at them (`SnapshotBuffer` with its long
/// arrays deferred). `load` is called from several threads at once, for ranges that may overlap.
protocol DeferredBytes: AnyObject, Sendable {
    /// Makes sure the bytes in `range` are there. A range that cannot be read stays as it is (zeros): the reader then
    /// fails, and the caller reads the file anew.
    func load(_ range: Range<Int>)

    /// Where the array that is a direct value of the document and starts at `start` ends (its `]`), when known: the
    /// parts of an array are guessed within it, not in what follows it.
    func arrayEnd(startingAt start: Int) -> Int?
}
