/// A disclosure's draft as typed, checked against its catalog item and
/// turned into content. Saving a draft only needs a title and well-formed
/// values; whether everything required is there is checked at publication
/// (``Completeness``), so a clerk can save half-done work.
public struct DisclosureInput: Sendable {
    public var title: String
    public var body: String
    public var period: String
    public var fields: [String: String]

    public init(title: String = "", body: String = "", period: String = "", fields: [String: String] = [:]) {
        self.title = title
        self.body = body
        self.period = period
        self.fields = fields
    }

    /// The content as a form shows it again.
    public init(_ content: DisclosureContent, item: CatalogItem) {
        var fields: [String: String] = [:]
        for spec in item.fields {
            guard let raw = content.fields[spec.key] else { continue }
            fields[spec.key] = spec.kind == .money ? Int(raw).map { Fen($0).plainYuan } ?? raw : raw
        }
        self.init(title: content.title, body: content.body, period: content.period?.description ?? "", fields: fields)
    }

    public static let maxTitleLength = 200
    public static let maxBodyLength = 50_000
    public static let maxTextLength = 200
    public static let maxLongTextLength = 5_000

    /// The content, or every problem found at once.
    public func validated(for item: CatalogItem, attachments: [AttachmentRef] = []) throws(ValidationFailure) -> DisclosureContent {
        var issues: [ValidationFailure.Issue] = []
        let title = self.title.trimmed
        if title.isEmpty {
            issues.append(.init(field: "title", message: "请填写标题。", englishMessage: "title is required."))
        } else if title.count > Self.maxTitleLength {
            issues.append(
                .init(
                    field: "title", message: "标题最多 \(Self.maxTitleLength) 个字。",
                    englishMessage: "title is limited to \(Self.maxTitleLength) characters."))
        }
        if body.count > Self.maxBodyLength {
            issues.append(
                .init(
                    field: "body", message: "正文最多 \(Self.maxBodyLength) 个字，现在有 \(body.count) 个字。",
                    englishMessage: "body is limited to \(Self.maxBodyLength) characters."))
        }

        var period: Period?
        let periodText = self.period.trimmed
        if !periodText.isEmpty {
            if let parsed = Period(periodText), item.frequency == nil || parsed.frequency == item.frequency || item.acceptsSummaries(parsed)
            {
                period = parsed
            } else {
                let example = item.frequency?.example ?? "2026-10、2026-Q3 或 2026"
                issues.append(
                    .init(
                        field: "period", message: "“所属期间”请写成 \(example) 这样的格式。",
                        englishMessage: "period must look like \(example)."))
            }
        }

        var values: [String: String] = [:]
        for spec in item.fields {
            let raw = (fields[spec.key] ?? "").trimmed
            if raw.isEmpty { continue }
            switch Self.normalize(raw, spec: spec) {
            case .success(let value): values[spec.key] = value
            case .failure(let issue): issues.append(issue)
            }
        }
        if item.fields.contains(where: { $0.kind == .ledgerLines }) { issues += Statement.inconsistencies(in: values) }
        try ValidationFailure.check(issues)
        return DisclosureContent(title: title, body: body.trimmed, period: period, fields: values, attachments: attachments)
    }

    static func normalize(_ raw: String, spec: FieldSpec) -> Result<String, ValidationFailure.Issue> {
        let label = "“\(spec.label)”"
        switch spec.kind {
        case .text:
            return raw.count <= maxTextLength
                ? .success(raw)
                : .failure(.init(field: spec.key, message: "\(label)最多 \(maxTextLength) 个字。", englishMessage: "\(spec.key) is too long."))
        case .longText:
            return raw.count <= maxLongTextLength
                ? .success(raw)
                : .failure(
                    .init(field: spec.key, message: "\(label)最多 \(maxLongTextLength) 个字。", englishMessage: "\(spec.key) is too long."))
        case .number:
            let digits = NumberText.normalize(raw)
            guard digits.count <= 12, !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit), let number = Int(digits) else {
                return .failure(
                    .init(field: spec.key, message: "\(label)请填写整数，例如 12。", englishMessage: "\(spec.key) must be a whole number."))
            }
            return .success(String(number))
        case .money:
            guard let fen = Fen(yuan: raw) else {
                return .failure(
                    .init(
                        field: spec.key, message: "\(label)请填写金额（元），最多两位小数，例如 1200 或 1200.50。",
                        englishMessage: "\(spec.key) must be an amount in yuan with at most two decimals."))
            }
            return .success(String(fen.value))
        case .ledgerLines:
            guard let lines = Statement.lines(from: raw) else {
                return .failure(
                    .init(field: spec.key, message: "\(label)格式不对，请从账目重新生成。", englishMessage: "\(spec.key) is malformed."))
            }
            return .success(Statement(opening: .zero, lines: lines).linesText)
        case .date:
            guard let date = CalendarDate(NumberText.normalize(raw)) else {
                return .failure(
                    .init(
                        field: spec.key, message: "\(label)请写成 2026-03-05 这样的日期。",
                        englishMessage: "\(spec.key) must be a date like 2026-03-05."))
            }
            return .success(date.description)
        }
    }
}
