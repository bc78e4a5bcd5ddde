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

    /// Earlier failures within the window as the throttle counts them: for
    /// the account from this address and for the account from everywhere,
    /// both after its last successful login (signing in clears them), and
    /// from this address whatever the account.
    func failures(username: String, address: String, since start: Date, before id: Int) async throws
        -> (accountAddress: LoginThrottle.Failures, address: LoginThrottle.Failures, account: LoginThrottle.Failures)
    {
        let lastSuccess =
            try await database.sql.select()
            .column(SQLFunction("MAX", args: SQLColumn("id")), as: "id")
            .from("login_attempts")
            .where("username", .equal, username)
            .where("succeeded", .equal, SQLBind(true))
            .where("id", .lessThan, id)
            .first()?
            .decode(column: "id", as: Int?.self) ?? 0
        let byUsername = SQLBinaryExpression(SQLColumn("username"), .equal, SQLBind(username))
        let byAddress = SQLBinaryExpression(SQLColumn("address"), .equal, SQLBind(address))
        return (
            try await countFailures(SQLBinaryExpression(byUsername, .and, byAddress), since: start, after: lastSuccess, before: id),
            try await countFailures(byAddress, since: start, after: 0, before: id),
            try await countFailures(byUsername, since: start, after: lastSuccess, before: id)
        )
    }

    private func countFailures(_ condition: any SQLExpression, since start: Date, after: Int, before: Int) async throws
        -> LoginThrottle.Failures
    {
        let row = try await database.sql.select()
            .column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .column(SQLFunction("MIN", args: SQLColumn("attempted_at")), as: "oldest")
            .from("login_attempts")
            .where(condition)
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
