import SunboardCore

/// The unit an admin request is about, with what the person may do there.
public struct ScopedUnit: Sendable {
    public let unit: Unit
    /// The unit, its parent, … up to the root.
    public let lineage: [Unit]
    public let permissions: Set<Permission>
    /// The roles the person holds for the unit (granted there or reaching down).
    public let roles: Set<Role>
}
