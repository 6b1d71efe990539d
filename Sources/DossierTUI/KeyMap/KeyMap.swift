/// The one table of key bindings: it dispatches keys, fills the status bar and writes the help screen
/// (and docs/tui.md, which a test checks against it).
public struct KeyMap: Sendable {
    public let bindings: [KeyBinding]

    public init(bindings: [KeyBinding]) {
        self.bindings = bindings
    }

    /// The action for a key in a context: the first group (in order) that binds it wins.
    public func action(for key: Key, in groups: [KeyGroup]) -> Action? {
        for group in groups {
            if let binding = bindings.first(where: { $0.group == group && $0.keys.contains(key) }) {
                return binding.action
            }
        }
        return nil
    }

    public func bindings(in group: KeyGroup) -> [KeyBinding] {
        bindings.filter { $0.group == group }
    }

    public static let standard = KeyMap(bindings: [
        // Global
        KeyBinding([.character("?"), .function(1)], .showHelp, .global, "Hulp: alle toetsen", hint: "hulp"),
        KeyBinding([.character("q")], .goBack, .global, "Terug naar het vorige scherm (van een ander tabblad: naar het startscherm); op het startscherm: stoppen (staat er een zoekopdracht, dan wist de eerste q die)", hint: "terug"),
        KeyBinding([.escape], .goBack, .global, "Terug, zoals q, maar stopt nooit (sluit ook een zoekopdracht of venster)"),
        KeyBinding([.control("c")], .quit, .global, "Stoppen (vraagt eerst als er onbewaarde invoer is)"),
        KeyBinding([.control("z")], .suspend, .global, "Onderbreken naar de shell (terug met fg), als de shell dat kan"),
        KeyBinding([.character("1")], .showRelations, .global, "Naar de relaties"),
        KeyBinding([.character("2")], .showActivities, .global, "Naar de activiteiten"),
        KeyBinding([.character("3")], .showVisits, .global, "Naar de delegatiebezoeken"),
        KeyBinding([.character("4")], .showBudget, .global, "Naar het budget per jaar"),
        KeyBinding([.character("5")], .showReminders, .global, "Naar de signalen: herijkingen en vervolgacties die (bijna) verlopen zijn, activiteiten die voorbij zijn"),
        KeyBinding([.character("6")], .showAgenda, .global, "Naar de agenda: alles met een datum, per maand en week"),
        KeyBinding([.tab], .nextPane, .global, "Volgend paneel (of volgende lijst)"),
        KeyBinding([.backTab], .previousPane, .global, "Vorig paneel (of vorige lijst)"),
        KeyBinding([.character("u")], .undo, .global, "Laatste wijziging van deze sessie ongedaan maken", hint: "ongedaan"),
        KeyBinding([.control("r")], .redo, .global, "Ongedaan gemaakte wijziging opnieuw doen"),
        KeyBinding([.character("L")], .showHistory, .global, "Wijzigingen: wie wat wanneer en waarom veranderde (van deze relatie, activiteit of de gemeente zelf, of van alles)"),
        KeyBinding([.character("R"), .function(5)], .reloadDossier, .global, "Het dossier opnieuw laden (na een wijziging elders; een open formulier blijft)"),

        // Navigation
        KeyBinding([.character("j"), .down], .moveDown, .navigation, "Omlaag"),
        KeyBinding([.character("k"), .up], .moveUp, .navigation, "Omhoog"),
        KeyBinding([.pageDown, .control("f")], .pageDown, .navigation, "Een pagina omlaag"),
        KeyBinding([.pageUp, .control("b")], .pageUp, .navigation, "Een pagina omhoog"),
        KeyBinding([.character("g"), .home], .moveToTop, .navigation, "Naar het begin"),
        KeyBinding([.character("G"), .end], .moveToBottom, .navigation, "Naar het einde"),
        KeyBinding([.enter, .character("l"), .right], .open, .navigation, "Openen", hint: "openen"),
        KeyBinding([.character("h"), .left], .goBack, .navigation, "Terug"),

        // Search
        KeyBinding([.character("/")], .startSearch, .search, "Zoeken in namen, plaatsen, contacten en toelichting (hoofdletters en accenten tellen niet)", hint: "zoek"),
        KeyBinding([.character("n")], .nextMatch, .search, "Volgende treffer"),
        KeyBinding([.character("N")], .previousMatch, .search, "Vorige treffer"),
        KeyBinding([.enter], .acceptSearch, .search, "Zoekopdracht vasthouden (daarna n/N)"),
        KeyBinding([.escape], .cancelSearch, .search, "Zoekopdracht afbreken en terug naar waar u was"),

        // Relations
        KeyBinding([.character("+")], .addItem, .relationList, "Nieuwe relatie (naam, soort, land, plaatsen, sectoren …)", hint: "nieuw"),
        KeyBinding([.character("e")], .editItem, .relationList, "Relatie bewerken", hint: "bewerk"),
        KeyBinding([.character("s")], .changeRelationStatus, .relationList, "Status wijzigen (met reden; laag pitje met herijkingsdatum)", hint: "status"),
        KeyBinding([.character("v")], .logVisit, .relationList, "Delegatiebezoek vastleggen met deze relatie", hint: "bezoek"),
        KeyBinding([.character("d")], .deleteItem, .relationList, "Relatie verwijderen (alleen zonder activiteiten; na bevestiging)"),
        KeyBinding([.character("f")], .cycleStatusFilter, .relationList, "Filter op status (volgende status)", hint: "status-filter"),
        KeyBinding([.character("t")], .cycleKindFilter, .relationList, "Filter op soort (volgende soort)", hint: "soort"),
        KeyBinding([.character("o")], .cycleSortOrder, .relationList, "Sorteren op naam, status of datum", hint: "sorteer"),
        KeyBinding([.character("c")], .clearFilters, .relationList, "Filters wissen"),
        KeyBinding([.character("i")], .showMunicipality, .relationList, "De eigen mensen van de gemeente (wethouders, collega's): toevoegen, bewerken, verwijderen zoals bij een relatie"),

        // Activities
        KeyBinding([.character("+")], .addItem, .activityList, "Nieuwe activiteit", hint: "nieuw"),
        KeyBinding([.character("e")], .editItem, .activityList, "Activiteit bewerken", hint: "bewerk"),
        KeyBinding([.character("m")], .moveActivity, .activityList, "Volgende stap in de levenscyclus", hint: "stap"),
        KeyBinding([.character("a")], .assessActivity, .activityList, "Afwegen tegen het Kader", hint: "afweging"),
        KeyBinding([.character("v")], .logVisit, .activityList, "Delegatiebezoek vastleggen"),
        KeyBinding([.character("d")], .deleteItem, .activityList, "Verwijderen (na bevestiging)"),
        KeyBinding([.character("f")], .cycleStatusFilter, .activityList, "Filter op status", hint: "filter"),
        KeyBinding([.character("t")], .cycleKindFilter, .activityList, "Filter op soort"),
        KeyBinding([.character("y")], .cycleYearFilter, .activityList, "Filter op jaar", hint: "jaar"),
        KeyBinding([.character("c")], .clearFilters, .activityList, "Filters wissen"),

        // Visits
        KeyBinding([.character("v"), .character("+")], .logVisit, .visitList, "Delegatiebezoek vastleggen", hint: "nieuw bezoek"),
        KeyBinding([.character("e")], .editItem, .visitList, "Bezoek bewerken", hint: "bewerk"),
        KeyBinding([.character("m")], .moveActivity, .visitList, "Volgende stap in de levenscyclus", hint: "stap"),
        KeyBinding([.character("a")], .assessActivity, .visitList, "Afwegen tegen het Kader", hint: "afweging"),
        KeyBinding([.character("d")], .deleteItem, .visitList, "Verwijderen (na bevestiging)"),
        KeyBinding([.character("f")], .cycleDirectionFilter, .visitList, "Inkomend, uitgaand of alle", hint: "richting"),
        KeyBinding([.character("y")], .cycleYearFilter, .visitList, "Filter op jaar", hint: "jaar"),
        KeyBinding([.character("c")], .clearFilters, .visitList, "Filters wissen"),

        // Budget and reminders
        KeyBinding([.enter], .open, .budgetList, "De activiteiten van dat jaar op die budgetregel (q of Esc: terug naar dezelfde regel)", hint: "activiteiten"),
        KeyBinding([.character("e")], .editItem, .budgetList, "Het bedrag van die budgetregel in dat jaar (een besluit van de raad; alleen dat jaar)", hint: "bedrag"),
        KeyBinding([.character("K")], .editPolicy, .budgetList, "Kader: is er al een Europastrategie, een strategische agenda?", hint: "kader"),
        KeyBinding([.enter], .open, .reminderList, "De relatie of activiteit openen", hint: "openen"),
        KeyBinding([.character("m")], .moveActivity, .reminderList, "Bij een activiteit die voorbij is: de volgende stap in de levenscyclus", hint: "stap"),
        KeyBinding([.character("a")], .assessActivity, .reminderList, "Bij een activiteit die voorbij is: afwegen tegen het Kader", hint: "afweging"),
        KeyBinding([.character(" "), .character("x")], .toggleFollowUp, .reminderList, "Bij een vervolgactie: afvinken (u maakt het ongedaan)", hint: "afvinken"),
        KeyBinding([.character("e")], .editItem, .reminderList, "Bij een activiteit die voorbij is: bewerken (een nieuwe datum); bij een vervolgactie: die vervolgactie", hint: "bewerk"),
        KeyBinding([.character("s")], .changeRelationStatus, .reminderList, "Bij een herijking: herijken of een andere status (met reden)", hint: "herijk"),
        KeyBinding([.enter], .open, .agendaList, "De activiteit, vervolgactie of relatie openen", hint: "openen"),
        KeyBinding([.character("t")], .jumpToToday, .agendaList, "Naar vandaag", hint: "vandaag"),
        KeyBinding([.character("v")], .togglePast, .agendaList, "Ook het verleden tonen (terugkijken), of weer vanaf vandaag", hint: "verleden"),
        KeyBinding([.character("m")], .showMonth, .agendaList, "De maand van de geselecteerde regel in één oogopslag", hint: "maand"),

        // Agenda: a month at a glance
        KeyBinding([.character("h"), .left, .character("k"), .up, .pageUp], .previousMonth, .agendaMonth, "Vorige maand", hint: "vorige"),
        KeyBinding([.character("l"), .right, .character("j"), .down, .pageDown], .nextMonth, .agendaMonth, "Volgende maand", hint: "volgende"),
        KeyBinding([.character("t")], .jumpToToday, .agendaMonth, "Deze maand", hint: "deze maand"),
        KeyBinding([.enter], .open, .agendaMonth, "Terug naar de agenda, bij deze maand", hint: "naar de lijst"),
        KeyBinding([.character("m")], .goBack, .agendaMonth, "Terug naar de agenda (ook q en Esc)", hint: "terug"),

        // Relation detail
        KeyBinding([.character("e")], .editItem, .relationDetail, "Relatie bewerken (in de lijst Activiteiten: die activiteit)", hint: "bewerk"),
        KeyBinding([.character("s")], .changeRelationStatus, .relationDetail, "Status wijzigen", hint: "status"),
        KeyBinding([.character("v")], .logVisit, .relationDetail, "Delegatiebezoek vastleggen met deze relatie", hint: "bezoek"),
        KeyBinding([.character("+")], .addItem, .relationDetail, "Nieuwe activiteit met deze relatie", hint: "activiteit"),
        KeyBinding([.character("d")], .deleteItem, .relationDetail, "Relatie verwijderen (alleen zonder activiteiten; in de lijst Activiteiten: die activiteit; na bevestiging)"),

        // Activity detail
        KeyBinding([.character("e")], .editItem, .activityDetail, "Bewerken (in de lijst Vervolgacties: die vervolgactie)", hint: "bewerk"),
        KeyBinding([.character("m")], .moveActivity, .activityDetail, "Volgende stap in de levenscyclus", hint: "stap"),
        KeyBinding([.character("a")], .assessActivity, .activityDetail, "Afwegen tegen het Kader: elke vraag met de passage uit het Kader, oordeel direct zichtbaar", hint: "afweging"),
        KeyBinding([.character("+")], .addItem, .activityDetail, "Vervolgactie toevoegen", hint: "vervolg"),
        KeyBinding([.character(" "), .character("x")], .toggleFollowUp, .activityDetail, "Vervolgactie afvinken of weer openen", hint: "afvinken"),
        KeyBinding([.character("d")], .deleteItem, .activityDetail, "Activiteit verwijderen (in de lijst Vervolgacties: die vervolgactie; na bevestiging)"),

        // Contacts and links
        KeyBinding([.character("+")], .addItem, .contactList, "Contactpersoon toevoegen", hint: "nieuw"),
        KeyBinding([.character("e"), .enter], .editItem, .contactList, "Contactpersoon bewerken (e-mail, telefoon, gesprekspartner …)", hint: "bewerk"),
        KeyBinding([.character("d")], .deleteItem, .contactList, "Contactpersoon verwijderen (na bevestiging)", hint: "verwijder"),
        KeyBinding([.character("o"), .enter], .openLink, .linkList, "Link openen (xdg-open of $BROWSER)", hint: "openen"),
        KeyBinding([.character("+")], .addItem, .linkList, "Link toevoegen (webadres of bestand)", hint: "nieuw"),
        KeyBinding([.character("e")], .editItem, .linkList, "Link bewerken", hint: "bewerk"),
        KeyBinding([.character("d")], .deleteItem, .linkList, "Link verwijderen (na bevestiging)", hint: "verwijder"),

        // Change log
        KeyBinding([.enter], .open, .changeLog, "De relatie, activiteit of gemeente van deze wijziging openen", hint: "openen"),

        // Forms
        KeyBinding([.tab, .down], .nextField, .form, "Volgend veld", hint: "volgend veld"),
        KeyBinding([.backTab, .up], .previousField, .form, "Vorig veld"),
        KeyBinding([.enter], .activateField, .form, "Kiezen, of naar het volgende veld; op [Opslaan]: opslaan (wat u daar typt, komt in het tekstveld erboven)"),
        KeyBinding([.control("s")], .submitForm, .form, "Opslaan", hint: "opslaan"),
        KeyBinding([.control("o")], .editInEditor, .form, "Dit tekstveld in uw editor bewerken ($VISUAL of $EDITOR); na afsluiten staat de tekst in het veld", hint: "editor"),
        KeyBinding([.escape], .cancelForm, .form, "Annuleren (vraagt eerst als er iets is ingevuld)", hint: "annuleer"),
        KeyBinding([.control("c")], .quit, .form, "Stoppen (vraagt eerst, want de invoer is nog niet opgeslagen)"),
        KeyBinding([.control("z")], .suspend, .form, "Onderbreken naar de shell (terug met fg); het formulier blijft zoals het is"),
        KeyBinding([.function(5)], .reloadDossier, .form, "Het dossier opnieuw laden (na een wijziging elders); de invoer blijft staan"),
        KeyBinding([.character(" "), .left, .right], .editText, .form, "In een keuzeveld: andere keuze (typen kiest de keuze die zo begint; in de afweging kiest j, d, n of o ja, deels, nee of onbekend en gaat door); in een veld met vinkjes gaat typen naar die keuze en vinkt spatie aan of uit; in een menu: ↑↓ kiezen, of typ het begin van een keuze. Tekst die geen keuze begint (de reden, één veld te vroeg getypt) kiest niets: de keuze blijft wat ze was en het veld zegt het; Backspace begint opnieuw, en kiest weer wat een woord ervoor koos (het veld zegt welke)"),

        // Picker
        KeyBinding([.down, .control("n")], .moveDown, .picker, "Omlaag"),
        KeyBinding([.up, .control("p")], .moveUp, .picker, "Omhoog"),
        KeyBinding([.tab], .togglePick, .picker, "Aan- of uitvinken (meerdere relaties of landen); typen zoekt", hint: "vink"),
        KeyBinding([.enter], .confirmPick, .picker, "Klaar (zonder vinkjes: de gemarkeerde; niets getypt, bewogen of gevinkt: verder zonder te kiezen)", hint: "klaar"),
        KeyBinding([.escape], .cancelPick, .picker, "Terug naar het formulier zonder te kiezen", hint: "annuleer"),

        // Text editing
        KeyBinding([.left, .control("b")], .cursorLeft, .textEditing, "Een teken naar links"),
        KeyBinding([.right, .control("f")], .cursorRight, .textEditing, "Een teken naar rechts"),
        KeyBinding([.alt("b")], .cursorWordLeft, .textEditing, "Een woord naar links"),
        KeyBinding([.alt("f")], .cursorWordRight, .textEditing, "Een woord naar rechts"),
        KeyBinding([.home, .control("a")], .cursorToLineStart, .textEditing, "Naar het begin van de regel"),
        KeyBinding([.end, .control("e")], .cursorToLineEnd, .textEditing, "Naar het einde van de regel"),
        KeyBinding([.backspace, .control("h")], .deleteBackward, .textEditing, "Teken voor de cursor wissen"),
        KeyBinding([.delete, .control("d")], .deleteForward, .textEditing, "Teken onder de cursor wissen"),
        KeyBinding([.control("w"), .alt("\u{7F}")], .deleteWordBackward, .textEditing, "Woord voor de cursor wissen"),
        KeyBinding([.alt("d")], .deleteWordForward, .textEditing, "Woord na de cursor wissen"),
        KeyBinding([.control("u")], .deleteToLineStart, .textEditing, "Alles voor de cursor wissen"),
        KeyBinding([.control("k")], .deleteToLineEnd, .textEditing, "Alles vanaf de cursor wissen"),

        // Confirmation
        KeyBinding([.character("J")], .confirmYes, .confirmation, "Ja (een hoofdletter: j beweegt in lijsten en bevestigt nooit)", hint: "ja"),
        KeyBinding([.character("n"), .escape], .confirmNo, .confirmation, "Nee", hint: "nee"),
        KeyBinding([.tab, .backTab, .left, .right], .nextField, .confirmation, "Het andere antwoord kiezen (eerst staat Nee gekozen)", hint: "ander antwoord"),
        KeyBinding([.enter], .activateField, .confirmation, "Het gekozen antwoord geven (zonder kiezen: Nee)", hint: "kiezen"),

        // Help
        KeyBinding([.character("j"), .down], .moveDown, .help, "Omlaag"),
        KeyBinding([.character("k"), .up], .moveUp, .help, "Omhoog"),
        KeyBinding([.pageDown, .character(" ")], .pageDown, .help, "Een pagina omlaag"),
        KeyBinding([.pageUp], .pageUp, .help, "Een pagina omhoog"),
        KeyBinding([.character("g"), .home], .moveToTop, .help, "Naar het begin"),
        KeyBinding([.character("G"), .end], .moveToBottom, .help, "Naar het einde"),
        KeyBinding([.escape, .character("q"), .character("?")], .goBack, .help, "Hulp sluiten", hint: "sluiten"),
    ])
}
