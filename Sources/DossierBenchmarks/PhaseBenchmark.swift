#if canImport(Glibc)
import Glibc
#endif
import DossierCore
import DossierTUI
import Foundation

/// Where the time and the memory of a start go, phase by phase, on one dossier file (with its journal):
///
///     dossier-benchmarks --phases FILE [--runs N]
///
/// Each phase is timed on its own (median of the runs); memory is what the process holds resident after the
/// phase (all phases so far held at once) and its resident peak.
struct PhaseBenchmark {
    let path: String
    let runs: Int
    let clock: Clock

    func run() throws -> String {
        var phases: [(String, Measurement, Measurement, Double)] = []
        func measure(_ name: String, _ body: () throws -> Void) rethrows {
            var wall = Measurement(), processor = Measurement()
            for _ in 0..<runs {
                let cpuStart = PhaseBenchmark.processorSeconds()
                wall.samples.append(try Measurement.time(body))
                processor.samples.append((PhaseBenchmark.processorSeconds() - cpuStart) * 1000)
            }
            phases.append((name, wall, processor, PhaseBenchmark.residentMegabytes()))
        }
        let store = DossierStore(path: path)
        measure("bijbestand lezen (startscherm, dossier relations)") { _ = store.listIndex() }
        var bytes: [UInt8] = []
        try measure("bestand lezen") { bytes = try PosixFileSystem().readFile(path) }
        var dossier: Dossier?
        try measure("JSON lezen en waarden bouwen (met id-tabellen)") { dossier = nil; dossier = try Dossier(decoding: bytes) }
        guard let dossier else { return "" }
        measure("controleren (alle regels)") { _ = DossierValidator.problems(in: dossier) }
        bytes = []
        var loaded: Dossier?
        try measure("store.load() als geheel (lezen, controleren, journaal)") { loaded = nil; loaded = try DossierStore(path: path).load() }
        measure("lijstindex maken (voor het bijbestand)") { _ = ListIndex(dossier: dossier) }
        var index: DossierIndex?
        measure("schermindex (overzichten, volgordes, totalen)") {
            index = nil
            index = DossierIndex(dossier: dossier, today: clock.today())
        }
        var state: AppState?
        measure("schermtoestand (rijen, filters)") {
            state = nil
            state = AppState(dossier: dossier, today: clock.today(), width: 120, height: 40)
        }
        measure("eerste beeld tekenen") { _ = Renderer.render(state!) }
        var keys: SearchKeys?
        measure("zoeksleutels (bij de eerste zoekopdracht)") {
            keys = nil
            keys = SearchKeys(dossier: dossier)
        }
        _ = (loaded, index, keys)
        var lines = ["fasen van de start: \(path) (\(runs) runs; mediaan: wandklok, processortijd van alle kernen; resident geheugen na de fase)", ""]
        for (name, wall, processor, resident) in phases {
            lines.append("  " + DisplayWidth.fit(name, to: 52) + String(format: "%9.1f ms %9.1f ms cpu %6.0f MB", wall.median, processor.median, resident))
        }
        lines.append(String(format: "\n  piek (VmHWM) van dit proces: %.0f MB", PhaseBenchmark.peakMegabytes()))
        return lines.joined(separator: "\n")
    }

    /// User and system time of the whole process so far, all threads.
    static func processorSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }

    /// The resident memory right now (what is still held after the phase).
    static func residentMegabytes() -> Double { statusField("VmRSS:") }

    static func peakMegabytes() -> Double { statusField("VmHWM:") }

    private static func statusField(_ name: String) -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix(name) }),
              let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "") else { return .nan }
        return kilobytes / 1024
    }
}
