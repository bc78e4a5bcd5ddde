import Foundation
import SQLKit
import Synchronization
import Testing

@testable import SunboardApp

/// `Database.transaction` on both databases: all of the work or none of it,
/// and a connection given back clean however the work ended.
@Suite("Transactions")
struct TransactionTests {
    @Test("A transaction whose task is cancelled midway keeps nothing and gives its connection back clean")
    func cancelledMidway() async throws {
        try await TestApp.run(demo: .none) { app in
            let database = app.database
            try await database.sql.raw("CREATE TABLE cancel_probe (id INTEGER PRIMARY KEY, note TEXT NOT NULL)").run()
            let entered = Mutex(false)
            let cancelled = Task {
                try await database.transaction { sql in
                    try await sql.raw("INSERT INTO cancel_probe (id, note) VALUES (1, 'cancelled')").run()
                    entered.withLock { $0 = true }
                    // A client gone, a server shutting down: the task is cancelled while the transaction is open.
                    try await Task.sleep(for: .seconds(60))
                }
            }
            while !entered.withLock({ $0 }) { try await Task.sleep(for: .milliseconds(5)) }
            cancelled.cancel()
            await #expect(throws: CancellationError.self) { try await cancelled.value }

            // Every later transaction starts afresh: none inherits the open one, its row or its write lock.
            for id in 2...21 {
                try await database.transaction { sql in
                    try await sql.raw("INSERT INTO cancel_probe (id, note) VALUES (\(bind: id), 'kept')").run()
                }
            }
            let notes = try await database.sql.raw("SELECT note FROM cancel_probe ORDER BY id").all(decodingColumn: "note", as: String.self)
            #expect(notes == Array(repeating: "kept", count: 20))
        }
    }
}
