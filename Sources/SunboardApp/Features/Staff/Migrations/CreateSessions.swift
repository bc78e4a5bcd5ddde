import SQLKit

/// Login sessions, kept in the database so several app instances share them.
struct CreateSessions: Migration {
    let name = "004_create_sessions"

    func prepare(on database: any SQLDatabase, kind: DatabaseKind) async throws {
        try await database.create(table: "sessions")
            .column("key", type: .text, .primaryKey(autoIncrement: false))
            .column("value", type: .text, .notNull)
            .column("expires_at", type: .bigint)
            .run()
        try await database.create(index: "sessions_expiry").on("sessions").column("expires_at").run()
    }
}
