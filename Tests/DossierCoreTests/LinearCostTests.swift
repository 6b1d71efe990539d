import DossierCore
import Dispatch
import Testing

/// Wrapping, measuring and searching cost time in proportion to the text: each is run on a text and on
/// one 10× and 100× as large, and the times are compared as ratios (never against a fixed number). Linear
/// work gives about 10 and 100, quadratic work 100 and 10.000; the bounds (60 and 600) leave room for a
/// busy machine and caches that stop fitting, and still catch anything quadratic. Each time is the
/// fastest of several runs; the tests of this suite run one after another.
@Suite("Linear cost of wrapping, measuring and searching", .serialized)
struct LinearCostTests {
    /// The fastest of `runs` runs of `body`, in seconds.
    static func fastest(runs: Int = 5, _ body: () -> Void) -> Double {
        var best = Double.infinity
        for _ in 0..<runs {
            let start = DispatchTime.now().uptimeNanoseconds
            body()
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        return best
    }

    /// Times `work` on inputs of size n, 10 n and 100 n and checks the ratios.
    static func expectLinear(_ name: String, base: Int, _ work: (Int) -> () -> Void, sourceLocation: SourceLocation = #_sourceLocation) {
        let times = [1, 10, 100].map { factor in fastest(work(base * factor)) }
        let (ratio10, ratio100) = (times[1] / max(times[0], 1e-7), times[2] / max(times[0], 1e-7))
        print("\(name): n=\(base) \(String(format: "%.4f", times[0])) s, 10n ×\(String(format: "%.1f", ratio10)), 100n ×\(String(format: "%.1f", ratio100))")
        #expect(ratio10 < 60, "\(name): 10× the size took \(ratio10)× the time", sourceLocation: sourceLocation)
        #expect(ratio100 < 600, "\(name): 100× the size took \(ratio100)× the time", sourceLocation: sourceLocation)
    }

    /// A base64-like word without spaces, as a pasted blob.
    static func blob(_ length: Int) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
        return String((0..<length).map { alphabet[($0 * 7 + $0 / 64) % 64] })
    }

    @Test("wrapping one very long word, a long CJK word and long ordinary text")
    func wrapping() {
        Self.expectLinear("wrap base64 word", base: 20_000) { size in
            let text = Self.blob(size)
            return { #expect(DisplayWidth.wrap(text, to: 80).count == (size + 79) / 80) }
        }
        Self.expectLinear("wrap CJK word", base: 2_000) { size in
            let text = String(repeating: "泰州", count: size / 2)
            return { #expect(DisplayWidth.wrap(text, to: 80).count == (size * 2 + 79) / 80) }
        }
        Self.expectLinear("wrap accented text", base: 2_000) { size in
            let text = String(repeating: "Rhône-Alpes Oekraïne ", count: size / 21)
            return { _ = DisplayWidth.wrap(text, to: 60) }
        }
    }

    @Test("measuring width, cutting to a width and making text terminal-safe")
    func measuring() {
        Self.expectLinear("width of accented and CJK text", base: 5_000) { size in
            let text = String(repeating: "é泰a", count: size / 3)
            return { #expect(DisplayWidth.of(text) == size / 3 * 4) }
        }
        Self.expectLinear("terminal-safe text with escapes", base: 5_000) { size in
            let text = String(repeating: "a\u{1B}[2Jé\u{202E}", count: size / 5)
            return { _ = TerminalSafeText.text(text) }
        }
        // Cutting reads only as far as the width: 100× the text costs about the same.
        let short = Self.blob(10_000), long = Self.blob(1_000_000)
        let (shortTime, longTime) = (Self.fastest { _ = DisplayWidth.fit(short, to: 40) }, Self.fastest { _ = DisplayWidth.fit(long, to: 40) })
        #expect(longTime < max(shortTime, 1e-4) * 20, "fit of 1 MB took \(longTime) s, of 10 kB \(shortTime) s")
    }

    @Test("searching: folding and a text and query made to match almost everywhere")
    func searching() {
        Self.expectLinear("search aaa…ab in aaa…a", base: 20_000) { size in
            let text = String(repeating: "a", count: size)
            let query = String(repeating: "a", count: size / 100) + "b"
            return { #expect(!SearchText.contains(text, query)) }
        }
        Self.expectLinear("search a word near the end", base: 20_000) { size in
            let text = Self.blob(size) + " taizhou"
            return { #expect(SearchText.contains(text, "taizhou")) }
        }
        Self.expectLinear("fold accented text", base: 5_000) { size in
            let text = String(repeating: "Rhône-Ærø ", count: size / 10)
            return { _ = SearchText.fold(text) }
        }
    }
}
