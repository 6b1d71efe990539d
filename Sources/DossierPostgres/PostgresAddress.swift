import DossierCore
#if canImport(Glibc)
import Glibc
#endif
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Where a dossier in PostgreSQL is: `postgresql://USER@HOST:PORT/DB` (or `postgres://…`), with PostgreSQL's own
/// conventions for what the address leaves out — `PGUSER`, `PGHOST`, `PGPORT`, `PGDATABASE`, the password from
/// `PGPASSWORD` or `~/.pgpass` (`PGPASSFILE`), `sslmode` in the address or `PGSSLMODE`, and a Unix socket when
/// the host is a folder (`?host=/var/run/postgresql`). The password is used, never stored and never shown: an address
/// with one in it is refused, and the address as text (`description`) leaves it out.
public struct PostgresAddress: Hashable, Sendable, CustomStringConvertible {
    public var user: String
    public var host: String
    public var port: Int
    public var database: String
    public var password: String?
    public var sslMode: SSLMode

    public enum SSLMode: String, Hashable, Sendable, CaseIterable {
        case disable, allow, prefer, require
        case verifyCA = "verify-ca"
        case verifyFull = "verify-full"
    }

    /// Whether a store location is a database address rather than a file.
    public static func isAddress(_ location: String) -> Bool {
        location.hasPrefix("postgresql://") || location.hasPrefix("postgres://")
    }

    /// A Unix socket folder rather than a host name.
    public var isSocket: Bool { host.hasPrefix("/") }

    /// The socket file, as PostgreSQL names it in its folder.
    public var socketPath: String { FilePath.join(host, ".s.PGSQL.\(port)") }

    /// The address without the password: safe for messages and logs, and to type again (a socket's port too, which
    /// `?host=` alone would leave to the default).
    public var description: String {
        let hostPart = isSocket ? "" : (host.contains(":") ? "[\(host)]" : host) + ":\(port)"
        let socket = isSocket ? "?host=\(host)&port=\(port)" : ""
        return "postgresql://\(user)@\(hostPart)/\(database)\(socket)"
    }

    /// Whether both name the same database of the same server: the same host (`localhost`, `127.0.0.1` and `::1` are one;
    /// case does not count), port and database. A socket folder is this computer: the same folder, or loopback on the same
    /// port, where a server also takes its socket's port (two servers with sockets in other folders may share a port when
    /// one listens on no network at all). Who logs in and options such as `sslmode` do not make another database.
    public func isSameDatabase(as other: PostgresAddress) -> Bool {
        guard port == other.port, database == other.database else { return false }
        switch (isSocket, other.isSocket) {
        case (true, true): return PostgresAddress.folder(host) == PostgresAddress.folder(other.host)
        case (true, false): return other.serverHost == "localhost"
        case (false, true): return serverHost == "localhost"
        case (false, false): return serverHost == other.serverHost
        }
    }

    /// A socket folder as the system resolves it (`/var/run/postgresql` is `/run/postgresql`), or as written when it is not there.
    private static func folder(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The host as a server is reached: the loopback names as one.
    private var serverHost: String {
        let lowered = host.lowercased()
        return ["localhost", "127.0.0.1", "::1"].contains(lowered) ? "localhost" : lowered
    }

    /// Reads an address; what it leaves out comes from the environment and `~/.pgpass`.
    public init(parsing text: String, environment: [String: String]) throws(StoreError) {
        guard PostgresAddress.isAddress(text), let components = URLComponents(string: text) else {
            throw .badSetting("'\(PostgresAddress.redacted(text))' is geen PostgreSQL-adres (postgresql://GEBRUIKER@HOST:POORT/DATABASE)")
        }
        let query = Dictionary((components.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { _, last in last })
        let knownParameters: Set<String> = ["host", "port", "user", "dbname", "sslmode"]
        // In the address, a password is in the shell's history and in every `ps` listing while dossier runs.
        if components.percentEncodedPassword?.isEmpty == false || query["password"] != nil {
            throw .badSetting("zet geen wachtwoord in het PostgreSQL-adres (iedereen op deze computer ziet het met ps, en het blijft in de "
                              + "geschiedenis van de shell); zet het in PGPASSWORD of in ~/.pgpass (chmod 600 ~/.pgpass), en laat het uit het adres")
        }
        if let unknown = query.keys.sorted().first(where: { !knownParameters.contains($0) }) {
            throw .badSetting("onbekende instelling '\(unknown)' in het PostgreSQL-adres; bekend: \(knownParameters.sorted().joined(separator: ", "))")
        }
        try PostgresAddress.refuseBrokenEscapes(in: text)
        let login = environment["PGUSER"].flatMap { $0.isEmpty ? nil : $0 } ?? SystemUser.name
        // A part whose escapes give no text is refused: left out, it would quietly become PGDATABASE or the user's name.
        func decoded(_ part: String?, _ name: String) throws(StoreError) -> String? {
            guard let part else { return nil }
            guard let text = PostgresAddress.percentDecoded(part) else {
                throw .badSetting("\(name) in het PostgreSQL-adres is geen tekst: een % hoort voor twee hexadecimale cijfers van UTF-8 (%C3%A9 is é)")
            }
            return text
        }
        let urlUser = try decoded(components.percentEncodedUser, "de gebruiker").flatMap { $0.isEmpty ? nil : $0 }
        user = query["user"] ?? urlUser ?? login
        // The host as DNS takes it: an international name in its xn-- form (as `encodedHost` gives it wherever Foundation
        // knows IDNA), an IPv6 address without its brackets.
        let urlHost = try decoded(components.encodedHost, "de host").map { $0.hasPrefix("[") && $0.hasSuffix("]") ? String($0.dropFirst().dropLast()) : $0 }
            .flatMap { $0.isEmpty ? nil : $0 }
        host = query["host"] ?? urlHost ?? environment["PGHOST"].flatMap { $0.isEmpty ? nil : $0 } ?? "/var/run/postgresql"
        let portText = query["port"] ?? components.port.map(String.init) ?? environment["PGPORT"] ?? "5432"
        guard let port = Int(portText), (1...65_535).contains(port) else {
            throw .badSetting("poort '\(portText)' in het PostgreSQL-adres is geen poortnummer (1 tot en met 65535)")
        }
        self.port = port
        let path = String(components.percentEncodedPath.drop { $0 == "/" })
        let urlDatabase = path.isEmpty ? nil : try decoded(path, "de database")
        database = query["dbname"] ?? urlDatabase ?? environment["PGDATABASE"].flatMap { $0.isEmpty ? nil : $0 } ?? user
        let modeText = query["sslmode"] ?? environment["PGSSLMODE"] ?? "prefer"
        guard let mode = SSLMode(rawValue: modeText) else {
            throw .badSetting("sslmode '\(modeText)' bestaat niet; kies \(SSLMode.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        sslMode = mode
        password = environment["PGPASSWORD"].flatMap { $0.isEmpty ? nil : $0 }
            ?? PostgresAddress.passwordFromFile(environment: environment, host: host, port: port, database: database, user: user)
    }

    /// Refuses a `%` that is no escape (`%ZZ`, a `%` at the end), naming the part, as a `%` that gives no text is: Foundation's
    /// reader would take it as it is written (`%25ZZ`). Looked for in the address as typed, split as a URL is.
    static func refuseBrokenEscapes(in text: String) throws(StoreError) {
        func isHexDigit(_ byte: UInt8) -> Bool {
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte | 0x20)
        }
        func check(_ part: Substring, _ name: String) throws(StoreError) {
            var bytes = part.utf8[...]
            while let percent = bytes.firstIndex(of: UInt8(ascii: "%")) {
                let escape = bytes[bytes.index(after: percent)...].prefix(2)
                guard escape.count == 2, escape.allSatisfy(isHexDigit) else {
                    throw .badSetting("\(name) in het PostgreSQL-adres is geen tekst: een % hoort voor twee hexadecimale cijfers van UTF-8 "
                                      + "(%C3%A9 is é, %25 is % zelf)")
                }
                bytes = bytes[escape.endIndex...]
            }
        }
        guard let scheme = text.utf8.firstRange(of: "://".utf8) else { return }
        let rest = text[scheme.upperBound...]
        let beforeQuery = rest.prefix { $0 != "?" && $0 != "#" }
        let authority = beforeQuery.prefix { $0 != "/" }
        if let at = authority.lastIndex(of: "@") {
            try check(authority[..<at].prefix { $0 != ":" }, "de gebruiker")
        }
        try check(beforeQuery[authority.endIndex...], "de database")
        let query = rest[beforeQuery.endIndex...].dropFirst().prefix { $0 != "#" }
        for parameter in query.split(separator: "&") {
            let name = parameter.prefix { $0 != "=" }
            try check(parameter[name.endIndex...], "de instelling '\(name)'")
        }
    }

    /// A part of the address with its `%XX` escapes decoded (`geheim%21` → `geheim!`), once; nil when an escape is
    /// broken or the bytes are no UTF-8.
    static func percentDecoded(_ text: String) -> String? {
        var bytes: [UInt8] = [], rest = text.utf8[...]
        func hexValue(_ byte: UInt8?) -> UInt8? {
            guard let byte else { return nil }
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
            default: return nil
            }
        }
        while let byte = rest.popFirst() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard let high = hexValue(rest.popFirst()), let low = hexValue(rest.popFirst()) else { return nil }
            bytes.append(high << 4 | low)
        }
        return String(validating: bytes, as: UTF8.self)
    }

    /// `text` with any password in it replaced by `***`, for a message about an address that did not parse.
    public static func redacted(_ text: String) -> String {
        // Scalar by scalar: as `Character`s, an '@' or '=' with a combining mark after it is no '@' or '=', and the
        // password after it would be shown.
        var result = text
        let scalars = result.unicodeScalars
        if let scheme = result.utf8.firstRange(of: "://".utf8), let at = scalars[scheme.upperBound...].firstIndex(of: "@"),
           let colon = scalars[scheme.upperBound..<at].firstIndex(of: ":") {
            result.replaceSubrange(scalars.index(after: colon)..<at, with: "***")
        }
        if let password = result.utf8.firstRange(of: "password=".utf8) {
            let end = result.unicodeScalars[password.upperBound...].firstIndex(of: "&") ?? result.endIndex
            result.replaceSubrange(password.upperBound..<end, with: "***")
        }
        return result
    }

    /// The password `~/.pgpass` (or `PGPASSFILE`) holds for this server, database and user, as libpq reads it:
    /// `host:port:database:user:password` with `*` for any and `\:` for a colon. A file others may read is
    /// ignored, as libpq does.
    static func passwordFromFile(environment: [String: String], host: String, port: Int, database: String, user: String) -> String? {
        let home = environment["HOME"] ?? ""
        let file = environment["PGPASSFILE"] ?? FilePath.join(home, ".pgpass")
        guard let status = try? PosixFileSystem().status(file), status.kind == .regular, status.mode & 0o077 == 0,
              let bytes = try? PosixFileSystem().readFile(file) else { return nil }
        let hostName = host.hasPrefix("/") ? "localhost" : host
        for line in String(decoding: bytes, as: UTF8.self).split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            let fields = splitPgpassLine(String(line))
            guard fields.count == 5 else { continue }
            let wanted = [hostName, String(port), database, user]
            if zip(fields.prefix(4), wanted).allSatisfy({ $0 == "*" || $0 == $1 }) { return fields[4] }
        }
        return nil
    }

    private static func splitPgpassLine(_ line: String) -> [String] {
        var fields: [String] = [], current = "", escaped = false
        for character in line {
            if escaped {
                current.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == ":" {
                fields.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        fields.append(current)
        return fields
    }
}
