/// A role held in one unit.
public struct RoleGrant: Sendable, Equatable, Hashable {
    public let unitID: Int
    public let role: Role

    public init(unitID: Int, role: Role) {
        self.unitID = unitID
        self.role = role
    }
}
