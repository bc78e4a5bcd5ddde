import Foundation
import SQLKit
import SunboardCore

/// Continuity and assessment: each periodic item's rules by effective day,
/// the day each community's obligations began, the office's reminder days
/// and assessment weights, the assessment's notes, the reminders sent.
struct CreateCompliance: Migration {
    let name = "016_create_compliance"

    func prepare(on database: any SQLDatabase, kind: DatabaseKind) async throws {
        try await database.create(table: "catalog_rules")
            .column("id", type: .bigint, .identity)
            .column("item_id", type: .bigint, .notNull, .references("catalog_items", "id"))
            .column("effective_from", type: .text, .notNull)
            .column("frequency", type: .text)
            .column("due_months_after", type: .bigint)
            .column("due_day", type: .bigint)
            .column("is_active", type: .boolean, .notNull)
            .column("recorded_at", type: .bigint, .notNull)
            .run()
        try await database.create(index: "catalog_rules_item").on("catalog_rules").column("item_id").column("effective_from").run()
        // The rules already in the catalog have held all along.
        try await database.raw(
            """
            INSERT INTO catalog_rules (item_id, effective_from, frequency, due_months_after, due_day, is_active, recorded_at)
            SELECT id, '2000-01-01', frequency, due_months_after, due_day, is_active, updated_at FROM catalog_items WHERE class = 'periodic'
            """
        ).run()

        // The first day a community owes its periodic disclosures: for those
        // already here, the day they were entered; unset means always.
        try await database.alter(table: "units").column("obligations_since", type: .text).run()
        for row in try await database.select().columns("id", "created_at").from("units").where("kind", .equal, SQLBind("community")).all() {
            let day = CalendarDate(Date(unixSeconds: try row.decode(column: "created_at", as: Int.self)))
            try await database.update("units").set("obligations_since", to: SQLBind(day.description))
                .where("id", .equal, SQLBind(try row.decode(column: "id", as: Int.self))).run()
        }

        try await database.create(table: "compliance_settings")
            .column("office_id", type: .bigint, .primaryKey(autoIncrement: false), .references("units", "id"))
            .column("reminder_days", type: .int, .notNull)
            .column("weight_on_time", type: .int, .notNull)
            .column("weight_completeness", type: .int, .notNull)
            .column("weight_feedback", type: .int, .notNull)
            .column("weight_objections", type: .int, .notNull)
            .column("updated_by", type: .text, .notNull)
            .column("updated_at", type: .bigint, .notNull)
            .run()

        try await database.create(table: "assessment_notes")
            .column("id", type: .bigint, .identity)
            .column("unit_id", type: .bigint, .notNull, .references("units", "id"))
            .column("year", type: .int, .notNull)
            // reward, penalty or note
            .column("kind", type: .text, .notNull)
            .column("text", type: .text, .notNull)
            .column("created_by", type: .text, .notNull)
            .column("created_at", type: .bigint, .notNull)
            .run()
        try await database.create(index: "assessment_notes_unit").on("assessment_notes").column("unit_id").column("year").run()

        // One reminder of each kind per obligation, whatever the number of instances.
        try await database.create(table: "reminders_sent")
            .column("unit_id", type: .bigint, .notNull, .references("units", "id"))
            .column("item_id", type: .bigint, .notNull, .references("catalog_items", "id"))
            .column("period", type: .text, .notNull)
            .column("kind", type: .text, .notNull)
            .column("sent_at", type: .bigint, .notNull)
            .unique("unit_id", "item_id", "period", "kind")
            .run()

        try await database.alter(table: "webhook_subscriptions").column("reminders", type: .boolean, .notNull, .default(false)).run()

        // The office's matrix reads one period of every community at once, from the index alone.
        try await database.create(index: "disclosures_period_item").on("disclosures")
            .column("period").column("catalog_item_id").column("unit_id").column("first_published_at").column("published_version")
            .column("withdrawn_at").run()
    }
}
