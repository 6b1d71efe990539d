extension Dossier {
    /// Applies a change without the final check of what it touched; `apply` (Dossier+Integrity) adds that.
    /// - Returns: the restoration that undoes the change.
    mutating func applyUnchecked(_ change: Change, context: ChangeContext) throws(ChangeError) -> Restoration {
        switch change {
        case let .setRelationStatus(id, status, reason, reviewDate, seen, seenReviewDate):
            let (position, relation) = try existingRelation(id)
            if let seen, seen != relation.status {
                throw ChangeError(.conflict, "de status van \(relation.name) is intussen \(relation.status.label), niet meer \(seen.label)", field: "status")
            }
            // (A status that kept its name keeps a review date: laag pitje always has one.)
            if let seenReviewDate, let now = relation.reviewDate, seen != nil, seenReviewDate != now {
                let dates = DateWriting.standard
                throw ChangeError(.conflict, "\(relation.name) is intussen herijkt tot \(dates.date(now)), niet meer tot \(dates.date(seenReviewDate))",
                                  field: "reviewDate")
            }
            let undo = Restoration(label: "Status van \(relation.name)", relations: [Snapshot(id: id, value: relation, position: position)])
            let isReview = status == relation.status
            guard !isReview || status.requiresReviewDate else {
                throw ChangeError(.invalid, "\(relation.name) staat al op \(status.label)", field: "status")
            }
            let trimmedReason = reason.trimmingSpaces()
            guard !trimmedReason.isEmpty else {
                throw ChangeError(.invalid, isReview ? "geef een reden voor de herijking" : "geef een reden voor de statuswijziging", field: "reason")
            }
            if !context.isReplay { try Self.refuseInvisible(reason: reason) }
            // A date that would not be kept is refused rather than dropped (the log would name it). (A replayed line stays.)
            if reviewDate != nil && !status.requiresReviewDate && !context.isReplay {
                throw ChangeError(.invalid, "een herijkingsdatum hoort alleen bij laag pitje; bij \(status.label.lowercased()) wordt er geen vastgelegd: laat hem weg",
                                  field: "reviewDate")
            }
            if status.requiresReviewDate {
                guard let reviewDate else {
                    throw ChangeError(.invalid, isReview ? "een herijking vraagt een nieuwe herijkingsdatum" : "Laag pitje vraagt een herijkingsdatum",
                                      field: "reviewDate")
                }
                try Dossier.checkReviewDate(reviewDate, context: context)
            }
            var updated = relation
            updated.status = status
            updated.reviewDate = status.requiresReviewDate ? reviewDate : nil
            updated.statusHistory.append(StatusChange(date: context.today, from: relation.status, to: status, reason: trimmedReason,
                                                      by: context.actor, reviewDate: updated.reviewDate))
            try checkRelation(updated)
            replaceRelation(at: position, with: updated)
            return undo

        case .addRelation(let relation):
            guard self.relation(relation.id) == nil else {
                throw ChangeError(.conflict, "er is al een relatie met id '\(relation.id)'", field: "id")
            }
            guard relations.count < Limits.maximumRelations else {
                throw ChangeError(.invalid, "het dossier heeft al het grootste aantal relaties (\(Limits.grouped(Limits.maximumRelations)))")
            }
            if !context.isReplay { try checkNameIsFree(relation.name, for: relation.id) }
            var added = relation
            if added.statusHistory.isEmpty {
                // Put on laag pitje as it is added: the review date it starts with follows the rule of `set-status`.
                if let reviewDate = relation.reviewDate, relation.status.requiresReviewDate, !context.isReplay {
                    try Dossier.checkReviewDate(reviewDate, context: context)
                }
                added.statusHistory = [StatusChange(date: context.today, from: nil, to: relation.status, reason: "Relatie toegevoegd",
                                                    by: context.actor, reviewDate: relation.reviewDate)]
            }
            try checkRelation(added)
            insertRelation(added)
            return Restoration(label: "Nieuwe relatie \(relation.name)", relations: [Snapshot(id: relation.id, value: nil, position: relations.count - 1)])

        case let .editRelation(id, edits):
            let (position, current) = try existingRelation(id)
            var edited = current
            try Relation.fields.apply(edits, to: &edited, in: self)
            if edited.name != current.name && !context.isReplay { try checkNameIsFree(edited.name, for: id) }
            try checkRelation(edited)
            replaceRelation(at: position, with: edited)
            return Restoration(label: "Wijziging van \(current.name)", relations: [Snapshot(id: id, value: current, position: position)])

        case .updateRelation(let relation):
            let (position, current) = try existingRelation(relation.id)
            guard relation.status == current.status, relation.statusHistory == current.statusHistory else {
                throw ChangeError(.invalid, "de status verandert alleen met een statuswijziging (met reden)", field: "status")
            }
            try checkRelation(relation)
            replaceRelation(at: position, with: relation)
            return Restoration(label: "Wijziging van \(current.name)", relations: [Snapshot(id: current.id, value: current, position: position)])

        case .deleteRelation(let id):
            let (position, relation) = try existingRelation(id)
            let linked = activities.filter { $0.relations.contains(id) || $0.organiser.relationID == id }
            if !linked.isEmpty {
                let titles = linked.prefix(3).map { "'\($0.title)'" }.joined(separator: ", ")
                throw ChangeError(.conflict, "\(relation.name) is gekoppeld aan \(count(linked.count, "activiteit", "activiteiten")): \(titles)\(linked.count > 3 ? " …" : ""); ontkoppel die eerst, of zet de relatie op Beëindigd")
            }
            if let dependent = relations.first(where: { $0.via == id }) {
                throw ChangeError(.conflict, "\(dependent.name) loopt via \(relation.name); pas die relatie eerst aan")
            }
            if let line = budgetLines.first(where: { $0.relation == id }) {
                throw ChangeError(.conflict, "de budgetregel '\(line.name)' hoort bij \(relation.name)")
            }
            removeRelation(at: position)
            return Restoration(label: "Verwijderen van \(relation.name)", relations: [Snapshot(id: id, value: relation, position: position)])

        case .addActivity(let activity):
            guard self.activity(activity.id) == nil else {
                throw ChangeError(.conflict, "er is al een activiteit met id '\(activity.id)'", field: "id")
            }
            guard activities.count < Limits.maximumActivities else {
                throw ChangeError(.invalid, "het dossier heeft al het grootste aantal activiteiten (\(Limits.grouped(Limits.maximumActivities)))")
            }
            var added = activity
            if added.statusHistory.isEmpty {
                let reason = activity.isVisit ? "Bezoek vastgelegd" : "Activiteit toegevoegd"
                added.statusHistory = [StatusChange(date: context.today, from: nil, to: activity.status, reason: reason, by: context.actor)]
            } else if added.statusHistory.count == 1 && added.statusHistory[0].by.isBlank {
                // A first entry left blank (with the decision that approved it) is stamped here, like an assessment.
                // Made whole before it is set: each set of a packed field keeps its texts for good (`InternTable`).
                var first = added.statusHistory[0]
                first.date = context.today
                first.by = context.actor
                if first.reason.isBlank { first.reason = activity.isVisit ? "Bezoek vastgelegd" : "Activiteit toegevoegd" }
                added.statusHistory = [first]
            }
            // An activity made now (no history, or one entry). One that comes with a longer history (`apply`, an activity
            // deleted and added again) is a record of steps already taken, weighed and approved when they were: its
            // approval is not judged again against weighings made since.
            if context.checksLifeCycle && activity.statusHistory.count <= 1 {
                try checkNewActivity(added, today: context.today)
                // (A replayed line was accepted before these rules, and stays.)
                if !context.isReplay {
                    if let first = activity.statusHistory.first {
                        try Self.refuseInvisible(reason: first.reason, decision: first.decision, overrideReason: first.overrideReason)
                    }
                    // (As given: the reason filled in above is no answer to why.)
                    try Self.checkEndReason(activity)
                    try checkApprovalReason(added, context: context)
                    if let decision = added.statusHistory.first?.decision { try Self.checkDecisionSaysWho(decision) }
                }
            }
            try checkActivity(added)
            insertActivity(added)
            return Restoration(label: "Nieuwe activiteit \(activity.title)", activities: [Snapshot(id: activity.id, value: nil, position: activities.count - 1)])

        case let .editActivity(id, edits):
            let (position, current) = try existingActivity(id)
            var edited = current
            try Activity.fields.apply(edits, to: &edited, in: self)
            if context.checksLifeCycle && edited.status.isCarriedOut && edited.startDate != current.startDate {
                try checkCarriedOut(edited, today: context.today)
            }
            try checkActivity(edited)
            replaceActivity(at: position, with: edited)
            return Restoration(label: "Wijziging van \(current.title)", activities: [Snapshot(id: id, value: current, position: position)])

        case .updateActivity(let activity):
            let (position, current) = try existingActivity(activity.id)
            guard activity.status == current.status, activity.statusHistory == current.statusHistory else {
                throw ChangeError(.invalid, "de status verandert alleen langs de levenscyclus (verplaatsen)", field: "status")
            }
            guard activity.assessments == current.assessments else {
                throw ChangeError(.invalid, "afwegingen worden alleen toegevoegd, niet gewijzigd", field: "assessments")
            }
            if context.checksLifeCycle && activity.status.isCarriedOut && activity.startDate != current.startDate {
                try checkCarriedOut(activity, today: context.today)
            }
            try checkActivity(activity)
            replaceActivity(at: position, with: activity)
            return Restoration(label: "Wijziging van \(current.title)", activities: [Snapshot(id: current.id, value: current, position: position)])

        case let .moveActivity(id, status, reason, overrideReason, decision, actualCost, seen):
            let (position, activity) = try existingActivity(id)
            if let seen, seen != activity.status {
                throw ChangeError(.conflict, "'\(activity.title)' staat intussen op \(activity.status.label), niet meer op \(seen.label)", field: "status")
            }
            guard activity.status.canMove(to: status) else {
                let allowed = activity.status.allowedNextStates
                let next = allowed.isEmpty ? "\(activity.status.label) is een eindtoestand: er volgt geen stap meer"
                    : "toegestaan: " + allowed.map(\.rawValue).joined(separator: ", ")
                throw ChangeError(.illegalTransition, "'\(activity.title)' kan niet van \(activity.status.rawValue) naar \(status.rawValue); \(next)",
                                  field: "status")
            }
            if !context.isReplay { try Self.refuseInvisible(reason: reason, decision: decision, overrideReason: overrideReason) }
            // (A line written before this rule is replayed as it was.)
            if status.endsWithoutGoingAhead, context.checksLifeCycle, !context.isReplay, reason.isBlank {
                throw ChangeError(.invalid, Self.missingEndReason(status, of: activity.title), field: "reason")
            }
            let trimmedOverride = overrideReason?.trimmingSpaces() ?? ""
            let trimmedDecision = decision?.trimmingSpaces() ?? ""
            if status == .goedgekeurd, context.checksLifeCycle, trimmedDecision.isEmpty {
                throw ChangeError(.invalid, "goedkeuren legt vast wie besloot: een besluit van B&W of een mandaat (bijvoorbeeld 'Besluit B&W 3 maart 2027' of 'mandaat wethouder economie')",
                                  field: "decision")
            }
            if status == .goedgekeurd, !context.isReplay, !trimmedDecision.isEmpty { try Self.checkDecisionSaysWho(trimmedDecision) }
            // Who decided and why a negative weighing was set aside belong to the approval, not to another step.
            if status != .goedgekeurd, !context.isReplay, !trimmedOverride.isEmpty || !trimmedDecision.isEmpty {
                throw ChangeError(.invalid, "een besluit en een reden om van de afweging af te wijken horen bij goedkeuren, niet bij \(status.label.lowercased())",
                                  field: trimmedOverride.isEmpty ? "decision" : "overrideReason")
            }
            // (A replayed line was accepted before the rule about activities not weighed yet, and is not weighed again.)
            if status == .goedgekeurd, trimmedOverride.isEmpty,
               let why = whyApprovalNeedsOverride(activity, byRules: !context.isReplay, weighingBudget: weighsBudget(context), ledger: context.budget) {
                throw ChangeError(.invalid, "\(why): goedkeuren vraagt een expliciete reden om daarvan af te wijken", field: "overrideReason")
            }
            var updated = activity
            updated.status = status
            if let actualCost {
                guard status.hasActualCost else {
                    throw ChangeError(.invalid, "werkelijke kosten horen bij een uitgevoerde activiteit, of bij een geannuleerde die toch kosten had",
                                      field: "actualCostCents")
                }
                updated.actualCost = actualCost
            }
            if context.checksLifeCycle && status == .uitgevoerd { try checkCarriedOut(updated, today: context.today) }
            updated.statusHistory.append(StatusChange(date: context.today, from: activity.status, to: status, reason: reason.trimmingSpaces(),
                                                      by: context.actor, decision: trimmedDecision.isEmpty ? nil : trimmedDecision,
                                                      overrideReason: trimmedOverride.isEmpty ? nil : trimmedOverride))
            try checkActivity(updated)
            replaceActivity(at: position, with: updated)
            return Restoration(label: "Status van \(activity.title)", activities: [Snapshot(id: id, value: activity, position: position)])

        case .deleteActivity(let id):
            let (position, activity) = try existingActivity(id)
            removeActivity(at: position)
            return Restoration(label: "Verwijderen van \(activity.title)", activities: [Snapshot(id: id, value: activity, position: position)])

        case let .addFollowUp(id, followUp):
            let (position, activity) = try existingActivity(id)
            guard !followUp.text.isBlank else {
                throw ChangeError(.invalid, "een vervolgactie heeft een omschrijving nodig", field: "text")
            }
            var added = followUp
            if added.id.isEmpty {
                added.id = activity.followUps.newFollowUpID(for: followUp.text)
            } else if activity.followUps.contains(where: { $0.id == added.id }) {
                throw ChangeError(.conflict, "'\(activity.title)' heeft al een vervolgactie met id '\(added.id)'", field: "id")
            }
            var updated = activity
            updated.followUps.append(added)
            try checkActivity(updated)
            replaceActivity(at: position, with: updated)
            return Restoration(label: "Vervolgactie bij \(activity.title)", activities: [Snapshot(id: id, value: activity, position: position)])

        case let .setFollowUpDone(id, index, isDone, seen):
            let (position, activity) = try existingActivity(id)
            if let seen {
                var updated = activity
                updated.followUps[try followUpPosition(seen, in: activity)].isDone = isDone
                replaceActivity(at: position, with: updated)
                return Restoration(label: "Vervolgactie bij \(activity.title)", activities: [Snapshot(id: id, value: activity, position: position)])
            }
            guard activity.followUps.indices.contains(index) else {
                // Counted from 1 for people; an index from a hostile file is shown as it is.
                let number = (0..<Limits.maximumListItems).contains(index) ? index + 1 : index
                throw ChangeError(.notFound, "'\(activity.title)' heeft geen vervolgactie \(number)")
            }
            var updated = activity
            updated.followUps[index].isDone = isDone
            replaceActivity(at: position, with: updated)
            return Restoration(label: "Vervolgactie bij \(activity.title)", activities: [Snapshot(id: id, value: activity, position: position)])

        case let .editFollowUp(id, place, edits):
            let (position, activity) = try existingActivity(id)
            let found = try followUpPosition(place, in: activity)
            var updated = activity
            try FollowUp.fields.apply(edits, to: &updated.followUps[found], in: self)
            try checkActivity(updated)
            replaceActivity(at: position, with: updated)
            return Restoration(label: "Vervolgactie bij \(activity.title)", activities: [Snapshot(id: id, value: activity, position: position)])

        case let .removeFollowUp(id, place):
            let (position, activity) = try existingActivity(id)
            let found = try followUpPosition(place, in: activity)
            var updated = activity
            updated.followUps.remove(at: found)
            replaceActivity(at: position, with: updated)
            return Restoration(label: "Vervolgactie bij \(activity.title)", activities: [Snapshot(id: id, value: activity, position: position)])

        case let .recordAssessment(id, assessment, seen):
            let (position, activity) = try existingActivity(id)
            if let seen { try activity.checkWeighing(seen: seen) }
            var updated = activity
            // Who weighed it and when come from the change's context, like every history entry.
            var stamped = assessment
            stamped.by = context.actor
            stamped.timestamp = context.timestamp
            updated.assessments.append(stamped)
            try checkActivity(updated)
            replaceActivity(at: position, with: updated)
            return Restoration(label: "Afweging van \(activity.title)", activities: [Snapshot(id: id, value: activity, position: position)])

        case let .addContact(owner, contact):
            return try changeContacts(of: owner, label: "Contactpersoon bij") { contacts, name throws(ChangeError) in
                var added = contact
                if added.id.isEmpty { added.id = contacts.newContactID(for: contact.name) }
                guard !contacts.contains(where: { $0.id == added.id }) else {
                    throw ChangeError(.conflict, "\(name) heeft al een contactpersoon met id '\(added.id)'", field: "id")
                }
                contacts.append(added)
            }

        case let .editContact(owner, contactID, edits):
            let before = self
            return try changeContacts(of: owner, label: "Contactpersoon bij") { contacts, name throws(ChangeError) in
                let index = try Dossier.position(of: contactID, in: contacts, of: name)
                try Contact.fields.apply(edits, to: &contacts[index], in: before)
            }

        case let .removeContact(owner, contactID):
            return try changeContacts(of: owner, label: "Contactpersoon bij") { contacts, name throws(ChangeError) in
                contacts.remove(at: try Dossier.position(of: contactID, in: contacts, of: name))
            }

        case let .addLink(owner, link):
            return try changeLinks(of: owner) { links throws(ChangeError) in
                var added = link
                if added.id.isEmpty { added.id = links.newLinkID(for: link.label) }
                guard !links.contains(where: { $0.id == added.id }) else {
                    throw ChangeError(.conflict, "er is al een link met id '\(added.id)'", field: "id")
                }
                links.append(added)
            }

        case let .editLink(owner, linkID, edits):
            let before = self
            return try changeLinks(of: owner) { links throws(ChangeError) in
                let index = try Dossier.position(of: linkID, in: links)
                try Link.fields.apply(edits, to: &links[index], in: before)
            }

        case let .removeLink(owner, linkID):
            return try changeLinks(of: owner) { links throws(ChangeError) in
                links.remove(at: try Dossier.position(of: linkID, in: links))
            }

        case let .setBudgetAmount(lineID, year, amount, seen, decision):
            try Dossier.checkDecision(decision, context: context)
            return try setBudgetAmount(lineID, year: year, amount: amount, seen: seen, decision: decision)

        case let .setPolicy(piece, isThere, seen, decision):
            try Dossier.checkDecision(decision, context: context)
            return try setPolicy(piece, isThere: isThere, seen: seen, decision: decision)

        case .restore(let restoration):
            return try restore(restoration)

        case let .batch(changes, label):
            return try applyBatch(changes, label: label, context: context)
        }
    }

    /// A fresh activity id for a title: its slug, made unique in this dossier (no relation has it either: a
    /// command that takes a relation or an activity finds each by its id). `alsoTaken`: ids of activities this
    /// copy does not hold (read without them).
    public func newActivityID(for title: String, alsoTaken: (String) -> Bool) -> ActivityID {
        Slug.unique(Slug.identifier(from: title)) { activity($0) != nil || relation($0) != nil || alsoTaken($0) }
    }

    public func newActivityID(for title: String) -> ActivityID { newActivityID(for: title) { _ in false } }

    /// A fresh relation id for a name, no activity's either.
    public func newRelationID(for name: String, alsoTaken: (String) -> Bool) -> RelationID {
        Slug.unique(Slug.identifier(from: name)) { relation($0) != nil || activity($0) != nil || alsoTaken($0) || $0 == Organiser.municipalitySlug }
    }

    public func newRelationID(for name: String) -> RelationID { newRelationID(for: name) { _ in false } }

    // MARK: Private

    func existingRelation(_ id: RelationID) throws(ChangeError) -> (Int, Relation) {
        guard let position = relationPosition(id) else { throw ChangeError(.notFound, "onbekende relatie '\(id)'") }
        return (position, relations[position])
    }

    func existingActivity(_ id: ActivityID) throws(ChangeError) -> (Int, Activity) {
        guard let position = activityPosition(id) else { throw ChangeError(.notFound, "onbekende activiteit '\(id)'") }
        return (position, activities[position])
    }

    /// Where the follow-up the person saw is now (`FollowUpPlace`); changed or gone, or an equal one come or gone, is a
    /// conflict, never another follow-up changed.
    private func followUpPosition(_ place: FollowUpPlace, in activity: Activity) throws(ChangeError) -> Int {
        guard let position = place.position(in: activity.followUps) else {
            throw ChangeError(.conflict, "vervolgactie '\(place.seen.text)' bij '\(activity.title)' is intussen gewijzigd of weg" + ChangeError.lookAgain)
        }
        return position
    }

    func checkRelation(_ relation: Relation) throws(ChangeError) {
        if relation.id == Organiser.municipalitySlug {
            throw ChangeError(.invalid, "'\(Organiser.municipalitySlug)' is gereserveerd voor de gemeente zelf", field: "id")
        }
        if let problem = RelationRules.problems(relation, in: self).first {
            throw ChangeError(.invalid, problem.message, field: problem.field)
        }
    }

    /// Nothing is carried out before it starts: a carried-out activity has a start date of today or earlier.
    private func checkCarriedOut(_ activity: Activity, today: CalendarDate) throws(ChangeError) {
        guard let start = activity.startDate else {
            throw ChangeError(.invalid, "'\(activity.title)' heeft geen begindatum; vul eerst in wanneer ze plaatsvond", field: "startDate")
        }
        guard start <= today else {
            throw ChangeError(.invalid, "'\(activity.title)' begint pas op \(DateWriting.standard.date(start)); een activiteit is op zijn vroegst op haar begindatum uitgevoerd",
                              field: "startDate")
        }
    }

    /// What a rejection or a cancellation without a reason is told.
    public static func missingEndReason(_ status: ActivityStatus, of title: String) -> String {
        status == .afgewezen ? "afwijzen vraagt een reden: waarom gaat '\(title)' niet door?"
            : "annuleren vraagt een reden: waarom gaat '\(title)' niet door?"
    }

    /// A reason, decision or override reason made only of invisible characters (a zero-width space pasted in) looks
    /// given but says nothing: refused as new input, with the field it is in.
    static func refuseInvisible(reason: String, decision: String? = nil, overrideReason: String? = nil) throws(ChangeError) {
        for (text, field, name) in [(reason, "reason", "de reden"), (decision ?? "", "decision", "wie besloot"),
                                    (overrideReason ?? "", "overrideReason", "de reden om af te wijken")] where text.isOnlyInvisible {
            throw ChangeError(.invalid, "\(name) bestaat alleen uit onzichtbare tekens (zoals een spatie zonder breedte): schrijf een tekst die te lezen is",
                              field: field)
        }
    }

    /// A decision that is only a date says when, not who: most often a date typed one field too far.
    static func checkDecisionSaysWho(_ decision: String) throws(ChangeError) {
        guard (try? CalendarDate.read(decision.trimmingSpaces())) != nil else { return }
        throw ChangeError(.invalid, "'\(decision.trimmingSpaces())' is alleen een datum: vul in wie besloot, zoals 'Besluit B&W \(decision.trimmingSpaces())' of 'mandaat wethouder economie'",
                          field: "decision")
    }

    /// A new activity: carried out only when it has started; already approved (or planned) only with who decided.
    private func checkNewActivity(_ activity: Activity, today: CalendarDate) throws(ChangeError) {
        if activity.status.isCarriedOut { try checkCarriedOut(activity, today: today) }
        if activity.status == .goedgekeurd || activity.status == .gepland, activity.statusHistory.first?.decision?.isBlank ?? true {
            throw ChangeError(.invalid, "een activiteit die al is goedgekeurd, legt vast wie besloot: een besluit van B&W of een mandaat", field: "decision")
        }
    }

    /// An activity made rejected or cancelled at once: why is asked as a move there asks it (an import says "Import").
    private static func checkEndReason(_ activity: Activity) throws(ChangeError) {
        guard activity.status.endsWithoutGoingAhead, activity.statusHistory.first?.reason.isBlank ?? true else { return }
        let way = activity.status == .afgewezen ? "als idee, zet haar in afweging en wijs haar dan met de reden af"
            : "als idee en annuleer haar dan met de reden"
        throw ChangeError(.invalid, missingEndReason(activity.status, of: activity.title) + " Voeg haar toe \(way).", field: "status")
    }

    /// An activity made already approved or planned is approving: held to the rule moving to goedgekeurd is held to,
    /// the reason read from its one history entry.
    private func checkApprovalReason(_ activity: Activity, context: ChangeContext) throws(ChangeError) {
        guard activity.status == .goedgekeurd || activity.status == .gepland else { return }
        guard activity.statusHistory.first?.overrideReason?.isBlank ?? true,
              let why = whyApprovalNeedsOverride(activity, weighingBudget: weighsBudget(context), ledger: context.budget) else { return }
        throw ChangeError(.invalid, "\(why): een activiteit die meteen goedgekeurd of gepland is, vraagt een expliciete reden om daarvan af te wijken",
                          field: "overrideReason")
    }

    /// Why approving `activity` asks an explicit reason to set the Kader aside: its latest weighing is negative, or,
    /// not weighed yet, a rule makes it negative whatever the answers (a relation or country on laag pitje, a
    /// destination outside Europe outside the focus). Nil when approving asks no such reason.
    /// `byRules` false: only a saved weighing counts (no weighing is made). `weighingBudget`: also whether its cost fits
    /// its budget line's year (`Assessor.budgetShortfall`), with `ledger` for a dossier that holds only some activities.
    public func whyApprovalNeedsOverride(_ activity: Activity, byRules: Bool = true, weighingBudget: Bool = false, ledger: BudgetLedger? = nil) -> String? {
        let isNegative = activity.assessments.last?.verdict == .negatief
        // Every reason at once, so that the one override given answers them all: a rule and the budget.
        var reasons: [String] = []
        // The rules as the activity is now: an edit after a positive weighing (a destination in China added) can break one,
        // which that weighing did not see. A college decision recorded with the weighing still lifts the laag pitje.
        if !isNegative, byRules, var rule = Assessor.ruleWarnings(activity, in: self, answers: activity.assessments.last?.answers ?? AssessmentAnswers()).first?.text {
            if rule.hasSuffix(".") { rule.removeLast() }
            reasons.append(activity.assessments.isEmpty ? "is volgens het Kader negatief, ook zonder antwoorden (\(rule))"
                           : "is volgens het Kader nu negatief (\(rule)), al was de laatste afweging dat niet (die is van vóór een wijziging)")
        }
        // Approving commits the money: whether it fits is weighed now, also after a positive weighing made before others took the budget.
        if weighingBudget, var shortfall = Assessor.budgetShortfall(activity, in: self, ledger: ledger)?.text {
            if shortfall.hasSuffix(".") { shortfall.removeLast() }
            reasons.append("past niet in het budget (\(shortfall))")
        }
        // Costs without a date fall in no year of the budget: approved so, they would never be counted.
        if weighingBudget, activity.startDate == nil, activity.budgetLine != nil, activity.budgetedCost.cents > 0 {
            reasons.append("heeft kosten (\(activity.budgetedCost.formatted)) maar geen datum, dus telt het budget ze in geen enkel jaar; "
                           + "geef een begindatum")
        }
        // A negative weighing says so first; what the budget has left is said with it, for that too is what the reason answers.
        if isNegative {
            return "de laatste afweging van '\(activity.title)' is negatief" + (reasons.isEmpty ? "" : ", en de activiteit " + reasons.joined(separator: ", en "))
        }
        return reasons.isEmpty ? nil : "'\(activity.title)' " + reasons.joined(separator: ", en ")
    }

    /// Whether an approval is weighed against the budget: not on replay (the journal holds what was accepted then), not
    /// for an import's rows (`ChangeContext.isImport`), and on a dossier of only some activities only with the budget
    /// of all (`ChangeContext.budget`).
    private func weighsBudget(_ context: ChangeContext) -> Bool {
        !context.isReplay && !context.isImport && (!isPart || context.budget != nil)
    }

    func checkActivity(_ activity: Activity) throws(ChangeError) {
        if let problem = ActivityRules.problems(activity, in: self).first {
            throw ChangeError(.invalid, problem.message, field: problem.field)
        }
    }

    /// Applies every change or none: on the first refusal the ones already applied are undone, newest first.
    /// The restoration undoes the whole batch: it names every entity any step touched, as it was before the first,
    /// at its place in the lists before the first step (`BatchPlaces`), so putting it back restores every place.
    private mutating func applyBatch(_ changes: [Change], label: String, context: ChangeContext) throws(ChangeError) -> Restoration {
        var undos: [Restoration] = []
        undos.reserveCapacity(changes.count)
        var relationPlaces = BatchPlaces(), activityPlaces = BatchPlaces()
        var seenRelations = Set<String>(), seenActivities = Set<String>()
        var relations: [Snapshot<Relation>] = [], activities: [Snapshot<Activity>] = []
        let ownContactsBefore = internalContacts, budgetLinesBefore = budgetLines, frameworkBefore = framework
        let isOneStep = Change.isActivityStep(changes)
        for (index, change) in changes.enumerated() {
            let undo: Restoration
            do {
                undo = try apply(change, context: context)
            } catch {
                for undo in undos.reversed() { _ = try? apply(.restore(undo), context: context) }
                // A step of one record is refused as that step; a batch of many names the part.
                throw isOneStep ? error : ChangeError(error.kind, "\(label), onderdeel \(index + 1): \(error.message)", field: error.field)
            }
            undos.append(undo)
            for var snapshot in undo.relations where seenRelations.insert(snapshot.id).inserted {
                if snapshot.value != nil { snapshot.position = relationPlaces.placeBefore(snapshot.position) }
                relations.append(snapshot)
            }
            for var snapshot in undo.activities where seenActivities.insert(snapshot.id).inserted {
                if snapshot.value != nil { snapshot.position = activityPlaces.placeBefore(snapshot.position) }
                activities.append(snapshot)
            }
            relationPlaces.record(removed: undo.relations.compactMap { $0.value != nil && relationPosition($0.id) == nil ? $0.position : nil },
                                  inserted: undo.relations.compactMap { $0.value == nil ? relationPosition($0.id) : nil }, count: self.relations.count)
            activityPlaces.record(removed: undo.activities.compactMap { $0.value != nil && activityPosition($0.id) == nil ? $0.position : nil },
                                  inserted: undo.activities.compactMap { $0.value == nil ? activityPosition($0.id) : nil }, count: self.activities.count)
        }
        // The municipality's own contacts, the budget lines and the framework are a handful: compared whole, before the first
        // step and after the last (no change adds or removes a budget line: each keeps its place).
        let lines = zip(budgetLinesBefore, budgetLines).enumerated().compactMap { position, pair in
            pair.0 == pair.1 ? nil : Snapshot(id: pair.0.id, value: pair.0, position: position)
        }
        return Restoration(label: label, relations: relations, activities: activities,
                           ownContacts: Dossier.snapshots(from: ownContactsBefore, to: internalContacts), budgetLines: lines,
                           framework: framework == frameworkBefore ? nil : Snapshot(id: Framework.snapshotID, value: frameworkBefore, position: 0))
    }

    /// A review date given now lies after today (a replayed one stands as it was).
    private static func checkReviewDate(_ reviewDate: CalendarDate, context: ChangeContext) throws(ChangeError) {
        guard reviewDate > context.today || context.isReplay else {
            throw ChangeError(.invalid, "de herijkingsdatum moet na vandaag (\(DateWriting.standard.date(context.today))) liggen", field: "reviewDate")
        }
    }
}
