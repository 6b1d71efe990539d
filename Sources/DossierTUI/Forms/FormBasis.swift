import DossierCore

/// The record a form edits, as it was when the form opened. Edits are made from it — each field's old value
/// is what the person saw — so a colleague's change that arrives while the form is open is never silently
/// undone: a field both changed is refused as a conflict, a field only the colleague changed is left alone.
public enum FormBasis: Hashable, Sendable {
    case relation(Relation)
    case activity(Activity)
    /// The municipality's own contacts, for a form on one of them.
    case ownContacts([Contact])
    case budgetLine(BudgetLine)
    case framework(Framework)

    /// The id of the relation or activity (`gemeente` for the municipality's own contacts).
    var id: String {
        switch self {
        case .relation(let relation): relation.id
        case .activity(let activity): activity.id
        case .ownContacts: Organiser.municipalitySlug
        case .budgetLine(let line): line.id
        case .framework: Framework.snapshotID
        }
    }

    /// The record `purpose` is about, as `dossier` holds it now; nil for a form that makes something new.
    static func of(_ purpose: FormPurpose, in dossier: Dossier) -> FormBasis? {
        switch purpose {
        case .relationStatus(let id), .editRelation(let id), .newContact(.relation(let id)), .editContact(.relation(let id), _):
            dossier.relation(id).map(FormBasis.relation)
        case .newContact(.municipality), .editContact(.municipality, _):
            .ownContacts(dossier.internalContacts)
        case .editVisit(let id), .editActivity(let id), .moveActivity(let id), .newFollowUp(let id), .editFollowUp(let id, _, _),
             .assessment(let id):
            dossier.activity(id).map(FormBasis.activity)
        case .newLink(let owner), .editLink(let owner, _):
            switch owner {
            case .relation(let id): dossier.relation(id).map(FormBasis.relation)
            case .activity(let id): dossier.activity(id).map(FormBasis.activity)
            }
        case .budgetAmount(let line, _):
            dossier.budgetLine(line).map(FormBasis.budgetLine)
        case .policy:
            .framework(dossier.framework)
        case .newVisit, .newActivity, .newRelation:
            nil
        }
    }
}

extension AppState {
    /// A relation as the open form saw it (see `FormBasis`), else as it is now.
    func seenRelation(_ id: RelationID) -> Relation? {
        if case .relation(let relation)? = form?.basis, relation.id == id { return relation }
        return dossier.relation(id)
    }

    /// An activity as the open form saw it, else as it is now.
    func seenActivity(_ id: ActivityID) -> Activity? {
        if case .activity(let activity)? = form?.basis, activity.id == id { return activity }
        return dossier.activity(id)
    }

    /// The municipality's own contacts as the open form saw them, else as they are now.
    func seenOwnContacts() -> [Contact] {
        if case .ownContacts(let contacts)? = form?.basis { return contacts }
        return dossier.internalContacts
    }

    /// A budget line as the open form saw it, else as it is now.
    func seenBudgetLine(_ id: String) -> BudgetLine? {
        if case .budgetLine(let line)? = form?.basis, line.id == id { return line }
        return dossier.budgetLine(id)
    }

    /// The framework as the open form saw it, else as it is now.
    func seenFramework() -> Framework {
        if case .framework(let framework)? = form?.basis { return framework }
        return dossier.framework
    }

    /// The links of a relation or activity as the open form saw them.
    func seenLinks(of owner: EntityReference) -> [Link] {
        switch owner {
        case .relation(let id): seenRelation(id)?.links ?? []
        case .activity(let id): seenActivity(id)?.links ?? []
        }
    }
}
