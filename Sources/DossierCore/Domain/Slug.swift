// The standard library's canonical decomposition (`_nfd`, as swift-foundation uses it): Foundation's would load the
// whole of Foundation, which costs every start ± 3 ms and 5 MB.
@_spi(_Unicode) import Swift

/// Stable identifiers: lowercase ASCII slugs of a name, such as `taizhou`, `an-giang` or `rhone-alpes`.
public enum Slug {
    /// The slug of a name: diacritics dropped, letters lowercased, every run of other characters one hyphen.
    /// Names in other scripts are transliterated to Latin first ("泰州" becomes `tai-zhou`).
    public static func make(from name: String) -> String {
        // Only other scripts need transliterating, also beside Latin ("泰州 Jiangsu" is not "北京 Jiangsu"); plain ASCII (an
        // empty name too) never does, and the transliterator costs tens of milliseconds to set up the first time.
        if hasOtherScript(name), let latin = Transliteration.toLatin(name) { return asciiSlug(latin) }
        return asciiSlug(name)
    }

    /// The slug a new id starts from: `make`'s, but of a long name only its beginning and its end (where a visit's date
    /// stands), cut between words, so that an id stays a handle to type (a name of 999 Chinese characters gave one of
    /// 6.000 letters, and was refused as too long).
    public static func identifier(from name: String) -> String {
        let slug = make(from: name)
        guard slug.count > identifierLength else { return slug }
        let head = slug.prefix(60), tail = slug.suffix(19)
        let start = head.lastIndex(of: "-").map { head[..<$0] } ?? head
        let end = tail.firstIndex(of: "-").map { tail[tail.index(after: $0)...] } ?? tail
        return start + "-" + end
    }

    /// The longest slug `identifier` keeps whole.
    public static let identifierLength = 80

    /// Whether a text is a well-formed slug: `[a-z0-9]+` groups joined by single hyphens.
    public static func isValid(_ text: String) -> Bool {
        var previousWasHyphen = true
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                previousWasHyphen = false
            case UInt8(ascii: "-"):
                if previousWasHyphen { return false }
                previousWasHyphen = true
            default:
                return false
            }
        }
        return !text.isEmpty && !previousWasHyphen
    }

    /// `base`, or `base-2`, `base-3` … : the first that `isTaken` refuses.
    public static func unique(_ base: String, isTaken: (String) -> Bool) -> String {
        let root = base.isEmpty ? "item" : base
        if !isTaken(root) { return root }
        var counter = 2
        while isTaken("\(root)-\(counter)") { counter += 1 }
        return "\(root)-\(counter)"
    }

    /// As `unique`, for many ids from the same bases (an import): the search per base starts at
    /// `counters[base]` and leaves it after the suffix used, instead of trying -2, -3 … again each time.
    /// Gives the same ids as `unique` as long as no id is removed meanwhile.
    public static func unique(_ base: String, counters: inout [String: Int], isTaken: (String) -> Bool) -> String {
        let root = base.isEmpty ? "item" : base
        var counter = counters[root, default: 2]
        if counter == 2 && !isTaken(root) { return root }
        while isTaken("\(root)-\(counter)") { counter += 1 }
        counters[root] = counter + 1
        return "\(root)-\(counter)"
    }

    /// Whether `name`'s slug is `slug` (`make(from: name) == slug`), made only as far as the two agree: a lookup
    /// compares one typed name with every title, and most differ in their first letters.
    public static func make(from name: String, is slug: String) -> Bool {
        // A name that starts with an ASCII letter or digit starts its slug with it: when that differs from the
        // slug's first letter, a name with accents is not even decomposed.
        if let first = name.utf8.first, isLetterOrDigit(first), lowercased(first) != slug.utf8.first { return false }
        // A name with letters of another script is transliterated (as `make` does). That keeps the Latin around them: a
        // slug that does not start and end as the Latin before and after them does can not be it, without transliterating.
        if hasOtherScript(name) {
            let scalars = Array(name.unicodeScalars)
            guard let first = scalars.firstIndex(where: isOtherScript), let last = scalars.lastIndex(where: isOtherScript) else { return false }
            var before = String.UnicodeScalarView(), after = String.UnicodeScalarView()
            before.append(contentsOf: scalars[..<first])
            after.append(contentsOf: scalars[(last + 1)...])
            guard slug.hasPrefix(asciiSlug(String(before))), slug.hasSuffix(asciiSlug(String(after))) else { return false }
            return make(from: name) == slug
        }
        var expected = slug.utf8.makeIterator()
        return emitSlug(of: name) { byte in expected.next() == byte } && expected.next() == nil
    }

    /// Whether `name` has letters or digits outside the Latin script (CJK, Cyrillic, Greek …), which the slug can only
    /// give transliterated. Without decomposing: a lookup asks it of every title.
    static func hasOtherScript(_ name: String) -> Bool {
        guard name.utf8.contains(where: { $0 >= 0x80 }) else { return false }
        return name.unicodeScalars.contains(where: isOtherScript)
    }

    static func isOtherScript(_ scalar: Unicode.Scalar) -> Bool {
        guard !scalar.isASCII, !isLatin(scalar), scalar.properties.generalCategory != .nonspacingMark else { return false }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    /// Latin letters (with their accents and ligatures, ß, æ, ø …) and the fullwidth forms of ASCII.
    private static func isLatin(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00C0...0x024F, 0x1E00...0x1EFF, 0x2C60...0x2C7F, 0xA720...0xA7FF, 0xAB30...0xAB6F, 0xFB00...0xFB06, 0xFF10...0xFF5A,
             0x00AA, 0x00BA, 0x0250...0x02AF: true
        default: false
        }
    }

    private static func asciiSlug(_ name: String) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(name.utf8.count)
        _ = emitSlug(of: name) { byte in
            output.append(byte)
            return true
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Hands the bytes of `name`'s slug (untransliterated) to `take` in order, until it returns false; returns
    /// whether it took them all.
    private static func emitSlug(of name: String, _ take: (UInt8) -> Bool) -> Bool {
        var pendingHyphen = false, isStarted = false
        func emit(_ byte: UInt8) -> Bool {
            if pendingHyphen && isStarted && !take(UInt8(ascii: "-")) { return false }
            pendingHyphen = false
            isStarted = true
            return take(lowercased(byte))
        }
        func emit(ascii byte: UInt8) -> Bool {
            guard isLetterOrDigit(byte) else {
                pendingHyphen = true
                return true
            }
            return emit(byte)
        }
        // Only text with accents needs decomposing (é → e + ◌́); plain ASCII is taken byte by byte as it is.
        if name.utf8.allSatisfy({ $0 < 0x80 }) {
            for byte in name.utf8 where !emit(ascii: byte) { return false }
            return true
        }
        for scalar in name._nfd {
            if scalar.isASCII {
                guard emit(ascii: UInt8(scalar.value)) else { return false }
            } else if let replacement = ligatures[scalar] {
                for (index, byte) in replacement.utf8.enumerated() where !(index == 0 ? emit(byte) : take(byte)) { return false }
            } else if scalar.properties.generalCategory != .nonspacingMark {
                pendingHyphen = true
            }
        }
        return true
    }

    private static func isLetterOrDigit(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"): true
        default: false
        }
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
    }

    private static let ligatures: [Unicode.Scalar: String] = [
        "ß": "ss", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ø": "o", "Ø": "o",
        "ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "ð": "d", "þ": "th", "ı": "i",
    ].merging(TypographicLigatures.spelledOut) { own, _ in own }
}
