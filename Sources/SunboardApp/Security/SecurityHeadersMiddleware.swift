import HTTPTypes
import Hummingbird

/// Headers that make the browser refuse what Sunboard never does: running
/// scripts from elsewhere, being framed by another site, guessing types;
/// and, when the site is served over HTTPS (secure cookies), being reached
/// over plain HTTP again for a year.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    /// Set with secure cookies: the site is behind HTTPS.
    var https = false

    static var strictTransport: String { "max-age=31536000" }

    static var policy: String {
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
            + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'"
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.contentSecurityPolicy] = Self.policy
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.referrerPolicy] = "same-origin"
        response.headers[.xFrameOptions] = "SAMEORIGIN"
        if https { response.headers[.strictTransportSecurity] = Self.strictTransport }
        return response
    }
}

extension HTTPField.Name {
    static let xContentTypeOptions = HTTPField.Name("X-Content-Type-Options")!
    static let referrerPolicy = HTTPField.Name("Referrer-Policy")!
    static let xFrameOptions = HTTPField.Name("X-Frame-Options")!
    static let xForwardedFor = HTTPField.Name("X-Forwarded-For")!
    static let strictTransportSecurity = HTTPField.Name("Strict-Transport-Security")!
}
