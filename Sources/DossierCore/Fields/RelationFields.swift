extension Relation {
    /// Every field of a relation a person sets by hand. Not here: the id (fixed), the status and review
    /// date (their own flow, with a reason), contacts and links (their own changes).
    public static let fields = FieldTable<Relation>("relatie", [
        .text("name", "Naam", option: "name", help: "Verplicht; uniek, hoofdletters en accenten tellen niet.", isRequired: true, \.name),
        .vocabulary("kind", "Soort", option: "kind", \.kind),
        .countries("countries", "Land", option: "country",
                   help: "Nederlandse landnaam of landcode (Denemarken, DK); meer landen gescheiden door komma's. Binnen of buiten Europa volgt uit het land.",
                   \.countries),
        .text("region", "Regio", option: "region", \.region),
        .list("places", "Plaatsen", option: "places", help: "Gescheiden door komma's.", \.places),
        .vocabularies("sectors", "Sectoren", option: "sectors", \.sectors),
        .vocabularies("motives", "Motieven", option: "motives", help: "De motieven van het Kader.", \.motives),
        .relation("via", "Via", option: "via", help: "De relatie waarlangs Oss deelneemt (mag leeg).", \.via),
        .list("institutes", "Instituten", option: "institutes", help: "Gescheiden door komma's.", \.institutes),
        .list("companies", "Bedrijven", option: "companies", help: "Gescheiden door komma's.", \.companies),
        .text("source", "Bron/aanleiding", option: "source", help: "Waar de relatie vandaan komt of waarom ze begon.", isLong: true, \.source),
        .text("notes", "Toelichting", option: "notes", isLong: true, \.notes),
    ])
}
