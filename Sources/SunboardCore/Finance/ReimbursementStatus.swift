/// Where a reimbursement (报账单) stands. Only a posted request becomes a
/// line in the books, and only a fully signed one can be posted.
public enum ReimbursementStatus: String, Sendable, Codable, CaseIterable {
    /// 待提交: made from an imported line; needs receipts and its 经办人.
    case draft
    /// 签字中: filed with receipts, collecting signatures.
    case signing
    /// 已退回: a signer refused it, with a reason. Final; a corrected
    /// request is filed anew.
    case rejected
    /// 待过账: every signature is there; the 报账员 posts it.
    case signed
    /// 已过账: in the books and on the public board.
    case posted

    public var chinese: String {
        switch self {
        case .draft: "待提交"
        case .signing: "签字中"
        case .rejected: "已退回"
        case .signed: "待过账"
        case .posted: "已过账"
        }
    }
}

/// What can go wrong with money, said so the person knows what to do.
public enum FinanceError: SunboardError, Equatable {
    case notAllowed(String)
    case wrongState(ReimbursementStatus, String)
    case receiptRequired
    case signedTwice
    case notASigner(needed: [String])
    case outOfOrder(next: String)
    case alreadyComplete
    case reasonRequired
    /// The period's statement is already public, so its books are closed.
    case periodClosed(String)
    case openingNotFirst(String)
    case noStatementField
    /// A line already reversed, or with a reversal on its way.
    case alreadyCorrected(Int)
    /// A reversal is itself corrected by correcting the line it reversed.
    case correctsACorrection(Int)
    /// A replacement waits for the reversal of the line it replaces.
    case reversalFirst(Int)

    public var code: String {
        switch self {
        case .notAllowed: "action_not_allowed"
        case .wrongState: "wrong_state"
        case .receiptRequired: "receipt_required"
        case .signedTwice: "signed_twice"
        case .notASigner: "not_a_signer"
        case .outOfOrder: "out_of_order"
        case .alreadyComplete: "signatures_complete"
        case .reasonRequired: "reason_required"
        case .periodClosed: "period_closed"
        case .openingNotFirst: "opening_not_first"
        case .noStatementField: "catalog_item_not_itemized"
        case .alreadyCorrected: "already_corrected"
        case .correctsACorrection: "corrects_a_correction"
        case .reversalFirst: "reversal_first"
        }
    }

    public var message: String {
        switch self {
        case .notAllowed(let what): "您的角色不能\(what)。"
        case .wrongState(let status, let what): "这张报账单现在是“\(status.chinese)”，不能\(what)。"
        case .receiptRequired: "请至少上传一张原始单据（发票、收据）的照片或扫描件，格式为 JPG、PNG 或 PDF。"
        case .signedTwice: "您已经在这张报账单上签过字了。每个签字须由不同的人完成，同一人不能签两次。"
        case .notASigner(let needed):
            "您在本社区不担任这张报账单还需要的签字职务。还需要：\(needed.joined(separator: "、"))。"
        case .outOfOrder(let next): "这张报账单须按顺序签字，下一位应由“\(next)”签字。"
        case .alreadyComplete: "这张报账单的签字已经齐全。"
        case .reasonRequired: "退回报账单时请写明理由。"
        case .periodClosed(let period): "\(period)的收支情况已经公开，账目已结，不能再记入这一期。请记在本期，并在摘要中说明。"
        case .openingNotFirst(let fund): "“\(fund)”已有账目，期初结余只能作为第一笔登记。"
        case .noStatementField: "公开目录中的“办公经费使用情况”没有“收支明细”栏目，请办事处管理员更新目录后再生成。"
        case .alreadyCorrected(let id): "第 \(id) 笔已经冲销过，或冲销单正在签字，不能再冲销一次。"
        case .correctsACorrection(let id): "这一笔是对第 \(id) 笔的冲销或更正。如果它也有错，请说明情况后由报账员重新登记，不能冲销冲销单。"
        case .reversalFirst(let id): "请先把冲销第 \(id) 笔的那张单子过账，再过账更正后的这一笔。"
        }
    }

    public var englishMessage: String {
        switch self {
        case .notAllowed(let what): "Your role may not do this (\(what))."
        case .wrongState(let status, _): "The request is \(status.rawValue); this step is not possible."
        case .receiptRequired: "At least one receipt scan (JPEG, PNG or PDF) is required."
        case .signedTwice: "You have already signed this request; each signature must come from a different person."
        case .notASigner(let needed): "You hold none of the roles still needed to sign: \(needed.joined(separator: ", "))."
        case .outOfOrder(let next): "Signatures are ordered; \(next) signs next."
        case .alreadyComplete: "Every signature is already there."
        case .reasonRequired: "A reason is required to reject a request."
        case .periodClosed(let period): "The statement for \(period) is published; its books are closed."
        case .openingNotFirst(let fund): "\(fund) already has lines; an opening balance must come first."
        case .noStatementField: "The office-funds catalog item has no itemized-lines field."
        case .alreadyCorrected(let id): "Line \(id) is already reversed, or its reversal is being signed."
        case .correctsACorrection(let id): "This line corrects line \(id); a correction is not itself reversed."
        case .reversalFirst(let id): "Post the reversal of line \(id) before its replacement."
        }
    }

    public var kind: ErrorKind {
        switch self {
        case .notAllowed, .signedTwice, .notASigner: .forbidden
        case .wrongState, .alreadyComplete, .outOfOrder, .periodClosed, .openingNotFirst, .alreadyCorrected, .correctsACorrection,
            .reversalFirst:
            .conflict
        case .receiptRequired, .reasonRequired, .noStatementField: .invalidInput
        }
    }
}
