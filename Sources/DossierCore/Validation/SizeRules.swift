/// The sizes of a record's fields: no text longer than its limit (`Limits.shortText` for names, titles and
/// the like, `Limits.longText` for notes and reasons), no list longer than `Limits.maximumListItems`, every
/// amount and number in its range. Part of the rules the change path, the loader and `dossier validate`
/// share, so every entry point (form, option, CSV cell, JSON) refuses the same values with the same words.
enum SizeRules {
    /// `nulOnly`: instead, the texts that hold a NUL (U+0000), which PostgreSQL cannot store: a change may not add one
    /// (`Dossier.newNUL`), a file that has one from before still loads.
    static func problems(_ relation: Relation, nulOnly: Bool = false) -> [FieldProblem] {
        var check = SizeCheck(nulOnly: nulOnly)
        // The name first: a new record's id is made from it, and too long a name is the mistake to name.
        check.short(relation.name, "name", "Naam")
        check.short(relation.id, "id", "Id")
        check.count(relation.countries.count, "countries", "Landen")
        check.short(relation.region, "region", "Regio")
        check.shortItems(relation.places, "places", "Plaatsen")
        check.shortItems(relation.institutes, "institutes", "Instituten")
        check.shortItems(relation.companies, "companies", "Bedrijven")
        check.count(relation.contacts.count, "contacts", "Contactpersonen")
        check.links(relation.links)
        check.long(relation.notes, "notes", "Toelichting")
        check.long(relation.source, "source", "Bron")
        if let via = relation.via { check.short(via, "via", "Via") }
        check.history(relation.statusHistory)
        return check.problems
    }

    static func problems(_ contact: Contact, at path: JSONPath, nulOnly: Bool = false) -> [FieldProblem] {
        var check = SizeCheck(base: path, nulOnly: nulOnly)
        check.short(contact.name, "name", "Naam")
        check.short(contact.id, "id", "Id")
        check.short(contact.organisation, "organisation", "Organisatie")
        check.short(contact.role, "role", "Rol")
        check.short(contact.email, "email", "E-mail")
        check.short(contact.phone, "phone", "Telefoon")
        check.long(contact.notes, "notes", "Toelichting")
        return check.problems
    }

    static func problems(_ activity: Activity, nulOnly: Bool = false) -> [FieldProblem] {
        var check = SizeCheck(nulOnly: nulOnly)
        check.short(activity.title, "title", "Titel")
        check.short(activity.id, "id", "Id")
        check.shortItems(activity.relations, "relations", "Relaties")
        check.short(activity.organiser.slug, "organiser", "Organisator")
        check.count(activity.countries.count, "countries", "Landen")
        check.amount(activity.estimatedCost, "estimatedCostCents", "Geraamde kosten")
        check.amount(activity.actualCost, "actualCostCents", "Werkelijke kosten")
        if let visit = activity.visit {
            check.nested("visit") { check in
                check.short(visit.delegationFrom, "delegationFrom", "Delegatie uit/naar")
                check.short(visit.ledBy, "ledBy", "Geleid door")
                check.shortItems(visit.hosts, "hosts", "Gastheren")
                check.short(visit.programme, "programme", "Programma")
                if let size = visit.size, let problem = Limits.outside(size, Limits.delegationSize) {
                    if !check.nulOnly { check.add("size", "Omvang van de delegatie: \(problem)") }
                }
            }
        }
        check.each(activity.participants, "participants", "Deelnemers") { check, participant in
            check.short(participant.name, "name", "Naam van een deelnemer")
            check.short(participant.organisation, "organisation", "Organisatie van een deelnemer")
        }
        check.long(activity.outcomes, "outcomes", "Resultaten")
        check.each(activity.followUps, "followUps", "Vervolgacties") { check, followUp in
            check.long(followUp.text, "text", "Vervolgactie")
            check.short(followUp.owner, "owner", "Wie de vervolgactie oppakt")
        }
        check.long(activity.notes, "notes", "Toelichting")
        check.links(activity.links)
        check.history(activity.statusHistory)
        check.each(activity.assessments, "assessments", "Afwegingen") { check, assessment in
            check.short(assessment.by, "by", "Wie afwoog")
            check.long(assessment.answers.exceptionDecision, "exceptionDecision", "Uitzonderingsbesluit")
            for question in Question.allCases {
                check.long(assessment.answers.note(question), "answers", "Toelichting bij \(question.label)")
            }
            check.count(assessment.reasons.count, "reasons", "Redenen")
            for reason in assessment.reasons { check.long(reason.text, "reasons", "Reden") }
            check.shortItems(assessment.missing, "missing", "Wat ontbreekt")
        }
        return check.problems
    }

    /// A budget line's name, notes, amount and years.
    static func problems(_ line: BudgetLine) -> [FieldProblem] {
        var check = SizeCheck()
        check.short(line.id, "id", "Id")
        check.short(line.name, "name", "Naam")
        check.long(line.notes, "notes", "Toelichting")
        check.amount(line.yearlyAmount, "yearlyAmountCents", "Jaarbedrag")
        check.year(line.firstYear, "firstYear", "Eerste jaar")
        check.year(line.lastYear, "lastYear", "Laatste jaar")
        for year in line.amountsByYear.keys.sorted() {
            check.year(year, "yearAmounts", "Jaar met een eigen bedrag")
            check.amount(line.amountsByYear[year]!, "yearAmounts", "Bedrag voor \(year)")
            check.short(line.decisionsByYear[year] ?? "", "yearAmounts", "Besluit voor \(year)")
        }
        return check.problems
    }

    /// A decision a change records (a year's budget amount, a piece of policy): a short text, without a NUL (the log keeps
    /// it, and PostgreSQL cannot store one).
    static func problem(decision: String) -> FieldProblem? {
        var length = SizeCheck(), nul = SizeCheck(nulOnly: true)
        length.short(decision, "decision", "het besluit")
        nul.short(decision, "decision", "het besluit")
        return (length.problems + nul.problems).first
    }

    static func problems(_ framework: Framework) -> [FieldProblem] {
        var check = SizeCheck()
        check.short(framework.title, "title", "Titel van het kader")
        check.long(framework.notes, "notes", "Toelichting bij het kader")
        check.short(framework.policyDecisions[.europastrategie] ?? "", "europeStrategyDecision", "Besluit over de Europastrategie")
        check.short(framework.policyDecisions[.strategischeAgenda] ?? "", "strategicAgendaDecision", "Besluit over de strategische agenda")
        check.year(framework.firstYear, "firstYear", "Eerste jaar van het kader")
        check.year(framework.lastYear, "lastYear", "Laatste jaar van het kader")
        if framework.lastYear < framework.firstYear { check.add("lastYear", "het laatste jaar van het kader ligt voor het eerste") }
        return check.problems
    }
}

/// Collects size problems under a base path.
private struct SizeCheck {
    var base = JSONPath.root
    var nulOnly = false
    var problems: [FieldProblem] = []

    mutating func add(_ key: String, _ message: String) {
        problems.append(FieldProblem(base.appending(key: key), message))
    }

    mutating func short(_ text: String, _ key: String, _ label: String) {
        if let problem = textProblem(text, label, maximum: Limits.shortText) { add(key, problem) }
    }

    mutating func long(_ text: String, _ key: String, _ label: String) {
        if let problem = textProblem(text, label, maximum: Limits.longText) { add(key, problem) }
    }

    mutating func shortItems(_ items: [String], _ key: String, _ label: String) {
        count(items.count, key, label)
        for (index, item) in items.enumerated() {
            if let problem = textProblem(item, label, maximum: Limits.shortText) {
                problems.append(FieldProblem(JSONPath(base.components + [.key(key), .index(index)]), problem))
            }
        }
    }

    /// Too long, or (only that, `nulOnly`) holding a NUL.
    private func textProblem(_ text: String, _ label: String, maximum: Int) -> String? {
        guard nulOnly else { return Limits.lengthProblem(text, label: label, maximum: maximum) }
        return text.utf8.contains(0) ? "\(label) bevat een nulteken (U+0000), dat een database niet kan bewaren; haal het weg" : nil
    }

    mutating func count(_ count: Int, _ key: String, _ label: String) {
        if !nulOnly, let problem = Limits.countProblem(count, label: label) { add(key, problem) }
    }

    mutating func amount(_ money: Money?, _ key: String, _ label: String) {
        guard let money, !nulOnly else { return }
        if money.cents < 0 {
            add(key, "een bedrag kan niet negatief zijn")
        } else if !money.isAccepted {
            add(key, "\(label): \(money.formatted) is te veel, hoogstens \(Money.maximum.formatted)")
        }
    }

    mutating func year(_ year: Int?, _ key: String, _ label: String) {
        if let year, !nulOnly, let problem = Limits.outsideYears(year) { add(key, "\(label): \(problem)") }
    }

    mutating func history<Status>(_ history: [StatusChange<Status>]) {
        each(history, "statusHistory", "Statusgeschiedenis") { check, change in
            check.long(change.reason, "reason", "Reden")
            check.short(change.by, "by", "Wie")
            if let decision = change.decision { check.short(decision, "decision", "Besluit") }
            if let override = change.overrideReason { check.long(override, "overrideReason", "Reden om af te wijken") }
        }
    }

    mutating func links(_ links: [Link]) {
        each(links, "links", "Links") { check, link in
            check.short(link.id, "id", "Id van een link")
            check.short(link.label, "label", "Omschrijving van een link")
            switch link.target {
            case .url(let url): check.short(url, "url", "Webadres")
            case .path(let path): check.short(path, "path", "Bestandspad")
            }
        }
    }

    /// The number of elements of a list, and each element under `key[index]`.
    mutating func each<Element>(_ elements: [Element], _ key: String, _ label: String, _ body: (inout SizeCheck, Element) -> Void) {
        count(elements.count, key, label)
        for (index, element) in elements.enumerated() {
            var item = SizeCheck(base: JSONPath(base.components + [.key(key), .index(index)]), nulOnly: nulOnly)
            body(&item, element)
            problems += item.problems
        }
    }

    /// A value nested under `key`.
    mutating func nested(_ key: String, _ body: (inout SizeCheck) -> Void) {
        var item = SizeCheck(base: base.appending(key: key), nulOnly: nulOnly)
        body(&item)
        problems += item.problems
    }
}
