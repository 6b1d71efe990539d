#if PostgreSQL
import DossierCore
import Logging
import NIOCore
import NIOPosix
import NIOSSL
import PostgresNIO

/// One connection to the server, used synchronously: the store's callers (a command, the screen's loop) are
/// not async, and every call here waits on an event loop of postgres-nio's own group, never on the caller's.
/// A lost connection is noticed at the next call, and made anew there.
final class PostgresLink: @unchecked Sendable {
    let address: PostgresAddress
    private var connection: PostgresConnection?
    private let logger = Logger(label: "dossier.postgres") { _ in SwiftLogNoOpLogHandler() }
    private static let group = MultiThreadedEventLoopGroup.singleton

    init(address: PostgresAddress) {
        self.address = address
    }

    deinit { close() }

    /// A connection being made for a question sent ahead (`ask`), taken by the next call that needs one.
    private var connecting: EventLoopFuture<PostgresConnection>?

    /// The open connection, made when there is none (or the last one was lost).
    func connected() throws(StoreError) -> PostgresConnection {
        if let connection, !connection.isClosed { return connection }
        connection = nil
        // One made for a question sent ahead, unless it was lost since (a server restarted meanwhile).
        try adoptConnecting()
        if let connection { return connection }
        do {
            let made = try connect().wait()
            connection = made
            return made
        } catch {
            throw storeError(error)
        }
    }

    /// The rows of `query` on `connection`, refused at once when the connection is closed. Checked on the
    /// connection's own event loop, where closing happens: a query written to a connection that closed after
    /// a check from another thread would never be answered, and wait for ever.
    private static func rows(of query: PostgresQuery, on connection: PostgresConnection, logger: Logger) -> EventLoopFuture<[PostgresRow]> {
        connection.eventLoop.flatSubmit {
            guard !connection.isClosed else { return connection.eventLoop.makeFailedFuture(ConnectionLost()) }
            return connection.query(query, logger: logger).map(\.rows)
        }
    }

    /// How long the server lets a program keep a transaction open without a word before it ends it (and so frees the
    /// log's lock for the others). Long enough for the longest message we send inside one (a snapshot of 100.000
    /// activities, 108 MB, on a slow link); a question itself has no deadline, for the same reason (a deadline of 60 s
    /// broke loading that snapshot at 12 Mbit/s).
    static let silentTransactionLimit: TimeAmount = .minutes(10)

    /// The connection closed before a question could be sent on it.
    struct ConnectionLost: Error {}

    private func connect() throws(StoreError) -> EventLoopFuture<PostgresConnection> {
        var configuration: PostgresConnection.Configuration
        if address.isSocket {
            configuration = .init(unixSocketPath: address.socketPath, username: address.user, password: address.password, database: address.database)
        } else {
            configuration = .init(host: address.host, port: address.port, username: address.user, password: address.password,
                                  database: address.database, tls: try tls())
        }
        configuration.options.connectTimeout = .seconds(5)
        // A program that goes quiet inside a transaction (its network gone without a word) would hold the log's lock until
        // the server noticed, which can take hours: the server ends such a transaction after `silentTransactionLimit`.
        configuration.options.additionalStartupParameters = [("idle_in_transaction_session_timeout", "\(Self.silentTransactionLimit.nanoseconds / 1_000_000)")]
        return PostgresConnection.connect(on: Self.group.any(), configuration: configuration, id: 1, logger: logger)
    }

    /// Sends `query` now (connecting first when needed) without waiting for the answer: the caller does
    /// other work meanwhile and takes the rows with `PendingRows.rows()`.
    func ask(_ query: PostgresQuery) -> PendingRows {
        let logger = logger
        let connection: EventLoopFuture<PostgresConnection>
        if let open = self.connection, !open.isClosed {
            connection = open.eventLoop.makeSucceededFuture(open)
        } else if let connecting {
            connection = connecting
        } else {
            do {
                connection = try connect()
            } catch {
                return PendingRows(link: self, answer: .failure(error))
            }
            connecting = connection
        }
        return PendingRows(link: self, answer: .success(connection.flatMap { Self.rows(of: query, on: $0, logger: logger) }))
    }

    /// The answer to a question sent ahead (`ask`).
    struct PendingRows: Sendable {
        let link: PostgresLink
        let answer: Result<EventLoopFuture<[PostgresRow]>, StoreError>

        /// Waits for the rows; an error in the store's terms. Call on the thread that uses the link.
        func rows() throws(StoreError) -> [PostgresRow] {
            let future = try answer.get()
            defer { link.settleConnecting() }
            do {
                return try future.wait()
            } catch {
                throw link.storeError(error)
            }
        }
    }

    /// Once a question sent ahead is answered: the connection made for it becomes this link's own (so that
    /// `close` closes it as any other), or, when it could not be made, is forgotten (the next call tries anew).
    func settleConnecting() {
        try? adoptConnecting()
    }

    /// Takes the connection made for a question sent ahead as this link's own, when it stands and there is no
    /// open one already; throws why it could not be made.
    private func adoptConnecting() throws(StoreError) {
        guard let pending = connecting else { return }
        connecting = nil
        let made: PostgresConnection
        do {
            made = try pending.wait()
        } catch {
            throw storeError(error)
        }
        guard !made.isClosed else { return }
        if let connection, !connection.isClosed {
            let _: EventLoopFuture<Void> = made.close()
        } else {
            connection = made
        }
    }

    /// Runs a statement and returns its rows.
    @discardableResult
    func query(_ query: PostgresQuery) throws(StoreError) -> [PostgresRow] {
        let connection = try connected()
        do {
            return try Self.rows(of: query, on: connection, logger: logger).wait()
        } catch {
            if connection.isClosed { self.connection = nil }
            throw storeError(error)
        }
    }

    /// Set when the last transaction's COMMIT got no answer (the connection broke): whether it committed is
    /// unknown until asked anew.
    private(set) var commitOutcomeIsUnknown = false

    /// Runs `body` in one transaction: committed when it returns, rolled back when it throws.
    func transaction<T>(_ body: () throws(StoreError) -> T) throws(StoreError) -> T {
        commitOutcomeIsUnknown = false
        try query("BEGIN")
        let value: T
        do {
            value = try body()
        } catch {
            _ = try? query("ROLLBACK")
            throw error
        }
        do {
            try query("COMMIT")
        } catch {
            commitOutcomeIsUnknown = !isOpen
            throw error
        }
        return value
    }

    /// Calls `handler` (on an event loop thread) for every notification on `channel`.
    func listen(on channel: String, _ handler: @escaping @Sendable () -> Void) throws(StoreError) {
        let connection = try connected()
        connection.addListener(channel: channel) { _, _ in handler() }
        // A query after adding the listener makes sure LISTEN reached the server before the caller goes on.
        try query("SELECT 1")
    }

    func close() {
        if let connecting {
            // Never waited for: closed once it stands, without holding up the caller.
            connecting.whenSuccess { connection in let _: EventLoopFuture<Void> = connection.close() }
            self.connecting = nil
        }
        if let connection { _ = try? connection.close().wait() }
        connection = nil
    }

    var isOpen: Bool { connection.map { !$0.isClosed } ?? false }

    private func tls() throws(StoreError) -> PostgresConnection.Configuration.TLS {
        var configuration = TLSConfiguration.makeClientConfiguration()
        switch address.sslMode {
        case .disable: return .disable
        case .allow, .prefer, .require:
            // Nothing is verified (libpq's meaning of these modes), so the system's certificate authorities
            // are not loaded either: that alone cost ~10 ms of every start.
            configuration.certificateVerification = .none
            configuration.trustRoots = .certificates([])
        case .verifyCA: configuration.certificateVerification = .noHostnameVerification
        case .verifyFull: configuration.certificateVerification = .fullVerification
        }
        let context: NIOSSLContext
        do {
            context = try NIOSSLContext(configuration: configuration)
        } catch {
            throw .unavailable(location: address.description, reason: "TLS kan niet worden ingesteld: \(error)")
        }
        switch address.sslMode {
        case .allow, .prefer: return .prefer(context)
        default: return .require(context)
        }
    }

    /// An error of postgres-nio or the network in the store's terms, in Dutch, never with the password.
    func storeError(_ error: any Error) -> StoreError {
        let location = address.description
        if error is ConnectionLost {
            return .unavailable(location: location, reason: "de verbinding met de server is verbroken of kwam niet tot stand")
        }
        if let error = error as? PSQLError {
            let state = error.serverInfo?[.sqlState] ?? ""
            let message = error.serverInfo?[.message] ?? ""
            switch state {
            case "55P03":
                return .busy(file: location, holder: "een andere schrijver, die het schrijven in de database langer dan \(PostgresSchema.appendLockWait) s vasthoudt")
            case "53300", "40001", "40P01":
                return .busy(file: location, holder: "de databaseserver (\(message))")
            case "57P01", "57P02", "57P03":
                return .unavailable(location: location, reason: "de server wordt gestopt of start nog op (\(message))")
            case "28P01", "28000":
                return .unavailable(location: location, reason: "inloggen geweigerd voor \(address.user) (wachtwoord in PGPASSWORD of ~/.pgpass?)")
            case "3D000":
                return .unavailable(location: location, reason: "de database \(address.database) bestaat niet")
            case "42501":
                return .notPermitted(location: location, reason: "de databaserol \(address.user) mist rechten op het dossier (\(message)); vraag de beheerder "
                                     + "de rol haar rechten (opnieuw) te geven: de GRANT's onder 'Twee rollen' in docs/postgresql.md")
            case "42P01":
                return .unavailable(location: location, reason: "de database heeft de tabellen van dossier nog niet: maak ze met dossier db init")
            case "":
                if error.code == .connectionError || error.code == .serverClosedConnection || error.code == .uncleanShutdown {
                    return .unavailable(location: location, reason: "de verbinding met de server is verbroken of kwam niet tot stand")
                }
                if error.code == .clientClosedConnection {
                    return .unavailable(location: location, reason: "de verbinding met de server is hier gesloten")
                }
                if error.code == .sslUnsupported {
                    return .unavailable(location: location, reason: "de server kent geen TLS (sslmode=\(address.sslMode.rawValue))")
                }
                // The server asks for a password and none was found (no PGPASSWORD, no ~/.pgpass, or one others may read,
                // which is passed over as psql passes it over).
                if error.code == .authMechanismRequiresPassword {
                    return .unavailable(location: location, reason: "de server vraagt een wachtwoord voor \(address.user), en dat is niet gevonden: zet het "
                                        + "in PGPASSWORD of in ~/.pgpass (alleen voor u leesbaar: chmod 600 ~/.pgpass)")
                }
                return .unavailable(location: location, reason: "\(error.code)")
            default:
                return .unavailable(location: location, reason: "de server meldt \(state): \(message)")
            }
        }
        return .unavailable(location: location, reason: "\(error)".replacingOccurrences(of: address.password ?? "\u{0}", with: "***"))
    }
}
#endif
