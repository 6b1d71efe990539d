// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "dossier",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "dossier", targets: ["dossier"]),
    ],
    traits: [
        // Off by default: a user who never needs a database does not build postgres-nio (minutes on two cores).
        // `swift build --traits PostgreSQL`, and the README's test command, turn it on.
        .trait(name: "PostgreSQL", description: "De opslag in PostgreSQL (--store postgresql://…), met postgres-nio."),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        // postgres-nio's own dependencies, named because DossierPostgres uses their types (a logger, an event
        // loop's futures, TLS settings).
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        // ncursesw, exposed through a small shim header (the curses macros do not import into Swift).
        .systemLibrary(
            name: "CNcursesw",
            providers: [.apt(["libncurses-dev"])]
        ),
        // Domain, store, assessment, queries and reports. FoundationEssentials only (not the whole of Foundation, which
        // costs every start ± 3 ms and 5 MB); knows nothing of the terminal.
        .target(name: "DossierCore", dependencies: ["CTransliteration"]),
        // Other scripts to Latin for slugs ("泰州" → tai-zhou), with the ICU that comes with the Swift toolchain on Linux.
        .target(name: "CTransliteration", linkerSettings: [.linkedLibrary("_FoundationICU", .when(platforms: [.linux]))]),
        // The TUI as pure state, messages, key map and views drawn into a canvas. Does not import curses.
        .target(name: "DossierTUI", dependencies: ["DossierCore"]),
        // Async-signal-safe signal handling and terminal restore, in C.
        .target(name: "CTerminalSupport"),
        // glibc's threshold for giving a large block its own mapping, held fixed (mallopt is not in Swift's Glibc).
        .target(name: "CMallocTuning"),
        // The only code that talks to ncurses: shows a canvas, translates keys, restores the terminal.
        .target(name: "DossierTerminal", dependencies: ["DossierTUI", "DossierCore", "CNcursesw", "CTerminalSupport"]),
        // The dossier in PostgreSQL: the same model as the file (a log of changes and a snapshot) with the
        // server as the shared log. Empty unless built with the PostgreSQL trait.
        .target(
            name: "DossierPostgres",
            dependencies: [
                "DossierCore",
                .product(name: "PostgresNIO", package: "postgres-nio", condition: .when(traits: ["PostgreSQL"])),
                .product(name: "NIOCore", package: "swift-nio", condition: .when(traits: ["PostgreSQL"])),
                .product(name: "NIOPosix", package: "swift-nio", condition: .when(traits: ["PostgreSQL"])),
                .product(name: "NIOSSL", package: "swift-nio-ssl", condition: .when(traits: ["PostgreSQL"])),
                .product(name: "Logging", package: "swift-log", condition: .when(traits: ["PostgreSQL"])),
            ]
        ),
        // The command line: one subcommand per file.
        .target(
            name: "DossierCLI",
            dependencies: [
                "DossierCore", "DossierTUI", "DossierTerminal", "DossierPostgres", "CMallocTuning",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "dossier", dependencies: ["DossierCLI"]),
        // Measurements at 1.000 to 100.000 activities: swift run -c release dossier-benchmarks
        .executableTarget(name: "dossier-benchmarks", dependencies: ["DossierCore", "DossierTUI", "DossierPostgres"], path: "Sources/DossierBenchmarks"),
        // Helpers shared by the test targets: temporary stores, fixed clocks, running the built binary.
        .target(name: "DossierTestSupport", dependencies: ["DossierCore"]),
        .testTarget(name: "DossierCoreTests", dependencies: ["DossierCore", "DossierTestSupport"], exclude: ["Seeds"]),
        .testTarget(name: "DossierTUITests", dependencies: ["DossierTUI", "DossierCore", "DossierTestSupport"], exclude: ["Snapshots"]),
        .testTarget(name: "DossierCLITests", dependencies: ["DossierCLI", "DossierCore", "DossierTestSupport"], exclude: ["Golden"]),
        .testTarget(name: "DossierEndToEndTests", dependencies: ["DossierCore", "DossierTestSupport"]),
        .testTarget(name: "DossierPostgresTests", dependencies: ["DossierPostgres", "DossierCore", "DossierTUI", "DossierTestSupport"]),
    ]
)
