import SunboardCore

/// A member of staff taking a step in a unit: who they are, where the
/// request came from (for the audit log), and what their roles there allow.
/// Every feature's workflow takes one; the admin pages make it from the
/// signed-in person (`UnitAdminContext`).
public struct StaffActor: Sendable {
    public var id: Int
    public var name: String
    public var address: String
    public var permissions: Set<Permission>

    public init(id: Int, name: String, address: String, permissions: Set<Permission>) {
        self.id = id
        self.name = name
        self.address = address
        self.permissions = permissions
    }
}
