/// Where a card is in its life. 低保 cards start as applications; the other
/// boards take people straight onto the roster.
public enum CardStatus: String, Sendable, Codable, CaseIterable {
    /// Applied; noticed for 7 days, then decided (低保 only).
    case applicant
    /// On the roster, shown on the public board.
    case onRoster = "on_roster"
    /// The application was turned down.
    case rejected
    /// Taken off the roster (停止享受, moved away, …).
    case removed

    public var chinese: String {
        switch self {
        case .applicant: "申请中"
        case .onRoster: "在册"
        case .rejected: "未批准"
        case .removed: "已停止"
        }
    }
}

/// One step in a card's history. The public board lists the steps that
/// change the roster (added, adjusted, removed) per period.
public enum CardEventKind: String, Sendable, Codable, CaseIterable {
    case applied
    case noticeStarted = "notice_started"
    case approved
    case rejected
    case added
    case imported
    case reviewed
    case adjusted
    case removed
    case edited

    public var chinese: String {
        switch self {
        case .applied: "提出申请"
        case .noticeStarted: "提交公示"
        case .approved: "批准，列入名册"
        case .rejected: "不予批准"
        case .added: "列入名册"
        case .imported: "由名册文件导入"
        case .reviewed: "年度复审：继续享受"
        case .adjusted: "调整保障金"
        case .removed: "停止，移出名册"
        case .edited: "修改信息"
        }
    }

    /// The change to the roster the public board lists, or `nil` when the
    /// step is not one. An import brings over a roster that already existed,
    /// so it is no news.
    public var rosterChange: RosterChangeKind? {
        switch self {
        case .approved, .added: .added
        case .adjusted: .adjusted
        case .removed: .removed
        default: nil
        }
    }
}

/// A change to a roster as the public board and the API name it.
public enum RosterChangeKind: String, Sendable, CaseIterable {
    case added
    case adjusted
    case removed
    /// An existing roster brought over once, by the office, when the community started using the system.
    case imported

    public var chinese: String {
        switch self {
        case .added: "新增"
        case .adjusted: "调整"
        case .removed: "停止"
        case .imported: "迁入既有名单"
        }
    }
}

/// The outcome of a yearly review (复审) of a 低保 family.
public enum ReviewOutcome: String, Sendable, CaseIterable {
    case continued
    case adjusted
    case cancelled

    public var chinese: String {
        switch self {
        case .continued: "继续享受"
        case .adjusted: "调整保障金"
        case .cancelled: "停止享受"
        }
    }
}
