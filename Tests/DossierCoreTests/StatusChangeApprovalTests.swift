import Testing
@testable import DossierCore

/// A status change keeps its texts (with an approval's decision and overrule reason) in a box; to its users they are
/// plain fields, and entries with the same texts are equal however those were set.
@Suite("A status change's approval texts")
struct StatusChangeApprovalTests {
    let date = CalendarDate(year: 2026, month: 3, day: 12)!

    @Test("each text is set and read on its own; cleared again, the entry equals one that never had them")
    func setAndCleared() {
        let plain = StatusChange<ActivityStatus>(date: date, from: .inAfweging, to: .goedgekeurd, reason: "past in het kader", by: "adviseur")
        var change = plain
        change.decision = "B&W 12-3-2026"
        #expect(change.decision == "B&W 12-3-2026" && change.overrideReason == nil && change != plain)
        change.overrideReason = "raadsmotie"
        #expect(change.decision == "B&W 12-3-2026" && change.overrideReason == "raadsmotie")
        #expect(change == StatusChange(date: date, from: .inAfweging, to: .goedgekeurd, reason: "past in het kader", by: "adviseur",
                                       decision: "B&W 12-3-2026", overrideReason: "raadsmotie"))
        change.decision = nil
        #expect(change.decision == nil && change.overrideReason == "raadsmotie")
        change.overrideReason = nil
        #expect(change == plain && change.hashValue == plain.hashValue)
    }
}
