import Hummingbird
import HummingbirdAuth
import SunboardCore

/// Turns the session's user id into a `StaffUser` with their current roles.
///
/// Read fresh on every request: a deactivated account or a revoked role
/// stops working at once, on every app instance.
struct StaffAuthenticator: UserSessionRepository {
    let users: UserRepository

    func getUser(from session: StaffSession, context: UserRepositoryContext) async throws -> StaffUser? {
        guard let user = try await users.find(id: session.userID), user.isActive,
            StaffSession(user) == session
        else { return nil }
        return StaffUser(
            id: user.id,
            username: user.username,
            displayName: user.displayName,
            access: Access(grants: try await users.grants(userID: user.id))
        )
    }
}
