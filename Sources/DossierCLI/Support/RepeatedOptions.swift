import DossierCore
/// An option that takes one value, given twice (`add-activity … --title A --title B`): the argument parser keeps the
/// last value without a word, so the first is lost. Such a command line is refused instead. Which options may be
/// repeated (`--country`, `--relation` …) the parser itself says (`CommandOptions`), asked only when an option occurs
/// twice.
enum RepeatedOptions {
    /// The options (`--notes`, also as `--notes=…`; `-o`) given before a lone `--`, in order of their first occurrence,
    /// each with how often.
    static func given(_ arguments: [String]) -> [(name: String, count: Int)] {
        var seen: [String: Int] = [:], order: [String] = []
        for argument in arguments {
            if argument == "--" { break }
            let isShort = argument.count == 2 && argument.hasPrefix("-") && argument.last!.isLetter
            guard isShort || (argument.hasPrefix("--") && argument.count > 2) else { continue }
            let name = String(argument.prefix { $0 != "=" })
            if seen[name] == nil { order.append(name) }
            seen[name, default: 0] += 1
        }
        return order.map { ($0, seen[$0, default: 0]) }
    }

    /// Whether any option may be given twice, under one name or under two that can name one option (`--date` and
    /// `--start-date`, `--sector` and `--sectors`): only then is the command asked which of its options these are.
    static func mayRepeat(_ given: [(name: String, count: Int)]) -> Bool {
        let stems = given.map { stem($0.name) }
        return given.contains { $0.count > 1 } || Set(stems).count < stems.count
    }

    /// What two names of one option have in common: the names the add commands share with edit (`--start-date` for
    /// `--date`, `--estimated-cost` for `--cost`) and a plural for its singular. Only a first sieve: the command says
    /// which names are one option.
    private static func stem(_ name: String) -> String {
        let shared = ["--start-date": "--date", "--estimated-cost": "--cost"][name] ?? name
        if shared.hasSuffix("ies") { return shared.dropLast(3) + "y" }
        return shared.hasSuffix("s") ? String(shared.dropLast()) : shared
    }

    /// Of the options given, those of one single-valued option given more than once, under one name or several
    /// (`--date 1-5 --start-date 2-5`): grouped by the option they name, in order.
    static func refused(_ given: [(name: String, count: Int)], options: CommandOptions) -> [[String]] {
        var groups: [Int: [String]] = [:], counts: [Int: Int] = [:], order: [Int] = []
        for (name, count) in given where options.singleValue.contains(name) {
            guard let option = options.option[name] else { continue }
            if groups[option] == nil { order.append(option) }
            groups[option, default: []].append(name)
            counts[option, default: 0] += count
        }
        return order.filter { counts[$0, default: 0] > 1 }.compactMap { groups[$0] }
    }

    /// The refusal, without the "dossier: " in front: for each option its names as given ("--date en --start-date").
    static func refusal(_ groups: [[String]]) -> String {
        let names = groups.map { enumerated($0) }
        if groups.count == 1, groups[0].count > 1 {
            return "\(names[0]) zijn dezelfde optie, die één waarde neemt (alleen de laatste zou gelden); geef haar één keer"
        }
        return refusal(names)
    }

    private static func refusal(_ names: [String]) -> String {
        let list = enumerated(names)
        return "\(list) \(names.count == 1 ? "is" : "zijn") meer dan eens gegeven, maar \(names.count == 1 ? "neemt" : "nemen") één waarde "
            + "(alleen de laatste zou gelden); geef \(names.count == 1 ? "haar" : "ze") één keer"
    }
}
