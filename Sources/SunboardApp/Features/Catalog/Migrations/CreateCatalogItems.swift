import SQLKit

/// The disclosure catalog: the office's defaults and each community's 细则.
struct CreateCatalogItems: Migration {
    let name = "007_create_catalog_items"

    func prepare(on database: any SQLDatabase, kind: DatabaseKind) async throws {
        try await database.create(table: "catalog_items")
            .column("id", type: .bigint, .identity)
            .column("owner_unit_id", type: .bigint, .notNull, .references("units", "id"))
            .column("code", type: .text, .notNull)
            .column("title", type: .text, .notNull)
            .column("description", type: .text, .notNull)
            .column("scope", type: .text, .notNull)
            .column("class", type: .text, .notNull)
            .column("frequency", type: .text)
            .column("due_months_after", type: .bigint)
            .column("due_day", type: .bigint)
            .column("board_section", type: .text, .notNull)
            // The field specs as JSON: [{key, label, kind, required, visibility}].
            .column("fields", type: .text, .notNull)
            .column("notice_days", type: .bigint)
            .column("retention_years", type: .bigint)
            .column("position", type: .bigint, .notNull)
            .column("is_active", type: .boolean, .notNull)
            .column("created_at", type: .bigint, .notNull)
            .column("updated_at", type: .bigint, .notNull)
            .unique("owner_unit_id", "code")
            .run()
    }
}
