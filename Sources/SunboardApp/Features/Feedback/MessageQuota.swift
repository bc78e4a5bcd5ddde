import Foundation
import SQLKit

/// How many messages one address may send in an hour: suggestions,
/// complaints and objections together. Counted inside the transaction that
/// writes the message, after the address's turn is taken, so messages sent
/// at once cannot all pass the count before any is written.
enum MessageQuota {
    static let perHour = 5

    /// The address has sent its hour's messages.
    struct Exceeded: Error {}

    /// Takes the address's turn and refuses when its hour is used up. On
    /// SQLite the transaction already holds the write lock; on PostgreSQL an
    /// advisory lock on the address makes its messages take turns.
    static func check(address: String, at now: Date, database: DatabaseKind, on sql: any SQLDatabase) async throws {
        if database == .postgresql {
            try await sql.raw("SELECT pg_advisory_xact_lock(1937075300, hashtext(\(bind: address)))").run()
        }
        let since = now.addingTimeInterval(-3600).unixSeconds
        var sent = 0
        for table in ["feedback", "objections"] {
            sent +=
                try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(table)
                .where("address", .equal, SQLBind(address)).where("created_at", .greaterThanOrEqual, SQLBind(since))
                .first()?.decode(column: "n", as: Int.self) ?? 0
        }
        guard sent < perHour else { throw Exceeded() }
    }
}
