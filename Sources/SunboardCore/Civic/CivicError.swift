/// What the civic processes refuse, in plain Chinese and English.
public enum CivicError: SunboardError, Equatable {
    case stageOutOfOrder(ElectionStage, before: ElectionStage)
    case stageDone(ElectionStage)

    public var code: String {
        switch self {
        case .stageOutOfOrder: "stage_out_of_order"
        case .stageDone: "stage_done"
        }
    }

    public var kind: ErrorKind { .conflict }

    public var message: String {
        switch self {
        case .stageOutOfOrder(let stage, let before): "还不能“\(stage.chinese)”：要先完成“\(before.chinese)”。"
        case .stageDone(let stage): "“\(stage.chinese)”已经公布过了；要改请发起更正。"
        }
    }

    public var englishMessage: String {
        switch self {
        case .stageOutOfOrder(let stage, let before): "stage \(stage.rawValue) cannot come before \(before.rawValue)."
        case .stageDone(let stage): "stage \(stage.rawValue) is already published; correct it instead."
        }
    }
}
