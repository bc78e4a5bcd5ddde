/// Rules for user names, display names and passwords.
public enum Credentials {
    public static let passwordMinimumLength = 8
    /// bcrypt reads only the first 72 bytes of a password; a longer one
    /// would be accepted with its tail ignored, so it is refused instead.
    public static let passwordMaximumBytes = 72

    /// 3–32 characters: lowercase ASCII letters, digits, `.`, `_` and `-`,
    /// starting with a letter or digit. Typed on a phone without switching
    /// input method, and the same in every log line.
    public static func usernameIssue(_ username: String) -> ValidationFailure.Issue? {
        let bytes = Array(username.utf8)
        let allowed: (UInt8) -> Bool = {
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0)
                || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-")
        }
        let valid =
            (3...32).contains(bytes.count) && bytes.allSatisfy(allowed)
            && bytes.first.map { $0 != UInt8(ascii: ".") && $0 != UInt8(ascii: "_") && $0 != UInt8(ascii: "-") } == true
        if valid { return nil }
        return .init(
            field: "username",
            message: "登录名需 3 到 32 位，只能用小写英文字母、数字和 . _ -，并以字母或数字开头。",
            englishMessage: "username must be 3–32 lowercase letters, digits, '.', '_' or '-'."
        )
    }

    public static func displayNameIssue(_ name: String) -> ValidationFailure.Issue? {
        let trimmed = name.trimmed
        if !trimmed.isEmpty && trimmed.count <= 40 { return nil }
        return .init(
            field: "display_name",
            message: "请填写姓名（最多 40 个字）。",
            englishMessage: "display_name is required (at most 40 characters)."
        )
    }

    /// Length is what makes a password strong; no composition rules that
    /// push people to write it on the wall.
    public static func passwordIssue(_ password: String, field: String = "password") -> ValidationFailure.Issue? {
        if password.count < passwordMinimumLength {
            return .init(
                field: field,
                message: "密码至少要 \(passwordMinimumLength) 位。",
                englishMessage: "password must be at least \(passwordMinimumLength) characters."
            )
        }
        if password.utf8.count > passwordMaximumBytes || password.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            return .init(
                field: field,
                message: "密码太长了：英文字母、数字最多 \(passwordMaximumBytes) 个，汉字最多 \(passwordMaximumBytes / 3) 个。",
                englishMessage: "password must be at most \(passwordMaximumBytes) bytes without control characters."
            )
        }
        return nil
    }
}
