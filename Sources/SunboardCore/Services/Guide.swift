/// A service guide (办事指南) for one matter: who may apply, what to bring,
/// the steps (drawn as a flow chart), fees, time limit, where and when, whom
/// to ask, the legal basis. Stored as data so a clerk edits it in a form.
public struct GuideContent: Sendable, Equatable, Codable {
    public struct Step: Sendable, Equatable, Codable {
        public var title: String
        public var detail: String

        public init(title: String, detail: String = "") {
            self.title = title
            self.detail = detail
        }
    }

    public var title: String
    public var applicants: String
    public var conditions: [String]
    public var documents: [String]
    public var steps: [Step]
    /// Empty means free of charge (不收费).
    public var fees: String
    public var timeLimit: String
    public var place: String
    public var hours: String
    public var contact: String
    public var legalBasis: [String]
    /// Sample text a community should check against its county's rules.
    public var isSample: Bool

    public init(
        title: String, applicants: String, conditions: [String], documents: [String], steps: [Step], fees: String, timeLimit: String,
        place: String, hours: String, contact: String, legalBasis: [String], isSample: Bool = false
    ) {
        self.title = title
        self.applicants = applicants
        self.conditions = conditions
        self.documents = documents
        self.steps = steps
        self.fees = fees
        self.timeLimit = timeLimit
        self.place = place
        self.hours = hours
        self.contact = contact
        self.legalBasis = legalBasis
        self.isSample = isSample
    }

    public var feesText: String { fees.isEmpty ? "不收费" : fees }

    /// Every word a resident reads, as one plain text: what search looks in.
    public var plainText: String {
        ([applicants] + conditions + documents + steps.map { "\($0.title) \($0.detail)" } + [feesText, timeLimit, place, hours, contact]
            + legalBasis).filter { !$0.isEmpty }.joined(separator: " ")
    }
}

/// A guide as typed in the form: lists one item per line, each step as
/// “步骤：说明”.
public struct GuideInput: Sendable, Equatable {
    public var title = ""
    public var applicants = ""
    public var conditions = ""
    public var documents = ""
    public var steps = ""
    public var fees = ""
    public var timeLimit = ""
    public var place = ""
    public var hours = ""
    public var contact = ""
    public var legalBasis = ""
    public var isSample = false

    public init() {}

    public init(_ content: GuideContent) {
        title = content.title
        applicants = content.applicants
        conditions = content.conditions.joined(separator: "\n")
        documents = content.documents.joined(separator: "\n")
        steps = content.steps.map { $0.detail.isEmpty ? $0.title : "\($0.title)：\($0.detail)" }.joined(separator: "\n")
        fees = content.fees
        timeLimit = content.timeLimit
        place = content.place
        hours = content.hours
        contact = content.contact
        legalBasis = content.legalBasis.joined(separator: "\n")
        isSample = content.isSample
    }

    static func lines(_ text: String) -> [String] {
        text.split(whereSeparator: \.isNewline).map { String($0).trimmed }.filter { !$0.isEmpty }
    }

    public func validated() throws(ValidationFailure) -> GuideContent {
        var issues: [ValidationFailure.Issue] = []
        issues += ServiceText.required(title, field: "title", label: "事项名称", limit: 40)
        issues += ServiceText.required(applicants, field: "applicants", label: "申请对象", limit: 300)
        issues += ServiceText.required(place, field: "place", label: "办理地点", limit: 100)
        issues += ServiceText.optional(fees, field: "fees", label: "收费", limit: 200)
        issues += ServiceText.optional(timeLimit, field: "timeLimit", label: "办理时限", limit: 100)
        issues += ServiceText.optional(hours, field: "hours", label: "办公时间", limit: 100)
        issues += ServiceText.optional(contact, field: "contact", label: "咨询电话", limit: 100)
        let steps = Self.lines(self.steps).map { line -> GuideContent.Step in
            let parts = line.split(separator: "：", maxSplits: 1).flatMap { $0.split(separator: ":", maxSplits: 1) }
            return .init(title: String(parts.first ?? "").trimmed, detail: parts.count > 1 ? String(parts[1]).trimmed : "")
        }
        if steps.count < 2 {
            issues.append(.init(field: "steps", message: "办理步骤至少写两步，每行一步。", englishMessage: "steps needs at least two lines."))
        } else if steps.count > 12 || steps.contains(where: { $0.title.isEmpty || $0.title.count > 30 || $0.detail.count > 200 }) {
            issues.append(
                .init(
                    field: "steps", message: "办理步骤最多 12 步；每步名称不超过 30 个字，说明不超过 200 个字。",
                    englishMessage: "steps: at most 12, each title up to 30 and detail up to 200 characters."))
        }
        let documents = Self.lines(self.documents)
        if documents.isEmpty {
            issues.append(.init(field: "documents", message: "请列出需要带的材料，每行一项。", englishMessage: "documents is required."))
        }
        for (key, label, list) in [("conditions", "申请条件", Self.lines(conditions)), ("documents", "所需材料", documents)]
        where list.count > 30 || list.contains(where: { $0.count > 200 }) {
            issues.append(.init(field: key, message: "“\(label)”最多 30 项，每项不超过 200 个字。", englishMessage: "\(key) is too long."))
        }
        try ValidationFailure.check(issues)
        return GuideContent(
            title: title.trimmed, applicants: applicants.trimmed, conditions: Self.lines(conditions), documents: documents, steps: steps,
            fees: ["", "免费", "不收费", "无"].contains(fees.trimmed) ? "" : fees.trimmed, timeLimit: timeLimit.trimmed,
            place: place.trimmed, hours: hours.trimmed, contact: contact.trimmed, legalBasis: Self.lines(legalBasis), isSample: isSample)
    }
}
