import Foundation
import SunboardCore

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
    /// When failed webhook deliveries are tried again.
    public var webhookRetry: RetrySchedule
    /// How long a webhook receiver has to answer.
    public var webhookTimeout: Duration
    /// Let webhooks reach this machine and private networks: for tests and
    /// for a receiver on the office's own network, never by default.
    public var webhookAllowsPrivate: Bool
    /// Where the nightly backup goes (`SUNBOARD_BACKUP_DIR`); none when unset.
    public var backupDirectory: String?
    /// How many nightly backups are kept (`SUNBOARD_BACKUP_KEEP`, default 7).
    public var backupKeep: Int
    /// Serve Prometheus's `/metrics` (`SUNBOARD_METRICS=1`): to this machine,
    /// or to anyone sending `Authorization: Bearer` and the token.
    public var metrics: Bool
    public var metricsToken: String?

    public init(
        hostname: String = "127.0.0.1",
        port: Int = 8080,
        dataDirectory: String = "data",
        databaseURL: String? = nil,
        secureCookies: Bool = false,
        trustProxy: Bool = false,
        bcryptCost: UInt8 = 12,
        publicURL: String? = nil,
        webhookRetry: RetrySchedule = .init(),
        webhookTimeout: Duration = .seconds(10),
        webhookAllowsPrivate: Bool = false,
        backupDirectory: String? = nil,
        backupKeep: Int = 7,
        metrics: Bool = false,
        metricsToken: String? = nil
    ) {
        self.hostname = hostname
        self.port = port
        self.dataDirectory = dataDirectory
        self.databaseURL = databaseURL
        self.secureCookies = secureCookies
        self.trustProxy = trustProxy
        self.bcryptCost = bcryptCost
        self.publicURL = publicURL.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
        self.webhookRetry = webhookRetry
        self.webhookTimeout = webhookTimeout
        self.webhookAllowsPrivate = webhookAllowsPrivate
        self.backupDirectory = backupDirectory
        self.backupKeep = backupKeep
        self.metrics = metrics
        self.metricsToken = metricsToken
    }

    /// The site's address for links sent away from any request (webhooks):
    /// the public URL, else the address the server listens on.
    public var origin: String {
        if let publicURL { return publicURL }
        let host = ["0.0.0.0", "::", ""].contains(hostname) ? "127.0.0.1" : hostname.contains(":") ? "[\(hostname)]" : hostname
        return "http://\(host):\(port)"
    }

    /// Reads `SUNBOARD_DATA`, `DATABASE_URL`, `SUNBOARD_SECURE_COOKIES`,
    /// `SUNBOARD_TRUST_PROXY`, `SUNBOARD_PUBLIC_URL`, `SUNBOARD_WEBHOOK_RETRY_BASE` (seconds
    /// before the first retry), `SUNBOARD_WEBHOOK_TIMEOUT` (seconds) and
    /// `SUNBOARD_WEBHOOK_ALLOW_PRIVATE`, `SUNBOARD_BACKUP_DIR`, `SUNBOARD_BACKUP_KEEP` (1–365),
    /// `SUNBOARD_METRICS` and `SUNBOARD_METRICS_TOKEN` (16 characters or more);
    /// flags given on the command line win.
    public static func resolve(
        hostname: String?, port: Int?, dataDirectory: String?,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> AppConfiguration {
        let flag: (String) -> Bool = { ["1", "true", "yes"].contains(environment[$0]?.lowercased() ?? "") }
        let url = environment["DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
        let seconds: (String) -> Int? = { environment[$0].flatMap { Int($0) }.flatMap { (1...86_400).contains($0) ? $0 : nil } }
        return AppConfiguration(
            hostname: hostname ?? "127.0.0.1",
            port: port ?? 8080,
            dataDirectory: dataDirectory ?? environment["SUNBOARD_DATA"].flatMap { $0.isEmpty ? nil : $0 } ?? "data",
            databaseURL: url,
            secureCookies: flag("SUNBOARD_SECURE_COOKIES"),
            trustProxy: flag("SUNBOARD_TRUST_PROXY"),
            publicURL: environment["SUNBOARD_PUBLIC_URL"].flatMap { $0.hasPrefix("http://") || $0.hasPrefix("https://") ? $0 : nil },
            webhookRetry: RetrySchedule(base: TimeInterval(seconds("SUNBOARD_WEBHOOK_RETRY_BASE") ?? 60)),
            webhookTimeout: .seconds(seconds("SUNBOARD_WEBHOOK_TIMEOUT") ?? 10),
            webhookAllowsPrivate: flag("SUNBOARD_WEBHOOK_ALLOW_PRIVATE"),
            backupDirectory: environment["SUNBOARD_BACKUP_DIR"].flatMap { $0.isEmpty ? nil : $0 },
            backupKeep: environment["SUNBOARD_BACKUP_KEEP"].flatMap { Int($0) }.flatMap { (1...365).contains($0) ? $0 : nil } ?? 7,
            metrics: flag("SUNBOARD_METRICS"),
            // A short token is guessable: it is ignored, and only this machine may scrape.
            metricsToken: environment["SUNBOARD_METRICS_TOKEN"].flatMap { $0.count >= 16 ? $0 : nil }
        )
    }

    /// The database this configuration points at; creates the data folder
    /// for SQLite.
    public func databaseConfiguration() throws -> DatabaseConfiguration {
        if let databaseURL { return try .postgresql(url: databaseURL) }
        try FileManager.default.createDirectory(atPath: dataDirectory, withIntermediateDirectories: true)
        return .sqlite(path: sqlitePath)
    }

    /// The attachment store, under the data folder.
    public var filesDirectory: URL { URL(fileURLWithPath: dataDirectory).appendingPathComponent("files") }

    /// The SQLite file, in the data folder.
    public var sqlitePath: String { URL(fileURLWithPath: dataDirectory).appendingPathComponent("sunboard.sqlite").path }
}
