import Foundation
import SunboardCore

/// A line in a community's books, with what the board shows beside it.
public struct FinanceEntry: Sendable, Hashable {
    public var id: Int
    public var unitID: Int
    public var line: FinanceLine
    /// The reimbursement an expense was posted from.
    public var reimbursementID: Int?
    /// `manual`, `import` or `reimbursement`.
    public var source: String
    public var createdAt: Date
    /// For a line that corrects another: which, how and why.
    public var correction: FinanceCorrection? = nil
    /// The later lines that correct this one, filled in by the queries
    /// that list lines: its reversal (红字冲销) and its replacement.
    public var reversedBy: Int? = nil
    public var replacedBy: Int? = nil
    /// Filled in by the queries that list lines for the public.
    public var receipts: [Receipt] = []
    public var signers: [Signed] = []

    /// A scan attached to a reimbursement.
    public struct Receipt: Sendable, Hashable {
        public var sha256: String
        public var name: String
        public var kind: AttachmentKind
    }

    /// One signature, with the role it was given in.
    public struct Signed: Sendable, Hashable {
        public var signer: SignatureChain.Signer
        public var name: String
        public var signedAt: Date
    }
}

/// How a line corrects an earlier one, which is never edited: a reversal
/// (红字冲销) carries the earlier line's amount back; a replacement says
/// what it should have been. Either names the line and gives the reason.
public struct FinanceCorrection: Sendable, Hashable {
    /// The line this one reverses.
    public var reversing: Int?
    /// The line this one replaces (after it was reversed).
    public var replacing: Int?
    public var reason: String

    public init(reversing: Int? = nil, replacing: Int? = nil, reason: String) {
        self.reversing = reversing
        self.replacing = replacing
        self.reason = reason
    }

    init?(reversing: Int?, replacing: Int?, reason: String?) {
        guard reversing != nil || replacing != nil, let reason else { return nil }
        self.init(reversing: reversing, replacing: replacing, reason: reason)
    }

    /// The line corrected.
    public var lineID: Int { reversing ?? replacing ?? 0 }

    /// “冲销第 12 笔” or “更正第 12 笔”.
    public var chinese: String { reversing != nil ? "冲销第 \(lineID) 笔" : "更正第 \(lineID) 笔" }
}

/// A reimbursement request (报账单) with its receipts and signatures.
public struct Reimbursement: Sendable {
    public var id: Int
    public var unitID: Int
    public var status: ReimbursementStatus
    public var fund: Fund
    public var spentOn: CalendarDate
    public var amount: Fen
    public var category: String
    public var summary: String
    public var payee: String
    public var handlerID: Int?
    public var handlerName: String
    public var sheet: SignatureSheet
    public var signedAt: [Int: Date]
    public var receipts: [FinanceEntry.Receipt]
    public var rejectReason: String?
    public var rejectedBy: String?
    public var postedBy: String?
    public var createdAt: Date
    public var updatedAt: Date
    /// The ledger line, once posted.
    public var entryID: Int?
    /// A request that corrects a line already in the books.
    public var correction: FinanceCorrection? = nil

    /// The signatures as the board shows them, in slot order.
    public var signed: [FinanceEntry.Signed] {
        sheet.signatures.map { .init(signer: sheet.slots[$0.slot], name: $0.name, signedAt: signedAt[$0.slot] ?? updatedAt) }
    }
}
