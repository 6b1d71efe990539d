import DossierCore

/// The full description of a relation or activity as lines of text for `dossier show`.
enum DetailText {
    static func relation(_ relation: Relation, in dossier: Dossier) -> [String] {
        var lines = [TerminalSafeText.line("\(relation.name)  (\(relation.id))"), ""]
        var fields: [(String, String)] = [
            ("Soort", relation.kind.label),
            ("Status", relation.status.label + (relation.reviewDate.map { " — herijking \($0.iso)" } ?? "")),
            ("Land/regio", [relation.countries.names, relation.region].filter { !$0.isEmpty }.joined(separator: " — ")),
            ("Plaatsen", relation.places.joined(separator: ", ")),
            ("Ligging", relation.countries.location),
            ("Sectoren", relation.sectors.map(\.label).joined(separator: ", ")),
            ("Motieven", relation.motives.map(\.label).joined(separator: ", ")),
        ]
        if let via = relation.via { fields.append(("Via", dossier.relationName(via))) }
        fields += [
            ("Instituten", relation.institutes.joined(separator: "; ")),
            ("Bedrijven", relation.companies.joined(separator: "; ")),
            ("Bron", relation.source),
        ]
        lines += fieldLines(fields)
        lines += section("Toelichting", relation.notes.isEmpty ? [] : wrapped(relation.notes))
        lines += section("Contactpersonen", relation.contacts.map(contactLine))
        lines += section("Statusgeschiedenis", relation.statusHistory.flatMap { change in
            [historyLine(change)] + wrapped(change.reason, indent: 14)
        })
        let activities = ActivityQuery.sortedChronologically(dossier.activities(of: relation.id))
        lines += section("Activiteiten (\(activities.count))", activities.map { activity in
            TerminalSafeText.line("  \(activity.startDate?.iso ?? "geen datum")  \(activity.title)  [\(activity.status.label)]  (\(activity.id))")
        })
        return lines
    }

    static func activity(_ activity: Activity, in dossier: Dossier) -> [String] {
        var lines = [TerminalSafeText.line("\(activity.title)  (\(activity.id))"), ""]
        var fields: [(String, String)] = [
            ("Soort", activity.kind.label),
            ("Status", activity.status.label),
            ("Datum", dateRange(activity)),
            ("Relaties", activity.relations.map(dossier.relationName).joined(separator: ", ")),
            ("Organisator", activity.organiser.relationID.map(dossier.relationName) ?? "Gemeente Oss"),
            ("Landen", activity.countries.names),
            ("Ligging", activity.countries.location),
            ("Sectoren", activity.sectors.map(\.label).joined(separator: ", ")),
            ("Budgetregel", dossier.budgetLineName(of: activity)),
            ("Geraamde kosten", activity.estimatedCost?.formatted ?? ""),
            ("Werkelijke kosten", activity.actualCost?.formatted ?? ""),
        ]
        if let visit = activity.visit {
            fields += [
                ("Richting", visit.direction.label),
                (visit.direction == .inkomend ? "Delegatie uit" : "Missie naar", visit.delegationFrom),
                ("Geleid door", visit.ledBy),
                ("Omvang", visit.size.map { "\($0) personen" } ?? ""),
                ("Gastheren", visit.hosts.joined(separator: ", ")),
                ("Programma", visit.programme.joined(separator: "; ")),
            ]
        }
        lines += fieldLines(fields)
        lines += section("Deelnemers", activity.participants.map { participant in
            TerminalSafeText.line("  \(participant.name) — \(participant.role.label)\(participant.organisation.isEmpty ? "" : ", \(participant.organisation)")")
        })
        lines += section("Resultaten", activity.outcomes.isEmpty ? [] : wrapped(activity.outcomes))
        lines += section("Vervolgacties", activity.followUps.map { followUp in
            let due = followUp.due.map { " (uiterlijk \($0.iso))" } ?? ""
            let owner = followUp.owner.isEmpty ? "" : " — \(followUp.owner)"
            return TerminalSafeText.line("  [\(followUp.isDone ? "x" : " ")] \(followUp.text)\(due)\(owner)")
        })
        lines += section("Toelichting", activity.notes.isEmpty ? [] : wrapped(activity.notes))
        lines += section("Afwegingen", activity.assessments.map { assessment in
            TerminalSafeText.line("  \(assessment.timestamp.iso)  \(assessment.verdict.label)  (\(assessment.by))")
        })
        lines += section("Statusgeschiedenis", activity.statusHistory.flatMap { change in
            var entry = [historyLine(change)]
            if !change.reason.isEmpty { entry += wrapped(change.reason, indent: 14) }
            if let decision = change.decision { entry += wrapped("Besluit: \(decision)", indent: 14) }
            if let override = change.overrideReason { entry += wrapped("Afwijking van negatieve afweging: \(override)", indent: 14) }
            return entry
        })
        return lines
    }

    static func dateRange(_ activity: Activity) -> String {
        switch (activity.startDate, activity.endDate) {
        case let (start?, end?) where end != start: "\(start.iso) t/m \(end.iso)"
        case let (start?, _): start.iso
        default: "geen datum"
        }
    }

    private static func contactLine(_ contact: Contact) -> String {
        var parts = [contact.name]
        let function = [contact.role, contact.organisation].filter { !$0.isEmpty }.joined(separator: ", ")
        if !function.isEmpty { parts.append(function) }
        if !contact.email.isEmpty { parts.append(contact.email) }
        if !contact.phone.isEmpty { parts.append(contact.phone) }
        let consulted = contact.consultedForFramework ? "  [gesprekspartner Kader]" : ""
        return TerminalSafeText.line("  " + parts.joined(separator: " — ") + consulted)
    }

    private static func historyLine<Status: Vocabulary>(_ change: StatusChange<Status>) -> String {
        let step = change.isReview ? "Herijking: blijft \(change.to.label)" : change.from.map { "\($0.label) → \(change.to.label)" } ?? change.to.label
        let review = change.reviewDate.map { "  herijking \($0.iso)" } ?? ""
        return TerminalSafeText.line("  \(change.date.iso)  \(step)  (\(change.by))\(review)")
    }

    private static func fieldLines(_ fields: [(String, String)]) -> [String] {
        let width = fields.map { DisplayWidth.of($0.0) }.max() ?? 0
        return fields.filter { !$0.1.isEmpty }.map { label, value in
            TerminalSafeText.line(DisplayWidth.fit(label + ":", to: width + 2) + value)
        }
    }

    private static func section(_ title: String, _ body: [String]) -> [String] {
        guard !body.isEmpty else { return [] }
        return ["", title] + body
    }

    private static func wrapped(_ text: String, indent: Int = 2) -> [String] {
        let prefix = String(repeating: " ", count: indent)
        return TerminalSafeText.lines(text).flatMap { DisplayWidth.wrap($0, to: 100 - indent) }.map { prefix + $0 }
    }
}
