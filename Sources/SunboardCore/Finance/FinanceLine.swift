/// One line of a community's books, as residents read it: when, which
/// fund, income or expense, how much, for what, and with whom.
public struct FinanceLine: Sendable, Hashable, Codable {
    public var kind: EntryKind
    public var fund: Fund
    public var date: CalendarDate
    /// Always positive; `kind` says which way the money went.
    public var amount: Fen
    public var category: String
    /// 摘要: what it was for, e.g. 购买冬季取暖用煤.
    public var summary: String
    /// 付款方 for income, 收款方 for an expense.
    public var counterparty: String
    /// 经办人 of an expense; empty for income.
    public var handler: String

    public init(
        kind: EntryKind, fund: Fund, date: CalendarDate, amount: Fen, category: String, summary: String, counterparty: String = "",
        handler: String = ""
    ) {
        self.kind = kind
        self.fund = fund
        self.date = date
        self.amount = amount
        self.category = category
        self.summary = summary
        self.counterparty = counterparty
        self.handler = handler
    }

    /// What the line adds to its fund's balance.
    public var signedAmount: Fen { kind == .expense ? Fen(-amount.value) : amount }
}

/// A line as typed in a form or read from a CSV row, checked field by field.
public struct FinanceLineInput: Sendable, Equatable {
    public var kind: String
    public var fund: String
    public var date: String
    public var amount: String
    public var category: String
    public var summary: String
    public var counterparty: String
    public var handler: String

    public init(
        kind: String = "", fund: String = "", date: String = "", amount: String = "", category: String = "", summary: String = "",
        counterparty: String = "", handler: String = ""
    ) {
        self.kind = kind
        self.fund = fund
        self.date = date
        self.amount = amount
        self.category = category
        self.summary = summary
        self.counterparty = counterparty
        self.handler = handler
    }

    public static let maxSummaryLength = 200
    public static let maxNameLength = 100
    /// ¥100,000,000: far above anything a community handles, well inside Int.
    public static let maxAmount = Fen(10_000_000_000)

    /// The line, or every problem found at once. `today` bounds the date:
    /// nothing is booked in the future.
    public func validated(today: CalendarDate) throws(ValidationFailure) -> FinanceLine {
        var issues: [ValidationFailure.Issue] = []
        let kind = EntryKind(text: kind)
        if kind == nil {
            issues.append(.init(field: "kind", message: "“类型”请填写“收入”或“支出”。", englishMessage: "kind must be 收入 (income) or 支出 (expense)."))
        }
        let fund = Fund(text: fund.isEmpty ? Fund.office.rawValue : fund)
        if fund == nil {
            let names = Fund.allCases.map(\.chinese).joined(separator: "、")
            issues.append(.init(field: "fund", message: "“资金”请填写\(names)之一。", englishMessage: "fund must be one of \(names)."))
        }
        let date = CalendarDate(NumberText.normalize(date.trimmed))
        if date == nil {
            issues.append(.init(field: "date", message: "“日期”请写成 2026-03-05 这样的日期。", englishMessage: "date must look like 2026-03-05."))
        } else if let date, date > today {
            issues.append(.init(field: "date", message: "“日期”不能晚于今天（\(today)）。", englishMessage: "date cannot be in the future."))
        }
        var fen: Fen?
        do { fen = try Self.amount(amount) } catch { issues.append(error) }
        let category = category.trimmed
        if let kind {
            let allowed = FinanceCategory.allowed(for: kind)
            if kind != .opening && !allowed.contains(category) {
                issues.append(
                    .init(
                        field: "category", message: "“类别”请从以下选择：\(allowed.joined(separator: "、"))。",
                        englishMessage: "category must be one of \(allowed.joined(separator: ", "))."))
            }
        }
        let summary = summary.trimmed
        if summary.isEmpty && kind != .opening {
            issues.append(.init(field: "summary", message: "请填写“摘要”，写明这笔钱的用途或来源。", englishMessage: "summary is required."))
        }
        if summary.count > Self.maxSummaryLength {
            issues.append(
                .init(field: "summary", message: "“摘要”最多 \(Self.maxSummaryLength) 个字。", englishMessage: "summary is too long."))
        }
        for (field, label, value) in [("counterparty", "对方单位或个人", counterparty), ("handler", "经办人", handler)]
        where value.trimmed.count > Self.maxNameLength {
            issues.append(.init(field: field, message: "“\(label)”最多 \(Self.maxNameLength) 个字。", englishMessage: "\(field) is too long."))
        }
        try ValidationFailure.check(issues)
        return FinanceLine(
            kind: kind!, fund: fund!, date: date!, amount: fen!,
            category: kind == .opening ? FinanceCategory.opening : category,
            summary: summary.isEmpty ? EntryKind.opening.chinese : summary, counterparty: counterparty.trimmed,
            handler: handler.trimmed)
    }

    /// A positive amount in yuan with at most two decimals, as fen.
    public static func amount(_ text: String, field: String = "amount", label: String = "金额") throws(ValidationFailure.Issue) -> Fen {
        let text = text.trimmed
        guard !text.isEmpty else {
            throw .init(field: field, message: "请填写“\(label)”（元）。", englishMessage: "\(field) is required.")
        }
        guard let fen = Fen(yuan: text) else {
            throw .init(
                field: field, message: "“\(label)”请填写以元为单位的金额，最多两位小数，例如 1200 或 1200.50。",
                englishMessage: "\(field) must be an amount in yuan with at most two decimals.")
        }
        guard fen.value > 0 else {
            throw .init(field: field, message: "“\(label)”必须大于 0。", englishMessage: "\(field) must be greater than zero.")
        }
        guard fen <= maxAmount else {
            throw .init(field: field, message: "“\(label)”不能超过 1 亿元。", englishMessage: "\(field) is too large.")
        }
        return fen
    }
}
