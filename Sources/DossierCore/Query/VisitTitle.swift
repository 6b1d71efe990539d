/// The title a visit gets when none is given: "Delegatie uit Taizhou" or "Missie naar Medicon Valley".
public enum VisitTitle {
    public static func proposed(direction: VisitDirection, from place: String) -> String {
        switch direction {
        case .inkomend: "Delegatie uit \(place)"
        case .uitgaand: "Missie naar \(place)"
        }
    }
}
