#if os(Linux)
import CTransliteration
#else
import Foundation
#endif

/// Letters of other scripts in Latin ("泰州 Москва" → "tài zhōu Moskva"), as ICU's "Any-Latin" writes them: what a
/// slug is made from when a name is not in Latin script.
enum Transliteration {
    /// `text` in Latin, or nil when the transliterator is not there or refuses.
    static func toLatin(_ text: String) -> String? {
        #if os(Linux)
        // Not through Foundation, whose whole library (loaded only for this) costs every start time and memory.
        let original = Array(text.utf16)
        var capacity = original.count * 4 + 16
        for _ in 0..<4 {
            var buffer = original + Array(repeating: 0, count: capacity - original.count)
            let length = dossier_transliterate_to_latin(&buffer, Int32(original.count), Int32(capacity))
            if length >= 0 { return String(decoding: buffer[..<Int(length)], as: UTF16.self) }
            guard length == -2 else { return nil }
            capacity *= 4
        }
        return nil
        #else
        return text.applyingTransform(.toLatin, reverse: false)
        #endif
    }
}
