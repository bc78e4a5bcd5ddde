import SQLKit

/// The append-only record of every change made through the system.
struct CreateAuditLog: Migration {
    let name = "006_create_audit_log"

    func prepare(on database: any SQLDatabase, kind: DatabaseKind) async throws {
        try await database.create(table: "audit_log")
            .column("id", type: .bigint, .identity)
            .column("occurred_at", type: .bigint, .notNull)
            .column("actor_id", type: .bigint, .references("users", "id"))
            .column("actor_name", type: .text, .notNull)
            .column("action", type: .text, .notNull)
            .column("unit_id", type: .bigint, .references("units", "id"))
            .column("subject", type: .text, .notNull)
            // What the action was about, when it is a record: e.g. `disclosure` 12.
            .column("object_kind", type: .text)
            .column("object_id", type: .bigint)
            .column("detail", type: .text, .notNull)
            .column("address", type: .text, .notNull)
            .run()
        try await database.create(index: "audit_log_unit").on("audit_log").column("unit_id").column("id").run()
        try await database.create(index: "audit_log_actor").on("audit_log").column("actor_id").column("id").run()
        try await database.create(index: "audit_log_object").on("audit_log").column("object_kind").column("object_id").run()
    }
}
