import Hummingbird
import SunboardCore

/// `GET /api/v1/units` and `GET /api/v1/units/{slug}`.
struct UnitAPIController {
    let units: UnitRepository

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get(SiteURL.units(.apiList).route, use: list)
        router.get(SiteURL.units(.api(.key)).route, use: show)
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> JSONBody<[UnitJSON]> {
        let all = try await units.all()
        let slugs = Dictionary(all.map { ($0.id, $0.slug) }, uniquingKeysWith: { first, _ in first })
        return JSONBody(all.map { UnitJSON($0, parentSlug: $0.parentID.flatMap { slugs[$0] }) })
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> JSONBody<UnitJSON> {
        let slug = try context.parameters.require("slug")
        guard let unit = try await units.find(slug: slug) else { throw CommonError.notFound }
        let parent: Unit? = if let parentID = unit.parentID { try await units.find(id: parentID) } else { nil }
        return JSONBody(UnitJSON(unit, parentSlug: parent?.slug))
    }
}
