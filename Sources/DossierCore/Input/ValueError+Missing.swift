extension ValueError {
    /// A required value left empty.
    public static let missing = ValueError("dit veld is verplicht")
}
