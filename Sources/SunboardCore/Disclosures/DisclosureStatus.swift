/// Where a disclosure's working copy stands. The public sees published
/// versions only; a correction in progress leaves the last version public.
public enum DisclosureStatus: String, Sendable, Codable, CaseIterable {
    /// 草稿 — being written by a clerk
    case draft
    /// 已提交 — waiting for a supervisor's review
    case submitted
    /// 已退回 — sent back with a comment the clerk sees
    case returned
    /// 已审核 — approved, waiting for the director to publish
    case approved
    /// 已发布 — public; the working copy is the latest version
    case published
    /// 已撤回 — taken down with a public reason; the record stays
    case withdrawn

    public var chinese: String {
        switch self {
        case .draft: "草稿"
        case .submitted: "待审核"
        case .returned: "已退回"
        case .approved: "已审核，待发布"
        case .published: "已发布"
        case .withdrawn: "已撤回"
        }
    }
}
