import Logging
import SQLKit
import SQLiteKit

/// A few connections to one SQLite file, each lent to one task at a time.
///
/// SQLite in WAL mode lets readers run beside one writer, so several
/// connections keep reads flowing while a transaction holds the write lock;
/// `busy_timeout` makes a second writer wait instead of failing.
actor SQLiteConnectionPool: SQLConnectionSource {
    private var idle: [SQLiteConnection]
    private var waiting: [CheckedContinuation<SQLiteConnection, Never>] = []
    private let all: [SQLiteConnection]

    private init(connections: [SQLiteConnection]) {
        self.idle = connections
        self.all = connections
    }

    static func open(path: String, size: Int, logger: Logger) async throws -> SQLiteConnectionPool {
        var connections: [SQLiteConnection] = []
        for index in 0..<max(1, size) {
            let connection = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
            let sql = connection.sql(queryLogLevel: .trace)
            if index == 0 {
                // WAL is a property of the file: set once, kept by every later open.
                try await sql.raw("PRAGMA journal_mode = WAL").run()
            }
            try await sql.raw("PRAGMA busy_timeout = 10000").run()
            try await sql.raw("PRAGMA foreign_keys = ON").run()
            // With WAL, NORMAL is durable across application crashes and much faster than FULL.
            try await sql.raw("PRAGMA synchronous = NORMAL").run()
            connections.append(connection)
        }
        return SQLiteConnectionPool(connections: connections)
    }

    private func lease() async -> SQLiteConnection {
        if let connection = idle.popLast() { return connection }
        return await withCheckedContinuation { waiting.append($0) }
    }

    private func release(_ connection: SQLiteConnection) {
        if !waiting.isEmpty {
            let next = waiting.removeFirst()
            next.resume(returning: connection)
        } else {
            idle.append(connection)
        }
    }

    nonisolated func withConnection<R>(_ work: (any SQLDatabase) async throws -> R) async throws -> R {
        let connection = await lease()
        do {
            let result = try await work(connection.sql(queryLogLevel: .trace))
            await release(connection)
            return result
        } catch {
            await release(connection)
            throw error
        }
    }

    func close() async {
        for connection in all {
            try? await connection.close()
        }
        idle = []
    }
}
