import Foundation
import Hummingbird
import Logging
import SunboardApp
import SunboardCore

/// Opens the database, brings its schema up to date and builds the
/// services: the start of every command.
enum Runtime {
    static func logger() -> Logger {
        var logger = Logger(label: "sunboard")
        logger.logLevel = ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info
        return logger
    }

    static func withServices<R>(
        _ configuration: AppConfiguration, clock: WallClock = .system, _ work: (AppServices) async throws -> R
    ) async throws -> R {
        let logger = logger()
        // Before anything makes a counter: one made earlier would count nowhere.
        if configuration.metrics { AppMetrics.bootstrap() }
        let database = try await Database.open(try configuration.databaseConfiguration(), logger: logger)
        do {
            try await Migrator(database: database, logger: logger).migrate()
            let services = try AppServices(configuration: configuration, database: database, clock: clock, logger: logger)
            let result = try await work(services)
            await database.close()
            return result
        } catch {
            await database.close()
            throw error
        }
    }

    static func serve(_ services: AppServices) async throws {
        let app = buildApplication(services: services)
        try await app.runService()
    }

    static func describe(_ configuration: AppConfiguration) -> String {
        configuration.databaseURL == nil
            ? "SQLite: \(URL(fileURLWithPath: configuration.dataDirectory).appendingPathComponent("sunboard.sqlite").path)"
            : "PostgreSQL (DATABASE_URL)"
    }
}
