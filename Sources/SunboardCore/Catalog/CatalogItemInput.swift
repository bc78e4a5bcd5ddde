import Foundation

/// A catalog item as typed in the admin form, checked and turned into an
/// item. The structured fields are typed one per line:
///
///     meeting_time | 开会时间 | 文字 | 必填 | 公开
///     applicant | 申请人 | 文字 | 必填 | 公示期内公开
///
/// key | label | kind (文字, 长文字, 日期, 数字, 金额, 收支明细) | 必填 or 选填 |
/// 公开, 公示期内公开 or 不公开. The last three may be left out (文字, 必填, 公开).
public struct CatalogItemInput: Sendable {
    public var code: String
    public var title: String
    public var description: String
    public var scope: String
    public var disclosureClass: String
    public var frequency: String
    public var dueMonthsAfter: String
    public var dueDay: String
    public var boardSection: String
    public var fields: String
    public var noticeDays: String
    public var retentionYears: String
    public var isActive: Bool

    public init(
        code: String = "", title: String = "", description: String = "", scope: String = DisclosureScope.affairs.rawValue,
        disclosureClass: String = DisclosureClass.immediate.rawValue, frequency: String = "", dueMonthsAfter: String = "",
        dueDay: String = "", boardSection: String = "notices", fields: String = "", noticeDays: String = "",
        retentionYears: String = "10", isActive: Bool = true
    ) {
        self.code = code
        self.title = title
        self.description = description
        self.scope = scope
        self.disclosureClass = disclosureClass
        self.frequency = frequency
        self.dueMonthsAfter = dueMonthsAfter
        self.dueDay = dueDay
        self.boardSection = boardSection
        self.fields = fields
        self.noticeDays = noticeDays
        self.retentionYears = retentionYears
        self.isActive = isActive
    }

    /// The item as the form shows it.
    public init(_ item: CatalogItem) {
        self.init(
            code: item.code, title: item.title, description: item.description, scope: item.scope.rawValue,
            disclosureClass: item.disclosureClass.rawValue, frequency: item.frequency?.rawValue ?? "",
            dueMonthsAfter: item.dueRule.map { String($0.monthsAfter) } ?? "", dueDay: item.dueRule.map { String($0.day) } ?? "",
            boardSection: item.boardSection, fields: Self.format(item.fields), noticeDays: item.noticeDays.map(String.init) ?? "",
            retentionYears: item.retentionYears.map(String.init) ?? "", isActive: item.isActive
        )
    }

    static let kindWords: [(String, FieldSpec.Kind)] = [
        ("文字", .text), ("长文字", .longText), ("日期", .date), ("数字", .number), ("金额", .money),
        ("收支明细", .ledgerLines),
    ]
    static let visibilityWords: [(String, FieldSpec.Visibility)] = [
        ("公开", .public), ("公示期内公开", .duringNotice), ("不公开", .internal),
    ]

    public static func format(_ fields: [FieldSpec]) -> String {
        fields.map { spec in
            let kind = kindWords.first { $0.1 == spec.kind }!.0
            let visibility = visibilityWords.first { $0.1 == spec.visibility }!.0
            return "\(spec.key) | \(spec.label) | \(kind) | \(spec.required ? "必填" : "选填") | \(visibility)"
        }.joined(separator: "\n")
    }

    /// The item owned by `ownerUnitID`, or every problem found.
    public func validated(id: Int = 0, ownerUnitID: Int) throws(ValidationFailure) -> CatalogItem {
        var issues: [ValidationFailure.Issue] = []
        func issue(_ field: String, _ message: String, _ english: String) {
            issues.append(.init(field: field, message: message, englishMessage: english))
        }
        let code = self.code.trimmed.lowercased()
        if !Slug.isValid(code) { issue("code", "“代码”只能用小写英文字母、数字和连字符，2 到 40 位，以字母开头，例如 party-activities。", "code must be a slug.") }
        let title = self.title.trimmed
        if title.isEmpty || title.count > 100 { issue("title", "请填写事项名称（最多 100 字）。", "title is required (100 characters at most).") }
        if description.count > 1000 { issue("description", "“说明”最多 1000 字。", "description is limited to 1000 characters.") }
        let scope = DisclosureScope(rawValue: self.scope)
        if scope == nil { issue("scope", "请选择公开范围。", "scope is invalid.") }
        let disclosureClass = DisclosureClass(rawValue: self.disclosureClass)
        if disclosureClass == nil { issue("class", "请选择公开类别。", "class is invalid.") }
        if !BoardSection.community.contains(where: { $0.id == boardSection }) {
            issue("board_section", "请选择公开栏的栏目。", "board_section is invalid.")
        }

        var frequency: Frequency?
        var dueRule: DueRule?
        if disclosureClass == .periodic {
            frequency = Frequency(rawValue: self.frequency)
            if frequency == nil { issue("frequency", "定期公开的事项请选择频率。", "frequency is required for periodic items.") }
            let months = Int(NumberText.normalize(dueMonthsAfter)), day = Int(NumberText.normalize(dueDay))
            if let months, let day, (-11...12).contains(months), (1...31).contains(day) {
                dueRule = DueRule(monthsAfter: months, day: day)
            } else {
                issue("due", "请填写截止时间：期末后第几个月（-11 到 12）的几日（1 到 31）。", "due rule must be months after (-11…12) and day (1…31).")
            }
        }
        let noticeDays = optionalNumber(noticeDays, field: "notice_days", label: "公示天数", range: 1...90, issues: &issues)
        let retentionYears = optionalNumber(retentionYears, field: "retention_years", label: "保存年限", range: 1...100, issues: &issues)
        let fields = parseFields(&issues)
        try ValidationFailure.check(issues)
        return CatalogItem(
            id: id, ownerUnitID: ownerUnitID, code: code, title: title, description: description.trimmed, scope: scope!,
            disclosureClass: disclosureClass!, frequency: frequency, dueRule: dueRule, boardSection: boardSection, fields: fields,
            noticeDays: noticeDays, retentionYears: retentionYears, isActive: isActive
        )
    }

    private func optionalNumber(
        _ text: String, field: String, label: String, range: ClosedRange<Int>, issues: inout [ValidationFailure.Issue]
    ) -> Int? {
        let cleaned = NumberText.normalize(text)
        if cleaned.isEmpty { return nil }
        guard let value = Int(cleaned), range.contains(value) else {
            issues.append(
                .init(
                    field: field, message: "“\(label)”请填写 \(range.lowerBound) 到 \(range.upperBound) 的整数，或空着。",
                    englishMessage: "\(field) is out of range."))
            return nil
        }
        return value
    }

    private func parseFields(_ issues: inout [ValidationFailure.Issue]) -> [FieldSpec] {
        var specs: [FieldSpec] = []
        for (index, line) in fields.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let parts = line.replacingOccurrences(of: "｜", with: "|").split(separator: "|", omittingEmptySubsequences: false).map {
                String($0).trimmed
            }
            if parts.allSatisfy(\.isEmpty) { continue }
            let number = index + 1
            func bad(_ why: String) {
                issues.append(
                    .init(field: "fields", message: "字段第 \(number) 行：\(why)", englishMessage: "fields line \(number) is invalid."))
            }
            guard parts.count >= 2, parts.count <= 5 else { bad("请写成“代码 | 名称 | 类型 | 必填 | 公开”。"); continue }
            let key = parts[0].lowercased().replacingOccurrences(of: "-", with: "_")
            guard Slug.isValid(key.replacingOccurrences(of: "_", with: "-")) else { bad("代码“\(parts[0])”只能用小写英文字母、数字和下划线。"); continue }
            guard !parts[1].isEmpty, parts[1].count <= 40 else { bad("请写字段名称（最多 40 字）。"); continue }
            guard !specs.contains(where: { $0.label == parts[1] }) else {
                bad("名称“\(parts[1])”重复了，每个字段要有自己的名称。")
                continue
            }
            guard !specs.contains(where: { $0.key == key }) else { bad("代码“\(key)”重复了。"); continue }
            let kind = parts.count > 2 && !parts[2].isEmpty ? Self.kindWords.first { $0.0 == parts[2] }?.1 : .text
            guard let kind else { bad("类型只能是文字、长文字、日期、数字或金额。"); continue }
            let requiredWord = parts.count > 3 ? parts[3] : ""
            guard ["", "必填", "选填"].contains(requiredWord) else { bad("请写“必填”或“选填”。"); continue }
            let visibility = parts.count > 4 && !parts[4].isEmpty ? Self.visibilityWords.first { $0.0 == parts[4] }?.1 : .public
            guard let visibility else { bad("公开方式只能是公开、公示期内公开或不公开。"); continue }
            specs.append(FieldSpec(key: key, label: parts[1], kind: kind, required: requiredWord != "选填", visibility: visibility))
        }
        return specs
    }
}
