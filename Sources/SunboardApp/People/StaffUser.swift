import SunboardCore

/// The signed-in member of staff behind an admin request.
public struct StaffUser: Sendable {
    public let id: Int
    public let username: String
    public let displayName: String
    /// Their role grants read against the current tree.
    public let access: Access
}

/// What the session cookie stands for: only an id, so a revoked role or a
/// deactivated account takes effect on the very next request.
public struct StaffSession: Codable, Sendable {
    public var userID: Int
}
