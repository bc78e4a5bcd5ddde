import SQLKit

/// Every public record in the one chain: the ledger names a record of any
/// kind, each record's versions are kept as they were chained, and each
/// record that keeps private values has its own secret salt. The entries
/// made before keep the form they were hashed with (format 1). Records that
/// were public before are chained once the schema is ready (`RecordGenesis`).
struct ChainEveryRecord: Migration {
    let name = "018_chain_every_record"

    func prepare(on database: any SQLDatabase, kind: DatabaseKind) async throws {
        try await database.create(table: "ledger_chain")
            // Assigned by the appender under a lock: 1, 2, 3, … without gaps.
            .column("sequence", type: .bigint, .primaryKey(autoIncrement: false))
            // 1: a disclosure's version or withdrawal, as first chained; 2: a record's version.
            .column("format", type: .int, .notNull)
            .column("event", type: .text, .notNull)
            .column("record_kind", type: .text, .notNull)
            .column("record_id", type: .bigint, .notNull)
            .column("version", type: .bigint, .notNull)
            .column("recorded_at", type: .bigint, .notNull)
            .column("payload_hash", type: .text, .notNull)
            .column("previous_hash", type: .text, .notNull)
            .column("entry_hash", type: .text, .notNull)
            .run()
        try await database.raw(
            """
            INSERT INTO ledger_chain (sequence, format, event, record_kind, record_id, version, recorded_at, payload_hash,
                previous_hash, entry_hash)
            SELECT sequence, 1, event, 'disclosure', disclosure_id, version, recorded_at, payload_hash, previous_hash, entry_hash
            FROM ledger_entries
            """
        ).run()
        try await database.drop(table: "ledger_entries").run()
        try await database.raw("ALTER TABLE ledger_chain RENAME TO ledger_entries").run()
        try await database.create(index: "ledger_record").on("ledger_entries").column("record_kind").column("record_id").run()

        try await database.create(table: "record_versions")
            .column("kind", type: .text, .notNull)
            .column("record_id", type: .bigint, .notNull)
            .column("version", type: .bigint, .notNull)
            // The unit whose board shows it, if any: lets a page list a unit's records.
            .column("unit_id", type: .bigint)
            // The ledger entry that chained it.
            .column("sequence", type: .bigint, .notNull)
            // The fields as a JSON object (`RecordFields`): public values in clear, the others as salted digests.
            .column("fields", type: .text, .notNull)
            .column("recorded_at", type: .bigint, .notNull)
            .primaryKey("kind", "record_id", "version")
            .unique("sequence")
            .run()
        try await database.create(index: "record_versions_unit").on("record_versions").column("unit_id").column("kind").run()

        // Never public: with it anyone could test a guess at a private value against its digest.
        try await database.create(table: "record_salts")
            .column("kind", type: .text, .notNull)
            .column("record_id", type: .bigint, .notNull)
            .column("salt", type: .text, .notNull)
            .primaryKey("kind", "record_id")
            .run()

        // A wrong line is never edited: it is reversed (红字冲销) and a new line replaces it, each
        // signed like any expense and naming the line it corrects and why.
        for table in ["finance_entries", "reimbursements"] {
            try await database.alter(table: table).column("reverses_id", type: .bigint).run()
            try await database.alter(table: table).column("replaces_id", type: .bigint).run()
            try await database.alter(table: table).column("reason", type: .text).run()
        }

        // A published civic step reopened for correction keeps its new data here until the correction is
        // published: residents keep reading `payload`, what was published.
        try await database.alter(table: "civic_posts").column("draft_payload", type: .text).run()

        // A roster brought over once, by the office, onto an empty board: public news in its own right.
        try await database.create(table: "board_imports")
            .column("id", type: .bigint, .identity)
            .column("unit_id", type: .bigint, .notNull, .references("units", "id"))
            .column("board", type: .text, .notNull)
            .column("cards", type: .bigint, .notNull)
            .column("actor_id", type: .bigint, .notNull, .references("users", "id"))
            .column("actor_name", type: .text, .notNull)
            .column("happened_at", type: .bigint, .notNull)
            .unique("unit_id", "board")
            .run()

        // A chat group may ask for the ledger's head once a day, so copies of it live off the server.
        try await database.alter(table: "webhook_subscriptions").column("ledger_head", type: .boolean, .notNull, .default(false)).run()
        try await database.create(table: "ledger_heads_sent")
            .column("subscription_id", type: .bigint, .notNull, .references("webhook_subscriptions", "id", onDelete: .cascade))
            .column("day", type: .text, .notNull)
            .column("sequence", type: .bigint, .notNull)
            .column("sent_at", type: .bigint, .notNull)
            .primaryKey("subscription_id", "day")
            .run()
    }
}
