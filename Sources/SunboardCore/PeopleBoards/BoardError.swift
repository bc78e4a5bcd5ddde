/// A people-board step that cannot be taken as asked.
public enum BoardError: SunboardError, Equatable {
    case notAllowed(String)
    case wrongState(CardStatus, String)
    /// The applicant is related to committee staff: the office decides.
    case separateHandling
    case noticeNotStarted
    case noticeRunning(ends: String)
    case reasonRequired
    case alreadyReviewed(Int)
    case unknownBoard(String)

    public var code: String {
        switch self {
        case .notAllowed: "action_not_allowed"
        case .wrongState: "wrong_state"
        case .separateHandling: "separate_handling"
        case .noticeNotStarted: "notice_not_published"
        case .noticeRunning: "notice_running"
        case .reasonRequired: "reason_required"
        case .alreadyReviewed: "already_reviewed"
        case .unknownBoard: "unknown_board"
        }
    }

    public var message: String {
        switch self {
        case .notAllowed(let what): "您的角色不能\(what)。"
        case .wrongState(let status, let what): "这张卡片现在是“\(status.chinese)”，不能\(what)。"
        case .separateHandling: "申请人与社区工作人员有亲属关系，须由办事处领导单独审核决定，本社区人员回避。"
        case .noticeNotStarted: "申请还没有公示。须先公示 7 天，公示期满后才能决定。"
        case .noticeRunning(let ends): "公示期到 \(ends) 结束，公示期满后才能决定。"
        case .reasonRequired: "请写明理由。"
        case .alreadyReviewed(let year): "这户 \(year) 年已经复审过了。"
        case .unknownBoard(let code): "没有“\(code)”这个公示栏。"
        }
    }

    public var englishMessage: String {
        switch self {
        case .notAllowed(let what): "your role may not do this (\(what))."
        case .wrongState(let status, _): "the card is \(status.rawValue); this step is not possible."
        case .separateHandling: "the applicant is related to committee staff; the office must decide."
        case .noticeNotStarted: "the application has not been on public notice yet."
        case .noticeRunning(let ends): "the notice period runs until \(ends)."
        case .reasonRequired: "a reason is required."
        case .alreadyReviewed(let year): "this family was already reviewed for \(year)."
        case .unknownBoard(let code): "no board named \(code)."
        }
    }

    public var kind: ErrorKind {
        switch self {
        case .notAllowed, .separateHandling: .forbidden
        case .unknownBoard: .notFound
        case .reasonRequired: .invalidInput
        default: .conflict
        }
    }
}
