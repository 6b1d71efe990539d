/// A set of bindings that work together on a screen; a screen's context is an ordered list of groups.
public enum KeyGroup: String, Hashable, Sendable, CaseIterable {
    case global, navigation, search, relationList, activityList, visitList, budgetList, reminderList, agendaList, agendaMonth, relationDetail, activityDetail
    case contactList, linkList, changeLog
    case form, picker, textEditing, confirmation, help

    /// The heading in the help screen and docs/tui.md.
    public var title: String {
        switch self {
        case .global: "Overal"
        case .navigation: "Bewegen in lijsten en schermen"
        case .search: "Zoeken"
        case .relationList: "Relaties"
        case .activityList: "Activiteiten"
        case .visitList: "Bezoeken"
        case .budgetList: "Budget"
        case .reminderList: "Signalen"
        case .agendaList: "Agenda"
        case .agendaMonth: "Agenda: een maand in één oogopslag"
        case .relationDetail: "Een relatie"
        case .activityDetail: "Een activiteit"
        case .contactList: "Contactpersonen (de lijst onder een relatie, en die van de gemeente zelf: i op de relaties)"
        case .linkList: "Links (de lijst onder een relatie of activiteit)"
        case .changeLog: "Wijzigingen (logboek)"
        case .form: "Formulieren"
        case .picker: "Relaties of landen kiezen (in een formulier)"
        case .textEditing: "Tekst bewerken (in een veld of de zoekregel)"
        case .confirmation: "Bevestigen"
        case .help: "Hulpscherm"
        }
    }
}
