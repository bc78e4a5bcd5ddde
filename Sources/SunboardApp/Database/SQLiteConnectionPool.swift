import Logging
import NIOPosix
import SQLKit
import SQLiteKit

/// A few connections to one SQLite file, each lent to one task at a time.
///
/// SQLite in WAL mode lets readers run beside one writer, so several
/// connections keep reads flowing while a transaction holds the write lock;
/// `busy_timeout` makes a second writer wait instead of failing.
///
/// The connections run on a thread pool of their own, a thread each, so a
/// statement waiting for the write lock never takes the thread the lock's
/// holder needs, and slow work elsewhere (bcrypt) never starves queries.
actor SQLiteConnectionPool: SQLConnectionSource {
    private var idle: [SQLiteConnection]
    private var waiting: [CheckedContinuation<SQLiteConnection, Never>] = []
    private let all: [SQLiteConnection]
    private let threads: NIOThreadPool

    private init(connections: [SQLiteConnection], threads: NIOThreadPool) {
        self.idle = connections
        self.all = connections
        self.threads = threads
    }

    static func open(path: String, size: Int, logger: Logger) async throws -> SQLiteConnectionPool {
        let threads = NIOThreadPool(numberOfThreads: max(1, size))
        threads.start()
        var connections: [SQLiteConnection] = []
        for index in 0..<max(1, size) {
            let connection = try await SQLiteConnection.open(
                storage: .file(path: path), threadPool: threads, logger: logger, on: MultiThreadedEventLoopGroup.singleton.any()
            )
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
        return SQLiteConnectionPool(connections: connections, threads: threads)
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

    /// SQLite cannot notify: another process's writes are seen by reading again.
    func listen(on channel: String, _ heard: @escaping @Sendable () async -> Void) async throws {}

    func close() async {
        for connection in all {
            try? await connection.close()
        }
        idle = []
        try? await threads.shutdownGracefully()
    }
}
