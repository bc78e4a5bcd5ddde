import SunboardCore

/// The form that writes or changes a draft.
struct DisclosureForm: Sendable {
    struct Field: Sendable {
        var name: String
        var label: String
        var value: String
        var hint: String
        var inputMode: String
        var inputType: String
        var multiline: Bool
        var requirement: String
        var error: String?
    }

    struct Existing: Sendable {
        var name: String
        var sha256: String
        var url: String
        var kind: String
    }

    var frame: Frame
    var heading: String
    var action: String
    var cancelURL: String
    var itemID: Int
    var itemTitle: String
    var itemDescription: String
    var isPeriodic: Bool
    var periodExample: String
    var title: String
    var period: String
    var body: String
    var fields: [Field]
    /// The item's lines are generated from the books and kept as they are.
    var generatedLines: Bool
    /// A civic step's draft: its fields and files are the process's, shown but not edited here.
    var civic: Bool
    var hasFields: Bool
    var existing: [Existing]
    var hasExisting: Bool
    var correctionReason: String?
    var errorSummary: String?
    var titleError: String?
    var periodError: String?
    var bodyError: String?
    var attachmentsError: String?
    var maximumMB: Int
    var hasNotice: Bool
    var noticeDays: Int

    init(
        heading: String, action: String, cancelURL: String, unit: Unit, item: CatalogItem, input: DisclosureInput,
        existing: [AttachmentRef], correctionReason: String?, failure: ValidationFailure?, filesDropped: Bool, civic: Bool = false,
        frame: Frame
    ) {
        self.civic = civic
        self.frame = frame
        self.heading = heading
        self.action = action
        self.cancelURL = cancelURL
        self.itemID = item.id
        self.itemTitle = item.title
        self.itemDescription = item.description
        self.isPeriodic = item.disclosureClass == .periodic
        self.periodExample = item.frequency?.example ?? ""
        self.title = input.title
        self.period = input.period
        self.body = input.body
        // Itemized lines come from the books, never from typing.
        self.generatedLines = item.fields.contains { $0.kind == .ledgerLines }
        self.fields = item.fields.filter { $0.kind != .ledgerLines }.map { spec in
            let (mode, type, hint): (String, String, String) =
                switch spec.kind {
                case .text: ("text", "text", "")
                case .longText: ("text", "text", "")
                case .date: ("numeric", "date", "例如 2026-03-05")
                case .number: ("numeric", "text", "整数")
                case .money: ("decimal", "text", "单位：元，最多两位小数，例如 1200.50")
                case .ledgerLines: ("text", "text", "")
                }
            let visibility = spec.visibility == .public ? "" : "（\(spec.visibility.chinese)）"
            return Field(
                name: "field_\(spec.key)", label: spec.label + visibility, value: input.fields[spec.key] ?? "", hint: hint,
                inputMode: mode, inputType: type, multiline: spec.kind == .longText, requirement: spec.required ? "发布前必填" : "选填",
                error: failure?.message(for: spec.key))
        }
        self.hasFields = !fields.isEmpty
        self.existing = existing.map {
            Existing(
                name: $0.name, sha256: $0.sha256, url: SiteURL.disclosures(.adminFile(unit.slug, $0.sha256)).path, kind: $0.kind.chinese)
        }
        self.hasExisting = !existing.isEmpty
        self.correctionReason = correctionReason
        var summary = failure.map { "有 \($0.issues.count) 处需要修改：\($0.message)" }
        if filesDropped && failure != nil { summary = (summary ?? "") + " 这次选择的附件没有保存，请重新选择。" }
        self.errorSummary = summary
        self.titleError = failure?.message(for: "title")
        self.periodError = failure?.message(for: "period")
        self.bodyError = failure?.message(for: "body")
        self.attachmentsError = failure?.message(for: "attachments")
        self.maximumMB = AttachmentKind.maximumSize / 1024 / 1024
        self.hasNotice = item.noticeDays != nil
        self.noticeDays = item.noticeDays ?? 0
    }
}

extension DisclosureInput {
    /// The input as a form submitted it: `field_<key>` for each field.
    init(form: FormFields, item: CatalogItem) {
        var fields: [String: String] = [:]
        for spec in item.fields { fields[spec.key] = form["field_\(spec.key)"] }
        self.init(title: form["title"], body: form["body"], period: form["period"], fields: fields)
    }
}
