/// What the civic processes refuse, in plain Chinese and English.
public enum CivicError: SunboardError, Equatable {
    case stageOutOfOrder(ElectionStage, before: ElectionStage)
    case stageDone(ElectionStage)
    case published(String)
    case agendaAfterMeeting
    case decisionsBeforeMeeting
    case agendaMissing
    case noMilestones
    case notAQuarter
    case itemMissing(String)
    case beforeVote(ElectionStage, CalendarDate)
    case throughProcess(String)
    case quarterNotOver(Period)
    case inReview
    /// A public record's facts are corrected by the director who publishes.
    case correctionByDirector

    public var code: String {
        switch self {
        case .stageOutOfOrder: "stage_out_of_order"
        case .stageDone: "stage_done"
        case .published: "already_published"
        case .agendaAfterMeeting: "agenda_after_meeting"
        case .decisionsBeforeMeeting: "decisions_before_meeting"
        case .agendaMissing: "agenda_missing"
        case .noMilestones: "no_milestones"
        case .notAQuarter: "not_a_quarter"
        case .itemMissing: "item_missing"
        case .beforeVote: "before_vote"
        case .throughProcess: "through_process"
        case .quarterNotOver: "quarter_not_over"
        case .inReview: "in_review"
        case .correctionByDirector: "correction_by_director"
        }
    }

    public var kind: ErrorKind { self == .correctionByDirector ? .forbidden : .conflict }

    public var message: String {
        switch self {
        case .stageOutOfOrder(let stage, let before): "还不能“\(stage.chinese)”：要先完成“\(before.chinese)”。"
        case .stageDone(let stage): "“\(stage.chinese)”已经公布过了；要改请发起更正。"
        case .published(let what): "\(what)已经公开过了；要改请对那份公开发起更正。"
        case .agendaAfterMeeting: "会议已经开始，议程要在会前公开；会后请公开决议及表决情况。"
        case .decisionsBeforeMeeting: "会议还没有召开，开会以后才能公开决议。"
        case .agendaMissing: "这次会议的议程还没有公开，不能只公开决议。"
        case .noMilestones: "请先填写工程节点，进度按节点计算。"
        case .notAQuarter: "简报按季度编，请写成 2026-Q3 这样的季度。"
        case .itemMissing(let code): "公开目录里没有“\(code)”这一项，请联系办事处管理员。"
        case .beforeVote(let stage, let day): "“\(stage.chinese)”要到投票日（\(day.chinese)）才能公布。"
        case .throughProcess(let title): "“\(title)”要在“居务进程”页面起草，系统会按规定检查先后顺序和时间。"
        case .quarterNotOver(let period): "\(period.chinese)还没有结束，季度结束后才能汇总简报。"
        case .inReview: "这一步的草稿已经提交审核，请等审核结果；被退回后可以重新生成。"
        case .correctionByDirector: "这项记录已经公开，更正它的基本信息要由居委会主任操作，并写明原因。"
        }
    }

    public var englishMessage: String {
        switch self {
        case .stageOutOfOrder(let stage, let before): "stage \(stage.rawValue) cannot come before \(before.rawValue)."
        case .stageDone(let stage): "stage \(stage.rawValue) is already published; correct it instead."
        case .published: "this step is already published; correct it instead."
        case .agendaAfterMeeting: "the agenda must be published before the meeting starts."
        case .decisionsBeforeMeeting: "decisions can only be published after the meeting starts."
        case .agendaMissing: "the meeting's agenda has not been published."
        case .noMilestones: "a project needs milestones before an update."
        case .notAQuarter: "period must be a quarter like 2026-Q3."
        case .itemMissing(let code): "catalog item \(code) is missing."
        case .beforeVote(let stage, _): "stage \(stage.rawValue) cannot be published before the voting day."
        case .throughProcess: "this item is drafted through its civic process."
        case .quarterNotOver: "the quarter has not ended."
        case .inReview: "this step's draft is in review."
        case .correctionByDirector: "a public record's facts are corrected by the director, with a reason."
        }
    }
}
