import Dispatch
import Logging
import Metrics
import NIOCore
import NIOPosix
import SQLKit

/// An `SQLDatabase` over a pool: each statement borrows a connection, and
/// `withSession` keeps one connection for a series of statements.
struct PooledSQLDatabase<Source: SQLConnectionSource>: SQLDatabase {
    let source: Source
    let logger: Logger
    let dialect: any SQLDialect
    let version: (any SQLDatabaseReportedVersion)?

    /// How long a statement waited for a connection: a pool too small shows here first.
    let connectionWait = Metrics.Timer(label: "sunboard_db_connection_wait_seconds", preferredDisplayUnit: .seconds)

    var eventLoop: any EventLoop { MultiThreadedEventLoopGroup.singleton.any() }
    var queryLogLevel: Logger.Level? { .trace }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<Void> {
        eventLoop.makeFutureWithTask { try await self.execute(sql: query, onRow) }
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        let asked = DispatchTime.now()
        try await source.withConnection {
            connectionWait.recordInterval(since: asked)
            try await $0.execute(sql: query, onRow)
        }
    }

    func withSession<R>(_ closure: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        let asked = DispatchTime.now()
        return try await source.withConnection {
            connectionWait.recordInterval(since: asked)
            return try await closure($0)
        }
    }
}
