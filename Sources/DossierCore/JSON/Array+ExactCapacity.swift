extension Array {
    /// The same elements in storage of exactly their count. `append` doubles its storage, so an array of three
    /// has room for four; a decoded dossier of 100.000 activities holds about 700.000 such small arrays (status
    /// histories, relations, countries, reasons), and their unused room was about 10 MB (docs/performance.md).
    public func exactlySized() -> [Element] {
        guard capacity > count else { return self }
        return self.withUnsafeBufferPointer { own in
            [Element](unsafeUninitializedCapacity: own.count) { storage, initialized in
                _ = storage.initialize(fromContentsOf: own)
                initialized = own.count
            }
        }
    }
}
