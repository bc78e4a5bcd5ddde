import SunboardCore

/// The admin home: who you are, your roles, the units you can open.
struct Dashboard: Sendable {
    struct RoleLine: Sendable {
        var unitName: String
        var roleName: String
        var duty: String
    }

    struct UnitLink: Sendable {
        var name: String
        var url: String
        var kindName: String
        var indent: Bool
    }

    var frame: Frame
    var displayName: String
    var roles: [RoleLine]
    var hasRoles: Bool
    var units: [UnitLink]
    var managesUsers: Bool
    var usersURL: String
    var readsAudit: Bool
    var auditURL: String
    var hasOfficeTools: Bool

    init(user: StaffUser, units: [Unit], frame: Frame) {
        self.frame = frame
        self.displayName = user.displayName
        let byID = Dictionary(units.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.roles = user.access.grants
            .sorted { $0.unitID != $1.unitID ? $0.unitID < $1.unitID : $0.role < $1.role }
            .map { RoleLine(unitName: byID[$0.unitID]?.name ?? "（已删除的单位）", roleName: $0.role.chineseName, duty: $0.role.duty) }
        self.hasRoles = !roles.isEmpty
        self.units = units.map {
            UnitLink(name: $0.name, url: SiteURL.units(.admin($0.slug)).path, kindName: $0.kind.chineseName, indent: $0.kind == .community)
        }
        self.managesUsers = user.access.managesUsers
        self.usersURL = SiteURL.staff(.users).path
        self.readsAudit = user.access.grants.contains { $0.role.permissions.contains(.readAuditLog) }
        self.auditURL = SiteURL.staff(.audit).path
        self.hasOfficeTools = managesUsers || readsAudit
    }
}
