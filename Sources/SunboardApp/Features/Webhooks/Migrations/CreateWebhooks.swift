import SQLKit

/// Chat-group and JSON subscriptions, the outbox that holds every message
/// until its receiver has taken it, and each attempt at delivery.
struct CreateWebhooks: Migration {
    let name = "015_create_webhooks"

    func prepare(on database: any SQLDatabase, kind: DatabaseKind) async throws {
        try await database.create(table: "webhook_subscriptions")
            .column("id", type: .bigint, .identity)
            .column("unit_id", type: .bigint, .notNull, .references("units", "id"))
            .column("name", type: .text, .notNull)
            .column("format", type: .text, .notNull)
            // Bot addresses carry their key: shown to staff only masked.
            .column("url", type: .text, .notNull)
            .column("secret", type: .text)
            // Comma-separated disclosure classes; empty means all.
            .column("classes", type: .text, .notNull)
            .column("active", type: .boolean, .notNull)
            .column("created_by", type: .text, .notNull)
            .column("created_at", type: .bigint, .notNull)
            // Chat bots take about 20 messages a minute: no post to this one before then, on any instance.
            .column("paced_until", type: .bigint)
            .run()
        try await database.create(index: "webhook_subscriptions_unit").on("webhook_subscriptions").column("unit_id").run()

        try await database.create(table: "webhook_outbox")
            .column("id", type: .bigint, .identity)
            .column("subscription_id", type: .bigint, .notNull, .references("webhook_subscriptions", "id", onDelete: .cascade))
            .column("event", type: .text, .notNull)
            .column("disclosure_id", type: .bigint)
            // The public message as JSON (`WebhookMessage`); rendered and signed when sent.
            .column("message", type: .text, .notNull)
            // pending, delivered or failed (given up until sent again by hand).
            .column("status", type: .text, .notNull)
            .column("attempts", type: .int, .notNull)
            .column("next_attempt_at", type: .bigint, .notNull)
            // Which sender holds the row, until when: a sender that dies
            // mid-delivery leaves it to be taken again once the lease ends.
            .column("claim", type: .text)
            .column("claimed_until", type: .bigint)
            .column("last_error", type: .text)
            .column("created_at", type: .bigint, .notNull)
            .column("delivered_at", type: .bigint)
            .run()
        try await database.create(index: "webhook_outbox_due").on("webhook_outbox").column("status").column("next_attempt_at").run()
        try await database.create(index: "webhook_outbox_subscription").on("webhook_outbox").column("subscription_id").column("id").run()

        try await database.create(table: "webhook_attempts")
            .column("id", type: .bigint, .identity)
            .column("outbox_id", type: .bigint, .notNull, .references("webhook_outbox", "id", onDelete: .cascade))
            .column("attempted_at", type: .bigint, .notNull)
            .column("milliseconds", type: .int, .notNull)
            .column("status_code", type: .int)
            .column("error", type: .text)
            .run()
        try await database.create(index: "webhook_attempts_outbox").on("webhook_attempts").column("outbox_id").run()
    }
}
