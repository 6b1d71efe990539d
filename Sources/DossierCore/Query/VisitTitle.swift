/// The title a visit gets when none is given: "Delegatie uit Taizhou" or "Missie naar Medicon Valley".
public enum VisitTitle {
    public static func proposed(direction: VisitDirection, from place: String) -> String {
        // Typed as a title already ("Delegatie uit Łódź" where the form asks where from): not said twice.
        if saysWhatItIs(place) { return place }
        switch direction {
        case .inkomend: return "Delegatie uit \(place)"
        case .uitgaand: return "Missie naar \(place)"
        }
    }

    private static let visitWords = ["delegatie ", "missie ", "handelsmissie ", "werkbezoek ", "bezoek "]

    private static func saysWhatItIs(_ place: String) -> Bool {
        let folded = SearchText.fold(place.trimmingSpaces())
        return visitWords.contains { folded.hasPrefix($0) }
    }
}
