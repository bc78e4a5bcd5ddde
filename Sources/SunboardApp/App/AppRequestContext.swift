import Hummingbird
import HummingbirdAuth
import Logging
import NIOCore
import SunboardCore

/// The context of every request the app serves.
public struct AppRequestContext: AuthRequestContext, SessionRequestContext, RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The signed-in member of staff, once `SessionAuthenticator` has run.
    public var identity: StaffUser?
    public let sessions: SessionContext<StaffSession>
    /// The anti-forgery token to put in this response's forms.
    public var csrfToken: String = ""
    /// The submitted form, read once by `CSRFMiddleware`.
    public var form = FormFields()
    /// Files of a multipart form, read with it.
    public var files: [UploadedFile] = []
    /// The client's address, as seen by `ClientAddressMiddleware`.
    public var clientAddress: String
    /// The socket's other end, whatever a proxy header says.
    public let peerAddress: String
    /// The unit an admin route is about, once `UnitAccessMiddleware` has
    /// checked the person may open it.
    public var scopedUnit: ScopedUnit?

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.identity = nil
        self.sessions = .init()
        self.clientAddress = source.channel.remoteAddress?.ipAddress ?? "unknown"
        self.peerAddress = clientAddress
    }

    /// Forms are small; uploads get their own limit where they are accepted.
    public var maxUploadSize: Int { 1024 * 1024 }
}
