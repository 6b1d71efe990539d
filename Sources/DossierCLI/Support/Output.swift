#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writing to stdout and stderr, unbuffered by Foundation.
enum Output {
    static func line(_ text: String = "") {
        write(text + "\n", to: STDOUT_FILENO)
    }

    /// A question without a line break, for interactive answers.
    static func prompt(_ text: String) {
        bytes(Array(text.utf8))
    }

    static func error(_ text: String) {
        write(text + "\n", to: STDERR_FILENO)
    }

    static func bytes(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let result = Glibc.write(STDOUT_FILENO, buffer.baseAddress! + offset, buffer.count - offset)
                if result < 0 {
                    if errno == EINTR { continue }
                    return
                }
                offset += result
            }
        }
    }

    private static func write(_ text: String, to descriptor: Int32) {
        if descriptor == STDOUT_FILENO {
            bytes(Array(text.utf8))
        } else {
            var copy = text
            copy.withUTF8 { buffer in _ = Glibc.write(descriptor, buffer.baseAddress, buffer.count) }
        }
    }
}
