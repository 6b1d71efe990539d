/// A rule a value breaks: where (a path inside the entity, such as `.contacts[0].name`) and what.
public struct FieldProblem: Hashable, Sendable {
    public var path: JSONPath
    public var message: String

    public init(_ path: JSONPath, _ message: String) {
        self.path = path
        self.message = message
    }

    public init(key: String, _ message: String) {
        self.init(JSONPath([.key(key)]), message)
    }

    /// The first key of the path: the field a form shows the message under. A visit's own fields (`visit.programme`) are
    /// the visit form's fields, by their key.
    public var field: String? {
        if path.components.count > 1, case .key("visit") = path.components[0], case .key(let inner) = path.components[1] { return inner }
        if case .key(let key)? = path.components.first { return key }
        return nil
    }
}
