import Dispatch
import Logging
import Metrics
import NIOCore
import NIOPosix
import SQLKit
import Synchronization

/// An `SQLDatabase` over a pool: each statement borrows a connection, and
/// `withSession` keeps one connection for a series of statements.
struct PooledSQLDatabase<Source: SQLConnectionSource>: SQLDatabase {
    let source: Source
    let logger: Logger
    let dialect: any SQLDialect
    let version: (any SQLDatabaseReportedVersion)?
    /// Connections lent so far: for tests that a page was served without asking.
    let leases: LeaseCount

    /// How long a statement waited for a connection: a pool too small shows here first.
    let connectionWait = Metrics.Timer(label: "sunboard_db_connection_wait_seconds", preferredDisplayUnit: .seconds)

    var eventLoop: any EventLoop { MultiThreadedEventLoopGroup.singleton.any() }
    var queryLogLevel: Logger.Level? { .trace }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<Void> {
        eventLoop.makeFutureWithTask { try await self.execute(sql: query, onRow) }
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        let asked = DispatchTime.now()
        leases.add()
        try await source.withConnection {
            connectionWait.recordInterval(since: asked)
            try await $0.execute(sql: query, onRow)
        }
    }

    func withSession<R>(_ closure: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        let asked = DispatchTime.now()
        leases.add()
        return try await source.withConnection {
            connectionWait.recordInterval(since: asked)
            return try await closure($0)
        }
    }
}

/// How many times a pool lent a connection.
final class LeaseCount: Sendable {
    private let count = Atomic(0)

    func add() { count.add(1, ordering: .relaxed) }

    var value: Int { count.load(ordering: .relaxed) }
}
