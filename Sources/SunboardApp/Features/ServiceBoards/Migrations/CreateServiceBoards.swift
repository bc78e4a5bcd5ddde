import SQLKit

/// The service boards: 干部监督台 (cadres), 便民指示牌 (directory lines) and
/// 办事指南 (guides, stored as structured JSON, and their downloadable forms).
struct CreateServiceBoards: Migration {
    let name = "013_create_service_boards"

    func prepare(on database: any SQLDatabase, kind: DatabaseKind) async throws {
        try await database.create(table: "cadres")
            .column("id", type: .bigint, .identity)
            .column("unit_id", type: .bigint, .notNull, .references("units", "id"))
            .column("name", type: .text, .notNull)
            .column("post", type: .text, .notNull)
            .column("duties", type: .text, .notNull)
            .column("lanes", type: .text, .notNull)
            .column("phone", type: .text, .notNull)
            .column("photo_sha256", type: .text, .references("stored_files", "sha256"))
            .column("position", type: .bigint, .notNull)
            .column("updated_at", type: .bigint, .notNull)
            .run()
        try await database.create(index: "cadres_unit").on("cadres").column("unit_id").run()

        try await database.create(table: "directory_entries")
            .column("id", type: .bigint, .identity)
            .column("unit_id", type: .bigint, .notNull, .references("units", "id"))
            .column("category", type: .text, .notNull)
            .column("name", type: .text, .notNull)
            .column("address", type: .text, .notNull)
            .column("phone", type: .text, .notNull)
            .column("hours", type: .text, .notNull)
            .column("updated_at", type: .bigint, .notNull)
            .run()
        try await database.create(index: "directory_entries_unit").on("directory_entries").column("unit_id").run()

        try await database.create(table: "guides")
            .column("id", type: .bigint, .identity)
            .column("unit_id", type: .bigint, .notNull, .references("units", "id"))
            .column("title", type: .text, .notNull)
            .column("content", type: .text, .notNull)
            // The guide's words as plain text, for search (never the JSON's keys).
            .column("search_text", type: .text, .notNull)
            .column("position", type: .bigint, .notNull)
            .column("updated_at", type: .bigint, .notNull)
            .run()
        try await database.create(index: "guides_unit").on("guides").column("unit_id").run()

        try await database.create(table: "guide_forms")
            .column("guide_id", type: .bigint, .notNull, .references("guides", "id"))
            .column("position", type: .bigint, .notNull)
            .column("sha256", type: .text, .notNull, .references("stored_files", "sha256"))
            .column("name", type: .text, .notNull)
            .column("kind", type: .text, .notNull)
            .primaryKey("guide_id", "position")
            .run()
        try await database.create(index: "guide_forms_sha256").on("guide_forms").column("sha256").run()
    }
}
