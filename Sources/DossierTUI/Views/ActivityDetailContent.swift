import DossierCore

/// The information part of an activity's screen: fields, the visit, participants, costs, outcomes,
/// assessments and the status history. The follow-ups are the list below it.
enum ActivityDetailContent {
    static func lines(_ activity: Activity, in dossier: Dossier, theme: Theme, width: Int) -> [StyledLine] {
        var writer = DetailWriter(theme: theme, width: width)
        writer.field("Soort", activity.kind.label)
        writer.field("Status", activity.status.label, style: theme.activityStatus(activity.status))
        writer.field("Datum", dateRange(activity))
        writer.field("Relaties", activity.relations.map(dossier.relationName).joined(separator: ", "))
        writer.field("Organisator", activity.organiser.relationID.map(dossier.relationName) ?? "Gemeente Oss")
        writer.field("Landen", activity.countries.names)
        writer.field("Ligging", activity.countries.location)
        writer.field("Sectoren", activity.sectors.map(\.label).joined(separator: ", "))
        writer.field("Budgetregel", dossier.budgetLineName(of: activity))
        writer.field("Geraamde kosten", activity.estimatedCost?.formatted ?? "")
        writer.field("Werkelijke kosten", activity.actualCost?.formatted ?? "")
        writer.field("Id", activity.id, style: theme.muted)
        if let visit = activity.visit {
            writer.heading("Bezoek")
            writer.field("Richting", visit.direction.label)
            writer.field(visit.direction == .inkomend ? "Delegatie uit" : "Missie naar", visit.delegationFrom)
            writer.field("Geleid door", visit.ledBy)
            writer.field("Omvang", visit.size.map { "\($0) personen" } ?? "")
            writer.field("Gastheren", visit.hosts.joined(separator: ", "))
            writer.field("Programma", visit.programme.joined(separator: "; "))
        }
        if !activity.participants.isEmpty {
            writer.heading(activity.isVisit ? "Deelnemers (ondernemers: aanwezig)" : "Deelnemers")
            for role in ParticipantRole.allCases {
                let people = activity.participants.filter { $0.role == role }
                writer.field(role.label, ListText.participantText(people))
            }
        } else if activity.kind.isEconomic || activity.isVisit {
            writer.heading("Deelnemers")
            writer.paragraph("Nog geen deelnemers; ondernemers worden bij economische activiteiten steeds uitgenodigd.", style: theme.muted)
        }
        if !activity.outcomes.isEmpty {
            writer.heading("Resultaten")
            writer.paragraph(activity.outcomes)
        }
        if !activity.notes.isEmpty {
            writer.heading("Toelichting")
            writer.paragraph(activity.notes)
        }
        if !activity.assessments.isEmpty {
            writer.heading("Afwegingen")
            for assessment in activity.assessments.reversed() {
                writer.line(StyledLine([
                    .init(text: "  \(assessment.timestamp.iso.prefix(10))  ", style: theme.label),
                    .init(text: assessment.verdict.label, style: theme.verdict(assessment.verdict)),
                    .init(text: "  (\(assessment.by))", style: theme.muted),
                ]))
                for reason in assessment.reasons where reason.effect != .positief {
                    writer.paragraph("• \(reason.text)", indent: 14)
                }
            }
        }
        writer.heading("Statusgeschiedenis")
        for change in activity.statusHistory.reversed() {
            writer.line(StatusHistoryLine.make(change, theme: theme, style: theme.activityStatus(change.to)))
            writer.paragraph("door \(change.by)", indent: 14, style: theme.muted)
            if !change.reason.isEmpty { writer.paragraph(change.reason, indent: 14) }
            if let decision = change.decision { writer.paragraph("Besluit: \(decision)", indent: 14) }
            if let override = change.overrideReason {
                writer.paragraph("Afwijking van negatieve afweging: \(override)", indent: 14, style: theme.error)
            }
        }
        return writer.lines
    }

    static func dateRange(_ activity: Activity) -> String {
        switch (activity.startDate, activity.endDate) {
        case let (start?, end?) where end != start: "\(start.iso) t/m \(end.iso)"
        case let (start?, _): start.iso
        default: "geen datum"
        }
    }
}
