import DossierCore
import DossierPostgres

/// The storage a location names: a dossier file (the default), or a PostgreSQL database
/// (`postgresql://USER@HOST:PORT/DB`) when this program was built with it (`--traits PostgreSQL`).
enum StorageOpener {
    /// `preparing`: the default dossier is made from the bundled one when there is none yet; not for `--read-only`,
    /// which writes nothing.
    static func open(_ location: StoreLocation, configuration: StoreConfiguration, preparing: Bool = true) throws(StoreError) -> any ArchiveStorage {
        // Read first: a DOSSIER_NOW that does not read stops the command before anything is written (the first start's copy too).
        let clock = Session.clock
        guard PostgresAddress.isAddress(location.path) else {
            if preparing { try location.prepare() }
            let store = DossierStore(path: location.path, configuration: configuration)
            store.clock = clock
            return store
        }
        let address = try PostgresAddress(parsing: location.path, environment: Session.environment)
        #if PostgreSQL
        let store = PostgresStore(address: address, configuration: configuration)
        store.clock = clock
        store.listCache = PostgresListCache(address: address, environment: Session.environment)
        return store
        #else
        throw builtWithoutPostgres(address.description)
        #endif
    }

    /// A database named (`described` without its password) to a build without PostgreSQL, with how to build it.
    static func builtWithoutPostgres(_ described: String) -> StoreError {
        .notBuiltIn("\(described) is een PostgreSQL-database, maar deze dossier is gebouwd zonder PostgreSQL; bouw het met swift build --traits PostgreSQL")
    }
}
