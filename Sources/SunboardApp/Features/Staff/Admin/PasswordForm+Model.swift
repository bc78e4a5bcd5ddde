/// The form to change one's own password.
struct PasswordForm: Sendable {
    var frame: Frame
    var action: String
    var minimumPassword: Int
    var errorSummary: String?
    var currentError: String?
    var newError: String?
    var confirmError: String?
    var saved: Bool
}
