import Foundation
import Logging
import SQLKit

/// Applies the steps in ``Migrations/all`` that the database has not seen.
///
/// Each step runs in its own transaction together with the row recording
/// it, so a failed step leaves neither half-made tables nor a false record.
/// Safe to run from several instances at once: on PostgreSQL an advisory
/// lock lets one instance migrate while the others wait, and on SQLite the
/// write lock does the same.
public struct Migrator: Sendable {
    let database: Database
    let migrations: [any Migration]
    let logger: Logger

    public init(database: Database, migrations: [any Migration] = Migrations.all, logger: Logger) {
        self.database = database
        self.migrations = migrations
        self.logger = logger
    }

    /// Applies pending steps; returns the names of those applied now.
    @discardableResult
    public func migrate() async throws -> [String] {
        try await database.sql.create(table: "schema_migrations")
            .ifNotExists()
            .column("name", type: .text, .primaryKey(autoIncrement: false))
            .column("applied_at", type: .bigint, .notNull)
            .run()
        var applied: [String] = []
        for migration in migrations {
            let kind = database.kind
            let ran = try await database.transaction { sql in
                if kind == .postgresql {
                    // Any fixed number works; this one spells “sunb”.
                    try await sql.raw("SELECT pg_advisory_xact_lock(1937075298)").run()
                }
                let done = try await sql.select().column("name").from("schema_migrations")
                    .where("name", .equal, migration.name).first()
                guard done == nil else { return false }
                try await migration.prepare(on: sql, kind: kind)
                try await sql.insert(into: "schema_migrations")
                    .columns("name", "applied_at")
                    .values(SQLBind(migration.name), SQLBind(Int(Date().timeIntervalSince1970)))
                    .run()
                return true
            }
            if ran {
                logger.info("Applied migration \(migration.name)")
                applied.append(migration.name)
            }
        }
        return applied
    }

    /// Names of applied steps, in the order of the history.
    public func appliedNames() async throws -> [String] {
        let rows = try await database.sql.select().column("name").from("schema_migrations").all()
        let names = Set(try rows.map { try $0.decode(column: "name", as: String.self) })
        return migrations.map(\.name).filter(names.contains)
    }
}
