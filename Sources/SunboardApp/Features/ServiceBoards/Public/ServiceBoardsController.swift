import Foundation
import Hummingbird
import SunboardCore

/// The 干部监督台, 便民指示牌 and 办事指南 for residents; their JSON is `ServiceBoardsAPIController`.
struct ServiceBoardsController {
    let services: AppServices

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get(SiteURL.serviceBoards(.cadres(.key)).route, use: cadres)
        router.get(SiteURL.serviceBoards(.directory(.key)).route, use: directory)
        router.get(SiteURL.serviceBoards(.guides(.key)).route, use: guides)
        router.get(SiteURL.serviceBoards(.guide(.key)).route, use: guide)
        router.get(SiteURL.serviceBoards(.guidePrint(.key)).route, use: guidePrint)
    }

    private func cachedPage(_ name: String, _ lineage: [Unit], render: () async throws -> HTML) async throws -> HTML {
        let key = "\(name):" + lineage.versionKey
        if let page = services.pages.cached(key) { return page }
        let page = try await render()
        return services.pages.page(for: key) { page }
    }

    @Sendable func cadres(_ request: Request, context: AppRequestContext) async throws -> HTML {
        let (unit, lineage) = try await services.community(context)
        return try await cachedPage("cadres", lineage) {
            let model = CadresPage(
                unit: unit, parent: lineage.dropFirst().first, cadres: try await services.serviceBoards.cadres(unitID: unit.id),
                assets: services.renderer.assets)
            return HTML(try services.renderer.render("public/cadres", model), caching: .publicRevalidate)
        }
    }

    @Sendable func directory(_ request: Request, context: AppRequestContext) async throws -> HTML {
        let (unit, lineage) = try await services.community(context)
        return try await cachedPage("directory", lineage) {
            let model = DirectoryPage(
                unit: unit, parent: lineage.dropFirst().first, entries: try await services.serviceBoards.directory(unitID: unit.id),
                assets: services.renderer.assets)
            return HTML(try services.renderer.render("public/directory", model), caching: .publicRevalidate)
        }
    }

    @Sendable func guides(_ request: Request, context: AppRequestContext) async throws -> HTML {
        let (unit, lineage) = try await services.community(context)
        return try await cachedPage("guides", lineage) {
            let model = GuidesPage(
                unit: unit, parent: lineage.dropFirst().first, guides: try await services.serviceBoards.guides(lineage: lineage),
                assets: services.renderer.assets)
            return HTML(try services.renderer.render("public/guides", model), caching: .publicRevalidate)
        }
    }

    /// A guide with its owner and, when the reader came from a community
    /// the guide applies to, that community for the trail.
    private func guidePage(_ request: Request, _ context: AppRequestContext) async throws -> GuidePage {
        guard let id = context.parameters.get("id", as: Int.self), let guide = try await services.serviceBoards.guide(id: id),
            let owner = try await services.units.find(id: guide.unitID)
        else { throw CommonError.notFound }
        var community: Unit?
        if let slug = request.queryDictionary["unit"], let unit = try await services.units.find(slug: slug), unit.kind == .community,
            try await services.units.lineage(of: unit.id).contains(where: { $0.id == owner.id })
        {
            community = unit
        }
        return GuidePage(guide: guide, owner: owner, community: community, assets: services.renderer.assets)
    }

    @Sendable func guide(_ request: Request, context: AppRequestContext) async throws -> HTML {
        HTML(try services.renderer.render("public/guide", try await guidePage(request, context)), caching: .publicRevalidate)
    }

    @Sendable func guidePrint(_ request: Request, context: AppRequestContext) async throws -> HTML {
        var page = try await guidePage(request, context)
        page.stamp = LedgerStamp(head: try await services.ledger.lastEntry(), base: services.origin(of: request))
        return HTML(try services.renderer.render("public/guide-print", page), caching: .publicRevalidate)
    }
}
