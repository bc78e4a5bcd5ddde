/// Something a person may do in a unit. Handlers ask for a permission, never
/// for a role, so a role's powers are stated once, here.
public enum Permission: String, Sendable, CaseIterable {
    /// Open the unit's admin pages (drafts, staff, settings).
    case viewUnitAdmin
    /// Edit the unit's 基本概况.
    case editUnitProfile
    /// Add people and grant or revoke their roles in the unit and below it.
    case manageUsers
}

extension Role {
    /// What the role allows in the unit it is granted for.
    public var permissions: Set<Permission> {
        switch self {
        case .clerk, .supervisor, .secretary, .liaison: [.viewUnitAdmin]
        case .director: [.viewUnitAdmin, .editUnitProfile]
        case .officeAdmin: Set(Permission.allCases)
        }
    }

    /// Whether the role also reaches the units below the one it is granted
    /// for. Only the office administrator's does: a community's staff never
    /// see another community (DESIGN.md, “Who uses it”).
    public var reachesDescendants: Bool { self == .officeAdmin }
}
