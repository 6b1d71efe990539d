// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "dossier",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "dossier", targets: ["dossier"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // ncursesw, exposed through a small shim header (the curses macros do not import into Swift).
        .systemLibrary(
            name: "CNcursesw",
            providers: [.apt(["libncurses-dev"])]
        ),
        // Domain, store, assessment, queries and reports. Foundation only; knows nothing of the terminal.
        .target(name: "DossierCore"),
        // The TUI as pure state, messages, key map and views drawn into a canvas. Does not import curses.
        .target(name: "DossierTUI", dependencies: ["DossierCore"]),
        // Async-signal-safe signal handling and terminal restore, in C.
        .target(name: "CTerminalSupport"),
        // The only code that talks to ncurses: shows a canvas, translates keys, restores the terminal.
        .target(name: "DossierTerminal", dependencies: ["DossierTUI", "DossierCore", "CNcursesw", "CTerminalSupport"]),
        // The command line: one subcommand per file.
        .target(
            name: "DossierCLI",
            dependencies: [
                "DossierCore", "DossierTUI", "DossierTerminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "dossier", dependencies: ["DossierCLI"]),
        // Measurements at 1.000 to 100.000 activities: swift run -c release dossier-benchmarks
        .executableTarget(name: "dossier-benchmarks", dependencies: ["DossierCore", "DossierTUI"], path: "Sources/DossierBenchmarks"),
        // Helpers shared by the test targets: temporary stores, fixed clocks, running the built binary.
        .target(name: "DossierTestSupport", dependencies: ["DossierCore"]),
        .testTarget(name: "DossierCoreTests", dependencies: ["DossierCore", "DossierTestSupport"], exclude: ["Seeds"]),
        .testTarget(name: "DossierTUITests", dependencies: ["DossierTUI", "DossierCore", "DossierTestSupport"], exclude: ["Snapshots"]),
        .testTarget(name: "DossierCLITests", dependencies: ["DossierCore", "DossierTestSupport"], exclude: ["Golden"]),
        .testTarget(name: "DossierEndToEndTests", dependencies: ["DossierCore", "DossierTestSupport"]),
    ]
)
