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

    init(scope: ScopedUnit, user: StaffUser, staff: [StaffMember], children: [Unit], saved: Bool, frame: Frame) {
        let unit = scope.unit
        self.frame = frame
        self.name = unit.name
        self.kindName = unit.kind.chineseName
        self.publicURL = SiteURL.unit(unit.slug).path
        self.yourRoles = user.access.roles(inLineage: scope.lineage.map(\.id)).sorted().map(\.chineseName).joined(separator: "、")
        self.permitted = Permission.allCases.filter(scope.permissions.contains).map { Permitted(text: $0.chineseDescription) }
        self.facts = UnitFacts(unit.profile)
        self.contact = UnitContact(unit.profile)
        self.profileURL = scope.permissions.contains(.editUnitProfile) ? SiteURL.unitProfile(unit.slug).path : nil
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
            Dashboard.UnitLink(name: $0.name, url: SiteURL.unitAdmin($0.slug).path, kindName: $0.kind.chineseName, indent: false)
        }
        self.hasChildren = !children.isEmpty
    }
}

extension Permission {
    var chineseDescription: String {
        switch self {
        case .viewUnitAdmin: "查看本单位的管理页面和草稿"
        case .editUnitProfile: "修改本单位的基本概况"
        case .manageUsers: "添加工作人员，分配和收回角色"
        }
    }
}
