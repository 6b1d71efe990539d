/// The records as the person saw them when deciding on a change, such as a deletion confirmed after a question.
/// The change is refused when one of them has changed since: by a colleague whose change arrived in between, or
/// came in only as the change was saved. Empty for a change that does not depend on a record as it was seen.
public struct SeenRecords: Hashable, Sendable {
    public struct SeenContact: Hashable, Sendable {
        public var owner: ContactOwner
        public var contact: Contact

        public init(owner: ContactOwner, contact: Contact) {
            self.owner = owner
            self.contact = contact
        }
    }

    /// The follow-ups of an activity as they were seen, for a change that depends on them alone (a tick by its row).
    public struct SeenFollowUps: Hashable, Sendable {
        public var activity: ActivityID
        public var followUps: [FollowUp]

        public init(of activity: Activity) {
            self.activity = activity.id
            followUps = activity.followUps
        }
    }

    public var relations: [Relation]
    public var activities: [Activity]
    public var contacts: [SeenContact]
    public var followUps: [SeenFollowUps]

    public init(relations: [Relation] = [], activities: [Activity] = [], contacts: [SeenContact] = [], followUps: [SeenFollowUps] = []) {
        self.relations = relations
        self.activities = activities
        self.contacts = contacts
        self.followUps = followUps
    }
}

extension Dossier {
    /// Refuses when a record seen has changed since it was seen; one that is gone is left to the change itself.
    func checkUnchanged(since seen: SeenRecords) throws(ChangeError) {
        let later = "; er is niets gewijzigd. Bekijk het opnieuw en beslis dan"
        for relation in seen.relations {
            if let now = self.relation(relation.id), now != relation {
                throw ChangeError(.conflict, "\(relation.name) is gewijzigd sinds u het zag\(now.name == relation.name ? "" : " (nu: \(now.name))")\(later)")
            }
        }
        for activity in seen.activities {
            if let now = self.activity(activity.id), now != activity {
                throw ChangeError(.conflict, "'\(activity.title)' is gewijzigd sinds u het zag\(now.title == activity.title ? "" : " (nu: '\(now.title)')")\(later)")
            }
        }
        for seen in seen.followUps {
            if let now = activity(seen.activity), now.followUps != seen.followUps {
                throw ChangeError(.conflict, "de vervolgacties van '\(now.title)' zijn gewijzigd sinds u ze zag\(later)")
            }
        }
        for seen in seen.contacts {
            if let now = contacts(of: seen.owner)?.first(where: { $0.id == seen.contact.id }), now != seen.contact {
                throw ChangeError(.conflict, "Contactpersoon \(seen.contact.name) is gewijzigd sinds u die zag\(now.name == seen.contact.name ? "" : " (nu: \(now.name))")\(later)")
            }
        }
    }
}
