/// The rules for the links of a relation or activity: an id, a label, a target that is a web address or a
/// path, and no id twice.
public enum LinkRules {
    public static func problems(_ links: [Link]) -> [FieldProblem] {
        var problems: [FieldProblem] = []
        for (index, link) in links.enumerated() {
            let path = JSONPath([.key("links"), .index(index)])
            if !Slug.isValid(link.id) {
                problems.append(FieldProblem(path.appending(key: "id"), Identifier.invalid(link.id).message))
            } else if links[..<index].contains(where: { $0.id == link.id }) {
                problems.append(FieldProblem(path.appending(key: "id"), "link-id '\(link.id)' komt meer dan eens voor"))
            }
            if link.label.isBlank {
                problems.append(FieldProblem(path.appending(key: "label"), "een link heeft een omschrijving nodig"))
            }
            if let problem = link.target.problem {
                let key = if case .url = link.target { "url" } else { "path" }
                problems.append(FieldProblem(path.appending(key: key), problem.message))
            }
        }
        return problems
    }
}
