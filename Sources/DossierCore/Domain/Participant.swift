/// Someone who takes part in an activity: a councillor, an official, an entrepreneur.
public struct Participant: Hashable, Sendable {
    public var name: String
    public var role: ParticipantRole
    public var organisation: String

    public init(name: String, role: ParticipantRole, organisation: String = "") {
        self.name = name
        self.role = role
        self.organisation = organisation
    }
}
