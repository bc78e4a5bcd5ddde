/// A `users` row as stored.
package struct StoredUser: Codable, Sendable {
    var id: Int
    var username: String
    var displayName: String
    var passwordHash: String
    var isActive: Bool

    static let columns = ["id", "username", "display_name", "password_hash", "is_active"]
}
