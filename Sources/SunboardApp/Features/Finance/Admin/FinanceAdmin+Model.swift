import Foundation
import SunboardCore

/// A request as a row in the admin lists.
struct ReimbursementListRow: Sendable {
    var url: String
    var summary: String
    var amount: String
    var status: String
    var statusCode: String
    var handler: String
    var progress: String
    var date: String
    var mine: Bool

    init(_ request: Reimbursement, unit: Unit, canSign: Bool) {
        url = SiteURL.finance(.reimbursement(unit.slug, request.id)).path
        summary = request.summary
        amount = request.amount.yuan
        status = request.status.chinese
        statusCode = request.status.rawValue
        handler = request.handlerName
        progress = "已签 \(request.sheet.signatures.count)/\(request.sheet.slots.count)"
        date = request.spentOn.chinese
        mine = canSign
    }
}

/// `/admin/units/{slug}/finance`: requests by state and the book-keeping tools.
struct FinanceAdminPage: Sendable {
    struct Group: Sendable {
        var title: String
        var rows: [ReimbursementListRow]
    }

    var frame: Frame
    var unitName: String
    var chain: String
    var chainURL: String
    var toSign: [ReimbursementListRow]
    var hasToSign: Bool
    var groups: [Group]
    var canFile: Bool
    var canKeepAccounts: Bool
    var canDraft: Bool
    var newURL: String
    var incomeURL: String
    var importURL: String
    var statementsURL: String
    var publicURL: String
    var lastMonth: String
    var notice: String?
    var error: String?
    /// The latest lines in the books, each with the way to correct it.
    var recent: [RecentLine]
    var hasRecent: Bool
}

/// A line in the books on the staff's finance page.
struct RecentLine: Sendable {
    var line: FinanceBoard.Line
    var correctURL: String?
}

/// The form a 经办人 fills in, with receipts.
struct ReimbursementForm: Sendable {
    var frame: Frame
    var action: String
    var cancelURL: String
    var funds: [SelectOption]
    var categories: [SelectOption]
    var input: ReimbursementInput
    var chain: String
    var failure: String?
    var errors: [String: String]

    init(frame: Frame, action: String, cancelURL: String, input: ReimbursementInput, chain: SignatureChain, failure: (any SunboardError)?) {
        self.frame = frame
        self.action = action
        self.cancelURL = cancelURL
        self.funds = Fund.allCases.map { SelectOption(value: $0.rawValue, label: $0.chinese, selected: $0.rawValue == input.fund) }
        self.categories = FinanceCategory.expense.map { SelectOption(value: $0, label: $0, selected: $0 == input.category) }
        self.input = input
        self.chain = chain.chinese
        self.failure = failure?.message
        self.errors = fieldErrors(failure)
    }
}

/// One request: its details, receipts, signatures and the steps the person may take.
struct ReimbursementPage: Sendable {
    struct Slot: Sendable {
        var role: String
        var name: String
        var at: String
        var signed: Bool
    }

    struct Receipt: Sendable {
        var name: String
        var url: String
        var isImage: Bool
    }

    struct Event: Sendable {
        var at: String
        var who: String
        var detail: String
    }

    var frame: Frame
    var summary: String
    var amount: String
    var status: String
    var statusCode: String
    var fund: String
    var category: String
    var spentOn: String
    var payee: String
    var handler: String
    var ordered: Bool
    var slots: [Slot]
    var receipts: [Receipt]
    var hasReceipts: Bool
    var rejectReason: String?
    var rejectedBy: String?
    var postedBy: String?
    var entryURL: String?
    var history: [Event]
    var canSign: Bool
    var signAs: String?
    var canReject: Bool
    var canPost: Bool
    var canFileDraft: Bool
    var signURL: String
    var rejectURL: String
    var postURL: String
    var fileURL: String
    var notice: String?
    var error: String?
    /// A correcting request's “冲销第 12 笔” and reason, which its signers read.
    var correction: String?
    var correctionReason: String?
    var correctsURL: String?
    /// Correcting the posted line, for the 报账员.
    var correctURL: String?
}

/// Recording income or an opening balance.
struct IncomeForm: Sendable {
    var frame: Frame
    var action: String
    var cancelURL: String
    var kinds: [SelectOption]
    var funds: [SelectOption]
    var categories: [SelectOption]
    var input: FinanceLineInput
    var failure: String?
    var errors: [String: String]
}

/// Uploading a CSV and the line-by-line report of what was wrong.
struct ImportPage: Sendable {
    struct Problem: Sendable {
        var line: Int
        var messages: String
    }

    var frame: Frame
    var action: String
    var cancelURL: String
    var columns: String
    var templateURL: String
    var fileProblem: String?
    var problems: [Problem]
    var hasProblems: Bool
    var encoding: String?
    var imported: String?
}

/// The unit's signature chain, and for the office the form to change it.
struct ChainPage: Sendable {
    struct Row: Sendable {
        var role: String
        var name: String
        var never: Bool
        var always: Bool
        var above: Bool
        var threshold: String
    }

    var frame: Frame
    var current: String
    var inherited: Bool
    var canEdit: Bool
    var action: String
    var rows: [Row]
    var ordered: Bool
    var failure: String?
    var notice: String?
}
