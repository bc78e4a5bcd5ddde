import Hummingbird
import Logging
import SQLKit

/// `GET /healthz`: whether the app can reach its database, for load
/// balancers and monitoring.
struct HealthController {
    let database: Database

    struct Status: Encodable, Sendable {
        var status: String
        var database: String
    }

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get(SiteURL.health.route) { request, context in
            var response: Response
            do {
                _ = try await database.sql.raw("SELECT 1").all()
                response = try JSONBody(Status(status: "ok", database: database.kind.rawValue)).response(from: request, context: context)
            } catch {
                context.logger.error("Health check failed: \(error)")
                response = try JSONBody(Status(status: "unavailable", database: database.kind.rawValue), status: .serviceUnavailable)
                    .response(from: request, context: context)
            }
            response.headers[.cacheControl] = "no-store"
            return response
        }
    }
}
