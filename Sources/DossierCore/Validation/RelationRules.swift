/// The rules a relation must satisfy, shared by the change path, the file loader and `dossier validate`.
public enum RelationRules {
    public static func problems(_ relation: Relation, in dossier: Dossier) -> [FieldProblem] {
        var problems = SizeRules.problems(relation)
        if !Slug.isValid(relation.id) {
            problems.append(FieldProblem(key: "id", Identifier.invalid(relation.id).message))
        }
        if relation.name.isBlank {
            problems.append(FieldProblem(key: "name", "een relatie heeft een naam nodig"))
        }
        problems += CountryRules.problems(relation.countries)
        if relation.status.requiresReviewDate && relation.reviewDate == nil {
            problems.append(FieldProblem(key: "reviewDate", "een relatie op een laag pitje heeft een herijkingsdatum nodig"))
        }
        if let last = relation.statusHistory.last, last.to != relation.status {
            problems.append(FieldProblem(key: "status", "de status (\(relation.status.rawValue)) past niet bij de laatste statuswijziging (naar \(last.to.rawValue))"))
        }
        if relation.status == .laagPitje,
           relation.statusHistory.last.map({ $0.to != .laagPitje || $0.reason.isBlank }) ?? true {
            problems.append(FieldProblem(key: "statusHistory", "een relatie op een laag pitje heeft een statuswijziging met reden nodig"))
        }
        for (index, change) in relation.statusHistory.enumerated() {
            let path = JSONPath([.key("statusHistory"), .index(index)])
            if change.reason.isBlank {
                problems.append(FieldProblem(path.appending(key: "reason"), "een statuswijziging heeft een reden nodig"))
            }
            if change.by.isBlank {
                problems.append(FieldProblem(path.appending(key: "by"), "een statuswijziging legt vast wie haar deed"))
            }
            if change.to == .laagPitje && change.reviewDate == nil {
                problems.append(FieldProblem(path.appending(key: "reviewDate"), "een wijziging naar Laag pitje heeft een herijkingsdatum nodig"))
            }
        }
        for (index, contact) in relation.contacts.enumerated() {
            let path = JSONPath([.key("contacts"), .index(index)])
            problems += ContactRules.problems(contact, at: path)
            if relation.contacts[..<index].contains(where: { $0.id == contact.id }) {
                problems.append(FieldProblem(path.appending(key: "id"), "contactpersoon-id '\(contact.id)' komt meer dan eens voor"))
            }
        }
        problems += LinkRules.problems(relation.links)
        if let via = relation.via {
            if via == relation.id {
                problems.append(FieldProblem(key: "via", "een relatie kan niet via zichzelf lopen"))
            } else if dossier.relation(via) == nil {
                problems.append(FieldProblem(key: "via", "onbekende relatie '\(via)'"))
            }
        }
        return problems
    }
}

/// The rules for a contact: a name, and an e-mail address and phone number that look like one.
public enum ContactRules {
    public static func problems(_ contact: Contact, at path: JSONPath) -> [FieldProblem] {
        var problems = SizeRules.problems(contact, at: path)
        if contact.name.isBlank {
            problems.append(FieldProblem(path.appending(key: "name"), "een contactpersoon heeft een naam nodig"))
        }
        if !Slug.isValid(contact.id) {
            problems.append(FieldProblem(path.appending(key: "id"), Identifier.invalid(contact.id).message))
        }
        if !contact.email.isEmpty, let problem = EmailAddress.problem(contact.email) {
            problems.append(FieldProblem(path.appending(key: "email"), problem.message))
        }
        if !contact.phone.isEmpty, let problem = PhoneNumber.problem(contact.phone) {
            problems.append(FieldProblem(path.appending(key: "phone"), problem.message))
        }
        return problems
    }
}

/// The rule for a list of countries: each once.
public enum CountryRules {
    public static func problems(_ countries: [Country]) -> [FieldProblem] {
        countries.enumerated().compactMap { index, country in
            countries[..<index].contains(country)
                ? FieldProblem(JSONPath([.key("countries"), .index(index)]), "\(country.name) (\(country.code)) staat er twee keer in") : nil
        }
    }
}
