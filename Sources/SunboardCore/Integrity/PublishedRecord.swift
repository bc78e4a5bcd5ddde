/// The records the ledger vouches for, in canonical form (docs/LEDGER.md).
public enum PublishedRecord {
    /// A published version: everything the public is shown, with the rules
    /// that decide what is shown, and who published it when.
    ///
    /// A value the public may not see (personal details once the notice
    /// ends, internal fields) enters as a salted hash: the record still pins
    /// it down, but the public hash cannot be used to test a guess at it.
    public static func version(
        disclosureID: Int, number: Int, unitSlug: String, itemCode: String, content: DisclosureContent, fieldSpecs: [FieldSpec],
        salt: String, notice: (starts: CalendarDate, ends: CalendarDate)?, reason: String?, publishedAt: Int, publishedBy: String
    ) -> CanonicalForm {
        var form = CanonicalForm(kind: "version")
        form.add("disclosure", disclosureID)
        form.add("version", number)
        form.add("unit", unitSlug)
        form.add("item", itemCode)
        form.add("period", content.period?.description)
        form.add("notice_starts", notice?.starts.description)
        form.add("notice_ends", notice?.ends.description)
        form.add("title", content.title)
        form.add("body", content.body)
        let specs = Dictionary(fieldSpecs.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        for spec in fieldSpecs.sorted(by: { $0.key < $1.key }) {
            form.add("visibility.\(spec.key)", spec.visibility.rawValue)
        }
        for key in content.fields.keys.sorted() {
            let value = content.fields[key] ?? ""
            let shownAlways = specs[key]?.visibility == .public
            form.add("field.\(key)", shownAlways ? value : "sha256:" + CanonicalForm.sha256(salt + "\n" + value))
        }
        for (index, attachment) in content.attachments.enumerated() {
            form.add("attachment.\(index + 1).sha256", attachment.sha256)
            form.add("attachment.\(index + 1).name", attachment.name)
        }
        form.add("reason", reason)
        form.add("published_at", publishedAt)
        form.add("published_by", publishedBy)
        return form
    }

    /// A withdrawal: which disclosure, why, when and by whom.
    public static func withdrawal(disclosureID: Int, reason: String, withdrawnAt: Int, withdrawnBy: String) -> CanonicalForm {
        var form = CanonicalForm(kind: "withdrawal")
        form.add("disclosure", disclosureID)
        form.add("reason", reason)
        form.add("withdrawn_at", withdrawnAt)
        form.add("withdrawn_by", withdrawnBy)
        return form
    }
}
