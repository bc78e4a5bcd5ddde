import Foundation
import SQLKit
import SunboardCore

/// Every change to the books, each checked and carried out in one
/// transaction with its audit entry. Expenses enter the books only by
/// posting a reimbursement whose signatures are complete.
public struct FinanceWorkflow: Sendable {
    let database: Database
    let files: FileStore
    let audit: AuditLog
    let finance: FinanceRepository
    let units: UnitRepository
    public typealias Upload = DisclosureWorkflow.Upload

    // MARK: Income

    /// Records income, or a fund's opening balance, typed by the 报账员.
    @discardableResult
    public func record(_ input: FinanceLineInput, unit: Unit, actor: StaffActor, at now: Date) async throws -> Int {
        guard actor.permissions.contains(.keepAccounts) else { throw FinanceError.notAllowed("登记收入") }
        let line = try input.validated(today: CalendarDate(now))
        guard line.kind != .expense else {
            throw ValidationFailure([
                .init(field: "kind", message: "支出须由经办人填写报账单，签字齐全后过账，不能直接登记。", englishMessage: "expenses enter only through reimbursements.")
            ])
        }
        let closed = try await closedPeriods(unitID: unit.id)
        let kind = database.kind
        return try await database.transaction { sql in
            try await check(line, unitID: unit.id, closed: closed, on: sql)
            let id = try await FinanceRepository.insert(
                line, unitID: unit.id, reimbursementID: nil, source: "manual", by: actor.id, at: now, on: sql)
            try await PublicChange(
                FinanceLineRecord.self, id: id,
                audit: entry(
                    actor, "finance.\(line.kind.rawValue)", unit: unit, object: ("finance_entry", id), subject: line.summary,
                    detail: "登记\(line.kind.chinese)（\(line.fund.chinese)）\(line.amount.yuan)：\(line.category)")
            ).apply(at: now, database: kind, on: sql)
            return id
        }
    }

    /// Imports the lines of a clean reading, all or nothing: income and
    /// opening balances enter the books; each expense becomes a request
    /// waiting for its 经办人 to attach receipts and sign, so no expense
    /// skips the chain. Returns the row problems found against the books
    /// (a closed period), in which case nothing was imported.
    public func importLines(_ reading: LedgerCSV.Reading, unit: Unit, actor: StaffActor, at now: Date) async throws -> [LedgerCSV
        .RowProblem]
    {
        guard actor.permissions.contains(.keepAccounts) else { throw FinanceError.notAllowed("导入账目") }
        guard reading.isClean else { return reading.problems }
        let closed = try await closedPeriods(unitID: unit.id)
        var problems: [LedgerCSV.RowProblem] = []
        for (number, line) in reading.lines where line.fund == .office {
            if let period = closed.first(where: { $0.contains(line.date) }) {
                problems.append(.init(line: number, messages: [FinanceError.periodClosed(period.chinese).message]))
            }
        }
        guard problems.isEmpty else { return problems }
        let chain = try await finance.chain(lineage: try await lineage(unit))
        do {
            try await importAll(reading, chain: chain.chain, unit: unit, actor: actor, at: now)
        } catch let failure as LedgerImportFailure {
            return failure.problems
        }
        return []
    }

    private func importAll(_ reading: LedgerCSV.Reading, chain: SignatureChain, unit: Unit, actor: StaffActor, at now: Date) async throws {
        let kind = database.kind
        try await database.transaction { sql in
            var counts: [EntryKind: Int] = [:]
            for (number, line) in reading.lines {
                counts[line.kind, default: 0] += 1
                switch line.kind {
                case .expense:
                    _ = try await Self.insertRequest(
                        line, status: .draft, unitID: unit.id, handlerID: nil, slots: chain.signers(for: line.amount),
                        ordered: chain.ordered, createdBy: actor.id, at: now, on: sql)
                case .income, .opening:
                    if line.kind == .opening, try await FinanceRepository.hasEntries(unitID: unit.id, fund: line.fund, on: sql) {
                        throw LedgerImportFailure(problems: [
                            .init(line: number, messages: [FinanceError.openingNotFirst(line.fund.chinese).message])
                        ])
                    }
                    let id = try await FinanceRepository.insert(
                        line, unitID: unit.id, reimbursementID: nil, source: "import", by: actor.id, at: now, on: sql)
                    try await PublicChange(FinanceLineRecord.self, id: id, audit: nil).apply(at: now, database: kind, on: sql)
                }
            }
            try await audit.record(
                entry(
                    actor, "finance.import", unit: unit, object: nil, subject: "导入账目",
                    detail:
                        "导入 \(reading.lines.count) 行（\(reading.encoding?.rawValue ?? "")）：收入 \(counts[.income] ?? 0) 笔，期初结余 \(counts[.opening] ?? 0) 笔，支出 \(counts[.expense] ?? 0) 笔转为待提交的报账单"
                ),
                at: now, on: sql)
        }
    }

    // MARK: Reimbursement

    /// Files a request with its receipts; filing is the 经办人's signature.
    @discardableResult
    public func file(_ input: ReimbursementInput, uploads: [Upload], unit: Unit, actor: StaffActor, at now: Date) async throws -> Int {
        guard actor.permissions.contains(.fileReimbursements) else { throw FinanceError.notAllowed("填写报账单") }
        let line = try input.validated(handler: actor.name, today: CalendarDate(now))
        guard !uploads.isEmpty else { throw FinanceError.receiptRequired }
        let receipts = try await store(uploads, at: now)
        let chain = try await finance.chain(lineage: try await lineage(unit)).chain
        let slots = chain.signers(for: line.amount)
        return try await database.transaction { sql in
            let id = try await Self.insertRequest(
                line, status: .signing, unitID: unit.id, handlerID: actor.id, slots: slots, ordered: chain.ordered, createdBy: actor.id,
                at: now, on: sql)
            try await Self.addReceipts(receipts, to: id, on: sql)
            try await Self.sign(id, slot: slots.firstIndex(of: .handler)!, signer: .handler, actor: actor, at: now, on: sql)
            try await audit.record(
                entry(
                    actor, "reimbursement.file", unit: unit, object: ("reimbursement", id), subject: line.summary,
                    detail: "填写报账单 \(line.amount.yuan)，附单据 \(receipts.count) 张；需签字：\(slots.map(\.chinese).joined(separator: "、"))"),
                at: now, on: sql)
            return id
        }
    }

    /// Files an imported draft: the person attaching the receipts becomes
    /// its 经办人 and signs.
    public func fileDraft(_ request: Reimbursement, uploads: [Upload], unit: Unit, actor: StaffActor, at now: Date) async throws {
        guard actor.permissions.contains(.fileReimbursements) else { throw FinanceError.notAllowed("提交报账单") }
        guard request.status == .draft else { throw FinanceError.wrongState(request.status, "提交") }
        guard !uploads.isEmpty else { throw FinanceError.receiptRequired }
        let receipts = try await store(uploads, at: now)
        guard let slot = request.sheet.slots.firstIndex(of: .handler) else { throw FinanceError.wrongState(request.status, "提交") }
        try await database.transaction { sql in
            try await Self.move(request, from: .draft, to: .signing, at: now, on: sql) {
                $0.set("handler_id", to: SQLBind(actor.id)).set("handler_name", to: SQLBind(actor.name))
            }
            try await Self.addReceipts(receipts, to: request.id, on: sql)
            try await Self.sign(request.id, slot: slot, signer: .handler, actor: actor, at: now, on: sql)
            try await audit.record(
                entry(
                    actor, "reimbursement.file", unit: unit, object: ("reimbursement", request.id), subject: request.summary,
                    detail: "补齐单据 \(receipts.count) 张并作为经办人签字提交"),
                at: now, on: sql)
        }
    }

    /// Signs as whichever open slot the person's roles fill.
    ///
    /// - `roles`: the roles the person holds for the request's community.
    public func sign(_ request: Reimbursement, unit: Unit, roles: Set<Role>, actor: StaffActor, at now: Date) async throws {
        // Refused early with the clearest reason; decided again below on the row as it stands.
        guard request.status == .signing else { throw FinanceError.wrongState(request.status, "签字") }
        _ = try request.sheet.slot(for: actor.id, roles: roles)
        try await database.transaction { sql in
            // Two signers at once each see the other's signature here, so the last one completes the sheet.
            let current = try await Self.current(request, on: sql)
            guard current.status == .signing else { throw FinanceError.wrongState(current.status, "签字") }
            let slot = try current.sheet.slot(for: actor.id, roles: roles)
            let signer = current.sheet.slots[slot]
            let complete = current.sheet.signing(slot: slot, userID: actor.id, name: actor.name).isComplete
            try await Self.move(current, from: .signing, to: complete ? .signed : .signing, at: now, on: sql) { $0 }
            do {
                try await Self.sign(current.id, slot: slot, signer: signer, actor: actor, at: now, on: sql)
            } catch {
                throw FinanceError.signedTwice
            }
            try await audit.record(
                entry(
                    actor, "reimbursement.sign", unit: unit, object: ("reimbursement", current.id), subject: current.summary,
                    detail: "以\(signer.chinese)身份签字" + (complete ? "，签字已齐全，等待报账员过账" : "")),
                at: now, on: sql)
        }
    }

    /// Refuses the request, with a reason the handler and the log keep.
    public func reject(_ request: Reimbursement, unit: Unit, reason: String, roles: Set<Role>, actor: StaffActor, at now: Date) async throws
    {
        guard request.status == .signing else { throw FinanceError.wrongState(request.status, "退回") }
        guard request.sheet.mayReject(userID: actor.id, roles: roles) else {
            throw FinanceError.notASigner(needed: request.sheet.missing.map { request.sheet.slots[$0].chinese })
        }
        let reason = String(reason.trimmed.prefix(1000))
        guard !reason.isEmpty else { throw FinanceError.reasonRequired }
        try await database.transaction { sql in
            let current = try await Self.current(request, on: sql)
            guard current.status == .signing else { throw FinanceError.wrongState(current.status, "退回") }
            guard current.sheet.mayReject(userID: actor.id, roles: roles) else {
                throw FinanceError.notASigner(needed: current.sheet.missing.map { current.sheet.slots[$0].chinese })
            }
            try await Self.move(current, from: .signing, to: .rejected, at: now, on: sql) {
                $0.set("reject_reason", to: SQLBind(reason)).set("rejected_by", to: SQLBind(actor.name))
            }
            try await audit.record(
                entry(
                    actor, "reimbursement.reject", unit: unit, object: ("reimbursement", current.id), subject: current.summary,
                    detail: "退回：\(reason)"),
                at: now, on: sql)
        }
    }

    /// Posts a fully signed request: the expense enters the books on the
    /// day it is posted, and its receipts become public. A reversal's line
    /// carries the amount back (红字), names the line it reverses and why.
    @discardableResult
    public func post(_ request: Reimbursement, unit: Unit, actor: StaffActor, at now: Date) async throws -> Int {
        guard actor.permissions.contains(.keepAccounts) else { throw FinanceError.notAllowed("过账") }
        guard request.status == .signed, request.sheet.isComplete else { throw FinanceError.wrongState(request.status, "过账") }
        let closed = try await closedPeriods(unitID: unit.id)
        let kind = database.kind
        return try await database.transaction { sql in
            let current = try await Self.current(request, on: sql)
            guard current.status == .signed, current.sheet.isComplete else { throw FinanceError.wrongState(current.status, "过账") }
            var line = FinanceLine(
                kind: .expense, fund: current.fund, date: CalendarDate(now), amount: current.amount, category: current.category,
                summary: current.summary, counterparty: current.payee, handler: current.handlerName)
            if let corrected = current.correction?.lineID {
                guard let original = try await FinanceRepository.entry(id: corrected, on: sql) else {
                    throw FinanceError.wrongState(current.status, "过账：被更正的那笔账已不存在")
                }
                if current.correction?.reversing != nil {
                    // The reversal mirrors the line it reverses, whatever its kind, with the amount carried back.
                    guard original.reversedBy == nil else { throw FinanceError.alreadyCorrected(original.id) }
                    line = FinanceLine(
                        kind: original.line.kind, fund: original.line.fund, date: CalendarDate(now),
                        amount: Fen(-original.line.amount.value), category: original.line.category, summary: current.summary,
                        counterparty: original.line.counterparty, handler: current.handlerName)
                } else {
                    // The replacement is of the wrong line's kind, and comes after its reversal.
                    guard original.reversedBy != nil else { throw FinanceError.reversalFirst(original.id) }
                    line.kind = original.line.kind
                }
            }
            try await check(line, unitID: unit.id, closed: closed, on: sql)
            try await Self.move(current, from: .signed, to: .posted, at: now, on: sql) { $0.set("posted_by", to: SQLBind(actor.name)) }
            let id = try await FinanceRepository.insert(
                line, unitID: unit.id, reimbursementID: current.id, source: "reimbursement", correcting: current.correction, by: actor.id,
                at: now, on: sql)
            let detail =
                current.correction?.reversing.map { "过账：冲销第 \($0) 号（\(line.amount.yuan)），记入第 \(id) 号" }
                ?? "过账：支出 \(current.amount.yuan)，记入\(current.fund.chinese)第 \(id) 号"
            try await PublicChange(
                FinanceLineRecord.self, id: id,
                audit: entry(
                    actor, "reimbursement.post", unit: unit, object: ("reimbursement", current.id), subject: current.summary, detail: detail
                )
            ).apply(at: now, database: kind, on: sql)
            return id
        }
    }

    /// The request as it stands in the transaction, locked for the rest of it.
    private static func current(_ request: Reimbursement, on sql: any SQLDatabase) async throws -> Reimbursement {
        guard let current = try await FinanceRepository.lockedForStep(id: request.id, on: sql) else {
            throw FinanceError.wrongState(request.status, "继续，它已不存在")
        }
        return current
    }

    // MARK: Signature chains

    /// Sets the chain of a unit (and, for the office, of every community
    /// without its own). Requests already filed keep their signers.
    public func setChain(_ chain: SignatureChain, unit: Unit, actor: StaffActor, at now: Date) async throws {
        guard actor.permissions.contains(.manageSignatureChains) else { throw FinanceError.notAllowed("设置签字流程") }
        let chain = try chain.validated()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let text = String(decoding: try encoder.encode(chain), as: UTF8.self)
        let kind = database.kind
        try await database.transaction { sql in
            try await sql.delete(from: "signature_chains").where("unit_id", .equal, SQLBind(unit.id)).run()
            try await sql.insert(into: "signature_chains").columns("unit_id", "chain", "updated_by", "updated_at")
                .values(SQLBind(unit.id), SQLBind(text), SQLBind(actor.id), SQLBind(now.unixSeconds)).run()
            try await PublicChange(
                SignatureChainRecord.self, id: unit.id,
                audit: entry(actor, "finance.chain", unit: unit, object: nil, subject: "报账签字流程", detail: chain.chinese)
            ).apply(at: now, database: kind, on: sql)
        }
    }

    // MARK: Helpers

    /// Periods whose 办公经费 statement is public: their books are closed.
    func closedPeriods(unitID: Int) async throws -> [Period] {
        let rows = try await database.sql.select().column(SQLColumn("period", table: "disclosures")).from("disclosures")
            .join("catalog_items", on: SQLColumn("catalog_item_id", table: "disclosures"), .equal, SQLColumn("id", table: "catalog_items"))
            .where(SQLColumn("unit_id", table: "disclosures"), .equal, SQLBind(unitID))
            .where(SQLColumn("code", table: "catalog_items"), .equal, SQLBind(StatementGenerator.itemCode))
            .where(SQLColumn("published_version", table: "disclosures"), .greaterThan, SQLBind(0))
            .where(SQLColumn("withdrawn_at", table: "disclosures"), .is, SQLLiteral.null)
            .all()
        return try rows.compactMap { try $0.decode(column: "period", as: String?.self).flatMap(Period.init) }
    }

    private func check(_ line: FinanceLine, unitID: Int, closed: [Period], on sql: any SQLDatabase) async throws {
        if line.fund == .office, let period = closed.first(where: { $0.contains(line.date) }) {
            throw FinanceError.periodClosed(period.chinese)
        }
        if line.kind == .opening, try await FinanceRepository.hasEntries(unitID: unitID, fund: line.fund, on: sql) {
            throw FinanceError.openingNotFirst(line.fund.chinese)
        }
    }

    func lineage(_ unit: Unit) async throws -> [Int] {
        try await units.lineage(of: unit.id).map(\.id)
    }

    func store(_ uploads: [Upload], at now: Date) async throws -> [AttachmentRef] {
        let prepared: [PreparedUpload]
        do {
            prepared = try await DisclosureWorkflow.prepare(uploads)
        } catch let error as ValidationFailure {
            // Same checks as any attachment, said about receipts.
            throw ValidationFailure(
                error.issues.map { .init(field: "receipts", message: "原始单据：" + $0.message, englishMessage: $0.englishMessage) })
        }
        var stored: [AttachmentRef] = []
        for upload in prepared {
            stored.append(try await files.save(upload.bytes, name: upload.name, kind: upload.kind, at: now))
        }
        return stored
    }

    static func insertRequest(
        _ line: FinanceLine, status: ReimbursementStatus, unitID: Int, handlerID: Int?, slots: [SignatureChain.Signer], ordered: Bool,
        createdBy: Int, at now: Date, on sql: any SQLDatabase
    ) async throws -> Int {
        let row = try await sql.insert(into: "reimbursements")
            .columns(
                "unit_id", "status", "fund", "spent_on", "amount_fen", "category", "summary", "payee", "handler_id", "handler_name",
                "slots",
                "ordered", "created_by", "created_at", "updated_at"
            )
            .values(
                SQLBind(unitID), SQLBind(status.rawValue), SQLBind(line.fund.rawValue), SQLBind(line.date.description),
                SQLBind(line.amount.value), SQLBind(line.category), SQLBind(line.summary), SQLBind(line.counterparty), SQLBind(handlerID),
                SQLBind(line.handler), SQLBind(ReimbursementRow.encodeSlots(slots)), SQLBind(ordered), SQLBind(createdBy),
                SQLBind(now.unixSeconds), SQLBind(now.unixSeconds)
            )
            .returning("id")
            .first()
        return try row!.decode(column: "id", as: Int.self)
    }

    static func addReceipts(_ receipts: [AttachmentRef], to id: Int, on sql: any SQLDatabase) async throws {
        let start =
            try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "count").from("reimbursement_receipts")
            .where("reimbursement_id", .equal, SQLBind(id)).first()?.decode(column: "count", as: Int.self) ?? 0
        for (offset, receipt) in receipts.enumerated() {
            try await sql.insert(into: "reimbursement_receipts").columns("reimbursement_id", "position", "sha256", "name")
                .values(SQLBind(id), SQLBind(start + offset), SQLBind(receipt.sha256), SQLBind(receipt.name)).run()
        }
    }

    static func sign(
        _ id: Int, slot: Int, signer: SignatureChain.Signer, actor: StaffActor, at now: Date, on sql: any SQLDatabase
    ) async throws {
        try await sql.insert(into: "reimbursement_signatures")
            .columns("reimbursement_id", "slot", "signer", "user_id", "user_name", "signed_at")
            .values(
                SQLBind(id), SQLBind(slot), SQLBind(signer.description), SQLBind(actor.id), SQLBind(actor.name), SQLBind(now.unixSeconds)
            )
            .run()
    }

    /// Moves a request between states, refusing if someone moved it first.
    private static func move(
        _ request: Reimbursement, from: ReimbursementStatus, to: ReimbursementStatus, at now: Date, on sql: any SQLDatabase,
        _ changes: (SQLUpdateBuilder) -> SQLUpdateBuilder
    ) async throws {
        let update = sql.update("reimbursements").set("status", to: SQLBind(to.rawValue)).set("updated_at", to: SQLBind(now.unixSeconds))
            .where("id", .equal, SQLBind(request.id)).where("status", .equal, SQLBind(from.rawValue))
        guard try await changes(update).returning("id").all().count == 1 else {
            throw FinanceError.wrongState(request.status, "继续，它刚被别人处理过，请刷新页面")
        }
    }

    func entry(
        _ actor: StaffActor, _ action: String, unit: Unit, object: (String, Int)?, subject: String, detail: String
    ) -> AuditLog.Entry {
        AuditLog.Entry(
            actorID: actor.id, actorName: actor.name, action: action, unitID: unit.id, subject: subject, detail: detail,
            address: actor.address, object: object)
    }
}

/// Rows an import found wrong against the books, inside the transaction.
struct LedgerImportFailure: Error {
    var problems: [LedgerCSV.RowProblem]
}
