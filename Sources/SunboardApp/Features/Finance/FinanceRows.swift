import Foundation
import SunboardCore

/// A `finance_entries` row as stored.
struct FinanceEntryRow: Codable, Sendable {
    var id: Int
    var unitId: Int
    var fund: String
    var kind: String
    var entryDate: String
    var amountFen: Int
    var category: String
    var summary: String
    var counterparty: String
    var handler: String
    var reimbursementId: Int?
    var source: String
    var reversesId: Int?
    var replacesId: Int?
    var reason: String?
    var createdAt: Int

    static let columns = [
        "id", "unit_id", "fund", "kind", "entry_date", "amount_fen", "category", "summary", "counterparty", "handler", "reimbursement_id",
        "source", "reverses_id", "replaces_id", "reason", "created_at",
    ]

    var entry: FinanceEntry {
        FinanceEntry(
            id: id, unitID: unitId,
            line: FinanceLine(
                kind: EntryKind(rawValue: kind) ?? .income, fund: Fund(rawValue: fund) ?? .office,
                date: CalendarDate(entryDate) ?? .earliest, amount: Fen(amountFen), category: category, summary: summary,
                counterparty: counterparty, handler: handler),
            reimbursementID: reimbursementId, source: source, createdAt: Date(unixSeconds: createdAt),
            correction: FinanceCorrection(reversing: reversesId, replacing: replacesId, reason: reason))
    }
}

/// A `reimbursements` row as stored.
struct ReimbursementRow: Codable, Sendable {
    var id: Int
    var unitId: Int
    var status: String
    var fund: String
    var spentOn: String
    var amountFen: Int
    var category: String
    var summary: String
    var payee: String
    var handlerId: Int?
    var handlerName: String
    var slots: String
    var ordered: Bool
    var rejectReason: String?
    var rejectedBy: String?
    var postedBy: String?
    var reversesId: Int?
    var replacesId: Int?
    var reason: String?
    var createdAt: Int
    var updatedAt: Int

    static let columns = [
        "id", "unit_id", "status", "fund", "spent_on", "amount_fen", "category", "summary", "payee", "handler_id", "handler_name",
        "slots", "ordered", "reject_reason", "rejected_by", "posted_by", "reverses_id", "replaces_id", "reason", "created_at", "updated_at",
    ]

    func reimbursement(
        signatures: [SignatureSheet.Signature], signedAt: [Int: Date], receipts: [FinanceEntry.Receipt], entryID: Int?
    ) -> Reimbursement {
        let slots = (try? JSONDecoder().decode([SignatureChain.Signer].self, from: Data(self.slots.utf8))) ?? []
        return Reimbursement(
            id: id, unitID: unitId, status: ReimbursementStatus(rawValue: status) ?? .draft, fund: Fund(rawValue: fund) ?? .office,
            spentOn: CalendarDate(spentOn) ?? .earliest, amount: Fen(amountFen), category: category, summary: summary, payee: payee,
            handlerID: handlerId, handlerName: handlerName, sheet: SignatureSheet(slots: slots, ordered: ordered, signatures: signatures),
            signedAt: signedAt, receipts: receipts, rejectReason: rejectReason, rejectedBy: rejectedBy, postedBy: postedBy,
            createdAt: Date(unixSeconds: createdAt), updatedAt: Date(unixSeconds: updatedAt), entryID: entryID,
            correction: FinanceCorrection(reversing: reversesId, replacing: replacesId, reason: reason))
    }

    static func encodeSlots(_ slots: [SignatureChain.Signer]) -> String {
        String(decoding: (try? JSONEncoder().encode(slots)) ?? Data("[]".utf8), as: UTF8.self)
    }
}
