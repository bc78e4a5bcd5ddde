/// The kinds of public record in the ledger, by the names residents read.
/// A kind's name is part of each record's canonical form: never rename one.
public enum RecordKindName {
    public static let all: [(kind: String, chinese: String)] = [
        ("disclosure", "公开内容"),
        ("finance_line", "财务账目"),
        ("signature_chain", "报账签字规则"),
        ("board_card", "插卡式公示"),
        ("board_settings", "插卡式公示的公开项"),
        ("board_import", "迁入既有名单"),
        ("cadre", "干部监督台"),
        ("directory_entry", "便民指示牌"),
        ("guide", "办事指南"),
        ("election", "选举"),
        ("meeting", "成员代表大会"),
        ("hearing", "听证会"),
        ("project", "民生工程"),
        ("feedback", "居民意见"),
        ("objection", "公示异议"),
        ("unit", "单位概况"),
        ("catalog_item", "公开目录"),
        ("assessment_note", "考核意见"),
        ("assessment_weights", "考核权重"),
    ]

    private static let names = Dictionary(all.map { ($0.kind, $0.chinese) }, uniquingKeysWith: { first, _ in first })

    /// “财务账目”; a kind this release does not know, as written.
    public static func chinese(_ kind: String) -> String { names[kind] ?? kind }

    public static func isKnown(_ kind: String) -> Bool { names[kind] != nil }
}
