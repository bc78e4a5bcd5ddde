import SunboardCore

/// An objection as a resident types it. Name and contact may stay empty:
/// residents may object anonymously.
struct ObjectionInput {
    var name: String
    var contact: String
    var text: String

    static let maxText = 2000

    func validated() throws(ValidationFailure) -> ObjectionInput {
        var issues: [ValidationFailure.Issue] = []
        let text = self.text.trimmed
        if text.count < 5 {
            issues.append(.init(field: "text", message: "请写下您的意见（至少 5 个字）。", englishMessage: "text must be at least 5 characters."))
        } else if text.count > Self.maxText {
            issues.append(.init(field: "text", message: "意见最多 \(Self.maxText) 个字。", englishMessage: "text is too long."))
        }
        if name.trimmed.count > 40 { issues.append(.init(field: "name", message: "姓名最多 40 个字。", englishMessage: "name is too long.")) }
        if contact.trimmed.count > 100 {
            issues.append(.init(field: "contact", message: "联系方式最多 100 个字。", englishMessage: "contact is too long."))
        }
        try ValidationFailure.check(issues)
        return ObjectionInput(name: name.trimmed, contact: contact.trimmed, text: text)
    }
}
