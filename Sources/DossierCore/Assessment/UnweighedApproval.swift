/// An activity approved that was never weighed against the Kader: allowed (a decision of the college stands on its
/// own), but the Kader's way of working weighs first, so it is said, with how to record the weighing after all.
public enum UnweighedApproval {
    /// Said after the step, which names the activity already: short enough for the screen's message line.
    public static func notice(_ activity: Activity, to status: ActivityStatus) -> String? {
        guard status == .goedgekeurd || status == .gepland, activity.assessments.isEmpty else { return nil }
        return "Let op: \(status.label.lowercased()) zonder afweging tegen het Kader; leg die alsnog vast (a, of dossier assess \(activity.id))."
    }
}
