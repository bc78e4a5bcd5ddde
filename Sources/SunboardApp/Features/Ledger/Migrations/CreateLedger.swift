import SQLKit

/// The public hash chain of publications, corrections and withdrawals.
struct CreateLedger: Migration {
    let name = "010_create_ledger"

    func prepare(on database: any SQLDatabase, kind: DatabaseKind) async throws {
        try await database.create(table: "ledger_entries")
            // Assigned by the appender under a lock: 1, 2, 3, … without gaps.
            .column("sequence", type: .bigint, .primaryKey(autoIncrement: false))
            .column("event", type: .text, .notNull)
            .column("disclosure_id", type: .bigint, .notNull, .references("disclosures", "id"))
            .column("version", type: .bigint, .notNull)
            .column("recorded_at", type: .bigint, .notNull)
            .column("payload_hash", type: .text, .notNull)
            .column("previous_hash", type: .text, .notNull)
            .column("entry_hash", type: .text, .notNull)
            .run()
        try await database.create(index: "ledger_disclosure").on("ledger_entries").column("disclosure_id").run()
    }
}
