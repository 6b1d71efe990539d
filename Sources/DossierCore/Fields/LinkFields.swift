extension Link {
    /// The fields of a link: what it is, and where it points (a web address or a file path).
    public static let fields = FieldTable<Link>("link", [
        .text("label", "Omschrijving", option: "label", help: "Zoals 'Besluit B&W 2025-01'. Verplicht.", isRequired: true, \.label),
        EntityField(key: "target", label: "Adres of pad", option: "target", input: .url,
                    help: "Een webadres (https://…) of een pad naar een bestand (/mnt/gedeeld/…).", isRequired: true,
                    get: { .text($0.target.text) },
                    set: { (link: inout Link, value: FieldValue) throws(ValueError) in link.target = try LinkTarget.read(try FieldCast.text(value)) },
                    parse: { (text: String, _: Dossier, _: CalendarDate?) throws(ValueError) in .text(try LinkTarget.read(text).text) },
                    show: { value, _ in FieldCast.string(value) }),
    ])
}
