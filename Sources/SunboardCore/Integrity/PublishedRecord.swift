/// The records the ledger vouches for, in canonical form (docs/LEDGER.md).
public enum PublishedRecord {
    /// A published version: everything the public is shown, and who
    /// published it when.
    public static func version(
        disclosureID: Int, number: Int, unitSlug: String, itemCode: String, content: DisclosureContent,
        reason: String?, publishedAt: Int, publishedBy: String
    ) -> CanonicalForm {
        var form = CanonicalForm(kind: "version")
        form.add("disclosure", disclosureID)
        form.add("version", number)
        form.add("unit", unitSlug)
        form.add("item", itemCode)
        form.add("period", content.period?.description)
        form.add("title", content.title)
        form.add("body", content.body)
        for key in content.fields.keys.sorted() {
            form.add("field.\(key)", content.fields[key])
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
