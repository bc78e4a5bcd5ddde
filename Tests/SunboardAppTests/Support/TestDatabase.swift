import Foundation
import Logging
import SQLKit

@testable import SunboardApp

/// A fresh, empty database for one test.
///
/// SQLite by default: a file in a new temporary folder. When
/// `SUNBOARD_TEST_DATABASE_URL` is set (the test script sets it for its
/// second run), a new schema in that PostgreSQL database, so the same
/// suite runs on both and tests never see each other's rows.
struct TestDatabase: Sendable {
    let configuration: DatabaseConfiguration
    /// The PostgreSQL URL, as `DATABASE_URL` would give it; nil on SQLite.
    var url: String? = nil
    let kind: DatabaseKind
    let dataDirectory: String
    private let cleanup: @Sendable () async -> Void

    static let logger: Logger = {
        var logger = Logger(label: "sunboard-test")
        logger.logLevel = .warning
        return logger
    }()

    static var postgresURL: String? {
        ProcessInfo.processInfo.environment["SUNBOARD_TEST_DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    static func make() async throws -> TestDatabase {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sunboard-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let removeDirectory: @Sendable () -> Void = { try? FileManager.default.removeItem(at: directory) }

        guard let url = postgresURL else {
            return TestDatabase(
                configuration: .sqlite(path: directory.appendingPathComponent("sunboard.sqlite").path),
                kind: .sqlite, dataDirectory: directory.path, cleanup: removeDirectory
            )
        }
        let schema = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let admin = try await Database.open(try .postgresql(url: url + separator(url) + "pool=1"), logger: logger)
        try await admin.sql.raw("CREATE SCHEMA \(unsafeRaw: schema)").run()
        await admin.close()
        let schemaURL = url + separator(url) + "search_path=\(schema)&pool=4"
        return TestDatabase(
            configuration: try .postgresql(url: schemaURL), url: schemaURL,
            kind: .postgresql, dataDirectory: directory.path,
            cleanup: {
                removeDirectory()
                guard let admin = try? await Database.open(try .postgresql(url: url + separator(url) + "pool=1"), logger: logger) else {
                    return
                }
                try? await admin.sql.raw("DROP SCHEMA \(unsafeRaw: schema) CASCADE").run()
                await admin.close()
            }
        )
    }

    /// An installation's configuration over this database and data folder.
    var appConfiguration: AppConfiguration {
        AppConfiguration(dataDirectory: dataDirectory, databaseURL: url, bcryptCost: 4)
    }

    /// A new, empty installation to restore into: a new data folder and, on
    /// PostgreSQL, a new database whose `search_path` is `schema` (what a
    /// backup of this suite's schema restores into).
    static func emptyInstallation(schemaOf source: TestDatabase) async throws -> TestDatabase {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sunboard-restore-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let removeDirectory: @Sendable () -> Void = { try? FileManager.default.removeItem(at: directory) }
        guard let url = postgresURL, let sourceURL = source.url,
            let schema = URLComponents(string: sourceURL)?.queryItems?.first(where: { $0.name == "search_path" })?.value,
            var components = URLComponents(string: url)
        else {
            return TestDatabase(
                configuration: .sqlite(path: directory.appendingPathComponent("sunboard.sqlite").path),
                kind: .sqlite, dataDirectory: directory.path, cleanup: removeDirectory)
        }
        let name = "r_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let admin = try await Database.open(try .postgresql(url: url + separator(url) + "pool=1"), logger: logger)
        try await admin.sql.raw("CREATE DATABASE \(unsafeRaw: name)").run()
        await admin.close()
        components.path = "/" + name
        let target = components.string! + separator(components.string!) + "search_path=\(schema)&pool=4"
        return TestDatabase(
            configuration: try .postgresql(url: target), url: target, kind: .postgresql, dataDirectory: directory.path,
            cleanup: {
                removeDirectory()
                guard let admin = try? await Database.open(try .postgresql(url: url + separator(url) + "pool=1"), logger: logger) else {
                    return
                }
                try? await admin.sql.raw("DROP DATABASE IF EXISTS \(unsafeRaw: name) WITH (FORCE)").run()
                await admin.close()
            })
    }

    private static func separator(_ url: String) -> String { url.contains("?") ? "&" : "?" }

    func open() async throws -> Database {
        try await Database.open(configuration, logger: Self.logger)
    }

    func destroy() async { await cleanup() }
}
