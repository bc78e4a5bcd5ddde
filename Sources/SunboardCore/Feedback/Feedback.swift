/// What a resident sends the committee: a suggestion, a complaint, or an
/// objection to a notice during its notice period.
public enum FeedbackKind: String, Sendable, CaseIterable, Codable {
    case suggestion
    case complaint
    case objection

    public var chinese: String {
        switch self {
        case .suggestion: "建议"
        case .complaint: "投诉"
        case .objection: "异议"
        }
    }
}

/// The promise made to residents: a reply within 10 days, counted in
/// Shanghai calendar days from the day it was sent.
public enum ReplyDeadline {
    public static let days = 10

    public static func due(sentOn day: CalendarDate) -> CalendarDate { day.adding(days: days) }
}

/// How fast a community answers, as its public record shows it.
public struct ResponseTimes: Sendable, Equatable {
    /// One message: the day it came and the day it was answered, if it was.
    public struct Message: Sendable {
        public var sent: CalendarDate
        public var replied: CalendarDate?

        public init(sent: CalendarDate, replied: CalendarDate?) {
            self.sent = sent
            self.replied = replied
        }
    }

    public let received: Int
    public let replied: Int
    /// Replied within the deadline.
    public let onTime: Int
    /// Not replied and past the deadline today.
    public let overdue: Int
    /// Mean days from sending to reply, one decimal, over replied messages.
    public let averageDays: Double?

    public init(_ messages: [Message], today: CalendarDate) {
        received = messages.count
        let answered = messages.compactMap { message in message.replied.map { message.sent.days(until: $0) } }
        replied = answered.count
        onTime = answered.filter { $0 <= ReplyDeadline.days }.count
        overdue = messages.filter { $0.replied == nil && today > ReplyDeadline.due(sentOn: $0.sent) }.count
        averageDays = answered.isEmpty ? nil : (Double(answered.reduce(0, +)) / Double(answered.count) * 10).rounded() / 10
    }

    /// “按时答复 8/9 条，平均 3.2 天”
    public var chinese: String {
        guard received > 0 else { return "还没有收到居民意见。" }
        var text = "收到 \(received) 条，已答复 \(replied) 条，其中按时（\(ReplyDeadline.days) 天内）\(onTime) 条"
        if let averageDays { text += "，平均 \(averageDays) 天答复" }
        if overdue > 0 { text += "；逾期未答复 \(overdue) 条" }
        return text + "。"
    }
}

/// A suggestion or complaint as typed: the text is required, the rest may
/// stay empty (anonymous is welcome).
public struct FeedbackInput: Sendable, Equatable {
    public var kind: String
    public var text: String
    public var name: String
    public var contact: String

    public init(kind: String = "suggestion", text: String = "", name: String = "", contact: String = "") {
        self.kind = kind
        self.text = text
        self.name = name
        self.contact = contact
    }

    public static let maxText = 2000

    public func validated() throws(ValidationFailure) -> (kind: FeedbackKind, text: String, name: String, contact: String) {
        var issues: [ValidationFailure.Issue] = []
        let kind = FeedbackKind(rawValue: kind).flatMap { $0 == .objection ? nil : $0 }
        if kind == nil {
            issues.append(.init(field: "kind", message: "请选择“建议”或“投诉”。", englishMessage: "kind must be suggestion or complaint."))
        }
        let text = self.text.trimmed
        if text.count < 5 {
            issues.append(.init(field: "text", message: "请写下您的意见（至少 5 个字）。", englishMessage: "text must be at least 5 characters."))
        } else if text.count > Self.maxText {
            issues.append(
                .init(
                    field: "text", message: "意见最多 \(Self.maxText) 个字，现在有 \(text.count) 个字，请精简后再提交。",
                    englishMessage: "text is longer than \(Self.maxText) characters."))
        }
        if name.trimmed.count > 40 { issues.append(.init(field: "name", message: "姓名最多 40 个字。", englishMessage: "name is too long.")) }
        if contact.trimmed.count > 100 {
            issues.append(.init(field: "contact", message: "联系方式最多 100 个字。", englishMessage: "contact is too long."))
        }
        try ValidationFailure.check(issues)
        return (kind!, text, name.trimmed, contact.trimmed)
    }
}
