import Foundation
import SQLKit
import SunboardCore

/// The record of passwords tried, as `LoginThrottle` needs it.
struct LoginAttemptStore: Sendable {
    let database: Database

    func record(username: String, address: String, succeeded: Bool, at now: Date) async throws {
        try await database.sql.insert(into: "login_attempts")
            .columns("username", "address", "attempted_at", "succeeded")
            .values(SQLBind(username), SQLBind(address), SQLBind(now.unixSeconds), SQLBind(succeeded))
            .run()
    }

    /// Failures for an account since the window opened or since its last
    /// successful login, whichever is later: signing in clears the count.
    func failures(username: String, since start: Date) async throws -> LoginThrottle.Failures {
        let lastSuccess = try await database.sql.select()
            .column(SQLFunction("MAX", args: SQLColumn("attempted_at")), as: "at")
            .from("login_attempts")
            .where("username", .equal, username)
            .where("succeeded", .equal, SQLBind(true))
            .first()?
            .decode(column: "at", as: Int?.self)
        let from = max(start.unixSeconds, (lastSuccess ?? 0) + 1)
        return try await countFailures(column: "username", value: username, from: from)
    }

    /// Failures from one address within the window, whatever the account.
    func failures(address: String, since start: Date) async throws -> LoginThrottle.Failures {
        try await countFailures(column: "address", value: address, from: start.unixSeconds)
    }

    private func countFailures(column: String, value: String, from: Int) async throws -> LoginThrottle.Failures {
        let row = try await database.sql.select()
            .column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .column(SQLFunction("MIN", args: SQLColumn("attempted_at")), as: "oldest")
            .from("login_attempts")
            .where(SQLColumn(column), .equal, SQLBind(value))
            .where("succeeded", .equal, SQLBind(false))
            .where("attempted_at", .greaterThanOrEqual, SQLBind(from))
            .first()
        let count = try row?.decode(column: "n", as: Int.self) ?? 0
        let oldest = try row?.decode(column: "oldest", as: Int?.self)
        return .init(count: count, oldest: oldest.map(Date.init(unixSeconds:)))
    }

    /// Forgets attempts older than `cutoff`.
    func prune(before cutoff: Date) async throws {
        try await database.sql.delete(from: "login_attempts")
            .where("attempted_at", .lessThan, cutoff.unixSeconds)
            .run()
    }
}
