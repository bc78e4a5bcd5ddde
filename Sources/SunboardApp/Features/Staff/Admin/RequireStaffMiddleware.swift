import Foundation
import Hummingbird

/// Sends anyone not signed in to the login page, remembering where they
/// were going. Every admin route except login itself sits behind it.
struct RequireStaffMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard context.identity == nil else { return try await next(request, context) }
        var target = SiteURL.staff(.login).path
        if request.method == .get,
            let next = request.uri.path.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(["/", "-", "_"]))
        {
            target += "?next=\(next)"
        }
        return .redirect(to: target, type: .found)
    }
}
