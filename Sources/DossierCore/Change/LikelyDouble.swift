/// An addition that probably doubles what was there: a contact with the name of one the relation has, an open follow-up
/// with the text and due date of one the activity has, a link to where one of its links goes, a visit with the title
/// and date of one already logged (its id then got a number: `…-2026-11-20-2`). Said as a warning, never refused: two
/// people may share a name, and the CSV import warns the same way. Read on the dossier after the addition, so that a
/// colleague's addition just before (the same visit logged at the same moment) counts too.
public enum LikelyDouble {
    /// Whether two people's names are the same but for case, accents and spaces (as a contact's double is found).
    public static func sameName(_ left: String, _ right: String) -> Bool {
        nameKey(left) == nameKey(right)
    }

    /// A name as `sameName` compares it.
    static func nameKey(_ name: String) -> String { folded(name) }

    /// "BOM had al een contactpersoon Sanne de Wit (sanne-de-wit)", for the contact `id` just added to `relation`.
    public static func contact(_ id: ContactID, of owner: ContactOwner, in dossier: Dossier) -> String? {
        guard let contacts = dossier.contacts(of: owner), let added = contacts.first(where: { $0.id == id }) else { return nil }
        let name = folded(added.name)
        guard let other = contacts.first(where: { $0.id != id && folded($0.name) == name }) else { return nil }
        return "\(dossier.name(of: owner)) had al een contactpersoon \(other.name) (\(other.id))"
    }

    /// "Verslag naar B&W stond al open bij Delegatie uit Lyon (nummer 1)", for the follow-up just added at `index`.
    public static func followUp(at index: Int, of activity: Activity) -> String? {
        guard activity.followUps.indices.contains(index) else { return nil }
        let added = activity.followUps[index], text = folded(added.text)
        guard let other = activity.followUps.indices.first(where: { place in
            let followUp = activity.followUps[place]
            return place != index && !followUp.isDone && followUp.due == added.due && folded(followUp.text) == text
        }) else { return nil }
        return "\(added.text) stond al open bij \(activity.title) (nummer \(other + 1))"
    }

    /// "er was al een bezoek met deze titel op 20-11-2026 (delegatie-uit-lyon-2026-11-20)", for the visit just logged (by
    /// its id: the other's title may have changed since); `isActivity` says whether an id is an activity's in the dossier
    /// after the addition.
    public static func visit(_ visit: Activity, isActivity: (ActivityID) -> Bool, dates: DateWriting = .standard) -> String? {
        guard let date = visit.startDate else { return nil }
        let first = Slug.identifier(from: VisitDraft.idSource(title: visit.title, date: date))
        guard visit.id != first, isActivity(first) else { return nil }
        return "er was al een bezoek met deze titel op \(dates.date(date)) (\(first))"
    }

    /// "er was al een activiteit Handelsmissie Lyon op 10-3-2027 (missie-lyon)", for an activity just added with the title
    /// and start date of another (a colleague who added the same one a moment before; its id then got a number). A fair
    /// held every year has another date each time, and is no double.
    public static func activity(_ added: Activity, among activities: [Activity], dates: DateWriting = .standard) -> String? {
        let title = folded(added.title)
        // The date first: it is the cheap test, and rules out nearly all of a large dossier before a title is folded.
        guard let other = activities.first(where: { $0.startDate == added.startDate && !$0.isVisit && $0.id != added.id && folded($0.title) == title })
        else { return nil }
        let when = added.startDate.map { "op \(dates.date($0))" } ?? "zonder datum"
        return "er was al een activiteit \(other.title) \(when) (\(other.id))"
    }

    /// "Taizhou had al een link naar https://www.taizhou.gov.cn (Website)", for the link `id` just added to `links` of `owner`.
    public static func link(_ id: LinkID, among links: [Link], of owner: String) -> String? {
        guard let added = links.first(where: { $0.id == id }) else { return nil }
        let target = comparable(added.target)
        guard let other = links.first(where: { $0.id != id && comparable($0.target) == target }) else { return nil }
        return "\(owner) had al een link naar \(other.target.text) (\(other.label))"
    }

    /// A web address without the case of its scheme and host, without a closing slash, and with http and https as one
    /// (most sites send the one to the other); a path as it is.
    private static func comparable(_ target: LinkTarget) -> String {
        switch target {
        case .path(let path): return "path:" + path
        case .url(let url):
            var text = url.hasSuffix("/") ? String(url.dropLast()) : url
            if let start = text.firstRange(of: "://") {
                let hostEnd = text[start.upperBound...].firstIndex(of: "/") ?? text.endIndex
                text = text[..<hostEnd].lowercased() + text[hostEnd...]
            }
            for secure in ["https://", "http://"] where text.hasPrefix(secure) {
                text = "web://" + text.dropFirst(secure.count)
            }
            return "url:" + text
        }
    }

    /// Without case, accents and the spaces between words: "sanne  de Wit " is Sanne de Wit.
    private static func folded(_ text: String) -> String {
        SearchText.fold(text).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// "er is al een relatie Tàizhōu 泰州 (tai-zhou-taizhou) met dezelfde naam in Latijnse letters", for a relation named
    /// `name` beside `relations`: the same name but for accents, case and letters of another script is most often the
    /// same city or organisation typed again (the exact name is refused; this one is said).
    public static func relation(named name: String, id: RelationID? = nil, among relations: [Relation]) -> String? {
        let key = latinFolded(name)
        // Both with letters of another script, those letters tell them apart ("Universiteit 复旦", "Universiteit 清华").
        let mixed = Slug.hasOtherScript(name)
        guard key.count >= 3, let other = relations.first(where: { $0.id != id && latinFolded($0.name) == key && !(mixed && Slug.hasOtherScript($0.name)) })
        else { return nil }
        return "er is al een relatie \(other.name) (\(other.id)) met dezelfde naam in Latijnse letters"
    }

    /// A name folded (`folded`) without its letters of other scripts: "Tàizhōu 泰州" is "taizhou".
    private static func latinFolded(_ name: String) -> String {
        var latin = String.UnicodeScalarView()
        latin.append(contentsOf: name.unicodeScalars.map { Slug.isOtherScript($0) ? " " : $0 })
        return folded(String(latin))
    }

    /// Whether `change` is an addition this looks at.
    public static func isAddition(_ change: Change) -> Bool {
        switch change {
        case .addContact, .addFollowUp, .addLink, .addRelation: true
        case .addActivity: true
        default: false
        }
    }

    /// What `change`, just saved, probably doubles, read on the whole dossier after it.
    public static func notice(after change: Change, in dossier: Dossier, dates: DateWriting = .standard) -> String? {
        switch change {
        case .addContact(let owner, let added):
            // Without an id (a change written by hand), it got one when it was added: it is the owner's last contact.
            let id = added.id.isEmpty ? dossier.contacts(of: owner)?.last?.id : added.id
            return id.flatMap { contact($0, of: owner, in: dossier) }
        case .addFollowUp(let activityID, _):
            return dossier.activity(activityID).flatMap { followUp(at: $0.followUps.count - 1, of: $0) }
        case .addLink(let owner, let added):
            return link(added.id, among: dossier.links(of: owner), of: dossier.name(of: owner))
        case .addRelation(let added):
            return relation(named: added.name, id: added.id, among: dossier.relations)
        case .addActivity(let added) where added.isVisit:
            return dossier.activity(added.id).flatMap { visit($0, isActivity: { dossier.activity($0) != nil }, dates: dates) }
        case .addActivity(let added):
            return activity(added, among: dossier.activities, dates: dates)
        default:
            return nil
        }
    }
}
