/// Which account money belongs to. Each keeps its own balance: office funds
/// pay for daily work, a project's money only for that project, and
/// donations only for the cause they were collected for.
public enum Fund: String, Sendable, Codable, CaseIterable, Comparable {
    /// 办公经费 — the monthly allocation from the office.
    case office
    /// 专项资金 — money for one work, e.g. the 文化广场.
    case project
    /// 捐赠款 — donations collected for a cause, e.g. a disaster area.
    case donation

    public var chinese: String {
        switch self {
        case .office: "办公经费"
        case .project: "专项资金"
        case .donation: "捐赠款"
        }
    }

    /// Reads the Chinese name (as in a CSV file) or the code.
    public init?(text: String) {
        let text = text.trimmed
        guard let fund = Fund.allCases.first(where: { $0.chinese == text || $0.rawValue == text }) else { return nil }
        self = fund
    }

    public static func < (lhs: Fund, rhs: Fund) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// What a ledger line records.
public enum EntryKind: String, Sendable, Codable, CaseIterable {
    /// 期初结余 — the balance carried in when a fund starts in the system.
    case opening
    /// 收入
    case income
    /// 支出 — only ever made by posting a fully signed reimbursement.
    case expense

    public var chinese: String {
        switch self {
        case .opening: "期初结余"
        case .income: "收入"
        case .expense: "支出"
        }
    }

    public init?(text: String) {
        let text = text.trimmed
        guard let kind = EntryKind.allCases.first(where: { $0.chinese == text || $0.rawValue == text }) else { return nil }
        self = kind
    }
}
