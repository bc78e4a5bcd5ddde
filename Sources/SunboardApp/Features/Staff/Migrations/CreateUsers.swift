import SQLKit

/// Staff accounts. Residents read without an account.
struct CreateUsers: Migration {
    let name = "002_create_users"

    func prepare(on database: any SQLDatabase, kind: DatabaseKind) async throws {
        try await database.create(table: "users")
            .column("id", type: .bigint, .identity)
            .column("username", type: .text, .notNull, .unique)
            .column("display_name", type: .text, .notNull)
            .column("password_hash", type: .text, .notNull)
            .column("is_active", type: .boolean, .notNull)
            .column("created_at", type: .bigint, .notNull)
            .column("updated_at", type: .bigint, .notNull)
            .run()
    }
}
