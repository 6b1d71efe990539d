/// "1 activiteit", "3 activiteiten": a count with the right form of the noun.
public func count(_ number: Int, _ singular: String, _ plural: String) -> String {
    "\(number) \(number == 1 ? singular : plural)"
}
