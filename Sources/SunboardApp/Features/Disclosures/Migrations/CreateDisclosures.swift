import SQLKit

/// Disclosures: a working copy per disclosure, its published versions
/// (never edited), and the files attached to each.
struct CreateDisclosures: Migration {
    let name = "009_create_disclosures"

    func prepare(on database: any SQLDatabase, kind: DatabaseKind) async throws {
        try await database.create(table: "disclosures")
            .column("id", type: .bigint, .identity)
            .column("unit_id", type: .bigint, .notNull, .references("units", "id"))
            .column("catalog_item_id", type: .bigint, .notNull, .references("catalog_items", "id"))
            .column("status", type: .text, .notNull)
            // The working copy; what is public lives in disclosure_versions.
            .column("title", type: .text, .notNull)
            .column("body", type: .text, .notNull)
            .column("period", type: .text)
            .column("fields", type: .text, .notNull)
            .column("correction_reason", type: .text)
            .column("review_comment", type: .text)
            .column("created_by", type: .bigint, .notNull, .references("users", "id"))
            .column("submitted_by", type: .bigint, .references("users", "id"))
            .column("edited_by", type: .bigint, .references("users", "id"))
            .column("created_at", type: .bigint, .notNull)
            .column("updated_at", type: .bigint, .notNull)
            // The public side, kept here for listing without a join.
            .column("published_version", type: .bigint, .notNull)
            .column("first_published_at", type: .bigint)
            .column("last_published_at", type: .bigint)
            .column("notice_starts", type: .text)
            .column("notice_ends", type: .text)
            .column("archived_at", type: .bigint)
            .column("withdrawn_at", type: .bigint)
            .column("withdraw_reason", type: .text)
            .column("withdrawn_by", type: .text)
            .run()
        try await database.create(index: "disclosures_unit_status").on("disclosures").column("unit_id").column("status").run()
        try await database.create(index: "disclosures_unit_published").on("disclosures")
            .column("unit_id").column("last_published_at").run()
        try await database.create(index: "disclosures_unit_item_period").on("disclosures")
            .column("unit_id").column("catalog_item_id").column("period").run()

        try await database.create(table: "disclosure_versions")
            .column("id", type: .bigint, .identity)
            .column("disclosure_id", type: .bigint, .notNull, .references("disclosures", "id"))
            .column("number", type: .bigint, .notNull)
            .column("title", type: .text, .notNull)
            .column("body", type: .text, .notNull)
            .column("period", type: .text)
            .column("fields", type: .text, .notNull)
            .column("reason", type: .text)
            // The field specs the version was published under, as JSON.
            .column("field_specs", type: .text, .notNull)
            // Mixes non-public values into the ledger hash (docs/LEDGER.md).
            .column("salt", type: .text, .notNull)
            .column("unit_slug", type: .text, .notNull)
            .column("item_code", type: .text, .notNull)
            .column("published_at", type: .bigint, .notNull)
            .column("published_by_id", type: .bigint, .references("users", "id"))
            .column("published_by", type: .text, .notNull)
            .unique("disclosure_id", "number")
            .run()

        for table in ["draft_attachments", "version_attachments"] {
            let owner = table == "draft_attachments" ? "disclosure_id" : "version_id"
            let ownerTable = table == "draft_attachments" ? "disclosures" : "disclosure_versions"
            try await database.create(table: table)
                .column(owner, type: .bigint, .notNull, .references(ownerTable, "id"))
                .column("position", type: .bigint, .notNull)
                .column("sha256", type: .text, .notNull, .references("stored_files", "sha256"))
                .column("name", type: .text, .notNull)
                .unique(owner, "position")
                .run()
            try await database.create(index: "\(table)_sha256").on(table).column("sha256").run()
        }

        try await database.create(table: "objections")
            .column("id", type: .bigint, .identity)
            .column("disclosure_id", type: .bigint, .notNull, .references("disclosures", "id"))
            .column("version", type: .bigint, .notNull)
            .column("name", type: .text, .notNull)
            .column("contact", type: .text, .notNull)
            .column("text", type: .text, .notNull)
            .column("address", type: .text, .notNull)
            .column("created_at", type: .bigint, .notNull)
            .run()
        try await database.create(index: "objections_disclosure").on("objections").column("disclosure_id").run()
        try await database.create(index: "objections_address").on("objections").column("address").column("created_at").run()
    }
}
