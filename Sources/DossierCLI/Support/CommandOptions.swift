import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The long options a command takes, as the argument parser itself describes them (the JSON it writes for
/// `--experimental-dump-help`), for the checks the parser does not make: an option given twice, a suggestion for an
/// unknown one. Asked for only when such a check needs it, so an ordinary command pays nothing.
struct CommandOptions {
    /// `--notes`, `--country`, `--json`, `-o` …, in the order the command declares them.
    let names: [String]
    /// The options among them that take one value (not the flags, not those that may be given more than once).
    let singleValue: Set<String>
    /// Which option each name names (its place among the command's options): `--date` and `--start-date` the same.
    let option: [String: Int]

    /// The options of the command reached by `path` (subcommand names) from `root`; nil when there is no such command.
    init?(path: [String], root: any ParsableCommand.Type) {
        let description: String
        do {
            _ = try root.parseAsRoot(path + ["--experimental-dump-help"])
            return nil
        } catch {
            description = root.fullMessage(for: error)
        }
        guard let arguments = (try? JSONDecoder().decode(DumpedHelp.self, from: Data(description.utf8)))?.command.arguments else { return nil }
        var names: [String] = [], singleValue = Set<String>(), option: [String: Int] = [:]
        for (place, argument) in arguments.enumerated() where ["option", "flag"].contains(argument.kind) {
            for name in argument.names ?? [] {
                guard let dashes = ["long": "--", "short": "-"][name.kind] else { continue }
                names.append(dashes + name.name)
                option[dashes + name.name] = place
                if argument.kind == "option", argument.isRepeating == false { singleValue.insert(dashes + name.name) }
            }
        }
        self.names = names
        self.singleValue = singleValue
        self.option = option
    }

    /// The options of `command`, a subcommand of `root` at any depth.
    init?(of command: any ParsableCommand.Type, root: any ParsableCommand.Type) {
        guard let path = CommandOptions.path(to: command, from: root) else { return nil }
        self.init(path: path, root: root)
    }

    /// The part of the parser's JSON read here.
    private struct DumpedHelp: Decodable {
        struct Command: Decodable { let arguments: [Argument]? }
        struct Argument: Decodable {
            let kind: String
            let isRepeating: Bool?
            let names: [Name]?
        }
        struct Name: Decodable {
            let kind: String
            let name: String
        }
        let command: Command
    }

    /// The subcommand names that lead from `root` to `command` (empty for the root itself).
    static func path(to command: any ParsableCommand.Type, from root: any ParsableCommand.Type) -> [String]? {
        if command == root { return [] }
        for sub in root.configuration.subcommands {
            guard let name = sub.configuration.commandName, let rest = path(to: command, from: sub) else { continue }
            return [name] + rest
        }
        return nil
    }
}
