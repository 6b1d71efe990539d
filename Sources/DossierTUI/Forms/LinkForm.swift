import DossierCore

/// `+` and `e` in the links of a relation or activity: a label and a web address or file path.
enum LinkForm {
    static func make(owner: EntityReference, ownerName: String, editing link: Link?, in state: AppState) -> Form {
        let fields = TableForm.fields(Link.fields, of: link ?? Link(label: "", target: .path("")), in: state.dossier)
        let title = link.map { "Link bewerken — \($0.label)" } ?? "Nieuwe link bij \(ownerName)"
        return Form(purpose: link.map { .editLink(owner, $0.id) } ?? .newLink(owner), title: title, fields: fields)
    }

    static func submit(_ form: Form, owner: EntityReference, editing linkID: LinkID?, in state: AppState) -> FormOutcome {
        var (values, problems) = TableForm.values(form, Link.fields, in: state.dossier, today: state.today)
        let links = state.seenLinks(of: owner)
        let existing = links.first { $0.id == linkID }
        // A path typed here must be whole (a form does not know where half a path starts); one stored before stays as it is.
        let typed = form.text("target")
        if problems["target"] == nil, typed != existing?.target.text {
            do throws(ValueError) { _ = try LinkTarget.readAnchored(typed) } catch { problems["target"] = error.message }
        }
        guard problems.isEmpty else { return .problems(problems) }
        if let linkID, let existing {
            let edits = TableForm.edits(values, of: existing)
            guard !edits.isEmpty else { return .unchanged("Niets gewijzigd aan \(existing.label).") }
            return .change(.editLink(owner, linkID, edits), success: "Link bewerkt: \(form.text("label"))")
        }
        let label = form.text("label")
        var link = Link(id: links.newLinkID(for: label), label: label, target: .path(""))
        let fillProblems = TableForm.fill(&link, with: values)
        guard fillProblems.isEmpty else { return .problems(fillProblems) }
        return .change(.addLink(owner, link), success: "Link toegevoegd: \(link.label)")
    }
}
