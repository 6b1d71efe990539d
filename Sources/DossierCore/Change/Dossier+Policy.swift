extension Dossier {
    /// What a budget line has in one year (`Change.setBudgetAmount`). An amount equal to the line's yearly amount in one
    /// of its own years is no exception, and is not kept as one.
    mutating func setBudgetAmount(_ lineID: String, year: Int, amount: Money?, seen: Money?, decision: String) throws(ChangeError) -> Restoration {
        guard let position = budgetLines.firstIndex(where: { $0.id == lineID }) else {
            throw ChangeError(.notFound, "onbekende budgetregel '\(lineID)'", field: "budgetLine")
        }
        if let problem = Limits.outsideYears(year) { throw ChangeError(.invalid, problem, field: "year") }
        let line = budgetLines[position], current = line.amount(in: year)
        if let seen, seen != current {
            throw ChangeError(.conflict, "\(line.name) heeft in \(year) intussen \(current.formatted), niet meer \(seen.formatted)" + ChangeError.lookAgain,
                              field: "amountCents")
        }
        if let amount, !amount.isAccepted {
            throw ChangeError(.invalid, "\(amount.formatted) is te veel: een bedrag is hoogstens \(Money.maximum.formatted)", field: "amountCents")
        }
        let updated = line.setting(amount, in: year, decision: decision)
        // The same amount of its own with another decision is a correction of why, and kept.
        guard updated != line else {
            let nothing = line.applies(to: year) ? "het jaarbedrag geldt al" : "na \(line.period) is er ook geen jaarbedrag"
            throw ChangeError(.invalid, amount == nil ? "\(line.name) heeft voor \(year) geen eigen bedrag; \(nothing)"
                                                      : "\(line.name) heeft in \(year) al \(current.formatted)", field: "amountCents")
        }
        budgetLines[position] = updated
        return Restoration(label: "\(line.name) \(year)", budgetLines: [Snapshot(id: lineID, value: line, position: position)])
    }

    /// The budget and the Kader change by a decision of the council or the college, which the change must name (for the
    /// log and the accountability). A replayed line stands as it was.
    static func checkDecision(_ decision: String, context: ChangeContext) throws(ChangeError) {
        guard !context.isReplay else { return }
        if decision.isBlank {
            throw ChangeError(.invalid, "noem het besluit (bijvoorbeeld 'Voorjaarsnota 2028, raadsbesluit 4 juli 2027')", field: "decision")
        }
        if let problem = SizeRules.problem(decision: decision) { throw ChangeError(.invalid, problem.message, field: problem.field) }
    }

    /// Records whether a piece of policy the Kader waits for is there (`Change.setPolicy`).
    mutating func setPolicy(_ piece: PolicyPiece, isThere: Bool, seen: Bool?, decision: String) throws(ChangeError) -> Restoration {
        if let seen, seen != framework[keyPath: piece.flag] {
            throw ChangeError(.conflict, "\(piece.title) staat intussen als \(PolicyPiece.stateLabel(framework[keyPath: piece.flag])), niet meer als "
                              + PolicyPiece.stateLabel(seen) + ChangeError.lookAgain, field: piece.rawValue)
        }
        guard framework[keyPath: piece.flag] != isThere else {
            throw ChangeError(.invalid, isThere ? "\(piece.title) staat al als vastgesteld" : "\(piece.title) staat al als nog te maken", field: piece.rawValue)
        }
        let before = framework
        framework[keyPath: piece.flag] = isThere
        framework.policyDecisions[piece] = decision.isBlank ? nil : decision.trimmingSpaces()
        return Restoration(label: piece.title, framework: Snapshot(id: Framework.snapshotID, value: before, position: 0))
    }
}
