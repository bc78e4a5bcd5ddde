import Hummingbird
import HummingbirdAuth
import Logging
import SunboardCore

/// The context of a request from signed-in staff. Handlers in the admin
/// area receive this type, so none of them can forget to ask who is there.
struct StaffContext: ChildRequestContext {
    var coreContext: CoreRequestContextStorage
    let user: StaffUser
    let csrfToken: String
    let form: FormFields
    let files: [UploadedFile]
    let clientAddress: String
    /// The login session, for handlers that must renew it.
    let sessions: SessionContext<StaffSession>

    init(context: AppRequestContext) throws {
        guard let user = context.identity else { throw CommonError.unauthenticated }
        self.coreContext = context.coreContext
        self.user = user
        self.csrfToken = context.csrfToken
        self.form = context.form
        self.files = context.files
        self.clientAddress = context.clientAddress
        self.sessions = context.sessions
    }

    /// The actor of an audit entry made in this request.
    func auditEntry(action: String, unitID: Int? = nil, subject: String = "", detail: String = "") -> AuditLog.Entry {
        AuditLog.Entry(
            actorID: user.id, actorName: user.displayName, action: action, unitID: unitID,
            subject: subject, detail: detail, address: clientAddress
        )
    }
}
