import SunboardCore

/// One unit's admin home: your roles there, its profile, its staff.
struct UnitAdminPage: Sendable {
    struct Member: Sendable {
        var displayName: String
        var username: String
        var roles: String
        var isActive: Bool
    }

    struct Permitted: Sendable {
        var text: String
    }

    var frame: Frame
    var name: String
    var kindName: String
    var publicURL: String
    var yourRoles: String
    var permitted: [Permitted]
    var facts: UnitFacts
    var contact: UnitContact
    var profileURL: String?
    var saved: Bool
    var staff: [Member]
    var hasStaff: Bool
    var children: [Dashboard.UnitLink]
    var hasChildren: Bool
    var disclosuresURL: String
    var catalogURL: String
    /// Communities keep books; the office has none of its own here.
    /// Elections, meetings, hearings, projects and the rest (communities only).
    var civicURL: String?
    var financeURL: String?
    var boardsURL: String?
    var feedbackURL: String
    var cadresURL: String
    var directoryURL: String
    var guidesURL: String
    var webhooksURL: String?
    /// A community's LED screen at the gate and touch screen in the courtyard,
    /// for whoever sets the devices up.
    var wall: Wall?
    /// The office's matrix, or a community's own obligations.
    var complianceURL: String
    var complianceLabel: String
    var assessmentURL: String?
    /// “待审核 2 条”…: what waits for someone in this unit.
    var waiting: [String]
    var hasWaiting: Bool

    struct Wall: Sendable {
        var screenURL: String
        var kioskURL: String
    }

    init(
        scope: ScopedUnit, user: StaffUser, staff: [StaffMember], children: [Unit], counts: [DisclosureStatus: Int], saved: Bool,
        frame: Frame
    ) {
        let unit = scope.unit
        self.frame = frame
        self.name = unit.name
        self.kindName = unit.kind.chineseName
        self.publicURL = SiteURL.units(.page(unit.slug)).path
        self.yourRoles = user.access.roles(inLineage: scope.lineage.map(\.id)).sorted().map(\.chineseName).joined(separator: "、")
        self.permitted = Permission.allCases.filter(scope.permissions.contains).map { Permitted(text: $0.chineseDescription) }
        self.facts = UnitFacts(unit.profile)
        self.contact = UnitContact(unit.profile)
        self.profileURL = scope.permissions.contains(.editUnitProfile) ? SiteURL.units(.profile(unit.slug)).path : nil
        self.saved = saved
        self.staff = staff.map { member in
            Member(
                displayName: member.displayName,
                username: member.username,
                roles: member.grants.filter { $0.unitID == unit.id }.map(\.role).sorted().map(\.chineseName).joined(separator: "、"),
                isActive: member.isActive
            )
        }
        self.hasStaff = !staff.isEmpty
        self.children = children.map {
            Dashboard.UnitLink(name: $0.name, url: SiteURL.units(.admin($0.slug)).path, kindName: $0.kind.chineseName, indent: false)
        }
        self.hasChildren = !children.isEmpty
        self.disclosuresURL = SiteURL.disclosures(.adminList(unit.slug)).path
        self.catalogURL = SiteURL.catalog(.admin(unit.slug)).path
        self.financeURL = unit.kind == .community ? SiteURL.finance(.admin(unit.slug)).path : nil
        self.wall =
            unit.kind == .community
            ? Wall(screenURL: SiteURL.screens(.led(unit.slug)).path, kioskURL: SiteURL.screens(.kiosk(unit.slug)).path) : nil
        self.civicURL = unit.kind == .community ? SiteURL.civic(.admin(unit.slug)).path : nil
        self.boardsURL = unit.kind == .community ? SiteURL.peopleBoards(.adminList(unit.slug)).path : nil
        self.feedbackURL = SiteURL.feedback(.admin(unit.slug)).path
        self.cadresURL = SiteURL.serviceBoards(.admin(unit.slug, "cadres")).path
        self.directoryURL = SiteURL.serviceBoards(.admin(unit.slug, "directory")).path
        self.guidesURL = SiteURL.serviceBoards(.admin(unit.slug, "guides")).path
        self.webhooksURL = scope.permissions.contains(.manageWebhooks) ? SiteURL.webhooks(.admin(unit.slug)).path : nil
        self.complianceURL = SiteURL.compliance(.matrix(unit.slug)).path
        self.complianceLabel = unit.kind == .office ? "公开情况总览" : "定期公开提醒"
        self.assessmentURL = unit.kind == .office ? SiteURL.compliance(.assessment(unit.slug)).path : nil
        self.waiting = [DisclosureStatus.draft, .submitted, .returned, .approved].compactMap { status in
            counts[status].flatMap { $0 > 0 ? "\(status.chinese) \($0) 条" : nil }
        }
        self.hasWaiting = !waiting.isEmpty
    }
}

extension Permission {
    var chineseDescription: String {
        switch self {
        case .viewUnitAdmin: "查看本单位的管理页面和草稿"
        case .editUnitProfile: "修改本单位的基本概况"
        case .manageUsers: "添加工作人员，分配和收回角色"
        case .draftDisclosures: "起草公开内容，提交审核，发起更正"
        case .reviewDisclosures: "审核提交的内容：通过，或写明意见退回"
        case .publishDisclosures: "发布审核通过的内容，附理由撤回已发布的内容"
        case .manageCatalog: "维护本单位的公开目录（细则）"
        case .readAuditLog: "查看操作日志"
        case .fileReimbursements: "作为经办人填写报账单，上传原始单据"
        case .keepAccounts: "作为报账员登记收入、导入账目、为签字齐全的报账单过账"
        case .manageSignatureChains: "设置报账签字流程和金额门槛"
        case .keepRosters: "登记低保申请人、流动人口、党员，导入名册，提交低保公示"
        case .decideRosters: "公示期满后审批低保申请，调整或停止保障金，记录年度复审"
        case .manageServiceBoards: "维护干部监督台、便民指示牌和办事指南"
        case .manageWebhooks: "把公开内容推送到居民微信、钉钉、飞书群，查看推送记录"
        case .manageAssessment: "设置年度考核的分值和到期提醒，记下各社区的奖惩"
        }
    }
}
