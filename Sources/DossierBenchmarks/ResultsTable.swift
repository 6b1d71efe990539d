import DossierCore
import DossierTUI
import Foundation

/// What is measured, with the target of issues 7 and 15 (for the largest size) where there is one.
enum Operation: String, CaseIterable {
    case firstScreen = "eerste scherm (in proces)"
    case wholeDossier = "heel dossier geladen en geïndexeerd (in proces)"
    case searchKeys = "zoeksleutels maken (in proces)"
    case durableEdit = "één wijziging duurzaam opslaan"
    case compaction = "samenvoegen (nieuwe momentopname)"
    case keyMove = "toets: omlaag (relaties)"
    case keyPage = "toets: pagina omlaag (relaties)"
    case keySearch = "toets: zoeken terwijl je typt (relaties)"
    case keyActivityMove = "toets: omlaag (activiteiten)"
    case keyActivitySearch = "toets: zoeken terwijl je typt (activiteiten)"
    case keyPicker = "toets: relatie kiezen, filter terwijl je typt"
    case keySave = "toets: wijziging opslaan (Ctrl-S, lijsten bijgewerkt)"
    case keyDelete = "toets: activiteit verwijderen (J, lijsten bijgewerkt)"
    case keyUndoDelete = "toets: verwijderen ongedaan maken (u)"
    case othersDeletions = "twee verwijderingen van een collega samen binnen"
    case assessAll = "afweging van alle activiteiten"
    case report = "jaarverslag (Markdown)"
    case csvImport = "CSV-import van alle activiteiten"
    case activitiesJSON = "dossier activities --json (proces)"
    case relationsCommand = "dossier relations (proces)"
    case activitiesTable = "dossier activities (tabel, proces)"
    case agendaCommand = "dossier agenda (proces)"
    case dueCommand = "dossier due (proces)"
    case setStatus = "dossier set-status (wijziging, proces)"
    case logVisit = "dossier log-visit (toevoeging, proces)"
    case addFollowUp = "dossier add-follow-up (activiteit, proces)"
    case addFollowUpByTitle = "dossier add-follow-up op titel (proces)"
    case deleteActivity = "dossier delete (activiteit, proces)"
    case showRelation = "dossier show (relatie, proces)"
    case addRelation = "dossier add-relation (toevoeging, proces)"

    /// Milliseconds; keystrokes are judged on p95, the rest on the median.
    var target: Double? {
        switch self {
        case .firstScreen: 120
        case .durableEdit: 20
        case .compaction: 700
        case .keyMove, .keyPage, .keySearch, .keyActivityMove, .keyActivitySearch, .keyPicker, .keySave, .keyDelete, .keyUndoDelete: 16
        case .csvImport: 3000
        case .activitiesJSON: 300
        case .relationsCommand: 150
        case .setStatus, .addRelation, .logVisit, .addFollowUp, .addFollowUpByTitle, .deleteActivity: 300
        case .othersDeletions, .assessAll, .report, .wholeDossier, .searchKeys, .activitiesTable, .agendaCommand, .dueCommand, .showRelation: nil
        }
    }

    var judgedOnP95: Bool { rawValue.hasPrefix("toets") }
}

struct ResultsTable {
    let sizes: [Int]
    private var cells: [Operation: [Int: Measurement]] = [:]
    private var memory: [Operation: [Int: Double]] = [:]
    private var notes: [Int: String] = [:]
    private var bundledFirstScreen = Measurement()
    static let memoryTarget = 120.0
    static let targetSize = 100_000

    init(sizes: [Int]) {
        self.sizes = sizes
    }

    mutating func record(_ operation: Operation, size: Int, measurement: Measurement) {
        cells[operation, default: [:]][size] = measurement
    }

    mutating func recordMemory(_ operation: Operation, size: Int, megabytes: Double) {
        memory[operation, default: [:]][size] = megabytes
    }

    mutating func note(_ size: Int, _ text: String) {
        notes[size] = text
    }

    mutating func measureBundled(bundled: Dossier, clock: Clock, runs: Int) {
        for _ in 0..<max(runs, 10) {
            bundledFirstScreen.samples.append(Measurement.time {
                if let dossier = try? DossierFile.decode(BundledDossier.bytes, file: "ingebouwd") {
                    _ = Renderer.render(AppState(dossier: dossier, today: clock.today(), width: 120, height: 40))
                }
            })
        }
    }

    func render() -> String {
        let largest = sizes.max() ?? 0
        func format(_ value: Double) -> String { value.isNaN ? "—" : value < 10 ? String(format: "%.2f", value) : String(format: "%.0f", value) }
        var lines = ["dossier — metingen (ms: mediaan / p95; geheugen: piek in MB)", ""]
        for size in sizes { lines.append("  \(size) activiteiten, \(max(10, size / 10)) relaties: \(notes[size] ?? "")") }
        lines.append("")
        // The targets hold at 100.000 activities; a smaller run shows them but does not judge them.
        func verdict(_ met: Bool) -> String { largest < Self.targetSize ? "(doel geldt bij \(Self.targetSize))" : met ? "gehaald" : "NIET GEHAALD" }
        let header = ["meting"] + sizes.map { "\($0)" } + ["doel", ""]
        var rows: [[String]] = []
        for operation in Operation.allCases {
            guard let measured = cells[operation] else { continue }
            var row = [operation.rawValue]
            for size in sizes { row.append(measured[size].map { "\(format($0.median)) / \(format($0.p95))" } ?? "—") }
            if let target = operation.target, let largestMeasurement = measured[largest] {
                let value = operation.judgedOnP95 ? largestMeasurement.p95 : largestMeasurement.median
                row += ["≤ \(format(target))\(operation.judgedOnP95 ? " (p95)" : "")", verdict(value <= target)]
            } else {
                row += ["", ""]
            }
            rows.append(row)
        }
        for operation in Operation.allCases {
            guard let measured = memory[operation] else { continue }
            var row = ["piekgeheugen \(operation.rawValue)"]
            for size in sizes { row.append(measured[size].map { String(format: "%.0f MB", $0) } ?? "—") }
            let value = measured[largest] ?? .nan
            row += ["≤ \(Int(Self.memoryTarget)) MB", verdict(value <= Self.memoryTarget)]
            rows.append(row)
        }
        rows.append(["eerste scherm, meegeleverd dossier (in proces)", "\(format(bundledFirstScreen.median)) / \(format(bundledFirstScreen.p95))"]
            + Array(repeating: "", count: sizes.count - 1) + ["≤ 30", bundledFirstScreen.median <= 30 ? "gehaald" : "NIET GEHAALD"])
        let widths = header.indices.map { column in ([header] + rows).map { DisplayWidth.of($0[column]) }.max() ?? 0 }
        for row in [header] + rows {
            lines.append(row.enumerated().map { column, cell in DisplayWidth.fit(cell, to: widths[column], alignRight: column > 0 && column <= sizes.count) }
                .joined(separator: "  "))
        }
        return lines.joined(separator: "\n")
    }
}
