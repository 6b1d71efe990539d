/// An option that takes one value, given twice (`add-activity … --title A --title B`): the argument parser keeps the
/// last value without a word, so the first is lost. Such a command line is refused instead. Which options may be
/// repeated (`--country`, `--relation` …) the parser itself says (`CommandOptions`), asked only when an option occurs
/// twice.
enum RepeatedOptions {
    /// The options (`--notes`, also as `--notes=…`; `-o`) that occur more than once before a lone `--`, in order of
    /// their first occurrence.
    static func givenTwice(_ arguments: [String]) -> [String] {
        var seen: [String: Int] = [:], order: [String] = []
        for argument in arguments {
            if argument == "--" { break }
            let isShort = argument.count == 2 && argument.hasPrefix("-") && argument.last!.isLetter
            guard isShort || (argument.hasPrefix("--") && argument.count > 2) else { continue }
            let name = String(argument.prefix { $0 != "=" })
            if seen[name] == nil { order.append(name) }
            seen[name, default: 0] += 1
        }
        return order.filter { seen[$0, default: 0] > 1 }
    }

    /// The refusal, without the "dossier: " in front.
    static func refusal(_ names: [String]) -> String {
        let list = names.count == 1 ? names[0] : names.dropLast().joined(separator: ", ") + " en " + names[names.count - 1]
        return "\(list) \(names.count == 1 ? "is" : "zijn") meer dan eens gegeven, maar \(names.count == 1 ? "neemt" : "nemen") één waarde "
            + "(alleen de laatste zou gelden); geef \(names.count == 1 ? "haar" : "ze") één keer"
    }
}
