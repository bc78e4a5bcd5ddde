import SQLKit

/// The organization tree: offices and communities, with their 基本概况.
struct CreateUnits: Migration {
    let name = "001_create_units"

    func prepare(on database: any SQLDatabase, kind: DatabaseKind) async throws {
        try await database.create(table: "units")
            .column("id", type: .bigint, .identity)
            .column("slug", type: .text, .notNull, .unique)
            .column("name", type: .text, .notNull)
            .column("kind", type: .text, .notNull)
            .column("parent_id", type: .bigint, .references("units", "id"))
            .column("position", type: .bigint, .notNull)
            .column("area_m2", type: .bigint)
            .column("population", type: .bigint)
            .column("households", type: .bigint)
            .column("institutions", type: .bigint)
            .column("businesses", type: .bigint)
            .column("address", type: .text, .notNull)
            .column("phone", type: .text, .notNull)
            .column("office_hours", type: .text, .notNull)
            .column("introduction", type: .text, .notNull)
            // Raised with every change to what the unit's public pages show,
            // so a rendered page can be kept in memory under its version.
            .column("board_version", type: .bigint, .notNull)
            .column("created_at", type: .bigint, .notNull)
            .column("updated_at", type: .bigint, .notNull)
            .run()
        try await database.create(index: "units_parent").on("units").column("parent_id").run()
    }
}
