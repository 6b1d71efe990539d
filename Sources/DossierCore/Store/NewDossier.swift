/// The dossier a new file starts as: the Kader and the budget lines of the bundled Oss dossier (what every activity is
/// weighed against and counted on), with the relations a budget line pays (and those they take part through), without
/// their contact persons; no other relations, no activities, no people.
public enum NewDossier {
    public static func make() -> Dossier {
        // The bundled dossier is checked by its own tests (BundledDossierTests); it always decodes.
        guard let bundled = try? Dossier(decoding: BundledDossier.bytes) else { preconditionFailure("the bundled dossier does not decode") }
        var kept: [RelationID] = []
        var next = bundled.budgetLines.compactMap(\.relation)
        while let id = next.popLast() {
            guard !kept.contains(id), let relation = bundled.relation(id) else { continue }
            kept.append(id)
            next += [relation.via].compactMap { $0 }
        }
        let relations = bundled.relations.filter { kept.contains($0.id) }.map { relation in
            var bare = relation
            bare.contacts = []
            return bare
        }
        return Dossier(title: bundled.title, framework: bundled.framework, budgetLines: bundled.budgetLines, relations: relations)
    }
}
