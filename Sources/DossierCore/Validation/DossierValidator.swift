/// A problem somewhere in a dossier, by its path from the root of the file.
public struct ValidationProblem: Hashable, Sendable, CustomStringConvertible {
    public var path: JSONPath
    public var message: String

    public init(path: JSONPath, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): \(message)" }
}

/// Checks a whole dossier against the rules of its relations, activities and budget lines.
public enum DossierValidator {
    public static func problems(in dossier: Dossier) -> [ValidationProblem] {
        var problems: [ValidationProblem] = []
        func add(_ base: JSONPath, _ fieldProblems: [FieldProblem]) {
            for problem in fieldProblems {
                problems.append(ValidationProblem(path: JSONPath(base.components + problem.path.components), message: problem.message))
            }
        }

        add(JSONPath([.key("framework")]), SizeRules.problems(dossier.framework))
        if let problem = Limits.lengthProblem(dossier.title, label: "Titel van het dossier", maximum: Limits.shortText) {
            problems.append(ValidationProblem(path: JSONPath([.key("title")]), message: problem))
        }
        if let problem = Limits.countProblem(dossier.relations.count, label: "Relaties", maximum: Limits.maximumRelations) {
            problems.append(ValidationProblem(path: JSONPath([.key("relations")]), message: problem))
        }
        if let problem = Limits.countProblem(dossier.activities.count, label: "Activiteiten", maximum: Limits.maximumActivities) {
            problems.append(ValidationProblem(path: JSONPath([.key("activities")]), message: problem))
        }
        if let problem = Limits.countProblem(dossier.internalContacts.count, label: "Contactpersonen binnen de gemeente") {
            problems.append(ValidationProblem(path: JSONPath([.key("internalContacts")]), message: problem))
        }
        if let problem = Limits.countProblem(dossier.budgetLines.count, label: "Budgetregels") {
            problems.append(ValidationProblem(path: JSONPath([.key("budgetLines")]), message: problem))
        }
        var relationIDs = Set<RelationID>()
        for (index, relation) in dossier.relations.enumerated() {
            let base = JSONPath([.key("relations"), .index(index)])
            if !relationIDs.insert(relation.id).inserted {
                problems.append(ValidationProblem(path: base.appending(key: "id"), message: "id '\(relation.id)' komt meer dan eens voor"))
            }
            add(base, RelationRules.problems(relation, in: dossier))
        }
        // Each activity is checked on its own, so the checks run on all cores. A repeated id is one whose
        // position in the dossier's id index (which keeps the first) is another.
        problems += ParallelChunks.map(dossier.activities.count) { range in
            dossier.activities.withUnsafeBufferPointer { activities in
                var found: [ValidationProblem] = []
                for index in range {
                    let base = JSONPath([.key("activities"), .index(index)])
                    if dossier.activityPosition(activities[index].id) != index {
                        found.append(ValidationProblem(path: base.appending(key: "id"), message: "id '\(activities[index].id)' komt meer dan eens voor"))
                    }
                    for problem in ActivityRules.problems(activities[index], in: dossier) {
                        found.append(ValidationProblem(path: JSONPath(base.components + problem.path.components), message: problem.message))
                    }
                }
                return found
            }
        }
        var budgetIDs = Set<String>()
        for (index, line) in dossier.budgetLines.enumerated() {
            let base = JSONPath([.key("budgetLines"), .index(index)])
            if !Slug.isValid(line.id) {
                problems.append(ValidationProblem(path: base.appending(key: "id"), message: Identifier.invalid(line.id).message))
            }
            if !budgetIDs.insert(line.id).inserted {
                problems.append(ValidationProblem(path: base.appending(key: "id"), message: "id '\(line.id)' komt meer dan eens voor"))
            }
            add(base, SizeRules.problems(line))
            if let relation = line.relation, dossier.relation(relation) == nil {
                problems.append(ValidationProblem(path: base.appending(key: "relation"), message: "onbekende relatie '\(relation)'"))
            }
            if let first = line.firstYear, let last = line.lastYear, last < first {
                problems.append(ValidationProblem(path: base.appending(key: "lastYear"), message: "het laatste jaar ligt voor het eerste"))
            }
        }
        if dossier.budgetLines.filter(\.isActivityBudget).count > 1 {
            problems.append(ValidationProblem(path: JSONPath([.key("budgetLines")]), message: "er kan maar één budgetregel voor activiteiten zijn"))
        }
        for (index, contact) in dossier.internalContacts.enumerated() {
            add(JSONPath([.key("internalContacts"), .index(index)]), ContactRules.problems(contact, at: .root))
        }
        return problems
    }
}
