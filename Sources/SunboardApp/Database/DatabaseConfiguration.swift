import Foundation
import PostgresNIO

/// Which database to open and how to reach it.
public enum DatabaseConfiguration: Sendable {
    /// An SQLite file, created if missing.
    case sqlite(path: String)
    /// A PostgreSQL server.
    case postgresql(PostgresClient.Configuration)

    public var kind: DatabaseKind {
        switch self {
        case .sqlite: .sqlite
        case .postgresql: .postgresql
        }
    }

    /// Reads a `postgres://user:password@host:port/database?sslmode=…` URL.
    ///
    /// `sslmode` is `disable`, `prefer` (the default) or `require`, as in
    /// libpq; `search_path` may name a schema (the tests give each test its own).
    public static func postgresql(url text: String) throws -> DatabaseConfiguration {
        guard let url = URLComponents(string: text), let scheme = url.scheme,
            ["postgres", "postgresql"].contains(scheme), let host = url.host, !host.isEmpty
        else { throw DatabaseURLError(url: text) }
        let query = Dictionary((url.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { $1 })
        let tls: PostgresClient.Configuration.TLS
        switch query["sslmode"] ?? "prefer" {
        case "disable": tls = .disable
        case "prefer", "allow": tls = .prefer(.makeClientConfiguration())
        case "require", "verify-ca", "verify-full": tls = .require(.makeClientConfiguration())
        default: throw DatabaseURLError(url: text)
        }
        let database = url.path.hasPrefix("/") ? String(url.path.dropFirst()) : url.path
        var configuration = PostgresClient.Configuration(
            host: host,
            port: url.port ?? 5432,
            username: url.user?.removingPercentEncoding ?? "postgres",
            password: url.password?.removingPercentEncoding,
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
