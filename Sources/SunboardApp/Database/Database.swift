import Foundation
import Logging
import SQLKit

/// Where Sunboard's rows live: SQLite or PostgreSQL behind one SQLKit API.
///
/// Repositories run single statements on ``sql`` and multi-statement work
/// in ``transaction(_:)``; nothing else in the app knows which database it is
/// talking to, except the few places that must differ, which ask ``kind``.
public final class Database: Sendable {
    public let kind: DatabaseKind
    /// Runs each statement on a pooled connection.
    public let sql: any SQLDatabase
    private let source: any SQLConnectionSource
    /// The versions of what residents see, as this process last read them.
    public let versions = PublicVersions()
    private let leases: LeaseCount

    private init(kind: DatabaseKind, sql: any SQLDatabase, source: any SQLConnectionSource, leases: LeaseCount = LeaseCount()) {
        self.kind = kind
        self.sql = sql
        self.source = source
        self.leases = leases
    }

    /// How many times a connection was lent from the pool, for statements
    /// and transactions: what a test reads to see that a page was served
    /// from memory.
    var connectionsLent: Int { leases.value }

    public static func open(_ configuration: DatabaseConfiguration, logger: Logger) async throws -> Database {
        switch configuration {
        case .sqlite(let path):
            let pool = try await SQLiteConnectionPool.open(path: path, size: 4, logger: logger)
            return try await make(kind: .sqlite, source: pool, logger: logger)
        case .postgresql(let clientConfiguration):
            let source = PostgresConnectionSource(configuration: clientConfiguration, logger: logger)
            do {
                return try await make(kind: .postgresql, source: source, logger: logger)
            } catch {
                await source.close()
                throw error
            }
        }
    }

    private static func make<Source: SQLConnectionSource>(
        kind: DatabaseKind, source: Source, logger: Logger
    ) async throws -> Database {
        // Borrow one connection to learn the dialect, and to fail here, at
        // start-up, if the database cannot be reached.
        let (dialect, version) = try await source.withConnection { connection in
            _ = try await connection.raw("SELECT 1").all()
            return (connection.dialect, connection.version)
        }
        let leases = LeaseCount()
        let sql = PooledSQLDatabase(source: source, logger: logger, dialect: dialect, version: version, leases: leases)
        return Database(kind: kind, sql: sql, source: source, leases: leases)
    }

    /// Runs `work` in one transaction on one connection: all of it is kept,
    /// or, when it throws, none of it.
    ///
    /// On SQLite the transaction takes the write lock at once
    /// (`BEGIN IMMEDIATE`), so two writers queue instead of deadlocking.
    /// A task cancelled midway (a client gone, a server stopping) rolls back.
    public func transaction<R: Sendable>(_ work: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        let begin = kind == .sqlite ? "BEGIN IMMEDIATE" : "BEGIN"
        let effects = TransactionEffects()
        let result = try await TransactionEffects.$current.withValue(effects) {
            try await run(work, begin: begin)
        }
        // Before the writer's request answers, so the next page it asks for is
        // new; in a task of its own, as a cancelled task's statements are
        // dropped. The work is kept whatever happens here: a read that fails
        // leaves the versions unknown until one succeeds (``PublicVersions/forget()``).
        if effects.changedPublic {
            await Task { [versions, sql] in
                do { try await versions.refresh(on: sql) } catch { versions.forget() }
            }.value
        }
        return result
    }

    private func run<R: Sendable>(_ work: @escaping @Sendable (any SQLDatabase) async throws -> R, begin: String) async throws -> R {
        try await sql.withSession { connection in
            try await connection.raw(SQLQueryString(begin)).run()
            do {
                let result = try await work(connection)
                try await connection.raw("COMMIT").run()
                return result
            } catch {
                // In a task of its own: a cancelled task's statements are dropped
                // before they run, and a ROLLBACK dropped would give the pool a
                // connection still inside this transaction, holding its locks.
                await Task { try? await connection.raw("ROLLBACK").run() }.value
                throw error
            }
        }
    }

    /// The connection of a transaction under way, as a database: what is
    /// read through it sees the transaction's own changes, and none of it
    /// opens a transaction of its own. For checking work before it is kept
    /// (or thrown away, as the tamper tests do).
    static func within(_ connection: any SQLDatabase, kind: DatabaseKind) -> Database {
        Database(kind: kind, sql: connection, source: BoundConnection(connection: connection))
    }

    /// Calls `heard` each time another process says it changed what
    /// residents see; returns when the connection that listens is lost.
    /// Only PostgreSQL can tell; on SQLite this returns at once.
    func listenForPublicChanges(_ heard: @escaping @Sendable () async -> Void) async throws {
        try await source.listen(on: PublicVersions.channel, heard)
    }

    public func close() async {
        await source.close()
    }
}

/// One connection lent again and again: a transaction's, for ``Database/within(_:kind:)``.
private struct BoundConnection: SQLConnectionSource {
    let connection: any SQLDatabase

    func withConnection<R>(_ work: (any SQLDatabase) async throws -> R) async throws -> R {
        try await work(connection)
    }

    func close() async {}

    func listen(on channel: String, _ heard: @escaping @Sendable () async -> Void) async throws {}
}
