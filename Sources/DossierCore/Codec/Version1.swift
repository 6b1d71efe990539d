/// What file format 1 said differently, and how it reads in format 2. Used when an older file is converted
/// (`SchemaMigrations`) and when journal lines written before the change are replayed.
enum Version1 {
    /// Format 1 kept a relation's country as Dutch text ("Denemarken en Zweden") and a stored
    /// `outsideEurope`. The text becomes countries; what is no country ("wereldwijd") is kept in the notes,
    /// with the old outside-Europe mark, so nothing the file said is lost.
    static func countries(from text: String, isOutsideEurope: Bool, notes: String) -> (countries: [Country], notes: String) {
        var countries = (try? Country.parseList(text)) ?? []
        var unread: [String] = []
        if countries.isEmpty {
            let pieces = text.split(whereSeparator: { ",;/".contains($0) }).flatMap { $0.components(separatedBy: " en ") }
            for piece in pieces.map({ $0.trimmingSpaces() }) where !piece.isEmpty {
                if let country = try? Country.parse(piece) {
                    if !countries.contains(country) { countries.append(country) }
                } else {
                    unread.append(piece)
                }
            }
        }
        guard !unread.isEmpty || (isOutsideEurope && !countries.includesOutsideEurope) else { return (countries, notes) }
        let place = unread.isEmpty ? "" : unread.joined(separator: ", ")
        let remark = "Land volgens het bestand van vóór schemaVersion 2: \(place.isEmpty ? "(geen)" : place)"
            + (isOutsideEurope ? ", buiten Europa." : ".")
        return (countries, notes.isEmpty ? remark : notes + "\n\n" + remark)
    }

    /// Format 1 split a visit's programme on commas into items; format 2 keeps the text as typed. Joined
    /// with ", ", the items read as they were typed.
    static func programme(_ items: [String]) -> String {
        items.joined(separator: ", ")
    }

    /// Format 1 charged every activity to the dossier's activity budget; format 2 names the line, and an
    /// activity without one is paid by none. Activities in a change written in format 1 get that line.
    static func upgrade(_ change: Change, in dossier: Dossier) -> Change {
        let line = dossier.activityBudget?.id
        func upgraded(_ activity: Activity) -> Activity {
            var activity = activity
            if activity.budgetLine == nil { activity.budgetLine = line }
            return activity
        }
        switch change {
        case .addActivity(let activity): return .addActivity(upgraded(activity))
        case .updateActivity(let activity): return .updateActivity(upgraded(activity))
        case .restore(var restoration):
            restoration.activities = restoration.activities.map { snapshot in
                var snapshot = snapshot
                snapshot.value = snapshot.value.map(upgraded)
                return snapshot
            }
            return .restore(restoration)
        case let .batch(changes, label): return .batch(changes.map { upgrade($0, in: dossier) }, label: label)
        default: return change
        }
    }

    /// A whole format-1 document read into the current types, with every activity on the activity budget.
    static func upgrade(_ dossier: Dossier) -> Dossier {
        var upgraded = dossier
        let line = dossier.activityBudget?.id
        for position in upgraded.activities.indices where upgraded.activities[position].budgetLine == nil {
            var activity = upgraded.activities[position]
            activity.budgetLine = line
            upgraded.replaceActivity(at: position, with: activity)
        }
        return upgraded
    }
}
