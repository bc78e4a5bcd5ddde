/// What can go wrong with a disclosure, said so a clerk knows what to do.
public enum DisclosureError: SunboardError, Equatable {
    case notAllowed(DisclosureAction)
    case wrongState(DisclosureAction, DisclosureStatus)
    case ownSubmission
    case commentRequired
    case reasonRequired(DisclosureAction)
    /// Labels of everything missing, in the order of the form.
    case incomplete([String])
    /// Labels of personal fields written into the title or text as well.
    case personalDetailsExposed([String])
    case unknownItem(String)
    case itemInactive(String)

    public var code: String {
        switch self {
        case .notAllowed: "action_not_allowed"
        case .wrongState: "wrong_state"
        case .ownSubmission: "own_submission"
        case .commentRequired: "comment_required"
        case .reasonRequired: "reason_required"
        case .incomplete: "incomplete"
        case .personalDetailsExposed: "personal_details_exposed"
        case .unknownItem: "unknown_item"
        case .itemInactive: "item_inactive"
        }
    }

    public var message: String {
        switch self {
        case .notAllowed(let action): "您的角色不能“\(action.chinese)”这条公开内容。"
        case .wrongState(let action, let status): "这条公开内容现在是“\(status.chinese)”，不能“\(action.chinese)”。"
        case .ownSubmission: "不能审核自己起草、修改或提交的内容，请由另一位监委会成员审核。"
        case .commentRequired: "退回时请写明需要修改什么。"
        case .reasonRequired(let action): "“\(action.chinese)”需要写明理由，理由会向居民公开。"
        case .incomplete(let labels): "还缺少：\(labels.joined(separator: "、"))。补齐后才能发布。"
        case .personalDetailsExposed(let labels):
            "标题或正文里写了“\(labels.joined(separator: "、"))”的内容。这些个人信息只能填在对应的栏目里，公示期满后才能自动隐藏，请从标题和正文中删去后再发布。"
        case .unknownItem(let code): "公开目录里没有“\(code)”这一项。"
        case .itemInactive(let title): "“\(title)”已停用，不能再新建这一项的公开内容。"
        }
    }

    public var englishMessage: String {
        switch self {
        case .notAllowed(let action): "Your role may not \(action.rawValue) this disclosure."
        case .wrongState(let action, let status): "A disclosure that is \(status.rawValue) cannot be \(action.rawValue)."
        case .ownSubmission: "You cannot review your own submission."
        case .commentRequired: "A comment is required to return a draft."
        case .reasonRequired(let action): "A public reason is required to \(action.rawValue)."
        case .incomplete(let labels): "Missing before publication: \(labels.joined(separator: ", "))."
        case .personalDetailsExposed(let labels): "Personal details (\(labels.joined(separator: ", "))) appear in the title or text."
        case .unknownItem(let code): "No catalog item \(code)."
        case .itemInactive(let title): "Catalog item \(title) is no longer in use."
        }
    }

    public var kind: ErrorKind {
        switch self {
        case .notAllowed, .ownSubmission: .forbidden
        case .wrongState: .conflict
        case .commentRequired, .reasonRequired, .incomplete, .personalDetailsExposed, .itemInactive: .invalidInput
        case .unknownItem: .notFound
        }
    }
}
