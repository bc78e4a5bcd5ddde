/// The level of a unit in the organization tree.
///
/// Today a tree is an office (办事处) with the residents' committees (社区居委会)
/// under it; a county or city level above is a natural extension, which is
/// why a unit only knows its parent and its kind.
public enum UnitKind: String, Sendable, Codable, CaseIterable {
    /// 办事处 — sub-district office
    case office
    /// 社区居委会 — residents' committee
    case community

    public var chineseName: String {
        switch self {
        case .office: "办事处"
        case .community: "社区"
        }
    }
}
