import SQLKit

/// Residents' suggestions and complaints, and replies to them and to
/// objections: each with the day it is due and the day it was answered.
struct CreateFeedback: Migration {
    let name = "014_create_feedback"

    func prepare(on database: any SQLDatabase, kind: DatabaseKind) async throws {
        try await database.create(table: "feedback")
            .column("id", type: .bigint, .identity)
            .column("unit_id", type: .bigint, .notNull, .references("units", "id"))
            .column("kind", type: .text, .notNull)
            .column("text", type: .text, .notNull)
            // Staff only: never on a public page.
            .column("name", type: .text, .notNull)
            .column("contact", type: .text, .notNull)
            .column("address", type: .text, .notNull)
            .column("sent_on", type: .text, .notNull)
            .column("created_at", type: .bigint, .notNull)
            .column("reply", type: .text)
            .column("replied_by", type: .text)
            .column("replied_on", type: .text)
            .column("replied_at", type: .bigint)
            // Whether the resident's own words are shown beside the reply.
            .column("shows_text", type: .boolean, .notNull)
            .run()
        try await database.create(index: "feedback_unit").on("feedback").column("unit_id").column("created_at").run()
        try await database.create(index: "feedback_address").on("feedback").column("address").column("created_at").run()
        // One column per statement: SQLite adds them one at a time.
        for column in ["reply", "replied_by", "replied_on"] {
            try await database.alter(table: "objections").column(column, type: .text).run()
        }
        try await database.alter(table: "objections").column("replied_at", type: .bigint).run()
    }
}
