import DossierCore
import DossierTestSupport
import Testing

/// The follow-ups of an activity as its document lists them: numbered as `done` counts them, dates in one column.
@Suite("Follow-ups in an activity's document")
struct FollowUpListTests {
    func followUpLines(_ followUps: [FollowUp], dates: DateWriting = .standard) throws -> [String] {
        let dossier = Fixtures.smallDossier()
        var activity = try #require(dossier.activity("missie-lyon"))
        activity.followUps = followUps
        let document = RecordDocument(activity: activity, in: dossier, today: Fixtures.clock.today(), dates: dates)
        for case let .list(list) in document.blocks where list.kind == .followUps { return list.items.map(\.text) }
        Issue.record("no follow-ups in the document")
        return []
    }

    @Test("shown by date (the open ones, those without a date after them, then the ones done), each line starting with the number done takes; the texts start in one column", arguments: DateWriting.Form.allCases)
    func numberedInColumns(form: DateWriting.Form) throws {
        let days = [1, 15, 28, 5, 30, 9, 12, 3, 21, 7, 11]
        var followUps = days.enumerated().map { FollowUp(text: "stap \($0.offset + 1)", due: Fixtures.date(String(format: "2027-%02d-%02d", 12 - $0.offset, $0.element))) }
        followUps[3].due = nil
        followUps[6].isDone = true
        let lines = try followUpLines(followUps, dates: DateWriting(form: form))
        let shown = [11, 10, 9, 8, 6, 5, 3, 2, 1, 4, 7]
        #expect(lines.count == 11)
        #expect(zip(lines, shown).allSatisfy { line, number in line.hasPrefix(String(format: "%2d. ", number)) }, "\(lines)")
        let textColumns = Set(zip(lines, shown).map { line, number in line.range(of: "stap \(number)").map { line.distance(from: line.startIndex, to: $0.lowerBound) } })
        #expect(textColumns.count == 1 && !textColumns.contains(nil), "\(lines)")
        #expect(lines[9].contains(" 4. [ ] —") && lines[10].hasPrefix(" 7. [x] "), "\(lines)")
    }

    @Test("equal dates keep the order they were entered in; a follow-up done goes below the open ones whatever its date")
    func shownOrder() {
        let date = Fixtures.date("2027-03-01")
        let followUps = [FollowUp(text: "a", due: date, isDone: true), FollowUp(text: "b"), FollowUp(text: "c", due: date),
                         FollowUp(text: "d", due: date), FollowUp(text: "e", due: Fixtures.date("2027-01-01"))]
        #expect(followUps.shownOrder == [4, 2, 3, 1, 0])
    }
}
