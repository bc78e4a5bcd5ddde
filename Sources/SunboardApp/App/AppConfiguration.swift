import Foundation

/// Everything the app reads from its surroundings, read in one place.
///
/// Precedence: a command-line flag, then the environment, then the default.
public struct AppConfiguration: Sendable {
    public var hostname: String
    public var port: Int
    /// Holds the SQLite file and, later, uploaded files. `./data` by default.
    public var dataDirectory: String
    /// A PostgreSQL URL; when set, PostgreSQL is used instead of SQLite.
    public var databaseURL: String?
    /// Mark cookies `Secure`: set when the site is served over HTTPS.
    public var secureCookies: Bool
    /// Take the client address from `X-Forwarded-For`: set only behind a
    /// reverse proxy that sets it, or anyone could pose as any address.
    public var trustProxy: Bool
    /// bcrypt work factor for new password hashes.
    public var bcryptCost: UInt8
    /// The site's public address, e.g. `https://gongkai.example.gov.cn`, for
    /// links that leave the site: QR codes on paper, feeds, spreadsheets.
    /// Unset, they are made from the request's host, over `https` when
    /// cookies are secure.
    public var publicURL: String?

    public init(
        hostname: String = "127.0.0.1",
        port: Int = 8080,
        dataDirectory: String = "data",
        databaseURL: String? = nil,
        secureCookies: Bool = false,
        trustProxy: Bool = false,
        bcryptCost: UInt8 = 12,
        publicURL: String? = nil
    ) {
        self.hostname = hostname
        self.port = port
        self.dataDirectory = dataDirectory
        self.databaseURL = databaseURL
        self.secureCookies = secureCookies
        self.trustProxy = trustProxy
        self.bcryptCost = bcryptCost
        self.publicURL = publicURL.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
    }

    /// Reads `SUNBOARD_DATA`, `DATABASE_URL`, `SUNBOARD_SECURE_COOKIES`,
    /// `SUNBOARD_TRUST_PROXY`, `SUNBOARD_PUBLIC_URL`; flags given on the command line win.
    public static func resolve(
        hostname: String?, port: Int?, dataDirectory: String?,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> AppConfiguration {
        let flag: (String) -> Bool = { ["1", "true", "yes"].contains(environment[$0]?.lowercased() ?? "") }
        let url = environment["DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
        return AppConfiguration(
            hostname: hostname ?? "127.0.0.1",
            port: port ?? 8080,
            dataDirectory: dataDirectory ?? environment["SUNBOARD_DATA"].flatMap { $0.isEmpty ? nil : $0 } ?? "data",
            databaseURL: url,
            secureCookies: flag("SUNBOARD_SECURE_COOKIES"),
            trustProxy: flag("SUNBOARD_TRUST_PROXY"),
            publicURL: environment["SUNBOARD_PUBLIC_URL"].flatMap { $0.hasPrefix("http://") || $0.hasPrefix("https://") ? $0 : nil }
        )
    }

    /// The database this configuration points at; creates the data folder
    /// for SQLite.
    public func databaseConfiguration() throws -> DatabaseConfiguration {
        if let databaseURL { return try .postgresql(url: databaseURL) }
        try FileManager.default.createDirectory(atPath: dataDirectory, withIntermediateDirectories: true)
        return .sqlite(path: URL(fileURLWithPath: dataDirectory).appendingPathComponent("sunboard.sqlite").path)
    }
}
