import Foundation
import SQLKit
import SunboardCore

/// Reads and writes the books. Lists load their receipts and signatures in
/// one query each for the whole page, never one per line.
public struct FinanceRepository: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    // MARK: Ledger lines

    static func insert(
        _ line: FinanceLine, unitID: Int, reimbursementID: Int?, source: String, correcting: FinanceCorrection? = nil, by userID: Int,
        at now: Date, on sql: any SQLDatabase
    ) async throws -> Int {
        let row = try await sql.insert(into: "finance_entries")
            .columns(
                "unit_id", "fund", "kind", "entry_date", "amount_fen", "category", "summary", "counterparty", "handler", "reimbursement_id",
                "source", "reverses_id", "replaces_id", "reason", "created_by", "created_at"
            )
            .values(
                SQLBind(unitID), SQLBind(line.fund.rawValue), SQLBind(line.kind.rawValue), SQLBind(line.date.description),
                SQLBind(line.amount.value), SQLBind(line.category), SQLBind(line.summary), SQLBind(line.counterparty),
                SQLBind(line.handler), SQLBind(reimbursementID), SQLBind(source), SQLBind(correcting?.reversing),
                SQLBind(correcting?.replacing), SQLBind(correcting?.reason), SQLBind(userID), SQLBind(now.unixSeconds)
            )
            .returning("id")
            .first()
        return try row!.decode(column: "id", as: Int.self)
    }

    /// A unit's lines from `from` to `to` (inclusive), oldest first, with
    /// receipts and signers; optionally of one fund.
    public func entries(unitID: Int, from: CalendarDate, to: CalendarDate, fund: Fund? = nil) async throws -> [FinanceEntry] {
        try await Self.entries(unitID: unitID, from: from, to: to, fund: fund, on: database.sql)
    }

    static func entries(unitID: Int, from: CalendarDate, to: CalendarDate, fund: Fund? = nil, on sql: any SQLDatabase) async throws
        -> [FinanceEntry]
    {
        var query = sql.select().columns(FinanceEntryRow.columns).from("finance_entries")
            .where("unit_id", .equal, SQLBind(unitID))
            .where("entry_date", .greaterThanOrEqual, SQLBind(from.description))
            .where("entry_date", .lessThanOrEqual, SQLBind(to.description))
        if let fund { query = query.where("fund", .equal, SQLBind(fund.rawValue)) }
        let rows = try await query.orderBy("entry_date").orderBy("id").all()
        let entries = try rows.map { try $0.decode(model: FinanceEntryRow.self, keyDecodingStrategy: .convertFromSnakeCase).entry }
        return try await withDetails(entries, on: sql)
    }

    /// A unit's latest lines, newest first, with receipts, signers and corrections.
    public func recentEntries(unitID: Int, limit: Int) async throws -> [FinanceEntry] {
        let rows = try await database.sql.select().columns(FinanceEntryRow.columns).from("finance_entries")
            .where("unit_id", .equal, SQLBind(unitID)).orderBy("id", .descending).limit(limit).all()
        let entries = try rows.map { try $0.decode(model: FinanceEntryRow.self, keyDecodingStrategy: .convertFromSnakeCase).entry }
        return try await Self.withDetails(entries, on: database.sql)
    }

    /// These lines of a unit's books, by id, with receipts and signers.
    static func entries(ids: [Int], unitID: Int, on sql: any SQLDatabase) async throws -> [Int: FinanceEntry] {
        guard !ids.isEmpty else { return [:] }
        let rows = try await sql.select().columns(FinanceEntryRow.columns).from("finance_entries")
            .where("unit_id", .equal, SQLBind(unitID)).where("id", .in, SQLBind.group(ids)).all()
        let entries = try rows.map { try $0.decode(model: FinanceEntryRow.self, keyDecodingStrategy: .convertFromSnakeCase).entry }
        return Dictionary(uniqueKeysWithValues: try await withDetails(entries, on: sql).map { ($0.id, $0) })
    }

    public func entry(id: Int) async throws -> FinanceEntry? {
        try await Self.entry(id: id, on: database.sql)
    }

    static func entry(id: Int, on sql: any SQLDatabase) async throws -> FinanceEntry? {
        guard
            let row = try await sql.select().columns(FinanceEntryRow.columns).from("finance_entries").where("id", .equal, SQLBind(id))
                .first()
        else { return nil }
        return try await withDetails(
            [try row.decode(model: FinanceEntryRow.self, keyDecodingStrategy: .convertFromSnakeCase).entry], on: sql
        )
        .first
    }

    /// Fills in receipts and signers with two queries for all the lines.
    private func withDetails(_ entries: [FinanceEntry]) async throws -> [FinanceEntry] {
        try await Self.withDetails(entries, on: database.sql)
    }

    private static func withDetails(_ entries: [FinanceEntry], on sql: any SQLDatabase) async throws -> [FinanceEntry] {
        guard !entries.isEmpty else { return entries }
        let ids = entries.compactMap(\.reimbursementID)
        let receipts = ids.isEmpty ? [:] : try await Self.receipts(of: ids, on: sql)
        let signatures = ids.isEmpty ? [:] : try await Self.signatures(of: ids, on: sql)
        let corrections = try await Self.corrections(of: entries.map(\.id), on: sql)
        return entries.map { entry in
            var entry = entry
            entry.reversedBy = corrections[entry.id]?.reversal
            entry.replacedBy = corrections[entry.id]?.replacement
            guard let id = entry.reimbursementID else { return entry }
            entry.receipts = receipts[id] ?? []
            entry.signers = (signatures[id] ?? []).map { .init(signer: $0.signer, name: $0.name, signedAt: $0.at) }
            return entry
        }
    }

    /// The lines that reverse or replace these, by the line they correct, in one query.
    static func corrections(of ids: [Int], on sql: any SQLDatabase) async throws -> [Int: (reversal: Int?, replacement: Int?)] {
        guard !ids.isEmpty else { return [:] }
        var found: [Int: (reversal: Int?, replacement: Int?)] = [:]
        for row in try await sql.select().columns("id", "reverses_id", "replaces_id").from("finance_entries")
            .where { $0.where("reverses_id", .in, SQLBind.group(ids)).orWhere("replaces_id", .in, SQLBind.group(ids)) }.all()
        {
            let id = try row.decode(column: "id", as: Int.self)
            if let reversed = try row.decode(column: "reverses_id", as: Int?.self) { found[reversed, default: (nil, nil)].reversal = id }
            if let replaced = try row.decode(column: "replaces_id", as: Int?.self) { found[replaced, default: (nil, nil)].replacement = id }
        }
        return found
    }

    /// The balance of each of a unit's funds before `date` (every line
    /// before it), in one query; a fund without lines holds zero.
    public func balances(unitID: Int, before date: CalendarDate) async throws -> [Fund: Fen] {
        try await Self.balances(unitID: unitID, before: date, on: database.sql)
    }

    static func balances(unitID: Int, before date: CalendarDate, on sql: any SQLDatabase) async throws -> [Fund: Fen] {
        let rows = try await sql.select().column("fund")
            .column(
                SQLRaw("CAST(COALESCE(SUM(CASE WHEN kind = 'expense' THEN -amount_fen ELSE amount_fen END), 0) AS BIGINT)"), as: "balance"
            )
            .from("finance_entries")
            .where("unit_id", .equal, SQLBind(unitID))
            .where("entry_date", .lessThan, SQLBind(date.description))
            .groupBy("fund")
            .all()
        var balances = Dictionary(uniqueKeysWithValues: Fund.allCases.map { ($0, Fen.zero) })
        for row in rows {
            if let fund = Fund(rawValue: try row.decode(column: "fund", as: String.self)) {
                balances[fund] = Fen(try row.decode(column: "balance", as: Int.self))
            }
        }
        return balances
    }

    /// Whether a fund has any line yet.
    static func hasEntries(unitID: Int, fund: Fund, on sql: any SQLDatabase) async throws -> Bool {
        try await sql.select().column("id").from("finance_entries").where("unit_id", .equal, SQLBind(unitID))
            .where("fund", .equal, SQLBind(fund.rawValue)).limit(1).first() != nil
    }

    /// The first and last day with a line, for the board's choice of years.
    public func span(unitID: Int) async throws -> (first: CalendarDate, last: CalendarDate)? {
        guard
            let row = try await database.sql.select().column(SQLFunction("MIN", args: SQLColumn("entry_date")), as: "first")
                .column(SQLFunction("MAX", args: SQLColumn("entry_date")), as: "last")
                .from("finance_entries").where("unit_id", .equal, SQLBind(unitID)).first(),
            let first = try row.decode(column: "first", as: String?.self).flatMap(CalendarDate.init),
            let last = try row.decode(column: "last", as: String?.self).flatMap(CalendarDate.init)
        else { return nil }
        return (first, last)
    }

    // MARK: Reimbursements

    public func reimbursement(id: Int) async throws -> Reimbursement? {
        try await Self.reimbursement(id: id, on: database.sql)
    }

    static func reimbursement(id: Int, on sql: any SQLDatabase) async throws -> Reimbursement? {
        guard
            let row = try await sql.select().columns(ReimbursementRow.columns).from("reimbursements").where("id", .equal, SQLBind(id))
                .first()
        else { return nil }
        return try await assemble([try row.decode(model: ReimbursementRow.self, keyDecodingStrategy: .convertFromSnakeCase)], on: sql).first
    }

    /// The request as a step decides on it: its state and signatures, read
    /// inside the step's transaction and, on PostgreSQL, locked for the rest
    /// of it, so no one else moves it meanwhile. (Receipts and the line are
    /// not part of any decision.)
    static func lockedForStep(id: Int, on sql: any SQLDatabase) async throws -> Reimbursement? {
        guard
            let row = try await sql.select().columns(ReimbursementRow.columns).from("reimbursements").where("id", .equal, SQLBind(id))
                .for(.update).first()
        else { return nil }
        let signed = try await signatures(of: [id], on: sql)[id] ?? []
        return try row.decode(model: ReimbursementRow.self, keyDecodingStrategy: .convertFromSnakeCase).reimbursement(
            signatures: signed.map { .init(slot: $0.slot, userID: $0.userID, name: $0.name) },
            signedAt: Dictionary(signed.map { ($0.slot, $0.at) }, uniquingKeysWith: { first, _ in first }), receipts: [], entryID: nil)
    }

    /// A unit's requests, newest first, optionally in some states.
    public func reimbursements(unitID: Int, statuses: [ReimbursementStatus]? = nil, limit: Int = 200) async throws -> [Reimbursement] {
        var query = database.sql.select().columns(ReimbursementRow.columns).from("reimbursements").where("unit_id", .equal, SQLBind(unitID))
        if let statuses { query = query.where("status", .in, SQLBind.group(statuses.map(\.rawValue))) }
        let rows = try await query.orderBy("updated_at", .descending).orderBy("id", .descending).limit(limit).all()
        return try await Self.assemble(
            try rows.map { try $0.decode(model: ReimbursementRow.self, keyDecodingStrategy: .convertFromSnakeCase) }, on: database.sql)
    }

    /// How many requests are in each state.
    public func reimbursementCounts(unitID: Int) async throws -> [ReimbursementStatus: Int] {
        let rows = try await database.sql.select().column("status").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "count")
            .from("reimbursements").where("unit_id", .equal, SQLBind(unitID)).groupBy("status").all()
        var counts: [ReimbursementStatus: Int] = [:]
        for row in rows {
            if let status = ReimbursementStatus(rawValue: try row.decode(column: "status", as: String.self)) {
                counts[status] = try row.decode(column: "count", as: Int.self)
            }
        }
        return counts
    }

    private static func assemble(_ rows: [ReimbursementRow], on sql: any SQLDatabase) async throws -> [Reimbursement] {
        let ids = rows.map(\.id)
        guard !ids.isEmpty else { return [] }
        let receipts = try await receipts(of: ids, on: sql)
        let signatures = try await signatures(of: ids, on: sql)
        var entries: [Int: Int] = [:]
        for row in try await sql.select().column("id").column("reimbursement_id").from("finance_entries")
            .where("reimbursement_id", .in, SQLBind.group(ids)).all()
        {
            entries[try row.decode(column: "reimbursement_id", as: Int.self)] = try row.decode(column: "id", as: Int.self)
        }
        return rows.map { row in
            let signed = signatures[row.id] ?? []
            return row.reimbursement(
                signatures: signed.map { .init(slot: $0.slot, userID: $0.userID, name: $0.name) },
                signedAt: Dictionary(signed.map { ($0.slot, $0.at) }, uniquingKeysWith: { first, _ in first }),
                receipts: receipts[row.id] ?? [], entryID: entries[row.id])
        }
    }

    static func receipts(of ids: [Int], on sql: any SQLDatabase) async throws -> [Int: [FinanceEntry.Receipt]] {
        var result: [Int: [FinanceEntry.Receipt]] = [:]
        guard !ids.isEmpty else { return result }
        for row in try await sql.select()
            .column(SQLColumn("reimbursement_id", table: "reimbursement_receipts"))
            .column(SQLColumn("sha256", table: "reimbursement_receipts"))
            .column(SQLColumn("name", table: "reimbursement_receipts"))
            .column(SQLColumn("kind", table: "stored_files"))
            .from("reimbursement_receipts")
            .join(
                "stored_files", on: SQLColumn("sha256", table: "reimbursement_receipts"), .equal, SQLColumn("sha256", table: "stored_files")
            )
            .where(SQLColumn("reimbursement_id", table: "reimbursement_receipts"), .in, SQLBind.group(ids))
            .orderBy(SQLColumn("reimbursement_id", table: "reimbursement_receipts")).orderBy(
                SQLColumn("position", table: "reimbursement_receipts")
            )
            .all()
        {
            result[try row.decode(column: "reimbursement_id", as: Int.self), default: []].append(
                .init(
                    sha256: try row.decode(column: "sha256", as: String.self), name: try row.decode(column: "name", as: String.self),
                    kind: AttachmentKind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .pdf))
        }
        return result
    }

    struct SignatureRow {
        var slot: Int
        var signer: SignatureChain.Signer
        var userID: Int
        var name: String
        var at: Date
    }

    static func signatures(of ids: [Int], on sql: any SQLDatabase) async throws -> [Int: [SignatureRow]] {
        var result: [Int: [SignatureRow]] = [:]
        guard !ids.isEmpty else { return result }
        for row in try await sql.select().columns("reimbursement_id", "slot", "signer", "user_id", "user_name", "signed_at")
            .from("reimbursement_signatures").where("reimbursement_id", .in, SQLBind.group(ids))
            .orderBy("reimbursement_id").orderBy("slot").all()
        {
            guard let signer = SignatureChain.Signer(code: try row.decode(column: "signer", as: String.self)) else { continue }
            result[try row.decode(column: "reimbursement_id", as: Int.self), default: []].append(
                SignatureRow(
                    slot: try row.decode(column: "slot", as: Int.self), signer: signer,
                    userID: try row.decode(column: "user_id", as: Int.self),
                    name: try row.decode(column: "user_name", as: String.self),
                    at: Date(unixSeconds: try row.decode(column: "signed_at", as: Int.self))))
        }
        return result
    }

    // MARK: Signature chains

    /// The chain that applies in the first unit of `lineage`: its own, or
    /// the nearest one above it, or the seed's five.
    public func chain(lineage: [Int]) async throws -> (chain: SignatureChain, ownerUnitID: Int?) {
        guard !lineage.isEmpty else { return (.standard, nil) }
        let rows = try await database.sql.select().columns("unit_id", "chain").from("signature_chains")
            .where("unit_id", .in, SQLBind.group(lineage)).all()
        var chains: [Int: SignatureChain] = [:]
        for row in rows {
            let text = try row.decode(column: "chain", as: String.self)
            if let chain = try? JSONDecoder().decode(SignatureChain.self, from: Data(text.utf8)) {
                chains[try row.decode(column: "unit_id", as: Int.self)] = chain
            }
        }
        for unitID in lineage {
            if let chain = chains[unitID] { return (chain, unitID) }
        }
        return (.standard, nil)
    }

    // MARK: Files

    /// Whether a stored file is a receipt of a line in the books: those are
    /// public, like the photocopies on the seed's board. Read from the
    /// chained line, not the request's status.
    public func isPostedReceipt(_ sha256: String) async throws -> Bool {
        try await database.sql.select().column(SQLColumn("sha256", table: "reimbursement_receipts")).from("reimbursement_receipts")
            .join(
                "finance_entries", on: SQLColumn("reimbursement_id", table: "reimbursement_receipts"), .equal,
                SQLColumn("reimbursement_id", table: "finance_entries")
            )
            .where(SQLColumn("sha256", table: "reimbursement_receipts"), .equal, SQLBind(sha256))
            .first() != nil
    }

    /// Whether a stored file is a receipt of any of a unit's requests.
    public func isReceipt(_ sha256: String, ofUnit unitID: Int) async throws -> Bool {
        try await database.sql.select().column(SQLColumn("sha256", table: "reimbursement_receipts")).from("reimbursement_receipts")
            .join(
                "reimbursements", on: SQLColumn("reimbursement_id", table: "reimbursement_receipts"), .equal,
                SQLColumn("id", table: "reimbursements")
            )
            .where(SQLColumn("sha256", table: "reimbursement_receipts"), .equal, SQLBind(sha256))
            .where(SQLColumn("unit_id", table: "reimbursements"), .equal, SQLBind(unitID))
            .first() != nil
    }
}
