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

    /// An edit of a visit that changes its direction or where it comes from or goes to, with the title it was given from
    /// them left as it is, also changes the title: "Missie naar Leuven" turned incoming is "Delegatie uit Leuven", as a
    /// visit logged so would be called. A title typed by hand, or edited in the same change, stays as it is.
    public static func following(_ edits: [FieldEdit], of activity: Activity, in dossier: Dossier) -> [FieldEdit] {
        guard let visit = activity.visit, !edits.contains(where: { $0.field == "title" }),
              activity.title == proposed(direction: visit.direction, from: visit.delegationFrom.trimmingSpaces()) else { return edits }
        var edited = activity
        guard (try? Activity.fields.apply(edits, to: &edited, in: dossier)) != nil, let now = edited.visit else { return edits }
        // Where from or to made empty: no title to make of it ("Delegatie uit "), the one it has stays.
        let place = now.delegationFrom.trimmingSpaces()
        let title = proposed(direction: now.direction, from: place)
        guard !place.isEmpty, title != activity.title else { return edits }
        return edits + [FieldEdit(field: "title", old: .text(activity.title), new: .text(title))]
    }

    private static let visitWords = ["delegatie ", "missie ", "handelsmissie ", "werkbezoek ", "bezoek "]

    private static func saysWhatItIs(_ place: String) -> Bool {
        let folded = SearchText.fold(place.trimmingSpaces())
        return visitWords.contains { folded.hasPrefix($0) }
    }
}
