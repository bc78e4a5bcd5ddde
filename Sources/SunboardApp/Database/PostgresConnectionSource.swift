import Logging
import PostgresKit
import PostgresNIO
import SQLKit

/// PostgresNIO's connection pool, lending SQLKit databases.
struct PostgresConnectionSource: SQLConnectionSource {
    let client: PostgresClient
    let runTask: Task<Void, Never>

    init(configuration: PostgresClient.Configuration, logger: Logger) {
        let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        self.client = client
        // Started immediately, so the pool runs before the first lease.
        self.runTask = Task.immediate { await client.run() }
    }

    func withConnection<R>(_ work: (any SQLDatabase) async throws -> R) async throws -> R {
        try await client.withConnection { connection in
            try await work(connection.sql(queryLogLevel: .trace))
        }
    }

    func listen(on channel: String, _ heard: @escaping @Sendable () async -> Void) async throws {
        // One pooled connection held for as long as the server listens.
        try await client.withConnection { connection in
            try await connection.listen(on: channel) { notifications in
                for try await _ in notifications { await heard() }
            }
        }
    }

    func close() async {
        runTask.cancel()
        await runTask.value
    }
}
