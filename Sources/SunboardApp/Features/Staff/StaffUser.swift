import Crypto
import Foundation
import SunboardCore

/// The signed-in member of staff behind an admin request.
public struct StaffUser: Sendable {
    public let id: Int
    public let username: String
    public let displayName: String
    /// Their role grants read against the current tree.
    public let access: Access
}

/// What the session cookie stands for: an account and a stamp of its
/// password. Roles are read afresh on each request, so a revoked role or a
/// deactivated account takes effect at once; a changed password changes the
/// stamp, which ends every session opened with the old one.
public struct StaffSession: Codable, Sendable, Equatable {
    public var userID: Int
    public var stamp: String

    init(_ user: StoredUser) {
        self.userID = user.id
        self.stamp = Self.stamp(passwordHash: user.passwordHash)
    }

    /// A digest of the bcrypt hash: changes with every new password, and
    /// useless for guessing it.
    static func stamp(passwordHash: String) -> String {
        SHA256.hash(data: Array(passwordHash.utf8)).prefix(8).map { String(format: "%02x", $0) }.joined()
    }
}
