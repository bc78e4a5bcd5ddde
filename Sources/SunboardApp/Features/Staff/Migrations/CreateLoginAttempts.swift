import SQLKit

/// Every password tried, to slow down guessing (see `LoginThrottle`).
struct CreateLoginAttempts: Migration {
    let name = "005_create_login_attempts"

    func prepare(on database: any SQLDatabase, kind: DatabaseKind) async throws {
        try await database.create(table: "login_attempts")
            .column("id", type: .bigint, .identity)
            .column("username", type: .text, .notNull)
            .column("address", type: .text, .notNull)
            .column("attempted_at", type: .bigint, .notNull)
            .column("succeeded", type: .boolean, .notNull)
            .run()
        try await database.create(index: "login_attempts_username").on("login_attempts")
            .column("username").column("attempted_at").run()
        try await database.create(index: "login_attempts_address").on("login_attempts")
            .column("address").column("attempted_at").run()
    }
}
