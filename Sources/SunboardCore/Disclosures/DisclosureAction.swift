/// A step in a disclosure's life, taken by one person.
public enum DisclosureAction: String, Sendable, CaseIterable {
    case edit
    case submit
    case approve
    case returnForChanges = "return"
    case publish
    case startCorrection = "correct"
    case withdraw

    public var chinese: String {
        switch self {
        case .edit: "修改"
        case .submit: "提交审核"
        case .approve: "审核通过"
        case .returnForChanges: "退回修改"
        case .publish: "发布"
        case .startCorrection: "更正"
        case .withdraw: "撤回"
        }
    }
}
