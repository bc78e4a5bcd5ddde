import SunboardCore

/// What can go wrong with accounts and logins.
public enum PeopleError: SunboardError, Equatable {
    case wrongCredentials
    case usernameTaken(String)
    case unknownUser(String)
    case wrongCurrentPassword
    case passwordsDiffer

    public var code: String {
        switch self {
        case .wrongCredentials: "wrong_credentials"
        case .usernameTaken: "username_taken"
        case .unknownUser: "unknown_user"
        case .wrongCurrentPassword: "wrong_current_password"
        case .passwordsDiffer: "passwords_differ"
        }
    }

    public var message: String {
        switch self {
        case .wrongCredentials: "登录名或密码不对，请重新输入。"
        case .usernameTaken(let name): "登录名“\(name)”已有人使用，请换一个。"
        case .unknownUser(let name): "没有登录名为“\(name)”的用户。"
        case .wrongCurrentPassword: "当前密码不对。"
        case .passwordsDiffer: "两次输入的新密码不一样。"
        }
    }

    public var englishMessage: String {
        switch self {
        case .wrongCredentials: "Wrong username or password."
        case .usernameTaken(let name): "The username \(name) is taken."
        case .unknownUser(let name): "No user named \(name)."
        case .wrongCurrentPassword: "The current password is wrong."
        case .passwordsDiffer: "The two new passwords differ."
        }
    }

    public var kind: ErrorKind {
        switch self {
        case .wrongCredentials, .wrongCurrentPassword: .unauthenticated
        case .usernameTaken: .conflict
        case .unknownUser: .notFound
        case .passwordsDiffer: .invalidInput
        }
    }
}
