/// "1 activiteit", "3 activiteiten": a count with the right form of the noun.
public func count(_ number: Int, _ singular: String, _ plural: String) -> String {
    "\(number) \(number == 1 ? singular : plural)"
}

/// "a", "a en b", "a, b en c": items named in a sentence.
public func enumerated(_ items: [String]) -> String {
    items.count <= 1 ? items.joined() : items.dropLast().joined(separator: ", ") + " en " + items[items.count - 1]
}
