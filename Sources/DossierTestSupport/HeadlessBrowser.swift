import Foundation

/// A real browser without a screen (Debian's `chromium-headless-shell`, or Chromium) printing a page to PDF
/// as a user's "Print → Save as PDF" would, and poppler's `pdfinfo` / `pdftotext` to read the result.
/// `.ci/run` installs both; elsewhere `unavailableReason` says what is missing.
public enum HeadlessBrowser {
    static let browsers = ["chromium-headless-shell", "chromium", "chromium-browser", "google-chrome"]

    static func find(_ name: String) -> String? {
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init) + ["/usr/bin", "/usr/local/bin"]
        return directories.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    public static var browser: String? { browsers.lazy.compactMap(find).first }

    /// Nil when everything is there; otherwise what is missing, to say plainly why a test did not run.
    public static var unavailableReason: String? {
        var missing: [String] = []
        if browser == nil { missing.append("no headless browser (\(browsers.joined(separator: ", ")))") }
        if find("pdfinfo") == nil || find("pdftotext") == nil { missing.append("no pdfinfo/pdftotext (Debian: poppler-utils)") }
        return missing.isEmpty ? nil : missing.joined(separator: "; ") + " — .ci/run installs them"
    }

    /// Prints `html` (a file) to `pdf` on A4, without the browser's own header and footer (the page's CSS
    /// makes them).
    public static func printToPDF(html: String, pdf: String) throws -> ProgramRunner.Result {
        guard let browser else { return ProgramRunner.Result(status: 127, standardOutput: "", standardError: unavailableReason ?? "") }
        let profile = TemporaryDirectory(prefix: "browser-profile")
        return try ProgramRunner(executable: browser).run([
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--user-data-dir=\(profile.path)",
            "--no-pdf-header-footer", "--print-to-pdf=\(pdf)", URL(fileURLWithPath: html).absoluteString,
        ])
    }

    /// The number of pages, as pdfinfo reads it.
    public static func pageCount(_ pdf: String) throws -> Int? {
        guard let pdfinfo = find("pdfinfo") else { return nil }
        let info = try ProgramRunner(executable: pdfinfo).run([pdf]).standardOutput
        let line = info.split(separator: "\n").first { $0.hasPrefix("Pages:") }
        return line.flatMap { Int($0.dropFirst("Pages:".count).trimmingCharacters(in: .whitespaces)) }
    }

    /// The text of each page, as pdftotext reads it (pages end with a form feed).
    public static func pageTexts(_ pdf: String) throws -> [String] {
        guard let pdftotext = find("pdftotext") else { return [] }
        var pages = try ProgramRunner(executable: pdftotext).run(["-layout", pdf, "-"]).standardOutput.components(separatedBy: "\u{0C}")
        if pages.last?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty == true { pages.removeLast() }
        return pages
    }
}
