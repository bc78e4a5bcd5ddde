import SunboardCore

/// The office's staff, grouped by the unit they work in, with their roles.
struct UsersPage: Sendable {
    struct Grant: Sendable {
        var unitName: String
        var roleName: String
        var unitID: Int
        var role: String
        var removeURL: String
    }

    struct Person: Sendable {
        var id: Int
        var displayName: String
        var username: String
        var isActive: Bool
        /// Roles in this group's unit; other units' roles show in their groups.
        var grants: [Grant]
        var addRoleURL: String
        var activationURL: String
        /// What the activation button sets: `0` to stop, `1` to restore.
        var activationValue: String
        var activationLabel: String
    }

    struct Group: Sendable {
        var title: String
        var people: [Person]
    }

    var frame: Frame
    var groups: [Group]
    var newUserURL: String
    var unitOptions: [SelectOption]
    var roleOptions: [SelectOption]
    var notice: String?
    var error: String?

    init(people: [StaffMember], units: [Unit], notice: String?, error: String?, frame: Frame) {
        self.frame = frame
        func person(_ member: StaffMember, in unit: Unit?) -> Person {
            Person(
                id: member.id, displayName: member.displayName, username: member.username, isActive: member.isActive,
                grants: member.grants.filter { $0.unitID == unit?.id }.sorted { $0.role < $1.role }.map { grant in
                    Grant(
                        unitName: unit?.name ?? "", roleName: grant.role.chineseName, unitID: grant.unitID, role: grant.role.rawValue,
                        removeURL: SiteURL.staff(.roleRemoval(member.id)).path
                    )
                },
                addRoleURL: SiteURL.staff(.roles(member.id)).path,
                activationURL: SiteURL.staff(.activation(member.id)).path,
                activationValue: member.isActive ? "0" : "1",
                activationLabel: member.isActive ? "停用账号" : "恢复使用"
            )
        }
        var groups = units.compactMap { unit -> Group? in
            let members = people.filter { $0.grants.contains { $0.unitID == unit.id } }
            return members.isEmpty ? nil : Group(title: unit.name, people: members.map { person($0, in: unit) })
        }
        let unassigned = people.filter(\.grants.isEmpty)
        if !unassigned.isEmpty {
            groups.append(Group(title: "还没有角色", people: unassigned.map { person($0, in: nil) }))
        }
        self.groups = groups
        self.newUserURL = SiteURL.staff(.newUser).path
        self.unitOptions = Self.unitOptions(units, selected: nil)
        self.roleOptions = Self.roleOptions(selected: nil)
        self.notice = notice
        self.error = error
    }

    static func unitOptions(_ units: [Unit], selected: Int?) -> [SelectOption] {
        units.map { SelectOption(value: String($0.id), label: $0.name, selected: $0.id == selected) }
    }

    static func roleOptions(selected: Role?) -> [SelectOption] {
        Role.allCases.sorted().map { SelectOption(value: $0.rawValue, label: $0.chineseName, selected: $0 == selected) }
    }
}

/// The form for a new staff account and its first role.
struct NewUserForm: Sendable {
    var frame: Frame
    var action: String
    var cancelURL: String
    var username: String
    var displayName: String
    var unitOptions: [SelectOption]
    var roleOptions: [SelectOption]
    var errorSummary: String?
    var usernameError: String?
    var displayNameError: String?
    var passwordError: String?
    var grantError: String?
    var minimumPassword: Int
}
