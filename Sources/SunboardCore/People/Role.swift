/// A role a person holds in one unit. A person may hold several, in
/// several units (DESIGN.md, “Who uses it”).
public enum Role: String, Sendable, Codable, CaseIterable, Comparable {
    /// 录入员 / 报账员 — enters and updates drafts; posts signed reimbursements.
    case clerk
    /// 居委会主任 — manages the community's disclosures and publishes them.
    case director
    /// 监委会成员 — reviews drafts and flags published items.
    case supervisor
    /// 监委会主任 — leads the supervisory committee; reviews like a member
    /// and signs reimbursements (the seed's five signatures).
    case supervisionChair = "supervision_chair"
    /// 党支部书记 — leads the community's disclosure group.
    case secretary
    /// 包社区领导 — the office leader assigned to a community.
    case liaison
    /// 社区专职工作者 — spends and files reimbursements as 经办人.
    case worker
    /// 办事处领导 — signs a community's reimbursements above a threshold.
    case officeLeader = "office_leader"
    /// 办事处管理员 — manages communities, users, the catalog and assessment.
    case officeAdmin = "office_admin"

    public var chineseName: String {
        switch self {
        case .clerk: "录入员"
        case .director: "居委会主任"
        case .supervisor: "监委会成员"
        case .supervisionChair: "监委会主任"
        case .worker: "专职工作者"
        case .officeLeader: "办事处领导"
        case .secretary: "党支部书记"
        case .liaison: "包社区领导"
        case .officeAdmin: "办事处管理员"
        }
    }

    /// One line on what the role is for, shown beside it in the admin area.
    public var duty: String {
        switch self {
        case .clerk: "录入和更新本社区的公开内容草稿；作为报账员登记收入、为签字齐全的报账单过账。"
        case .supervisionChair: "主持监委会，审核草稿，在报账单上签字。"
        case .worker: "办理社区日常事务，作为经办人填写报账单、上传原始单据。"
        case .officeLeader: "办事处领导，金额较大的报账单须由其签字。"
        case .director: "管理本社区的公开事项，审核通过后发布，可附理由撤回。"
        case .supervisor: "查看草稿，审核（通过或退回并写明意见），对已发布内容提出质疑。"
        case .secretary: "领导本社区居务公开小组，在报账单上签字。"
        case .liaison: "办事处包社区领导，查看所包社区的草稿，在报账单上签字。"
        case .officeAdmin: "管理各社区、用户、公开目录和规则，查看所有社区，开展考核。"
        }
    }

    /// The order roles are listed in: the office first, then the board's order.
    private var rank: Int {
        switch self {
        case .officeAdmin: 0
        case .officeLeader: 1
        case .secretary: 2
        case .director: 3
        case .supervisionChair: 4
        case .supervisor: 5
        case .liaison: 6
        case .clerk: 7
        case .worker: 8
        }
    }

    public static func < (lhs: Role, rhs: Role) -> Bool { lhs.rank < rhs.rank }
}

extension Role {
    /// Where the role can be held: the office's own roles in an office, a
    /// committee's roles in a community. A liaison is an office leader, but
    /// is granted in the community they are assigned to.
    public func isGrantable(in kind: UnitKind) -> Bool {
        switch self {
        case .officeAdmin, .officeLeader: kind == .office
        case .clerk, .director, .supervisor, .supervisionChair, .secretary, .liaison, .worker: kind == .community
        }
    }
}
