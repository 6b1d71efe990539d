/// What a delegation visit (`delegatiebezoek`) adds to an activity. Entrepreneurs present are the
/// activity's participants with the role `ondernemer`; follow-ups are the activity's follow-ups.
public struct VisitDetails: Hashable, Sendable {
    public var direction: VisitDirection
    /// Where the delegation comes from (incoming) or goes to (outgoing).
    public var delegationFrom: String
    public var ledBy: String
    public var size: Int?
    public var hosts: [String]
    /// The programme as typed: "Rondleiding Pivot Park, lunch met Organon" (commas are part of the text).
    public var programme: String

    public init(direction: VisitDirection, delegationFrom: String, ledBy: String = "", size: Int? = nil,
                hosts: [String] = [], programme: String = "") {
        self.direction = direction
        self.delegationFrom = delegationFrom
        self.ledBy = ledBy
        self.size = size
        self.hosts = hosts
        self.programme = programme
    }
}
