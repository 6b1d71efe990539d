/// The arguments of a start of the screen: no command, only the store's options (`dossier`, `dossier --store PAD`,
/// `dossier --read-only --store=PAD`). Read by hand, because the argument parser was the largest step of such a start
/// after the runtime's own: ± 2,6 ms with the whole tree of commands, ± 1,3 ms for the store's options alone (its first
/// use), of ± 11 ms at 1.000 activities (docs/performance.md, point 59).
///
/// Only arguments that mean one thing are read here; anything else (a command, help, `--version`, an option given
/// twice, a value after a separate `--store` that starts with `-`, an empty `--store=`, a typo) gives nil, and goes
/// through the argument parser as every command does, with its messages. `ScreenArgumentsTests` holds this reading
/// against the parser's.
enum ScreenArguments {
    static func read(_ arguments: [String]) -> StoreOptions? {
        var store: String?, isReadOnly = false
        var rest = arguments[...]
        while let first = rest.popFirst() {
            if first == "--read-only", !isReadOnly {
                isReadOnly = true
            } else if first == "--store", store == nil, let value = rest.popFirst(), !value.hasPrefix("-") {
                store = value
            } else if first.hasPrefix("--store="), first.count > "--store=".count, store == nil {
                store = String(first.dropFirst("--store=".count))
            } else {
                return nil
            }
        }
        var options = StoreOptions()
        options.store = store
        options.isReadOnly = isReadOnly
        return options
    }
}
