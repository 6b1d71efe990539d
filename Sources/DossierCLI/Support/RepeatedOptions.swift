import ArgumentParser
import Foundation

/// An option that takes one value, given twice (`edit … --notes "eerste" --notes "tweede"`): the argument parser keeps
/// the last value without a word, so the first is lost. Such a command line is refused instead. Which options may be
/// repeated (`--country`, `--relation` …) the parser itself says, in the description of a command that it writes for
/// `--experimental-dump-help`; that is asked for only when a long option occurs twice, so an ordinary command pays
/// nothing.
enum RepeatedOptions {
    /// The long options (`--notes`, also as `--notes=…`) that occur more than once before a lone `--`, in order of
    /// their first occurrence.
    static func givenTwice(_ arguments: [String]) -> [String] {
        var seen: [String: Int] = [:], order: [String] = []
        for argument in arguments {
            if argument == "--" { break }
            guard argument.hasPrefix("--"), argument.count > 2 else { continue }
            let name = String(argument.prefix { $0 != "=" })
            if seen[name] == nil { order.append(name) }
            seen[name, default: 0] += 1
        }
        return order.filter { seen[$0, default: 0] > 1 }
    }

    /// Of `names`, those that `command` (a subcommand of `root`) takes one value for: its options that do not repeat.
    static func singleValued(_ names: [String], of command: any ParsableCommand.Type, root: any ParsableCommand.Type) -> [String] {
        guard !names.isEmpty, let path = path(to: command, from: root) else { return [] }
        let description: String
        do {
            _ = try root.parseAsRoot(path + ["--experimental-dump-help"])
            return []
        } catch {
            description = root.fullMessage(for: error)
        }
        guard let object = try? JSONSerialization.jsonObject(with: Data(description.utf8)) as? [String: Any],
              let info = object["command"] as? [String: Any], let arguments = info["arguments"] as? [[String: Any]] else { return [] }
        var once = Set<String>()
        for argument in arguments where argument["kind"] as? String == "option" && argument["isRepeating"] as? Bool == false {
            for name in argument["names"] as? [[String: Any]] ?? [] where name["kind"] as? String == "long" {
                if let word = name["name"] as? String { once.insert("--" + word) }
            }
        }
        return names.filter(once.contains)
    }

    /// The subcommand names that lead from `root` to `command` (empty for the root itself).
    private static func path(to command: any ParsableCommand.Type, from root: any ParsableCommand.Type) -> [String]? {
        if command == root { return [] }
        for sub in root.configuration.subcommands {
            guard let name = sub.configuration.commandName, let rest = path(to: command, from: sub) else { continue }
            return [name] + rest
        }
        return nil
    }

    /// The refusal, without the "dossier: " in front.
    static func refusal(_ names: [String]) -> String {
        let list = names.count == 1 ? names[0] : names.dropLast().joined(separator: ", ") + " en " + names[names.count - 1]
        return "\(list) \(names.count == 1 ? "is" : "zijn") meer dan eens gegeven, maar \(names.count == 1 ? "neemt" : "nemen") één waarde "
            + "(alleen de laatste zou gelden); geef \(names.count == 1 ? "haar" : "ze") één keer"
    }
}
