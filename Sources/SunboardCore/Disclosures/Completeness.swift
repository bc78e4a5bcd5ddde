/// A rule a disclosure must meet before it may be published. The catalog's
/// required fields are one; later boards add their own (an itemized
/// statement, a roster's fields) without touching the publishing code.
public protocol CompletenessRule: Sendable {
    /// Labels of what is missing, in the order a person would fill it in.
    func missing(in content: DisclosureContent, item: CatalogItem) -> [String]
}

/// Everything the catalog item marks as required, plus the period for a
/// periodic item and some text for an item without fields.
public struct CatalogRequirements: CompletenessRule {
    public init() {}

    public func missing(in content: DisclosureContent, item: CatalogItem) -> [String] {
        var missing: [String] = []
        if item.disclosureClass == .periodic && content.period == nil { missing.append("所属期间") }
        if item.fields.isEmpty && content.body.trimmed.isEmpty && content.attachments.isEmpty { missing.append("正文") }
        for spec in item.fields where spec.required && (content.fields[spec.key] ?? "").isEmpty {
            missing.append(spec.label)
        }
        return missing
    }
}

/// Applies every rule and reports all that is missing in one message.
public struct Completeness: Sendable {
    public var rules: [any CompletenessRule]

    public init(rules: [any CompletenessRule] = [CatalogRequirements(), ItemizedStatementRule()]) {
        self.rules = rules
    }

    public func check(_ content: DisclosureContent, item: CatalogItem) throws(DisclosureError) {
        var missing: [String] = []
        for rule in rules {
            for label in rule.missing(in: content, item: item) where !missing.contains(label) { missing.append(label) }
        }
        if !missing.isEmpty { throw .incomplete(missing) }
    }
}
