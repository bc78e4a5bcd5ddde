import Foundation
import HTTPTypes
import Hummingbird
import SunboardCore

/// Protects forms against cross-site request forgery (double-submit token).
///
/// A random token lives in an HttpOnly, SameSite=Strict cookie; every form
/// carries it back in a hidden `_csrf` field (or an `X-CSRF-Token` header
/// for scripts). Another site can make a browser send the cookie but cannot
/// read it to fill in the field, so a forged submission is refused before
/// any handler runs. Reading the form here also means handlers find it
/// parsed in `context.form`, and a multipart form's files in `context.files`.
struct CSRFMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    static let cookieName = "sunboard_csrf"
    static let fieldName = "_csrf"
    let secureCookies: Bool
    /// Whether multipart forms (uploads) are read here, and then only from
    /// signed-in staff: nobody else may make the server read megabytes.
    var acceptsUploads = false

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        var request = request
        let cookieToken = request.cookies[Self.cookieName].map(\.value).flatMap { Self.isWellFormed($0) ? $0 : nil }

        if request.method == .get || request.method == .head {
            context.csrfToken = cookieToken ?? Self.newToken()
            var response = try await next(request, context)
            if cookieToken == nil {
                let cookie = Cookie(
                    name: Self.cookieName, value: context.csrfToken, maxAge: 7 * 24 * 3600,
                    path: "/", secure: secureCookies, httpOnly: true, sameSite: .strict
                )
                response.headers[values: .setCookie].append(cookie.description)
            }
            return response
        }

        let contentType = request.headers[.contentType] ?? ""
        if contentType.hasPrefix("application/x-www-form-urlencoded") {
            let body = try await request.collectBody(upTo: context.maxUploadSize)
            context.form = FormFields(urlEncoded: String(buffer: body))
        } else if let boundary = MultipartForm.boundary(in: contentType) {
            guard acceptsUploads, context.identity != nil else { throw CommonError.unreadableForm }
            let body = try await request.collectBody(upTo: MultipartForm.maximumBody)
            do {
                (context.form, context.files) = try MultipartForm.parse(body, boundary: boundary)
            } catch {
                throw CommonError.unreadableForm
            }
        }
        let submitted =
            context.form.contains(Self.fieldName)
            ? context.form[Self.fieldName]
            : request.headers[.csrfToken] ?? ""
        guard let cookieToken, Self.constantTimeEqual(cookieToken, submitted) else {
            throw CommonError.csrfMismatch
        }
        context.csrfToken = cookieToken
        return try await next(request, context)
    }

    /// 32 random bytes from the system's secure generator, base64url.
    static func newToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func isWellFormed(_ token: String) -> Bool {
        token.utf8.count == 43 && token.utf8.allSatisfy { $0.isBase64URL }
    }

    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

extension UInt8 {
    fileprivate var isBase64URL: Bool {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(self) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(self)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self) || self == UInt8(ascii: "-") || self == UInt8(ascii: "_")
    }
}

extension HTTPField.Name {
    static let csrfToken = HTTPField.Name("X-CSRF-Token")!
}
