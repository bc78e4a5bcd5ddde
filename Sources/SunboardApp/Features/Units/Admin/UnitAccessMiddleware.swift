import Hummingbird
import Logging
import SunboardCore

/// Guards `/admin/units/{slug}/…`: finds the unit and refuses anyone who
/// holds no role there (or above it, for the office). A community's staff
/// get 403 on every other community's pages, whatever the page.
struct UnitAccessMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let units: UnitRepository

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let user = context.identity else { throw CommonError.unauthenticated }
        guard let slug = context.parameters.get("slug"), let unit = try await units.find(slug: slug) else {
            throw CommonError.notFound
        }
        let lineage = try await units.lineage(of: unit.id)
        let roles = user.access.roles(inLineage: lineage.map(\.id))
        let permissions = roles.reduce(into: Set<Permission>()) { $0.formUnion($1.permissions) }
        guard permissions.contains(.viewUnitAdmin) else {
            context.logger.notice("Refused unit admin", metadata: ["user": .string(user.username), "unit": .string(slug)])
            throw CommonError.forbidden
        }
        var context = context
        context.scopedUnit = ScopedUnit(unit: unit, lineage: lineage, permissions: permissions, roles: roles)
        return try await next(request, context)
    }
}
