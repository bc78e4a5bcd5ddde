import SQLKit
import SunboardCore

/// The books: ledger lines, reimbursements with their receipts and
/// signatures, and each unit's signature chain. Also gives the default
/// 办公经费使用情况 its itemized fields.
struct CreateFinance: Migration {
    let name = "011_create_finance"

    func prepare(on database: any SQLDatabase, kind: DatabaseKind) async throws {
        try await database.create(table: "reimbursements")
            .column("id", type: .bigint, .identity)
            .column("unit_id", type: .bigint, .notNull, .references("units", "id"))
            .column("status", type: .text, .notNull)
            .column("fund", type: .text, .notNull)
            .column("spent_on", type: .text, .notNull)
            .column("amount_fen", type: .bigint, .notNull)
            .column("category", type: .text, .notNull)
            .column("summary", type: .text, .notNull)
            .column("payee", type: .text, .notNull)
            // The 经办人: an account once filed; an imported draft has only a name.
            .column("handler_id", type: .bigint, .references("users", "id"))
            .column("handler_name", type: .text, .notNull)
            // The signers required, fixed at filing: JSON list of signer codes.
            .column("slots", type: .text, .notNull)
            .column("ordered", type: .boolean, .notNull)
            .column("reject_reason", type: .text)
            .column("rejected_by", type: .text)
            .column("posted_by", type: .text)
            .column("created_by", type: .bigint, .notNull, .references("users", "id"))
            .column("created_at", type: .bigint, .notNull)
            .column("updated_at", type: .bigint, .notNull)
            .run()
        try await database.create(index: "reimbursements_unit_status").on("reimbursements").column("unit_id").column("status").run()

        try await database.create(table: "reimbursement_receipts")
            .column("reimbursement_id", type: .bigint, .notNull, .references("reimbursements", "id"))
            .column("position", type: .bigint, .notNull)
            .column("sha256", type: .text, .notNull, .references("stored_files", "sha256"))
            .column("name", type: .text, .notNull)
            .primaryKey("reimbursement_id", "position")
            .run()
        try await database.create(index: "reimbursement_receipts_sha256").on("reimbursement_receipts").column("sha256").run()

        try await database.create(table: "reimbursement_signatures")
            .column("reimbursement_id", type: .bigint, .notNull, .references("reimbursements", "id"))
            .column("slot", type: .bigint, .notNull)
            .column("signer", type: .text, .notNull)
            .column("user_id", type: .bigint, .notNull, .references("users", "id"))
            .column("user_name", type: .text, .notNull)
            .column("signed_at", type: .bigint, .notNull)
            // The database itself refuses a slot signed twice or a person signing twice.
            .primaryKey("reimbursement_id", "slot")
            .unique("reimbursement_id", "user_id")
            .run()

        try await database.create(table: "finance_entries")
            .column("id", type: .bigint, .identity)
            .column("unit_id", type: .bigint, .notNull, .references("units", "id"))
            .column("fund", type: .text, .notNull)
            .column("kind", type: .text, .notNull)
            .column("entry_date", type: .text, .notNull)
            .column("amount_fen", type: .bigint, .notNull)
            .column("category", type: .text, .notNull)
            .column("summary", type: .text, .notNull)
            .column("counterparty", type: .text, .notNull)
            .column("handler", type: .text, .notNull)
            // Every expense comes from exactly one posted reimbursement.
            .column("reimbursement_id", type: .bigint, .unique, .references("reimbursements", "id"))
            .column("source", type: .text, .notNull)
            .column("created_by", type: .bigint, .notNull, .references("users", "id"))
            .column("created_at", type: .bigint, .notNull)
            .run()
        try await database.create(index: "finance_entries_unit_date").on("finance_entries").column("unit_id").column("entry_date").run()

        try await database.create(table: "signature_chains")
            .column("unit_id", type: .bigint, .primaryKey(autoIncrement: false), .references("units", "id"))
            .column("chain", type: .text, .notNull)
            .column("updated_by", type: .bigint, .notNull, .references("users", "id"))
            .column("updated_at", type: .bigint, .notNull)
            .run()

        // The default item, where already seeded, gets its itemized fields.
        try await database.update("catalog_items")
            .set("fields", to: SQLBind(CatalogRow.encodeFields(DefaultCatalog.officeFundsFields)))
            .set("description", to: SQLBind(DefaultCatalog.items.first { $0.code == "office-funds" }!.description))
            .where("code", .equal, SQLBind("office-funds"))
            .where(
                "owner_unit_id", .in,
                SQLGroupExpression(database.select().column("id").from("units").where("parent_id", .is, SQLLiteral.null).query)
            )
            .run()
    }
}
