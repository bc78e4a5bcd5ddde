import Foundation
import HTTPTypes
import Hummingbird

/// Behind a trusted reverse proxy, the client is the last address the
/// proxy appended to `X-Forwarded-For`; otherwise it is the socket's peer.
struct ClientAddressMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let trustProxy: Bool

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard trustProxy, let forwarded = request.headers[.xForwardedFor],
            let last = forwarded.split(separator: ",").last?.trimmingCharacters(in: .whitespaces), !last.isEmpty
        else { return try await next(request, context) }
        var context = context
        context.clientAddress = String(last.prefix(64))
        return try await next(request, context)
    }
}
