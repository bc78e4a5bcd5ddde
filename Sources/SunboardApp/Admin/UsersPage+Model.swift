import SunboardCore

/// The office's list of staff accounts with their roles.
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
        var grants: [Grant]
        var hasGrants: Bool
        var addRoleURL: String
    }

    struct Option: Sendable {
        var value: String
        var label: String
        var selected: Bool
    }

    var frame: Frame
    var people: [Person]
    var newUserURL: String
    var unitOptions: [Option]
    var roleOptions: [Option]
    var notice: String?
    var error: String?

    init(people: [StaffMember], units: [Unit], notice: String?, error: String?, frame: Frame) {
        let names = Dictionary(units.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        self.frame = frame
        self.people = people.map { member in
            let grants = member.grants.compactMap { grant -> Grant? in
                guard let unitName = names[grant.unitID] else { return nil }
                return Grant(
                    unitName: unitName, roleName: grant.role.chineseName, unitID: grant.unitID, role: grant.role.rawValue,
                    removeURL: SiteURL.userRoleRemoval(String(member.id)).path
                )
            }
            return Person(
                id: member.id, displayName: member.displayName, username: member.username, isActive: member.isActive,
                grants: grants, hasGrants: !grants.isEmpty, addRoleURL: SiteURL.userRoles(String(member.id)).path
            )
        }
        self.newUserURL = SiteURL.newUser.path
        self.unitOptions = Self.unitOptions(units, selected: nil)
        self.roleOptions = Self.roleOptions(selected: nil)
        self.notice = notice
        self.error = error
    }

    static func unitOptions(_ units: [Unit], selected: Int?) -> [Option] {
        units.map { Option(value: String($0.id), label: $0.name, selected: $0.id == selected) }
    }

    static func roleOptions(selected: Role?) -> [Option] {
        Role.allCases.sorted().map { Option(value: $0.rawValue, label: $0.chineseName, selected: $0 == selected) }
    }
}

/// The form for a new staff account and its first role.
struct NewUserForm: Sendable {
    var frame: Frame
    var action: String
    var cancelURL: String
    var username: String
    var displayName: String
    var unitOptions: [UsersPage.Option]
    var roleOptions: [UsersPage.Option]
    var errorSummary: String?
    var usernameError: String?
    var displayNameError: String?
    var passwordError: String?
    var grantError: String?
    var minimumPassword: Int
}
