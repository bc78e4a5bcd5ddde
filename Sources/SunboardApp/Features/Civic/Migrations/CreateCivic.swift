import SQLKit
import SunboardCore

/// The civic processes: elections, meetings, hearings and projects as the
/// committee keeps them, and the posts each publishes through a disclosure.
struct CreateCivic: Migration {
    let name = "017_create_civic"

    func prepare(on database: any SQLDatabase, kind: DatabaseKind) async throws {
        try await database.create(table: "elections")
            .column("id", type: .bigint, .identity)
            .column("unit_id", type: .bigint, .notNull, .references("units", "id"))
            // ElectionKind
            .column("kind", type: .text, .notNull)
            .column("title", type: .text, .notNull)
            .column("vote_on", type: .text, .notNull)
            .column("created_at", type: .bigint, .notNull)
            .run()
        try await database.create(index: "elections_unit").on("elections").column("unit_id").run()

        try await database.create(table: "meetings")
            .column("id", type: .bigint, .identity)
            .column("unit_id", type: .bigint, .notNull, .references("units", "id"))
            // regular or temporary
            .column("kind", type: .text, .notNull)
            .column("title", type: .text, .notNull)
            .column("starts_at", type: .bigint, .notNull)
            .column("place", type: .text, .notNull)
            .column("created_at", type: .bigint, .notNull)
            .run()
        try await database.create(index: "meetings_unit").on("meetings").column("unit_id").run()

        try await database.create(table: "hearings")
            .column("id", type: .bigint, .identity)
            .column("unit_id", type: .bigint, .notNull, .references("units", "id"))
            .column("topic", type: .text, .notNull)
            .column("held_on", type: .text, .notNull)
            .column("place", type: .text, .notNull)
            .column("created_at", type: .bigint, .notNull)
            .run()
        try await database.create(index: "hearings_unit").on("hearings").column("unit_id").run()

        try await database.create(table: "projects")
            .column("id", type: .bigint, .identity)
            .column("unit_id", type: .bigint, .notNull, .references("units", "id"))
            .column("year", type: .int, .notNull)
            .column("parent_id", type: .bigint, .references("projects", "id"))
            .column("name", type: .text, .notNull)
            .column("summary", type: .text, .notNull)
            .column("budget", type: .bigint, .notNull)
            .column("funding", type: .text, .notNull)
            .column("contractor", type: .text, .notNull)
            // Its share of the parent's progress.
            .column("weight", type: .int, .notNull)
            .column("created_at", type: .bigint, .notNull)
            .run()
        try await database.create(index: "projects_unit").on("projects").column("unit_id").column("year").run()

        // The working steps: the next update publishes them as they stand.
        try await database.create(table: "project_milestones")
            .column("id", type: .bigint, .identity)
            .column("project_id", type: .bigint, .notNull, .references("projects", "id"))
            .column("position", type: .int, .notNull)
            .column("name", type: .text, .notNull)
            .column("planned_start", type: .text, .notNull)
            .column("planned_end", type: .text, .notNull)
            .column("actual_start", type: .text)
            .column("actual_end", type: .text)
            .column("weight", type: .int, .notNull)
            .column("status", type: .text, .notNull)
            .column("percent", type: .int, .notNull)
            .run()
        try await database.create(index: "project_milestones_project").on("project_milestones").column("project_id").run()

        // One post per disclosure, written with the draft; rewritten only while
        // that draft has never been published, when its step is drafted again.
        try await database.create(table: "civic_posts")
            .column("disclosure_id", type: .bigint, .primaryKey(autoIncrement: false), .references("disclosures", "id"))
            .column("unit_id", type: .bigint, .notNull, .references("units", "id"))
            .column("kind", type: .text, .notNull)
            // The election, meeting, hearing or project it belongs to.
            .column("record_id", type: .bigint)
            .column("payload", type: .text, .notNull)
            .column("created_at", type: .bigint, .notNull)
            .run()
        try await database.create(index: "civic_posts_record").on("civic_posts").column("unit_id").column("kind").column("record_id").run()

        // A photo's copy sized for a phone, made when it is uploaded.
        try await database.create(table: "photo_variants")
            .column("sha256", type: .text, .primaryKey(autoIncrement: false))
            .column("phone_sha256", type: .text, .notNull)
            .column("width", type: .int, .notNull)
            .column("height", type: .int, .notNull)
            .run()
    }
}
