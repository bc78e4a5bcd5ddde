/// The login form, empty or with what went wrong.
struct LoginPage: Sendable {
    var frame: Frame
    var action: String
    var username: String
    var next: String
    var error: String?
    var notice: String?
}
