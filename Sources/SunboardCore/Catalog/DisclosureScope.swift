/// The three parts of what a community discloses (the seed's 三大块).
public enum DisclosureScope: String, Sendable, Codable, CaseIterable {
    /// 政策公开 — laws, rules and policies that concern residents
    case policy
    /// 办事公开 — how to get things done: procedures, fees, documents
    case service
    /// 居务公开 — the committee's own affairs: money, meetings, projects
    case affairs

    public var chinese: String {
        switch self {
        case .policy: "政策公开"
        case .service: "办事公开"
        case .affairs: "居务公开"
        }
    }
}
