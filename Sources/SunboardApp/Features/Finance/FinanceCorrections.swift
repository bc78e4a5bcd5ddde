import Foundation
import SQLKit
import SunboardCore

/// A wrong line is corrected the way an accountant does it: never edited,
/// but reversed by a line carrying its amount back (红字冲销) and, unless it
/// should simply not have been there, replaced by a line saying what it
/// should have been. Each is a request signed through the chain like any
/// expense and posted by the 报账员; each names the line it corrects and
/// why, and residents see all three linked.
extension FinanceWorkflow {
    /// What a correction asked for: the reversal and, if any, the replacement.
    public struct CorrectionRequests: Sendable {
        public var reversal: Int
        public var replacement: Int?
    }

    public static let maxReasonLength = 500

    /// Files the reversal of line `entryID` and, with `replacement`, the
    /// line that replaces it — with new receipts, or the wrong line's own
    /// when none are given. The requester signs both as their 经办人.
    public func requestCorrection(
        of entryID: Int, reason: String, replacement: ReimbursementInput?, uploads: [Upload], unit: Unit, actor: StaffActor, at now: Date
    ) async throws -> CorrectionRequests {
        guard actor.permissions.contains(.keepAccounts) else { throw FinanceError.notAllowed("申请冲销更正") }
        guard let original = try await finance.entry(id: entryID), original.unitID == unit.id else { throw CommonError.notFound }
        let reason = reason.trimmed
        var issues: [ValidationFailure.Issue] = []
        if reason.isEmpty || reason.count > Self.maxReasonLength {
            issues.append(
                .init(
                    field: "reason", message: "请写明冲销的原因（\(Self.maxReasonLength) 字以内），例如“金额录错，应为 408 元”。居民会看到这个原因。",
                    englishMessage: "reason is required (up to \(Self.maxReasonLength) characters)."))
        }
        var line: FinanceLine?
        do throws(ValidationFailure) {
            line = try replacement?.validated(handler: actor.name, today: CalendarDate(now), kind: original.line.kind)
        } catch {
            issues += error.issues
        }
        try ValidationFailure.check(issues)
        let replacementLine = line
        if let corrected = original.correction?.lineID { throw FinanceError.correctsACorrection(corrected) }
        let receipts: [AttachmentRef] =
            uploads.isEmpty
            ? original.receipts.map { AttachmentRef(sha256: $0.sha256, name: $0.name, kind: $0.kind, size: 0) }
            : try await store(uploads, at: now)
        let chain = try await finance.chain(lineage: try await lineage(unit)).chain
        let reversal = FinanceLine(
            kind: .expense, fund: original.line.fund, date: CalendarDate(now), amount: original.line.amount,
            category: original.line.category,
            summary: "冲销第 \(original.id) 笔（\(original.line.summary)）", counterparty: original.line.counterparty, handler: actor.name)
        return try await database.transaction { sql in
            // Decided on the rows as they stand, the wrong line locked: two clerks asking at once make one reversal.
            _ = try await sql.select().column("id").from("finance_entries").where("id", .equal, SQLBind(original.id)).for(.update).first()
            let open = try await sql.select().column("id").from("reimbursements").where("reverses_id", .equal, SQLBind(original.id))
                .where("status", .notEqual, SQLBind(ReimbursementStatus.rejected.rawValue)).first()
            let posted = try await sql.select().column("id").from("finance_entries").where("reverses_id", .equal, SQLBind(original.id))
                .first()
            guard open == nil, posted == nil else { throw FinanceError.alreadyCorrected(original.id) }
            let slots = chain.signers(for: original.line.amount)
            let reversalID = try await file(
                reversal, slots: slots, ordered: chain.ordered, correcting: FinanceCorrection(reversing: original.id, reason: reason),
                receipts: [], unit: unit, actor: actor, at: now, on: sql)
            var replacementID: Int?
            if let line = replacementLine {
                replacementID = try await file(
                    line, slots: chain.signers(for: line.amount), ordered: chain.ordered,
                    correcting: FinanceCorrection(replacing: original.id, reason: reason), receipts: receipts, unit: unit, actor: actor,
                    at: now, on: sql)
            }
            return CorrectionRequests(reversal: reversalID, replacement: replacementID)
        }
    }

    /// One correcting request, signed by its 经办人, with its audit entry.
    private func file(
        _ line: FinanceLine, slots: [SignatureChain.Signer], ordered: Bool, correcting: FinanceCorrection, receipts: [AttachmentRef],
        unit: Unit, actor: StaffActor, at now: Date, on sql: any SQLDatabase
    ) async throws -> Int {
        let id = try await Self.insertRequest(
            line, status: .signing, unitID: unit.id, handlerID: actor.id, slots: slots, ordered: ordered, createdBy: actor.id, at: now,
            on: sql)
        try await sql.update("reimbursements").set("reverses_id", to: SQLBind(correcting.reversing))
            .set("replaces_id", to: SQLBind(correcting.replacing)).set("reason", to: SQLBind(correcting.reason))
            .where("id", .equal, SQLBind(id)).run()
        try await Self.addReceipts(receipts, to: id, on: sql)
        if let slot = slots.firstIndex(of: .handler) {
            try await Self.sign(id, slot: slot, signer: .handler, actor: actor, at: now, on: sql)
        }
        try await audit.record(
            entry(
                actor, "reimbursement.correct", unit: unit, object: ("reimbursement", id), subject: line.summary,
                detail: "申请\(correcting.chinese)（\(line.amount.yuan)）：\(correcting.reason)"),
            at: now, on: sql)
        return id
    }
}
