import HummingbirdAuth

/// The request's session, handed on to child contexts so a handler deeper
/// in the admin area can still end it (logout).
struct SessionContextBox: Sendable {
    let sessions: SessionContext<StaffSession>

    init(_ sessions: SessionContext<StaffSession>) {
        self.sessions = sessions
    }

    func clear() { sessions.clearSession() }
}
