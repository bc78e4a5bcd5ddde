import SQLKit

/// Roles held per unit: one row per person, unit and role.
struct CreateRoleGrants: Migration {
    let name = "003_create_role_grants"

    func prepare(on database: any SQLDatabase, kind: DatabaseKind) async throws {
        try await database.create(table: "role_grants")
            .column("id", type: .bigint, .identity)
            .column("user_id", type: .bigint, .notNull, .references("users", "id"))
            .column("unit_id", type: .bigint, .notNull, .references("units", "id"))
            .column("role", type: .text, .notNull)
            .column("granted_at", type: .bigint, .notNull)
            .unique("user_id", "unit_id", "role")
            .run()
        try await database.create(index: "role_grants_unit").on("role_grants").column("unit_id").run()
    }
}
