import Foundation
import SQLKit
import SunboardCore

/// The record of passwords tried, as `LoginThrottle` needs it.
///
/// An attempt is written before its password is checked, so that guesses
/// sent in parallel see each other: of any number sent at once, only as
/// many as the throttle allows get as far as bcrypt.
struct LoginAttemptStore: Sendable {
    let database: Database

    /// Records an attempt as failed; returns its id for ``succeeded(_:)``
    /// or ``withdraw(_:)``.
    func begin(username: String, address: String, at now: Date) async throws -> Int {
        let row = try await database.sql.insert(into: "login_attempts")
            .columns("username", "address", "attempted_at", "succeeded")
            .values(SQLBind(username), SQLBind(address), SQLBind(now.unixSeconds), SQLBind(false))
            .returning("id")
            .first()
        return try row!.decode(column: "id", as: Int.self)
    }

    func succeeded(_ id: Int) async throws {
        try await database.sql.update("login_attempts").set("succeeded", to: SQLBind(true)).where("id", .equal, id).run()
    }

    /// Forgets an attempt that was refused before its password was checked.
    func withdraw(_ id: Int) async throws {
        try await database.sql.delete(from: "login_attempts").where("id", .equal, id).run()
    }

    /// Earlier failures for an account within the window and after its last
    /// successful login: signing in clears the count.
    func failures(username: String, since start: Date, before id: Int) async throws -> LoginThrottle.Failures {
        let lastSuccess = try await database.sql.select()
            .column(SQLFunction("MAX", args: SQLColumn("id")), as: "id")
            .from("login_attempts")
            .where("username", .equal, username)
            .where("succeeded", .equal, SQLBind(true))
            .where("id", .lessThan, id)
            .first()?
            .decode(column: "id", as: Int?.self)
        return try await countFailures(column: "username", value: username, since: start, after: lastSuccess ?? 0, before: id)
    }

    /// Earlier failures from one address within the window, whatever the account.
    func failures(address: String, since start: Date, before id: Int) async throws -> LoginThrottle.Failures {
        try await countFailures(column: "address", value: address, since: start, after: 0, before: id)
    }

    private func countFailures(column: String, value: String, since start: Date, after: Int, before: Int) async throws
        -> LoginThrottle.Failures
    {
        let row = try await database.sql.select()
            .column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .column(SQLFunction("MIN", args: SQLColumn("attempted_at")), as: "oldest")
            .from("login_attempts")
            .where(SQLColumn(column), .equal, SQLBind(value))
            .where("succeeded", .equal, SQLBind(false))
            .where("attempted_at", .greaterThanOrEqual, SQLBind(start.unixSeconds))
            .where("id", .greaterThan, SQLBind(after))
            .where("id", .lessThan, SQLBind(before))
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
