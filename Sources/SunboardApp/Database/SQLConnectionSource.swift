import SQLKit

/// Lends a database connection for the length of one piece of work.
///
/// A statement run through ``PooledSQLDatabase`` borrows a connection for
/// itself; a transaction borrows one for all its statements.
protocol SQLConnectionSource: Sendable {
    func withConnection<R>(_ work: (any SQLDatabase) async throws -> R) async throws -> R
    func close() async
}
