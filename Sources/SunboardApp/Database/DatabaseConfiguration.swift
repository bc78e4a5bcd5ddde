import Foundation
import NIOSSL
import PostgresNIO

/// Which database to open and how to reach it.
public enum DatabaseConfiguration: Sendable {
    /// An SQLite file, created if missing.
    case sqlite(path: String)
    /// A PostgreSQL server.
    case postgresql(PostgresClient.Configuration)

    /// Reads a `postgres://user:password@host:port/database?sslmode=…` URL.
    ///
    /// `sslmode` follows libpq: `disable`; `prefer` (the default) and
    /// `require` encrypt without checking the certificate; `verify-ca` and
    /// `verify-full` check it against the system's trusted roots.
    /// `search_path` may name a schema (the tests give each test its own);
    /// `pool` caps the number of connections (default 20).
    public static func postgresql(url text: String) throws -> DatabaseConfiguration {
        guard let url = URLComponents(string: text), let scheme = url.scheme,
            ["postgres", "postgresql"].contains(scheme), let host = url.host, !host.isEmpty
        else { throw DatabaseURLError(url: text) }
        let query = Dictionary((url.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { $1 })
        var unverified = TLSConfiguration.makeClientConfiguration()
        unverified.certificateVerification = .none
        let tls: PostgresClient.Configuration.TLS
        switch query["sslmode"] ?? "prefer" {
        case "disable": tls = .disable
        case "allow", "prefer": tls = .prefer(unverified)
        case "require": tls = .require(unverified)
        case "verify-ca", "verify-full": tls = .require(.makeClientConfiguration())
        default: throw DatabaseURLError(url: text)
        }
        let database = url.path.hasPrefix("/") ? String(url.path.dropFirst()) : url.path
        var configuration = PostgresClient.Configuration(
            host: host,
            port: url.port ?? 5432,
            // URLComponents has already decoded %-escapes in these two.
            username: url.user ?? "postgres",
            password: url.password,
            database: database.isEmpty ? nil : database,
            tls: tls
        )
        if let schema = query["search_path"], !schema.isEmpty {
            configuration.options.additionalStartupParameters = [("search_path", schema)]
        }
        configuration.options.maximumConnections = Int(query["pool"] ?? "") ?? 20
        return .postgresql(configuration)
    }
}

/// `DATABASE_URL` could not be read. The message leaves the password out.
public struct DatabaseURLError: Error, CustomStringConvertible {
    let url: String

    public var description: String {
        let shown = url.replacing(/:[^:@\/]*@/, with: ":***@")
        return "DATABASE_URL is not a usable PostgreSQL URL (postgres://user:password@host:port/database?sslmode=disable): \(shown)"
    }
}
