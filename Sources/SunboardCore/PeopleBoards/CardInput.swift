/// A card as typed in a form or read from a roster file, before it is checked.
public struct CardInput: Sendable, Equatable {
    /// Field key → text as typed.
    public var values: [String: String]

    public init(values: [String: String] = [:]) {
        self.values = values
    }

    /// The values to keep: trimmed, numbers as digits, money in fen, ID
    /// numbers masked, fields not stored dropped. Every problem is reported
    /// together, and none repeats a full ID number.
    public func validated(for board: PeopleBoard, visibilities: [String: BoardVisibility]) throws(ValidationFailure) -> [String: String] {
        var stored: [String: String] = [:]
        var issues: [ValidationFailure.Issue] = []
        for field in board.fields where visibilities[field.key] != .notStored {
            let text = (values[field.key] ?? "").trimmed
            if text.isEmpty {
                if field.required {
                    issues.append(.init(field: field.key, message: "请填写“\(field.label)”。", englishMessage: "\(field.key) is required."))
                }
                continue
            }
            switch Self.value(text, field: field) {
            case .success(let value): stored[field.key] = value
            case .failure(let issue): issues.append(issue)
            }
        }
        try ValidationFailure.check(issues)
        return stored
    }

    static let maxText = 500
    /// The most a monthly amount may be: ¥100,000.
    public static let maxAmount = Fen(100_000_00)

    private static func value(_ text: String, field: BoardField) -> Result<String, ValidationFailure.Issue> {
        func issue(_ message: String, _ english: String) -> Result<String, ValidationFailure.Issue> {
            .failure(.init(field: field.key, message: message, englishMessage: english))
        }
        switch field.kind {
        case .text, .longText:
            let limit = field.kind == .text ? 50 : maxText
            guard text.count <= limit else { return issue("“\(field.label)”最多 \(limit) 个字。", "\(field.key) is too long.") }
            return .success(text)
        case .number:
            let digits = NumberText.normalize(text)
            guard let number = Int(digits), digits.allSatisfy(\.isASCIIDigit) else {
                return issue("“\(field.label)”请填写不小于 0 的整数。", "\(field.key) must be a whole number, 0 or more.")
            }
            guard number >= 1 || field.key != "household_size" else {
                return issue("“\(field.label)”至少是 1 人。", "\(field.key) must be at least 1.")
            }
            guard number <= 200 || field.key == "joined" else {
                return issue("“\(field.label)”的数字太大了，请核对。", "\(field.key) is too large.")
            }
            return .success(String(number))
        case .money:
            guard let fen = Fen(yuan: text), fen.value >= 0, fen <= maxAmount else {
                return issue("“\(field.label)”请填写 0 到 100000 之间的金额，最多两位小数。", "\(field.key) must be an amount from 0 to 100000 yuan.")
            }
            return .success(String(fen.value))
        case .idNumber:
            guard let number = IDNumber(text) else {
                return issue(
                    "“\(field.label)”\(IDNumber.hint(text))不对：须是 18 位，最后一位校验码要正确。",
                    "\(field.key) is not a valid 18-digit ID number.")
            }
            return .success(number.masked)
        case .phone:
            let cleaned = NumberText.normalize(text)
            guard (3...20).contains(cleaned.count), cleaned.allSatisfy({ $0.isASCIIDigit || $0 == "-" }) else {
                return issue("“\(field.label)”请填写电话号码（数字，可用“-”分隔）。", "\(field.key) must be a phone number.")
            }
            return .success(cleaned)
        }
    }

    /// A stored value as people read it: money in yuan.
    public static func display(_ value: String, field: BoardField) -> String {
        switch field.kind {
        case .money: Int(value).map { Fen($0).yuan } ?? value
        case .number where field.key == "joined": "\(value) 年"
        default: value
        }
    }
}
