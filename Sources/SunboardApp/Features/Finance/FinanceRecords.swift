import Foundation
import SQLKit
import SunboardCore

/// A line of the books as the chain keeps it: everything the finance board,
/// the line's page, the CSV export and the API show — with each receipt's
/// SHA-256 and each signature (slot, role, the signer's name, when).
/// Lines are never edited; a wrong one is reversed and replaced by later
/// lines that name it (`reverses`, `replaces`) and say why (`reason`).
enum FinanceLineRecord: RecordKind {
    static let name = "finance_line"

    static func publicIDs(after: Int, limit: Int, on sql: any SQLDatabase) async throws -> [Int] {
        try await sql.select().column("id").from("finance_entries").page(SQLColumn("id"), after: after, limit: limit).all()
            .map { try $0.decode(column: "id", as: Int.self) }
    }

    static func states(ids: [Int], on sql: any SQLDatabase) async throws -> [Int: RecordState] {
        guard !ids.isEmpty else { return [:] }
        let rows = try await sql.select()
            .columns(
                SQLColumn("id", table: "e"), SQLColumn("unit_id", table: "e"), SQLColumn("fund", table: "e"), SQLColumn("kind", table: "e"),
                SQLColumn("entry_date", table: "e"), SQLColumn("amount_fen", table: "e"), SQLColumn("category", table: "e"),
                SQLColumn("summary", table: "e"), SQLColumn("counterparty", table: "e"), SQLColumn("handler", table: "e"),
                SQLColumn("reimbursement_id", table: "e"), SQLColumn("source", table: "e"), SQLColumn("reverses_id", table: "e"),
                SQLColumn("replaces_id", table: "e"), SQLColumn("reason", table: "e")
            )
            .column(SQLColumn("slug", table: "u"), as: "unit")
            .from(SQLAlias(SQLIdentifier("finance_entries"), as: SQLIdentifier("e")))
            .join(
                SQLAlias(SQLIdentifier("units"), as: SQLIdentifier("u")), on: SQLColumn("unit_id", table: "e"), .equal,
                SQLColumn("id", table: "u")
            )
            .where(SQLColumn("id", table: "e"), .in, SQLBind.group(ids)).all()
        let requests = try rows.compactMap { try $0.decode(column: "reimbursement_id", as: Int?.self) }
        let receipts = try await FinanceRepository.receipts(of: requests, on: sql)
        let signatures = try await FinanceRepository.signatures(of: requests, on: sql)
        var states: [Int: RecordState] = [:]
        for row in rows {
            var fields = RecordFields()
            fields.set("unit", try row.decode(column: "unit", as: String.self))
            for column in ["fund", "kind", "entry_date", "category", "summary", "counterparty", "handler", "source"] {
                fields.set(column, try row.decode(column: column, as: String.self))
            }
            fields.set("amount_fen", try row.decode(column: "amount_fen", as: Int.self))
            fields.set("reverses", try row.decode(column: "reverses_id", as: Int?.self))
            fields.set("replaces", try row.decode(column: "replaces_id", as: Int?.self))
            fields.set("reason", try row.decode(column: "reason", as: String?.self))
            if let request = try row.decode(column: "reimbursement_id", as: Int?.self) {
                fields.set("reimbursement", request)
                for (index, receipt) in (receipts[request] ?? []).enumerated() {
                    fields.set("receipt.\(index + 1).sha256", receipt.sha256)
                    fields.set("receipt.\(index + 1).name", receipt.name)
                }
                for signature in signatures[request] ?? [] {
                    fields.set("signature.\(signature.slot + 1).signer", signature.signer.description)
                    fields.set("signature.\(signature.slot + 1).name", signature.name)
                    fields.set("signature.\(signature.slot + 1).signed_at", signature.at.unixSeconds)
                }
            }
            states[try row.decode(column: "id", as: Int.self)] = RecordState(
                unitID: try row.decode(column: "unit_id", as: Int.self), fields: fields)
        }
        return states
    }
}

/// A unit's reimbursement signature chain, which the finance board states:
/// who must sign, from what amount, in what order.
enum SignatureChainRecord: RecordKind {
    static let name = "signature_chain"

    static func publicIDs(after: Int, limit: Int, on sql: any SQLDatabase) async throws -> [Int] {
        try await sql.select().column("unit_id").from("signature_chains").page(SQLColumn("unit_id"), after: after, limit: limit).all()
            .map { try $0.decode(column: "unit_id", as: Int.self) }
    }

    static func states(ids: [Int], on sql: any SQLDatabase) async throws -> [Int: RecordState] {
        guard !ids.isEmpty else { return [:] }
        var states: [Int: RecordState] = [:]
        for row in try await sql.select().column(SQLColumn("unit_id", table: "c")).column(SQLColumn("chain", table: "c"))
            .column(SQLColumn("slug", table: "u"), as: "unit")
            .from(SQLAlias(SQLIdentifier("signature_chains"), as: SQLIdentifier("c")))
            .join(
                SQLAlias(SQLIdentifier("units"), as: SQLIdentifier("u")), on: SQLColumn("unit_id", table: "c"), .equal,
                SQLColumn("id", table: "u")
            )
            .where(SQLColumn("unit_id", table: "c"), .in, SQLBind.group(ids)).all()
        {
            var fields = RecordFields()
            fields.set("unit", try row.decode(column: "unit", as: String.self))
            fields.set("chain", try row.decode(column: "chain", as: String.self))
            let id = try row.decode(column: "unit_id", as: Int.self)
            states[id] = RecordState(unitID: id, fields: fields)
        }
        return states
    }
}
