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

    @Test("each line starts with the number done takes, and the texts start in one column, with or without a date", arguments: DateWriting.Form.allCases)
    func numberedInColumns(form: DateWriting.Form) throws {
        let days = [1, 15, 28, 5, 30, 9, 12, 3, 21, 7, 11]
        var followUps = days.enumerated().map { FollowUp(text: "stap \($0.offset + 1)", due: Fixtures.date(String(format: "2027-%02d-%02d", $0.offset + 1, $0.element))) }
        followUps[3].due = nil
        followUps[6].isDone = true
        let lines = try followUpLines(followUps, dates: DateWriting(form: form))
        #expect(lines.count == 11)
        let textColumns = Set(zip(lines, 1...).map { line, number in line.range(of: "stap \(number)").map { line.distance(from: line.startIndex, to: $0.lowerBound) } })
        #expect(textColumns.count == 1 && !textColumns.contains(nil), "\(lines)")
        #expect(lines[0].hasPrefix(" 1. [ ] ") && lines[10].hasPrefix("11. [ ] ") && lines[6].hasPrefix(" 7. [x] "), "\(lines)")
        #expect(lines[3].contains("[ ] —"), "\(lines[3])")
    }
}
