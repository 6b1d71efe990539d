/// An activity approved that was never weighed against the Kader, or whose last weighing said to look again: allowed (a
/// decision of the college stands on its own), but the Kader's way of working weighs first, so it is said, with how to
/// record the weighing after all, or that the year's report names the approval.
public enum UnweighedApproval {
    /// Said after the step, which names the activity already: short enough for the screen's message line.
    /// Planning what was approved says nothing: it was said at the approval. Approved with a reason to set the weighing
    /// aside (`settingAside`), the report names it among those. `weighWith`: how to weigh it where the notice is read (the
    /// screen's key, or the command).
    public static func notice(_ activity: Activity, from previous: ActivityStatus, to status: ActivityStatus, settingAside: Bool,
                              weighWith: String) -> String? {
        guard status == .goedgekeurd || status == .gepland && previous != .goedgekeurd else { return nil }
        guard let last = activity.assessments.last else {
            return "Let op: \(status.label.lowercased()) zonder afweging tegen het Kader; leg die alsnog vast (\(weighWith))."
        }
        guard status == .goedgekeurd, last.verdict == .naderBekijken, !settingAside else { return nil }
        return "Let op: de laatste afweging zegt nader bekijken; het jaarverslag noemt deze goedkeuring, met het besluit."
    }
}
