import SQLKit

/// Files kept by content: one row per distinct SHA-256, whatever the
/// number of disclosures that attach it.
struct CreateStoredFiles: Migration {
    let name = "008_create_stored_files"

    func prepare(on database: any SQLDatabase, kind: DatabaseKind) async throws {
        try await database.create(table: "stored_files")
            .column("sha256", type: .text, .primaryKey(autoIncrement: false))
            .column("kind", type: .text, .notNull)
            .column("size", type: .bigint, .notNull)
            .column("created_at", type: .bigint, .notNull)
            .run()
    }
}
