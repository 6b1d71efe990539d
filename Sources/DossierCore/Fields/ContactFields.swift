extension Contact {
    /// Every field of a contact person. The id stays as it was made from the first name.
    public static let fields = FieldTable<Contact>("contactpersoon", [
        .text("name", "Naam", option: "name", isRequired: true, \.name),
        .text("role", "Functie", option: "role", \.role),
        .text("organisation", "Organisatie", option: "organisation", \.organisation),
        .text("email", "E-mail", option: "email", help: "Zoals naam@organisatie.nl (mag leeg).", input: .email, \.email,
              parse: EmailAddress.read),
        .text("phone", "Telefoon", option: "phone", help: "Zoals 0412 123 456 of +31 412 123 456 (mag leeg).", input: .phone, \.phone,
              parse: PhoneNumber.read),
        .flag("consultedForFramework", "Gesprekspartner", option: "gesprekspartner",
              help: "Gesprekspartner bij het Kader: overlegd, krijgt het vastgestelde Kader toegestuurd.", \.consultedForFramework),
        .text("notes", "Toelichting", option: "notes", isLong: true, \.notes),
    ])
}
