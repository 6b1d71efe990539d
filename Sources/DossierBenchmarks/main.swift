import DossierCore
import DossierTUI
import Foundation

/// Measures dossier at 1.000, 10.000 and 100.000 activities (with 100, 1.000 and 10.000 relations) and
/// prints median and p95 per operation, and peak memory of whole-process runs, against the targets.
///
///     swift run -c release dossier-benchmarks [--sizes 1000,10000,100000] [--runs 7] [--keep DIR]
///     swift run -c release --traits PostgreSQL dossier-benchmarks --postgres postgresql://USER@HOST:PORT/postgres
///     swift run -c release dossier-benchmarks --keys FILE [PART]  (the keystrokes alone, on one dossier; PART: those
///                                                                  whose name holds it, e.g. verwijder)
///
/// (--postgres measures only the database beside the file: see PostgresBenchmark.)
///
/// In-process operations run on the same code the program uses; whole-process ones run the `dossier`
/// binary built beside this one.
struct Options {
    var sizes = [1_000, 10_000, 100_000]
    var runs = 7
    var keep: String?
    var postgres: String?

    init(_ arguments: [String]) {
        var iterator = arguments.makeIterator()
        while let argument = iterator.next() {
            switch argument {
            case "--sizes": sizes = iterator.next().map { $0.split(separator: ",").compactMap { Int($0) } } ?? sizes
            case "--runs": runs = iterator.next().flatMap(Int.init) ?? runs
            case "--keep": keep = iterator.next()
            case "--postgres":
                guard let address = iterator.next(), !address.isEmpty else {
                    FileHandle.standardError.write(Data("--postgres vraagt het adres van een beheerder (postgresql://GEBRUIKER@HOST:POORT/postgres)\n".utf8))
                    exit(64)
                }
                postgres = address
            default:
                FileHandle.standardError.write(Data("onbekende optie \(argument); gebruik --sizes 1000,10000 --runs 7 --keep MAP --postgres ADRES\n".utf8))
                exit(64)
            }
        }
    }
}

// The go-between for peak memory (see ProcessMeasurement.peakMemory): run the program, print its peak in KB.
if CommandLine.arguments.count > 2, CommandLine.arguments[1] == "--peak-memory-of" {
    let result = ProcessMeasurement.run(CommandLine.arguments[2], Array(CommandLine.arguments.dropFirst(3)),
                                        environment: ProcessInfo.processInfo.environment)
    print(Int(result.peakMegabytes * 1024))
    exit(result.status)
}

// The phases of a start on one file: dossier-benchmarks --phases FILE [--runs N]
if CommandLine.arguments.count > 2, CommandLine.arguments[1] == "--phases" {
    let runs = CommandLine.arguments.count > 4 && CommandLine.arguments[3] == "--runs" ? Int(CommandLine.arguments[4]) ?? 5 : 5
    let clock = Clock.fixed(Timestamp(date: CalendarDate(year: 2026, month: 11, day: 22)!, hour: 9))
    print(try PhaseBenchmark(path: CommandLine.arguments[2], runs: runs, clock: clock).run())
    exit(0)
}

// The keystrokes alone, on one file: dossier-benchmarks --keys FILE [PART]
if CommandLine.arguments.count > 2, CommandLine.arguments[1] == "--keys" {
    let clock = Clock.fixed(Timestamp(date: CalendarDate(year: 2026, month: 11, day: 22)!, hour: 9))
    let dossier = try DossierStore(path: CommandLine.arguments[2]).load()
    print("toetsen op \(CommandLine.arguments[2]) (\(dossier.activities.count) activiteiten), ms: mediaan / p95")
    // A third argument keeps the sessions whose name holds it ("verwijder"): to profile one of them alone.
    let only = CommandLine.arguments.count > 3 ? CommandLine.arguments[3] : nil
    for (operation, measurement) in KeystrokeBenchmark(dossier: dossier, clock: clock).run(including: { only.map($0.rawValue.contains) ?? true }) {
        print("  " + operation.rawValue.padding(toLength: 58, withPad: " ", startingAt: 0)
              + String(format: "%8.2f / %8.2f", measurement.median, measurement.p95))
    }
    exit(0)
}

// Where the memory of a decoded dossier goes, field by field (an estimate): dossier-benchmarks --memory FILE
if CommandLine.arguments.count > 2, CommandLine.arguments[1] == "--memory" {
    print(try MemoryBreakdown.run(path: CommandLine.arguments[2]))
    exit(0)
}

let options = Options(Array(CommandLine.arguments.dropFirst()))
let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("dossier").path
let today = CalendarDate(year: 2026, month: 11, day: 22)!
let clock = Clock.fixed(Timestamp(date: today, hour: 9))
let bundled = try DossierFile.decode(BundledDossier.bytes, file: "ingebouwd dossier")

// Generated dossiers (100 MB at the largest size) go to a temporary folder that is removed afterwards,
// unless --keep names one.
let workDirectory = options.keep ?? NSTemporaryDirectory() + "dossier-bench-\(getpid())"
defer { if options.keep == nil { try? FileManager.default.removeItem(atPath: workDirectory) } }
// With --postgres: only the database beside the file, at each size.
if let address = options.postgres {
    #if PostgreSQL
    print(try PostgresBenchmark(adminAddress: address, sizes: options.sizes, runs: options.runs, bundled: bundled, clock: clock,
                                directory: workDirectory).run())
    if options.keep == nil { try? FileManager.default.removeItem(atPath: workDirectory) }
    exit(0)
    #else
    FileHandle.standardError.write(Data("--postgres vraagt een build met PostgreSQL: swift build -c release --traits PostgreSQL\n".utf8))
    exit(64)
    #endif
}
var table = ResultsTable(sizes: options.sizes)
for size in options.sizes {
    let bench = try SizeBenchmark(activities: size, relations: max(10, size / 10), runs: options.runs, bundled: bundled, clock: clock,
                                  binary: binary, directory: workDirectory)
    try bench.run(into: &table)
}
table.measureBundled(bundled: bundled, clock: clock, runs: options.runs)
print(table.render())
