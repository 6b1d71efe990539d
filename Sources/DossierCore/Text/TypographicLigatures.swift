/// The ligatures of text copied from a PDF ("ﬁnanciering"), spelled as the letters they join: slugs and search
/// both read them so, or their letters would be lost from an id and a search for "financiering" would miss them.
enum TypographicLigatures {
    static let spelledOut: [Unicode.Scalar: String] = [
        "\u{FB00}": "ff", "\u{FB01}": "fi", "\u{FB02}": "fl", "\u{FB03}": "ffi", "\u{FB04}": "ffl", "\u{FB05}": "st", "\u{FB06}": "st",
    ]
}
