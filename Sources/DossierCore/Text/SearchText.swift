import Foundation

/// Text prepared for searching that ignores case and diacritics: "Rhône" and "rhone" fold alike.
public enum SearchText {
    /// Lowercased, with diacritics dropped and ß, æ, ø … spelled out. ASCII text takes a fast path.
    public static func fold(_ text: String) -> String {
        var isPlainLowercase = true
        for byte in text.utf8 where byte >= 0x80 || (byte >= 65 && byte <= 90) {
            isPlainLowercase = false
            break
        }
        if isPlainLowercase { return text }
        var output = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                let value = scalar.value
                output.append(value >= 65 && value <= 90 ? Unicode.Scalar(UInt8(value + 32)) : scalar)
            } else if let spelled = spelledOut[scalar] {
                output.append(contentsOf: spelled.unicodeScalars)
            } else {
                let lowered = String(scalar.properties.lowercaseMapping).decomposedStringWithCanonicalMapping
                for part in lowered.unicodeScalars where part.properties.generalCategory != .nonspacingMark {
                    output.append(part)
                }
            }
        }
        return String(output)
    }

    private static let spelledOut: [Unicode.Scalar: String] = [
        "ß": "ss", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ø": "o", "Ø": "o",
        "ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "ı": "i",
    ]
}
