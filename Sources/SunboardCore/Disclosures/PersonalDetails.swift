/// Personal details belong in their fields, where they can be hidden when
/// the notice period ends (or never shown). Written into the title or the
/// text they would stay public for good, so publication is refused.
public enum PersonalDetails {
    /// Labels of the non-public fields whose values also appear in the
    /// title or the text.
    public static func exposed(in content: DisclosureContent, item: CatalogItem) -> [String] {
        item.fields.filter { spec in
            guard spec.visibility != .public, spec.kind == .text || spec.kind == .longText,
                let value = content.fields[spec.key]?.trimmed, value.count >= 2
            else { return false }
            return content.title.contains(value) || content.body.contains(value)
        }.map(\.label)
    }

    public static func check(_ content: DisclosureContent, item: CatalogItem) throws(DisclosureError) {
        let labels = exposed(in: content, item: item)
        if !labels.isEmpty { throw .personalDetailsExposed(labels) }
    }
}
