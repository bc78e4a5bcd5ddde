/// What one person may do where: their role grants read against a unit's
/// place in the tree.
///
/// Works from a unit's lineage (the unit, its parent, … up to the root),
/// which the caller fetches for the one unit at hand, so a check never needs
/// the whole tree of a province.
public struct Access: Sendable, Equatable {
    public let grants: [RoleGrant]

    public init(grants: [RoleGrant]) {
        self.grants = grants
    }

    /// The roles that apply in the first unit of `lineage`: those granted
    /// for it, and those granted for a unit above it that reach down.
    public func roles(inLineage lineage: [Int]) -> Set<Role> {
        var roles: Set<Role> = []
        for (depth, unitID) in lineage.enumerated() {
            for grant in grants where grant.unitID == unitID && (depth == 0 || grant.role.reachesDescendants) {
                roles.insert(grant.role)
            }
        }
        return roles
    }

    public func permissions(inLineage lineage: [Int]) -> Set<Permission> {
        roles(inLineage: lineage).reduce(into: []) { $0.formUnion($1.permissions) }
    }

    public func can(_ permission: Permission, inLineage lineage: [Int]) -> Bool {
        permissions(inLineage: lineage).contains(permission)
    }

    /// Units whose descendants the person also reaches.
    public var reachingUnitIDs: [Int] {
        grants.filter(\.role.reachesDescendants).map(\.unitID)
    }

    /// Whether the person may manage users anywhere.
    public var managesUsers: Bool {
        grants.contains { $0.role.permissions.contains(.manageUsers) }
    }
}
