extension Activity {
    /// Every field of an activity a person sets by hand. Not here: the id, the status (the life cycle),
    /// follow-ups, assessments and links (their own changes). The visit fields are there for a delegation
    /// visit; the direction says whether there is a visit at all.
    public static let fields = FieldTable<Activity>("activiteit", [
        .text("title", "Titel", option: "title", help: "Verplicht.", isRequired: true, \.title),
        .vocabulary("kind", "Soort", option: "kind", \.kind),
        .relations("relations", "Relaties", option: "relations", help: "Namen of id's, gescheiden door komma's.", \.relations),
        ActivityFieldParts.organiser,
        .date("startDate", "Begindatum", option: "start-date", help: "Bepaalt het budgetjaar.", \.startDate),
        .date("endDate", "Einddatum", option: "end-date", after: "startDate", \.endDate),
        .countries("countries", "Landen", option: "country",
                   help: "Waar de activiteit heen gaat of waar een delegatie vandaan komt: landnaam of landcode, gescheiden door komma's.",
                   \.countries),
        .vocabularies("sectors", "Sectoren", option: "sectors", \.sectors),
        ActivityFieldParts.budgetLine,
        .amount("estimatedCostCents", "Geraamde kosten", option: "estimated-cost", help: "In euro.", \.estimatedCost),
        .amount("actualCostCents", "Werkelijke kosten", option: "actual-cost", help: "Na afloop; of wat een geannuleerde activiteit toch kostte.", \.actualCost),
    ] + ActivityFieldParts.participants + [
        .text("outcomes", "Resultaten", option: "outcomes", isLong: true, \.outcomes),
        .text("notes", "Toelichting", option: "notes", isLong: true, \.notes),
    ] + ActivityFieldParts.visit)
}

/// The activity fields that are not a plain key path: the organiser, the participants per role and the
/// visit details.
enum ActivityFieldParts {
    /// The budget line that pays, by id; typed by id or name, "geen" for none.
    static let budgetLine = EntityField<Activity>(
        key: "budgetLine", label: "Budgetregel", option: "budget-line",
        input: .budgetLine, help: "Welk budget betaalt: de id of naam van een budgetregel, of 'geen' (een partner betaalt).",
        get: { $0.budgetLine.map { .text($0) } ?? .none },
        set: { (activity: inout Activity, value: FieldValue) throws(ValueError) in
            let id = try FieldCast.text(value)
            activity.budgetLine = id.isEmpty ? nil : id
        },
        parse: { (text: String, dossier: Dossier, _: CalendarDate?) throws(ValueError) in
            try dossier.readBudgetLine(text).map { .text($0) } ?? .none
        },
        show: { value, dossier in
            let id = FieldCast.string(value)
            // None is a choice of its own (a partner pays), said as such in the log, not left blank.
            return id.isEmpty ? "geen (niet ten laste van de gemeente)" : dossier.budgetLines.first { $0.id == id }?.name ?? id
        },
        editText: { value, _ in FieldCast.string(value) },
        empty: FieldValue.none)

    static let organiser = EntityField<Activity>(
        key: "organiser", label: "Organisator", option: "organiser", input: .relations(allowsMultiple: false),
        help: "Een partner zoals de BOM of NL in Business; leeg: de gemeente zelf.",
        get: { .text($0.organiser.slug) },
        set: { (activity: inout Activity, value: FieldValue) throws(ValueError) in
            let slug = try FieldCast.text(value)
            activity.organiser = Organiser(slug: slug.isEmpty ? Organiser.municipalitySlug : slug)
        },
        parse: { (text: String, dossier: Dossier, _: CalendarDate?) throws(ValueError) in
            if NameLookup.namesMunicipality(text) { return .text(Organiser.municipalitySlug) }
            return .text(try NameLookup.relation(text, in: dossier).id)
        },
        show: { value, dossier in
            let slug = FieldCast.string(value)
            return slug == Organiser.municipalitySlug ? Organiser.municipalityName : dossier.relationName(slug)
        },
        editText: { value, dossier in
            let slug = FieldCast.string(value)
            return slug == Organiser.municipalitySlug ? "" : dossier.relationName(slug)
        },
        empty: .text(Organiser.municipalitySlug))

    /// One field per role, each "Naam (Organisatie)" separated by commas; setting one keeps the others.
    static let participants: [EntityField<Activity>] = ParticipantRole.allCases.map { role in
        EntityField<Activity>(
            key: "participants.\(role.rawValue)", label: role.pluralLabel, option: Slug.make(from: role.pluralLabel),
            input: .list, help: "Gescheiden door komma's; 'Naam (Organisatie)' mag; een naam met een komma tussen aanhalingstekens." + (role == .ondernemer ? " Ondernemers worden steeds uitgenodigd." : ""),
            get: { activity in .list(activity.participants.filter { $0.role == role }.map(ListText.personText)) },
            set: { (activity: inout Activity, value: FieldValue) throws(ValueError) in
                // Each item is one person as `personText` wrote it (a journal's replay reads them so too).
                let people = try FieldCast.list(value).flatMap { ListText.participants($0, role: role) }
                // Keep the roles in their order: the others' people first where they were, this role's in place of the old ones.
                var result: [Participant] = []
                var inserted = false
                for participant in activity.participants {
                    if participant.role == role {
                        if !inserted { result += people; inserted = true }
                    } else {
                        result.append(participant)
                    }
                }
                if !inserted { result += people }
                activity.participants = result
            },
            parse: { text, _, _ in .list(ListText.participants(text, role: role).map(ListText.personText)) },
            show: { value, _ in FieldCast.strings(value).joined(separator: ", ") })
    }


    static let visit: [EntityField<Activity>] = [
        EntityField<Activity>(
            key: "visit.direction", label: "Richting", option: "direction",
            input: .choice(FieldOption.from(VisitDirection.allCases), allowsNone: true),
            help: "Inkomend: een delegatie bezoekt Oss. Uitgaand: Oss gaat op missie. Alleen bij een delegatiebezoek.",
            get: { $0.visit.map { .text($0.direction.rawValue) } ?? .none },
            set: { (activity: inout Activity, value: FieldValue) throws(ValueError) in
                if value.isEmpty {
                    activity.visit = nil
                } else {
                    let direction: VisitDirection = try FieldCast.vocabulary(value)
                    var visit = activity.visit ?? VisitDetails(direction: direction, delegationFrom: "")
                    visit.direction = direction
                    activity.visit = visit
                }
            },
            parse: { (text: String, _: Dossier, _: CalendarDate?) throws(ValueError) in .text(try VisitDirection.read(text).rawValue) },
            show: { value, _ in FieldCast.label(value, VisitDirection.self) }),
        visitField("visit.delegationFrom", "Delegatie uit/naar", option: "delegation", input: .line,
                   help: "Waar de delegatie vandaan komt, of waar de missie heen gaat.",
                   get: { .text($0.delegationFrom) }, set: { visit, value throws(ValueError) in visit.delegationFrom = try FieldCast.text(value) }),
        visitField("visit.ledBy", "Geleid door", option: "led-by", input: .line,
                   get: { .text($0.ledBy) }, set: { visit, value throws(ValueError) in visit.ledBy = try FieldCast.text(value) }),
        visitField("visit.size", "Omvang", option: "size", input: .count, help: "Aantal personen in de delegatie.",
                   get: { $0.size.map { .number(Int64($0)) } ?? .none },
                   set: { visit, value throws(ValueError) in visit.size = try FieldCast.number(value).map { Int(clamping: $0) } },
                   parse: { (text: String) throws(ValueError) in .number(Int64(try DelegationSize.read(text))) }),
        visitField("visit.hosts", "Gastheren", option: "hosts", input: .list, help: "Gescheiden door komma's.",
                   get: { .list($0.hosts) }, set: { visit, value throws(ValueError) in visit.hosts = try FieldCast.list(value) }),
        visitField("visit.programme", "Programma", option: "programme", input: .line,
                   help: "Wat de delegatie doet en waar, zoals het getypt is: 'Rondleiding Pivot Park, lunch met Organon'.",
                   get: { .text($0.programme) }, set: { visit, value throws(ValueError) in visit.programme = try FieldCast.text(value) }),
    ]

    /// A field of the visit details: empty without a visit; setting a value needs a visit (a direction) first.
    private static func visitField(_ key: String, _ label: String, option: String, input: FieldInput, help: String = "",
                                   get: @escaping @Sendable (VisitDetails) -> FieldValue,
                                   set: @escaping @Sendable (inout VisitDetails, FieldValue) throws(ValueError) -> Void,
                                   parse: (@Sendable (String) throws(ValueError) -> FieldValue)? = nil) -> EntityField<Activity> {
        let field = EntityField<Activity>(
            key: key, label: label, option: option, input: input, help: help,
            get: { _ in .none }, set: { _, _ throws(ValueError) in }, parse: { _, _, _ throws(ValueError) in .none }, show: { _, _ in "" })
        let empty = field.emptyValue
        return EntityField<Activity>(
            key: key, label: label, option: option, input: input, help: help,
            get: { activity in activity.visit.map(get) ?? empty },
            set: { (activity: inout Activity, value: FieldValue) throws(ValueError) in
                guard var visit = activity.visit else {
                    if value.isEmpty { return }
                    throw ValueError("alleen een delegatiebezoek heeft bezoekgegevens; geef eerst de richting")
                }
                try set(&visit, value)
                activity.visit = visit
            },
            parse: { (text: String, _: Dossier, _: CalendarDate?) throws(ValueError) in
                if let parse { return try parse(text) }
                return input == .list ? .list(ListText.split(text)) : .text(ListText.oneLine(text).trimmingSpaces())
            },
            show: { value, _ in FieldCast.string(value) })
    }
}

