import Logging
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

    var eventLoop: any EventLoop { MultiThreadedEventLoopGroup.singleton.any() }
    var queryLogLevel: Logger.Level? { .trace }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<Void> {
        eventLoop.makeFutureWithTask { try await self.execute(sql: query, onRow) }
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        try await source.withConnection { try await $0.execute(sql: query, onRow) }
    }

    func withSession<R>(_ closure: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await source.withConnection { try await closure($0) }
    }
}
