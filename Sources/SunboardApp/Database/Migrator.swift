import Foundation
import Logging
import SQLKit

/// Applies the steps in ``Migrations/all`` that the database has not seen.
///
/// Each step runs in its own transaction together with the row recording
/// it, so a failed step leaves neither half-made tables nor a false record.
/// Safe to run from several instances at once: each step, and the creation
/// of the record table itself, runs under PostgreSQL's advisory lock or
/// SQLite's write lock, so one instance migrates while the others wait and
/// then find the step done.
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
        var applied: [String] = []
        for migration in migrations {
            let kind = database.kind
            let ran = try await database.transaction { sql in
                try await Self.lock(sql, kind: kind)
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
        // Records public before their kind was chained are chained as they stand now.
        if !applied.isEmpty, migrations.contains(where: { $0.name == ChainEveryRecord().name }) {
            let chained = try await RecordGenesis(database: database).run()
            if chained > 0 { logger.info("Chained \(chained) records that were public before (genesis entries)") }
        }
        return applied
    }

    /// Takes the migration lock for the rest of the transaction and makes
    /// sure the record table exists.
    private static func lock(_ sql: any SQLDatabase, kind: DatabaseKind) async throws {
        if kind == .postgresql {
            // Any fixed number works; this one spells “sunb”.
            try await sql.raw("SELECT pg_advisory_xact_lock(1937075298)").run()
        }
        try await sql.create(table: "schema_migrations")
            .ifNotExists()
            .column("name", type: .text, .primaryKey(autoIncrement: false))
            .column("applied_at", type: .bigint, .notNull)
            .run()
    }

    /// Names of the steps not yet applied, in the order they would run.
    /// Reads only: `migrate --dry-run` creates no table, not even the list of
    /// applied steps.
    public func pendingNames() async throws -> [String] {
        let listed: Bool
        switch database.kind {
        case .sqlite:
            listed =
                try await database.sql.raw(
                    "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'"
                ).first() != nil
        case .postgresql:
            listed =
                try await database.sql.raw("SELECT to_regclass('schema_migrations') IS NOT NULL AS listed").first()?
                .decode(column: "listed", as: Bool.self) ?? false
        }
        guard listed else { return migrations.map(\.name) }
        let applied = Set(try await appliedNames())
        return migrations.map(\.name).filter { !applied.contains($0) }
    }

    /// Names of applied steps, in the order of the history.
    public func appliedNames() async throws -> [String] {
        let rows = try await database.sql.select().column("name").from("schema_migrations").all()
        let names = Set(try rows.map { try $0.decode(column: "name", as: String.self) })
        return migrations.map(\.name).filter(names.contains)
    }
}
