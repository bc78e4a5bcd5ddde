import SQLKit

/// Lends a database connection for the length of one piece of work.
///
/// A statement run through ``PooledSQLDatabase`` borrows a connection for
/// itself; a transaction borrows one for all its statements.
protocol SQLConnectionSource: Sendable {
    func withConnection<R>(_ work: (any SQLDatabase) async throws -> R) async throws -> R
    func close() async
    /// Calls `heard` on each notification on `channel`, until the connection
    /// is lost; a database that cannot notify returns at once.
    func listen(on channel: String, _ heard: @escaping @Sendable () async -> Void) async throws
}
