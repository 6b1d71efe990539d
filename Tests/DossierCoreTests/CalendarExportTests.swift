@testable import DossierCore
import DossierTestSupport
import Testing

/// Which activities a subscribed calendar gets: once there, an activity stays while it is approved, planned or
/// carried out, and is sent as cancelled when it is called off.
@Suite("iCalendar: which activities")
struct CalendarExportTests {
    @Test("an activity with a date stays in the calendar once carried out; one without a decision or turned down is not sent",
          arguments: ActivityStatus.allCases)
    func carriedOutStays(status: ActivityStatus) {
        let activity = Activity(id: "missie", title: "Missie", kind: .handelsmissie, status: status, startDate: Fixtures.date("2026-05-04"))
        let expected = [.goedgekeurd, .gepland, .uitgevoerd, .geevalueerd, .geannuleerd].contains(status)
        #expect(ICalendar.includes(activity) == expected)
        let undated = Activity(id: "missie", title: "Missie", kind: .handelsmissie, status: status)
        #expect(!ICalendar.includes(undated))
    }

    /// A visit is in the calendar from the start (tentative while it is weighed): turned down, it stays there as
    /// cancelled, since a calendar that imports a newer export does not remove what that export leaves out.
    @Test("a visit turned down is sent as cancelled; a relation taken off laag pitje sends its review as cancelled")
    func calledOff() throws {
        var dossier = Fixtures.smallDossier()
        let visit = Activity(id: "bezoek", title: "Delegatie uit Kopenhagen", kind: .delegatiebezoek, status: .afgewezen,
                             startDate: Fixtures.date("2027-06-08"), visit: VisitDetails(direction: .inkomend, delegationFrom: "Kopenhagen"),
                             statusHistory: [StatusChange(date: Fixtures.date("2026-11-01"), from: nil, to: .inAfweging, reason: "", by: "t"),
                                             StatusChange(date: Fixtures.date("2026-11-20"), from: .inAfweging, to: .afgewezen, reason: "", by: "t")])
        try dossier.apply(.addActivity(visit), context: Fixtures.context)
        try dossier.apply(.setRelationStatus("taizhou", status: .actief, reason: "weer actief", reviewDate: nil), context: Fixtures.context)
        let text = String(decoding: ICalendar.encode(dossier, now: Fixtures.now), as: UTF8.self).replacingOccurrences(of: "\r\n ", with: "")
        let events = text.components(separatedBy: "BEGIN:VEVENT").dropFirst()
        let kopenhagen = try #require(events.first { $0.contains("UID:bezoek@") })
        #expect(kopenhagen.contains("STATUS:CANCELLED"))
        let review = try #require(events.first { $0.contains("UID:herijking-taizhou@") })
        #expect(review.contains("STATUS:CANCELLED") && review.contains("DTSTART;VALUE=DATE:20301231"), "\(review)")
        #expect(review.contains("SEQUENCE:\(Fixtures.now.secondsSinceEpoch - 1_577_836_800)"), "newer than the one sent while it was on laag pitje")
        #expect(!events.contains { $0.contains("UID:herijking-") && !$0.contains("taizhou") }, "no other relation was ever on laag pitje")
    }

    @Test("an activity whose id could be a relation's review gets a UID of its own: no two items in one export share one")
    func uniqueUIDs() throws {
        var dossier = Fixtures.smallDossier()
        try dossier.apply(.addActivity(Activity(id: "herijking-taizhou", title: "Herijking Taizhou", kind: .overig, status: .goedgekeurd,
                                                startDate: Fixtures.date("2027-09-01"),
                                                statusHistory: [StatusChange(date: Fixtures.date("2026-11-01"), from: nil, to: .goedgekeurd, reason: "",
                                                                             by: "t", decision: "Mandaat wethouder")])), context: Fixtures.context)
        let text = String(decoding: ICalendar.encode(dossier, now: Fixtures.now), as: UTF8.self).replacingOccurrences(of: "\r\n ", with: "")
        let uids = text.components(separatedBy: "\r\n").filter { $0.hasPrefix("UID:") }
        #expect(Set(uids).count == uids.count, "\(uids)")
        #expect(uids.contains("UID:activiteit.herijking-taizhou@dossier.gemeente-oss.nl") && uids.contains("UID:herijking-taizhou@dossier.gemeente-oss.nl"))
        // Its follow-up points at the activity, not at the review.
        try dossier.apply(.addFollowUp("herijking-taizhou", FollowUp(text: "Verslag", due: Fixtures.date("2027-09-15"))), context: Fixtures.context)
        let again = String(decoding: ICalendar.encode(dossier, now: Fixtures.now), as: UTF8.self).replacingOccurrences(of: "\r\n ", with: "")
        #expect(again.contains("RELATED-TO:activiteit.herijking-taizhou@dossier.gemeente-oss.nl") && !again.contains("RELATED-TO:herijking-"))
    }

    @Test("a later export is a newer version of every item, also when only a date or a title changed")
    func laterExportIsNewer() throws {
        var dossier = Fixtures.smallDossier()
        func sequences(at moment: Timestamp) -> [String: Int] {
            let text = String(decoding: ICalendar.encode(dossier, now: moment), as: UTF8.self).replacingOccurrences(of: "\r\n ", with: "")
            var result: [String: Int] = [:]
            for item in text.components(separatedBy: "BEGIN:V").dropFirst() {
                let lines = item.components(separatedBy: "\r\n")
                guard let uid = lines.first(where: { $0.hasPrefix("UID:") }), let sequence = lines.first(where: { $0.hasPrefix("SEQUENCE:") }) else { continue }
                result[uid] = Int(sequence.dropFirst("SEQUENCE:".count))
            }
            return result
        }
        let before = sequences(at: Fixtures.now)
        #expect(!before.isEmpty)
        let mission = try #require(dossier.activity("missie-lyon"))
        try dossier.apply(.editActivity("missie-lyon", [FieldEdit(field: "startDate", old: .text(mission.startDate?.iso ?? ""), new: .text("2027-04-01"))]),
                          context: Fixtures.context)
        let after = sequences(at: Timestamp(secondsSinceEpoch: Fixtures.now.secondsSinceEpoch + 60))
        for (uid, sequence) in before {
            #expect((after[uid] ?? 0) > sequence, "\(uid)")
        }
    }

    @Test("an activity takes place at its relations' places in the countries it goes to, else in those countries; a tab in a text is a space")
    func place() {
        let dossier = Fixtures.smallDossier()
        func at(_ relations: [RelationID], _ codes: [String], kind: ActivityKind = .beurs) -> String {
            ICalendar.place(of: Activity(id: "a", title: "A", kind: kind, relations: relations, countries: codes.map { Fixtures.countries($0)[0] }), in: dossier)
        }
        #expect(at(["pivot-park"], ["DE"]) == "Duitsland", "a fair abroad with a partner in Oss")
        #expect(at(["rhone-alpes", "pivot-park"], ["FR"]).hasPrefix("Lyon, Grenoble"), "\(at(["rhone-alpes", "pivot-park"], ["FR"]))")
        #expect(at(["pivot-park"], []) == dossier.relation("pivot-park")?.placeSummary)
        // A trade mission without a destination does not go to its Dutch partner's town; one with a partner abroad goes there.
        #expect(at(["pivot-park"], [], kind: .handelsmissie) == "")
        #expect(at(["rhone-alpes", "pivot-park"], [], kind: .handelsmissie).hasPrefix("Lyon, Grenoble"))
        #expect(ICalendar.escape("tab\there") == "tab here")
        #expect(ICalendar.escape("regel\u{0B}overgang\u{07}bel") == "regel overgang bel", "a control character from Word keeps the words apart")
    }

    @Test("folded at 75 octets between characters; a character longer than a line (a letter under fifty accents) between its code points")
    func foldsLongCharacters() {
        let zalgo = "e" + String(repeating: "\u{301}", count: 50)
        for line in ["Zalgo: \(zalgo) einde", String(repeating: "ü€😀👩‍👩‍👧", count: 12)] {
            let folded = ICalendar.fold("DESCRIPTION:" + line)
            let lines = folded.split(separator: 0x0A).map { Array($0) }
            #expect(lines.allSatisfy { $0.count <= 76 }, "75 octets and the CR: \(lines.map(\.count))")
            #expect(lines.allSatisfy { String(validating: $0, as: UTF8.self) != nil }, "no UTF-8 sequence split")
            // Unfolded on bytes: a continuation's space before a combining accent is one character to a String.
            var unfolded: [UInt8] = []
            for byte in folded {
                if byte == 0x20, unfolded.suffix(2) == [0x0D, 0x0A] { unfolded.removeLast(2) } else { unfolded.append(byte) }
            }
            #expect(unfolded == Array(("DESCRIPTION:" + line + "\r\n").utf8))
        }
    }
    /// A calendar that imports a newer export keeps what that export leaves out: the export it replaces says what to call off.
    @Test("given the export it replaces, what that held and this one lacks (deleted, undated, no longer approved, a follow-up removed) goes out as cancelled")
    func vanishedItemsCancelled() throws {
        var dossier = Fixtures.smallDossier()
        let mission = Activity(id: "missie", title: "Missie", kind: .handelsmissie, status: .gepland, startDate: Fixtures.date("2027-05-04"),
                               followUps: [FollowUp(text: "Verslag", due: Fixtures.date("2027-05-20"))],
                               statusHistory: [StatusChange(date: Fixtures.date("2026-11-01"), from: nil, to: .gepland, reason: "", by: "t", decision: "B&W")])
        try dossier.apply(.addActivity(mission), context: Fixtures.context)
        let first = ICalendar.encode(dossier, now: Fixtures.now)
        let missionUID = "missie@dossier.gemeente-oss.nl", taskUID = "streefdatum.missie.verslag@dossier.gemeente-oss.nl"
        #expect(Set(ICalendar.previousItems(in: first).map(\.uid)).isSuperset(of: [missionUID, taskUID]))

        try dossier.apply(.deleteActivity("missie"), context: Fixtures.context)
        let later = Timestamp(secondsSinceEpoch: Fixtures.now.secondsSinceEpoch + 60)
        #expect(!Self.items(ICalendar.encode(dossier, now: later)).keys.contains(missionUID), "without the earlier export nothing says it went")
        let second = ICalendar.encode(dossier, now: later, previous: first)
        let items = Self.items(second)
        for uid in [missionUID, taskUID] {
            let item = try #require(items[uid], "\(uid)")
            #expect(item.filter { $0.hasPrefix("STATUS:") } == ["STATUS:CANCELLED"], "\(item)")
            #expect(item.contains("SEQUENCE:\(later.secondsSinceEpoch - 1_577_836_800)"), "newer than the item it calls off")
            #expect(!item.contains { $0.hasPrefix("PERCENT-COMPLETE") })
            #expect(!item.contains { $0.hasPrefix("DESCRIPTION") || $0.hasPrefix("LOCATION") }, "what was deleted is not sent out again: \(item)")
        }
        #expect(items[missionUID]?.contains("DTSTART;VALUE=DATE:20270504") == true && items[missionUID]?.contains("SUMMARY:Missie") == true)
        #expect(ICalendar.previousItems(in: second).filter { $0.uid == "herijking-taizhou@dossier.gemeente-oss.nl" }.count == 1, "what is there goes once")

        // Carried on while a calendar may not have seen it yet; left out a year after its day.
        #expect(Self.items(ICalendar.encode(dossier, now: later, previous: second))[missionUID]?.contains("STATUS:CANCELLED") == true)
        #expect(Self.items(ICalendar.encode(dossier, now: Timestamp(date: Fixtures.date("2028-06-01")), previous: second))[missionUID] == nil)

        // Another program's calendar, or a file that is none, gives nothing to call off; a byte order mark changes nothing.
        let text = String(decoding: first, as: UTF8.self)
        #expect(ICalendar.previousItems(in: Array(text.replacingOccurrences(of: "PRODID:-//Gemeente Oss//dossier//NL", with: "PRODID:-//Ander//NL").utf8)).isEmpty)
        #expect(ICalendar.previousItems(in: Array("naam;datum\r\n".utf8)).isEmpty)
        #expect(ICalendar.previousItems(in: [0xEF, 0xBB, 0xBF] + first).count == ICalendar.previousItems(in: first).count)
    }

    /// Outlook and Google Calendar leave a VTODO out of an import: a follow-up's due date went nowhere there.
    @Test("a follow-up's due date is an all-day event; the task an earlier export made of it goes out as cancelled, once")
    func followUpsAreEvents() throws {
        var dossier = Fixtures.smallDossier()
        let mission = Activity(id: "missie", title: "Missie", kind: .handelsmissie, status: .gepland, startDate: Fixtures.date("2027-05-04"),
                               followUps: [FollowUp(text: "Verslag", due: Fixtures.date("2027-05-20"), owner: "Anna"),
                                           FollowUp(text: "Bedankbrief", due: Fixtures.date("2027-05-10"), isDone: true)],
                               statusHistory: [StatusChange(date: Fixtures.date("2026-11-01"), from: nil, to: .gepland, reason: "", by: "t", decision: "B&W")])
        try dossier.apply(.addActivity(mission), context: Fixtures.context)
        // As exports before 7 December 2026 wrote it.
        let earlierTask = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Gemeente Oss//dossier//NL", "BEGIN:VTODO",
                           "UID:vervolgactie.missie.verslag@dossier.gemeente-oss.nl", "DTSTAMP:20261101T090000Z", "SEQUENCE:5",
                           "DUE;VALUE=DATE:20270520", "SUMMARY:Verslag", "STATUS:NEEDS-ACTION", "END:VTODO", "END:VCALENDAR"]
        let output = ICalendar.encode(dossier, now: Fixtures.now, previous: Array((earlierTask.joined(separator: "\r\n") + "\r\n").utf8))
        let text = String(decoding: output, as: UTF8.self)
        #expect(text.components(separatedBy: "BEGIN:VTODO").count == 2, "no task but the cancellation of the earlier one")
        let items = Self.items(output)
        let open = try #require(items["streefdatum.missie.verslag@dossier.gemeente-oss.nl"])
        #expect(open.first == "BEGIN:VEVENT" && open.contains("DTSTART;VALUE=DATE:20270520") && open.contains("DTEND;VALUE=DATE:20270521"), "\(open)")
        #expect(open.contains("SUMMARY:Vervolgactie: Verslag") && open.contains("STATUS:CONFIRMED") && open.contains("TRANSP:TRANSPARENT"))
        #expect(open.contains("DESCRIPTION:Vervolgactie bij Missie\\nWie: Anna") && open.contains("RELATED-TO:missie@dossier.gemeente-oss.nl"))
        let done = try #require(items["streefdatum.missie.bedankbrief@dossier.gemeente-oss.nl"])
        #expect(done.contains("SUMMARY:Vervolgactie afgerond: Bedankbrief") && done.contains("STATUS:CONFIRMED"), "\(done)")
        let earlier = try #require(items["vervolgactie.missie.verslag@dossier.gemeente-oss.nl"])
        #expect(earlier.first == "BEGIN:VTODO" && earlier.contains("STATUS:CANCELLED") && earlier.contains("SEQUENCE:\(Fixtures.now.secondsSinceEpoch - 1_577_836_800)"),
                "\(earlier)")
        // The next export over this one calls the task off again (a calendar may not have seen it yet), not twice.
        let next = String(decoding: ICalendar.encode(dossier, now: Fixtures.now, previous: output), as: UTF8.self)
        #expect(next.components(separatedBy: "UID:vervolgactie.missie.verslag@").count == 2)
    }

    @Test("an earlier file is read as untrusted: nested, unclosed, doubled or undated items, stray END lines and control characters never reach the new export")
    func hostilePreviousExport() throws {
        let dossier = Fixtures.smallDossier()
        func item(_ uid: String, _ body: [String], kind: String = "VEVENT", end: String? = nil) -> [String] {
            ["BEGIN:\(kind)", "UID:\(uid)@dossier.gemeente-oss.nl", "DTSTAMP:20261101T090000Z", "SEQUENCE:5"] + body + [end ?? "END:\(kind)"]
        }
        let dated = ["DTSTART;VALUE=DATE:20270101", "SUMMARY:Weg"]
        let lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Gemeente Oss//dossier//NL"]
            + item("goed", dated) + item("goed", dated)                                      // the same twice: once
            + item("alarm", dated + ["BEGIN:VALARM", "ACTION:DISPLAY", "END:VALARM"])       // nested: left out
            + item("binnen", ["DTSTART;VALUE=DATE:20270101", "END:VCALENDAR", "SUMMARY:x"]) // a stray END: left out
            + item("ongelijk", dated, end: "END:VTODO")                                     // closed as another kind: left out
            + item("datum", ["DTSTART;VALUE=DATE:99999999"])                                // no day that reads: left out
            + item("stuur", ["DTSTART;VALUE=DATE:20270101", "SUMMARY:a\u{1B}[2Jb"])          // a control character: left out
            + item("later", dated + ["SEQUENCE:2147483000"])                                // a higher sequence (a clock ahead)
            + ["BEGIN:VEVENT", "UID:open@dossier.gemeente-oss.nl"]                           // never closed: left out
        let previous = Array((lines.joined(separator: "\r\n") + "\r\n").utf8)
        let previousItems = ICalendar.previousItems(in: previous)
        #expect(previousItems.map(\.uid) == ["goed@dossier.gemeente-oss.nl", "later@dossier.gemeente-oss.nl"], "\(previousItems.map(\.uid))")
        let output = ICalendar.encode(dossier, now: Fixtures.now, previous: previous)
        let text = String(decoding: output, as: UTF8.self)
        let begins = text.components(separatedBy: "\r\n").filter { $0.hasPrefix("BEGIN:") }.count
        let ends = text.components(separatedBy: "\r\n").filter { $0.hasPrefix("END:") }.count
        #expect(begins == ends && text.components(separatedBy: "END:VCALENDAR").count == 2, "balanced, one end of the calendar")
        #expect(Self.items(output)["later@dossier.gemeente-oss.nl"]?.contains("SEQUENCE:2147483001") == true, "newer than the item was")
        #expect(!text.contains("\u{1B}"))
    }

    /// The items of an export by UID, each as its unfolded lines.
    static func items(_ bytes: [UInt8]) -> [String: [String]] {
        let text = String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\r\n ", with: "")
        var items: [String: [String]] = [:]
        var current: [String] = []
        for line in text.components(separatedBy: "\r\n") {
            if line == "BEGIN:VEVENT" || line == "BEGIN:VTODO" { current = [line] } else if !current.isEmpty { current.append(line) }
            if line == "END:VEVENT" || line == "END:VTODO", let uid = current.first(where: { $0.hasPrefix("UID:") }) {
                items[String(uid.dropFirst(4))] = current
                current = []
            }
        }
        return items
    }
}
