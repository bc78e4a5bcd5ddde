/// Failures that belong to no single capability.
public enum CommonError: SunboardError, Equatable {
    case notFound
    case forbidden
    case unauthenticated
    case csrfMismatch
    case unreadableForm

    public var code: String {
        switch self {
        case .notFound: "not_found"
        case .forbidden: "forbidden"
        case .unauthenticated: "unauthenticated"
        case .csrfMismatch: "csrf_mismatch"
        case .unreadableForm: "unreadable_form"
        }
    }

    public var message: String {
        switch self {
        case .notFound: "您要找的页面不存在，可能已被移走或地址有误。"
        case .forbidden: "您没有权限查看或修改这里的内容。"
        case .unauthenticated: "请先登录。"
        case .csrfMismatch: "表单已过期，请返回上一页刷新后重新提交。"
        case .unreadableForm: "提交的内容无法识别，请返回上一页重新填写。"
        }
    }

    public var englishMessage: String {
        switch self {
        case .notFound: "Not found."
        case .forbidden: "You are not allowed to do this."
        case .unauthenticated: "Please log in."
        case .csrfMismatch: "The form has expired; reload the page and submit again."
        case .unreadableForm: "The submitted form could not be read."
        }
    }

    public var kind: ErrorKind {
        switch self {
        case .notFound: .notFound
        case .forbidden: .forbidden
        case .unauthenticated: .unauthenticated
        case .csrfMismatch: .forbidden
        case .unreadableForm: .invalidInput
        }
    }
}
