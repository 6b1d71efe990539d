/// A file with answers for `dossier assess ACTIVITY --answers FILE`, or a whole proposal for
/// `dossier assess --what-if FILE`: an optional activity, the answers and an optional exception decision.
///
/// ```json
/// { "activity": { "title": "…", "kind": "handelsmissie", "relations": ["medicon-valley"], "organiser": "bom",
///                 "startDate": "2027-05-18", "estimatedCostCents": 250000, "sectors": ["farma"] },
///   "answers": { "inhoudelijke-link": { "answer": "ja", "note": "…" } },
///   "exceptionDecision": "" }
/// ```
public struct ProposalFile: Sendable {
    public var activity: Activity?
    public var answers: AssessmentAnswers

    public init(activity: Activity?, answers: AssessmentAnswers) {
        self.activity = activity
        self.answers = answers
    }

    /// Reads the file's bytes; `file` is used in messages. An activity is checked against the dossier
    /// (known relations, valid dates) as a real one would be.
    public static func decode(_ bytes: [UInt8], file: String, dossier: Dossier) throws(StoreError) -> ProposalFile {
        let proposal: ProposalFile
        do {
            proposal = try JSONReader.read(bytes) { (reader: inout JSONReader) throws(JSONError) -> ProposalFile in
                var activity: Activity?
                var answers = AssessmentAnswers()
                var exception = ""
                try reader.readObject { (reader: inout JSONReader, key: String) throws(JSONError) in
                    switch key {
                    case "activity": activity = try Activity(readingProposal: &reader)
                    case "answers": answers = try AssessmentAnswers(reading: &reader)
                    case "exceptionDecision": exception = try reader.readString()
                    default:
                        // The fields of the activity written at the top, as in the dossier: say where they go.
                        throw reader.error("onbekend veld '\(key)': een voorstel heeft activity, answers en exceptionDecision; de velden van de "
                                           + "activiteit (title, kind, relations …) staan onder \"activity\": { … } (docs/afweegkader.md)")
                    }
                }
                answers.exceptionDecision = exception
                return ProposalFile(activity: activity, answers: answers)
            }
        } catch {
            // A proposal is written by hand: a wrong value in it is a mistake to correct, not damage.
            throw .invalid(file: file, problems: [LocatedProblem(position: TextPosition(offset: error.offset, in: bytes), path: error.path,
                                                                 message: error.message)])
        }
        if let activity = proposal.activity {
            let problems = ActivityRules.problems(activity, in: dossier).filter { $0.field != "id" }
            if !problems.isEmpty {
                throw .invalid(file: file, problems: problems.map { problem in
                    let path = JSONPath([.key("activity")] + problem.path.components)
                    return LocatedProblem(position: JSONReader.offset(of: path, in: bytes).map { TextPosition(offset: $0, in: bytes) },
                                          path: path, message: problem.message)
                })
            }
        }
        return proposal
    }
}
