#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// What a writer puts in the lock file while it holds it: its name and since when, in UTC ISO 8601 so any
/// program (in any time zone, with any date setting) can read it back: "Ine, sinds 2026-11-22T09:00:00Z".
enum LockHolder {
    static func text(_ writer: String, since moment: Timestamp) -> String {
        "\(writer), sinds \(moment.iso)"
    }

    /// The holder as the user reads it: the moment in their local time and date form ("Ine, sinds 22-11-2026
    /// 10:00"); text without a moment (an older program's) as it is.
    static func forPeople(_ holder: String, dates: DateWriting) -> String {
        guard let since = holder.ranges(of: ", sinds ").last, let moment = Timestamp(iso: holder[since.upperBound...]) else {
            return holder
        }
        return "\(holder[..<since.lowerBound]), sinds \(dates.moment(moment))"
    }
}
