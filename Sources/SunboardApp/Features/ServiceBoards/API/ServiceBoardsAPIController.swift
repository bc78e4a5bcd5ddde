import Foundation
import Hummingbird
import SunboardCore

/// The 干部监督台, 便民指示牌 and 办事指南 as JSON.
struct ServiceBoardsAPIController {
    let services: AppServices

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get(SiteURL.serviceBoards(.apiCadres(.key)).route, use: apiCadres)
        router.get(SiteURL.serviceBoards(.apiDirectory(.key)).route, use: apiDirectory)
        router.get(SiteURL.serviceBoards(.apiGuides(.key)).route, use: apiGuides)
        router.get(SiteURL.serviceBoards(.apiGuide(.key)).route, use: apiGuide)
    }

    @Sendable func apiCadres(_ request: Request, context: AppRequestContext) async throws -> JSONBody<[CadreJSON]> {
        let (unit, _) = try await services.community(context)
        return JSONBody(try await services.serviceBoards.cadres(unitID: unit.id).map(CadreJSON.init))
    }

    @Sendable func apiDirectory(_ request: Request, context: AppRequestContext) async throws -> JSONBody<[DirectoryEntryJSON]> {
        let (unit, _) = try await services.community(context)
        return JSONBody(try await services.serviceBoards.directory(unitID: unit.id).map(DirectoryEntryJSON.init))
    }

    @Sendable func apiGuides(_ request: Request, context: AppRequestContext) async throws -> JSONBody<[GuideJSON]> {
        let (_, lineage) = try await services.community(context)
        let slugs = Dictionary(uniqueKeysWithValues: lineage.map { ($0.id, $0.slug) })
        return JSONBody(try await services.serviceBoards.guides(lineage: lineage).map { GuideJSON($0, unitSlug: slugs[$0.unitID] ?? "") })
    }

    @Sendable func apiGuide(_ request: Request, context: AppRequestContext) async throws -> JSONBody<GuideJSON> {
        guard let id = context.parameters.get("id", as: Int.self), let guide = try await services.serviceBoards.guide(id: id),
            let owner = try await services.units.find(id: guide.unitID)
        else { throw CommonError.notFound }
        return JSONBody(GuideJSON(guide, unitSlug: owner.slug))
    }
}
