/// How a catalog item is kept public (the seed's three kinds by timeliness).
public enum DisclosureClass: String, Sendable, Codable, CaseIterable {
    /// 长期公开 — fixed matters, public for as long as they hold
    case standing
    /// 定期公开 — recurring matters, published for each period by a due date
    case periodic
    /// 即时公开 — matters as they happen
    case immediate

    public var chinese: String {
        switch self {
        case .standing: "长期公开"
        case .periodic: "定期公开"
        case .immediate: "即时公开"
        }
    }

    public var shortChinese: String {
        switch self {
        case .standing: "长期"
        case .periodic: "定期"
        case .immediate: "即时"
        }
    }
}
