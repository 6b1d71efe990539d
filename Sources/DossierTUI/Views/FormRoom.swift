/// How the rows inside a form's box are shared between the verdict and its reasons, the fields, a blank row and the help
/// of the focused field. When they are too few for all of it (a small window), the fields keep room for the one being
/// edited: what is only there to read gives way first — the blank row, the reasons (down to one row), the help (down to
/// one row), then the reasons altogether — and the views that draw them say there is more.
struct FormRoom: Equatable {
    var previewRows: Int
    var fieldRows: Int
    var spacerRows = 1
    var helpRows: Int

    /// The field being edited and a row around it: less, and the form cannot be read as a form.
    static let minimumFieldRows = 3
    /// The verdict, one row of reasons and the rule under them: kept until the help is down to one row.
    static let shortPreviewRows = 3

    /// `innerRows`: inside the frame; `fieldRows`: what the fields would take, all shown.
    init(innerRows: Int, fieldRows wanted: Int, previewRows: Int, helpRows: Int) {
        self.previewRows = previewRows
        self.helpRows = helpRows
        fieldRows = 0
        let needed = min(wanted, Self.minimumFieldRows)
        var short: Int { needed - (innerRows - self.previewRows - spacerRows - self.helpRows) }
        if short > 0 { spacerRows = 0 }
        if short > 0 { self.previewRows = max(min(previewRows, Self.shortPreviewRows), self.previewRows - short) }
        if short > 0 { self.helpRows = max(min(helpRows, 1), self.helpRows - short) }
        if short > 0 { self.previewRows = max(min(previewRows, 1), self.previewRows - short) }
        fieldRows = max(1, innerRows - self.previewRows - spacerRows - self.helpRows)
    }

    /// The preview drawn in fewer rows than it was given (its lines do not shorten one by one): the fields take the rest.
    mutating func usePreviewRows(_ used: Int) {
        fieldRows += max(0, previewRows - used)
        previewRows = min(previewRows, used)
    }

    /// The help of the focused field needs fewer rows than the form keeps for the longest one: the fields take the rest.
    mutating func useHelpRows(_ used: Int) {
        fieldRows += max(0, helpRows - used)
        helpRows = min(helpRows, used)
    }
}
