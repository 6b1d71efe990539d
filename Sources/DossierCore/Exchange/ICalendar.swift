/// The dossier's dates as an iCalendar file (RFC 5545) for Outlook and other calendars: planned activities
/// and delegation visits, the due dates of follow-ups and the review dates of relations on laag pitje, all as
/// all-day events. (Follow-ups are events, not tasks: Outlook and Google Calendar leave a VTODO out of an import.)
/// Every UID is made from what does not change (the activity's id, the follow-up's id in it, the relation's id), so
/// importing a newer export updates instead of adding a second copy; a cancelled activity is sent as cancelled, a
/// follow-up ticked off says so in its title.
public enum ICalendar {
    /// 2020-01-01T00:00:00Z, from which an export's SEQUENCE counts seconds.
    static let sequenceEpoch: Int64 = 1_577_836_800

    /// The domain that makes UIDs unique worldwide.
    public static let uidDomain = "dossier.gemeente-oss.nl"

    /// Which activities go into the calendar: those with a date that are approved, planned or carried out, and
    /// every delegation visit with a date (from the start, as tentative); a cancelled one too, and a visit turned
    /// down, so a calendar that had it shows it cancelled instead of keeping it (an item left out of a newer export is
    /// not removed by a calendar that imports it). A subscribed calendar keeps what took place, as it would have kept it itself.
    public static func includes(_ activity: Activity) -> Bool {
        guard activity.startDate != nil else { return false }
        if activity.isVisit { return true }
        return activity.status.countsAgainstBudget || activity.status == .geannuleerd
    }

    static let productLine = "PRODID:-//Gemeente Oss//dossier//NL"

    /// `previous`: the export this one replaces (the file `-o` names), whose items this one lacks are sent as cancelled
    /// (`ICalendar+Previous`).
    public static func encode(_ dossier: Dossier, now: Timestamp, previous: [UInt8]? = nil) -> [UInt8] {
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", productLine, "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
            "X-WR-CALNAME:" + escape("Internationale contacten gemeente Oss"),
        ]
        let stamp = compact(now)
        // Every export is a newer version of every item than the exports before it: a moved date or a new title counts
        // as much as a step in the life cycle, and the dossier keeps no revision per record. Seconds since 2020 (larger
        // than the count of status changes sent before 4 December 2026, and within 32 bits until 2088).
        // (An INTEGER of RFC 5545 holds at most 2.147.483.647: reached in 2088, and kept from then on.)
        let sequence = Int(min(max(0, now.secondsSinceEpoch - Self.sequenceEpoch), Int64(Int32.max)))
        for activity in dossier.activities where includes(activity) {
            guard let start = activity.startDate else { continue }
            // All-day events: DTEND is the day after the last day.
            let end = (activity.endDate ?? start).adding(days: 1)
            var description = ["\(activity.kind.label) — \(activity.status.label)"]
            if !activity.relations.isEmpty { description.append("Relaties: " + activity.relations.map(dossier.relationName).joined(separator: ", ")) }
            if let organiser = activity.organiser.relationID { description.append("Organisator: " + dossier.relationName(organiser)) }
            if let visit = activity.visit {
                description.append("\(visit.direction.label): \(visit.delegationFrom)" + (visit.ledBy.isEmpty ? "" : ", geleid door \(visit.ledBy)"))
                if !visit.hosts.isEmpty { description.append("Gastheren: " + visit.hosts.joined(separator: ", ")) }
                if !visit.programme.isEmpty { description.append("Programma: " + visit.programme) }
            }
            if !activity.notes.isEmpty { description.append(activity.notes) }
            let location = place(of: activity, in: dossier)
            lines += allDayEvent(uid: "\(activityUID(activity.id))@\(uidDomain)", stamp: stamp, start: start, end: end, sequence: sequence,
                                 summary: activity.title, description: description.joined(separator: "\n"), category: activity.kind.label)
            lines.append("STATUS:" + status(activity.status))
            if !location.isEmpty { lines.append("LOCATION:" + escape(location)) }
            lines.append("END:VEVENT")
        }
        for activity in dossier.activities {
            for followUp in activity.followUps {
                guard let due = followUp.due else { continue }
                var description = ["Vervolgactie bij \(activity.nameForItsFollowUps)"]
                if !followUp.owner.isEmpty { description.append("Wie: \(followUp.owner)") }
                if followUp.isDone { description.append("Afgevinkt in het dossier.") }
                lines += allDayEvent(uid: followUpUID(followUp, of: activity), stamp: stamp, start: due, end: due.adding(days: 1),
                                     sequence: sequence, summary: followUpTitle(followUp), description: description.joined(separator: "\n"),
                                     category: "Vervolgactie")
                lines.append("STATUS:CONFIRMED")
                if includes(activity) { lines.append("RELATED-TO:\(activityUID(activity.id))@\(uidDomain)") }
                lines.append("END:VEVENT")
            }
        }
        for relation in dossier.relations {
            let onLaagPitje = relation.status == .laagPitje
            let latest = relation.statusHistory.last { $0.to == .laagPitje }
            // Off laag pitje: the review an earlier export put in the calendar is called off there.
            guard let review = onLaagPitje ? relation.reviewDate : latest?.reviewDate else { continue }
            let reason = latest?.reason ?? ""
            let description = onLaagPitje ? "Herijkingsdatum van \(relation.name), op een laag pitje" + (reason.isEmpty ? "." : ": \(reason)")
                : "Vervallen: \(relation.name) staat niet meer op een laag pitje (nu \(relation.status.label.lowercased()))."
            lines += allDayEvent(uid: "herijking-\(relation.id)@\(uidDomain)", stamp: stamp, start: review, end: review.adding(days: 1),
                                 sequence: sequence, summary: AgendaEntry.reviewTitle(relation), description: description,
                                 category: "Herijking")
            lines += (onLaagPitje ? [] : ["STATUS:CANCELLED"]) + ["END:VEVENT"]
        }
        if let previous {
            let sent = Set(lines.lazy.filter { $0.hasPrefix("UID:") }.map { String($0.dropFirst(4)) })
            lines += cancellations(of: previousItems(in: previous), missingFrom: sent, stamp: stamp, sequence: sequence, today: now.utcDate)
        }
        lines.append("END:VCALENDAR")
        var bytes: [UInt8] = []
        for line in lines { bytes += fold(line) }
        return bytes
    }

    /// An activity's UID is its id, except where that could be a relation's review (`herijking-ID`): an activity named
    /// "Herijking An Giang" would otherwise share the UID of An Giang's review, and a calendar keeps only one of them.
    static func activityUID(_ id: ActivityID) -> String {
        id.hasPrefix("herijking-") ? "activiteit.\(id)" : id
    }

    /// The opening lines of an all-day event (DTEND is the day after the last day); the caller ends it.
    private static func allDayEvent(uid: String, stamp: String, start: CalendarDate, end: CalendarDate, sequence: Int, summary: String,
                                    description: String, category: String) -> [String] {
        ["BEGIN:VEVENT", "UID:\(uid)", "DTSTAMP:\(stamp)", "DTSTART;VALUE=DATE:\(compact(start))", "DTEND;VALUE=DATE:\(compact(end))",
         "SEQUENCE:\(sequence)", "SUMMARY:" + escape(summary), "DESCRIPTION:" + escape(description), "CATEGORIES:" + escape(category),
         "TRANSP:TRANSPARENT"]
    }

    /// The UID of an activity's follow-up: its id, not its place or its text, so that removing one, or correcting the
    /// text of one, leaves every item where a calendar has it. (The id is the slug of the text it was first given.) The
    /// parts are joined with dots, which neither an id nor a slug holds: no two follow-ups share a UID. Not the
    /// `vervolgactie.…` of the tasks earlier exports wrote: one UID is one kind of item, so a calendar that took in
    /// such a task sees it called off (`ICalendar+Previous`) and the event beside it.
    static func followUpUID(_ followUp: FollowUp, of activity: Activity) -> String {
        "streefdatum.\(activity.id).\(followUp.id)@\(uidDomain)"
    }

    /// A follow-up's title in a calendar: marked as one (the day is its due date, not an appointment), and as done once
    /// ticked off.
    static func followUpTitle(_ followUp: FollowUp) -> String {
        (followUp.isDone ? "Vervolgactie afgerond: " : "Vervolgactie: ") + followUp.text
    }

    private static func status(_ status: ActivityStatus) -> String {
        switch status {
        case .geannuleerd, .afgewezen: "CANCELLED"
        case .goedgekeurd, .idee, .inAfweging: "TENTATIVE"
        case .gepland, .uitgevoerd, .geevalueerd: "CONFIRMED"
        }
    }

    /// TEXT values: backslash, semicolon, comma and line breaks escaped (RFC 5545, 3.3.11).
    static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "\\": result += "\\\\"
            case ";": result += "\\;"
            case ",": result += "\\,"
            case "\n", "\r\n", "\r": result += "\\n"
            case "\t": result += " "
            default:
                // Other control characters are not allowed in a TEXT value: a space, as a tab, so the words either side (a
                // vertical tab from Word) stay apart.
                if let scalar = character.unicodeScalars.first, scalar.value < 0x20 || scalar.value == 0x7F {
                    result += " "
                    continue
                }
                result.append(character)
            }
        }
        return result
    }

    /// Lines of at most 75 octets, continued with CRLF and a space, never splitting a UTF-8 sequence: between characters,
    /// and only within one too long for a line of its own (a letter under fifty accents) between its code points.
    static func fold(_ line: String) -> [UInt8] {
        var output: [UInt8] = []
        var count = 0
        func append(_ bytes: [UInt8]) {
            if count + bytes.count > 75 {
                output += [0x0D, 0x0A, 0x20]
                count = 1
            }
            output += bytes
            count += bytes.count
        }
        for character in line {
            let bytes = Array(String(character).utf8)
            if bytes.count <= 74 {
                append(bytes)
            } else {
                for scalar in character.unicodeScalars { append(Array(String(scalar).utf8)) }
            }
        }
        output += [0x0D, 0x0A]
        return output
    }

    /// Where it takes place: an incoming visit in Oss, an outgoing one where the mission goes (and its
    /// countries); another activity at the places of its relations in the countries it goes to (all its relations'
    /// when it names none), else in its countries: a fair in Germany with a partner in Oss is in Germany.
    static func place(of activity: Activity, in dossier: Dossier) -> String {
        if let visit = activity.visit {
            if visit.direction == .inkomend { return "Oss" }
            let countries = activity.countries.names
            return (countries == visit.delegationFrom ? [countries] : [visit.delegationFrom, countries]).filter { !$0.isEmpty }.joined(separator: ", ")
        }
        let destination = Set(activity.countries.map(\.code))
        // Without a destination a trade mission's Dutch partner (the BOM) is not where it goes: only a relation abroad says that.
        let isMission = activity.kind == .handelsmissie
        let places = activity.relations.compactMap { dossier.relation($0) }
            .filter { relation in
                destination.isEmpty ? !isMission || ![relation].countriesAbroad.isEmpty
                    : relation.countries.contains { destination.contains($0.code) }
            }
            .map(\.placeSummary).filter { !$0.isEmpty }
        return places.isEmpty ? activity.countries.names : places.joined(separator: "; ")
    }

    private static func compact(_ date: CalendarDate) -> String { date.iso.filter { $0 != "-" } }

    private static func compact(_ moment: Timestamp) -> String { moment.iso.filter { $0 != "-" && $0 != ":" } }
}
