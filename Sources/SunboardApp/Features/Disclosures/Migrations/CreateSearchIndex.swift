import SQLKit

/// The index search asks (``DisclosureSearchIndex``), filled from every
/// disclosure public now (on PostgreSQL its GIN indexes are made by the fill,
/// after the rows).
struct CreateSearchIndex: Migration {
    let name = "019_create_search_index"

    func prepare(on database: any SQLDatabase, kind: DatabaseKind) async throws {
        switch kind {
        case .sqlite:
            // Contentless: the words are in disclosure_versions; rows are deleted by rowid.
            try await database.raw(
                """
                CREATE VIRTUAL TABLE disclosure_grams USING fts5(
                    title, body, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 0')
                """
            ).run()
            try await database.create(table: "disclosure_search_keys")
                .column("disclosure_id", type: .bigint, .primaryKey(autoIncrement: false))
                .column("search_key", type: .bigint, .notNull, .unique)
                .run()
            try await DisclosureSearchIndex.rebuild(database: kind, on: database)
        case .postgresql:
            try await database.raw(
                """
                CREATE TABLE disclosure_grams (
                    disclosure_id BIGINT PRIMARY KEY, search_key BIGINT NOT NULL,
                    title_grams TSVECTOR NOT NULL, body_grams TSVECTOR NOT NULL)
                """
            ).run()
            try await DisclosureSearchIndex.rebuild(database: kind, on: database)
        }
    }
}
