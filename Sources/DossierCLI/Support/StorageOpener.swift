import DossierCore

/// The storage a location names: a dossier file (the default), or a PostgreSQL database
/// (`postgresql://USER@HOST:PORT/DB`) when this program was built with it.
enum StorageOpener {
    static func open(_ location: StoreLocation, configuration: StoreConfiguration) throws(StoreError) -> any DossierStorage {
        try location.prepare()
        return DossierStore(path: location.path, configuration: configuration)
    }
}
