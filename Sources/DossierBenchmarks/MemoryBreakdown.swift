import DossierCore

/// Where the memory of a decoded dossier goes, field by field: `dossier-benchmarks --memory FILE`.
///
/// An estimate from Swift's layout rules, not a count by the allocator: a string of more than 15 bytes is an
/// allocation of 32 bytes of header and its bytes, a non-empty array one of 32 bytes and its capacity times the
/// element's stride, each rounded up as glibc's malloc rounds (16 bytes, 32 at least, 8 of its own). Shorter
/// strings, numbers and enumerations live inside their struct, which counts in the array that holds it. A text or
/// list the reader shared (`SharedTexts`) counts once per place here, so those groups read high; the
/// allocator's own count of the running screen is `scripts/measure-screen-memory.sh` (heaptrack).
struct MemoryBreakdown {
    private var bytes: [String: Int] = [:]
    private var longStrings: [String: Set<String>] = [:]
    private var elements: [String: Int] = [:]

    static func run(path: String) throws -> String {
        let dossier = try DossierStore(path: path).load()
        var breakdown = MemoryBreakdown()
        breakdown.count(dossier)
        return breakdown.report(path: path, dossier: dossier)
    }

    private static func allocation(_ size: Int) -> Int { max(32, (size + 8 + 15) / 16 * 16) }

    private mutating func string(_ text: String, _ group: String) {
        let length = text.utf8.count
        guard length > 15 else { return }
        bytes[group, default: 0] += MemoryBreakdown.allocation(32 + length + 1)
        longStrings[group, default: []].insert(text)
    }

    private mutating func array<T>(_ items: [T], _ group: String) {
        elements[group, default: 0] += items.count
        guard items.capacity > 0 else { return }
        bytes[group, default: 0] += MemoryBreakdown.allocation(32 + items.capacity * MemoryLayout<T>.stride)
    }

    private mutating func count(_ dossier: Dossier) {
        array(dossier.activities, "activiteiten (de structs zelf)")
        for activity in dossier.activities {
            string(activity.id, "activiteit: id")
            string(activity.title, "activiteit: titel")
            if let organiser = activity.organiser.relationID { string(organiser, "activiteit: organisator") }
            if let line = activity.budgetLine { string(line, "activiteit: budgetregel") }
            // Relations, countries, sectors, participants, outcomes, follow-ups, notes, links, the visit and the status
            // history: one run of bytes (`Activity.packedByteCount`), none when all are empty.
            if activity.packedByteCount > 0 {
                bytes["activiteit: compact bewaarde velden", default: 0] += MemoryBreakdown.allocation(32 + activity.packedByteCount)
                elements["activiteit: compact bewaarde velden", default: 0] += 1
            }
            array(activity.assessments, "activiteit: afwegingen")
            for assessment in activity.assessments {
                string(assessment.by, "activiteit: afwegingen")
                string(assessment.answers.exceptionDecision, "activiteit: afwegingen")
                // A byte per question once any is answered (`AssessmentAnswers`), and the notes.
                if Question.allCases.contains(where: { assessment.answers.entry($0) != nil }) {
                    bytes["activiteit: afwegingen", default: 0] += MemoryBreakdown.allocation(32 + Question.allCases.count)
                }
                for question in Question.allCases { string(assessment.answers.note(question), "activiteit: afwegingen") }
                array(assessment.reasons, "activiteit: afwegingen (redenen)")
                for reason in assessment.reasons {
                    string(reason.rule, "activiteit: afwegingen (redenen)")
                    string(reason.text, "activiteit: afwegingen (redenen)")
                }
                array(assessment.missing, "activiteit: afwegingen")
                for missing in assessment.missing { string(missing, "activiteit: afwegingen") }
            }
        }
        array(dossier.relations, "relaties (de structs zelf)")
        for relation in dossier.relations {
            for text in [relation.id, relation.name, relation.region, relation.notes, relation.source] { string(text, "relaties: teksten en lijsten") }
            array(relation.places, "relaties: teksten en lijsten")
            array(relation.institutes, "relaties: teksten en lijsten")
            array(relation.companies, "relaties: teksten en lijsten")
            array(relation.contacts, "relaties: teksten en lijsten")
            array(relation.links, "relaties: teksten en lijsten")
            array(relation.statusHistory, "relaties: teksten en lijsten")
        }
    }

    private func report(path: String, dossier: Dossier) -> String {
        let megabyte = 1_048_576.0
        var lines = [
            "geheugen van het gelezen dossier: \(path) (\(dossier.relations.count) relaties, \(dossier.activities.count) activiteiten; een schatting, zie MemoryBreakdown)",
            "",
            "  stride: Activity \(MemoryLayout<Activity>.stride) B, StatusChange \(MemoryLayout<StatusChange<ActivityStatus>>.stride) B, "
                + "Assessment \(MemoryLayout<Assessment>.stride) B, Relation \(MemoryLayout<Relation>.stride) B",
            "",
        ]
        for (group, size) in bytes.sorted(by: { $0.value > $1.value }) {
            var line = "  " + DisplayWidth.fit(group, to: 44) + String(format: "%7.1f MB", Double(size) / megabyte)
            if let count = elements[group], count > 0 { line += "  \(count) elementen" }
            if let texts = longStrings[group] { line += "  \(texts.count) verschillende lange teksten" }
            lines.append(line)
        }
        lines.append("  " + DisplayWidth.fit("samen", to: 44) + String(format: "%7.1f MB", Double(bytes.values.reduce(0, +)) / megabyte))
        return lines.joined(separator: "\n")
    }
}
