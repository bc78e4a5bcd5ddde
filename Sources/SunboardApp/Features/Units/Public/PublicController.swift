import Hummingbird
import SunboardCore

/// The public site: the office home and each community's board. No login,
/// no cookies: these pages are the same for every reader.
struct PublicController {
    let services: AppServices

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get(SiteURL.home.route, use: home)
        router.get(SiteURL.units(.page(.key)).route, use: unit)
        router.get(SiteURL.staticAsset(.key).route, use: asset)
        router.get(SiteURL.favicon.route) { request, _ in
            services.renderer.assets.response(name: "icon.svg", request: request) ?? Response(status: .notFound)
        }
        router.get(SiteURL.robots.route) { _, _ in
            "User-agent: *\nAllow: /\nDisallow: /admin/\n"
        }
    }

    @Sendable func home(_ request: Request, context: AppRequestContext) async throws -> HTML {
        guard let office = try await services.units.roots().first else { throw CommonError.notFound }
        return try await officePage(office)
    }

    @Sendable func unit(_ request: Request, context: AppRequestContext) async throws -> HTML {
        let slug = try context.parameters.require("slug")
        guard let unit = try await services.units.find(slug: slug) else { throw CommonError.notFound }
        switch unit.kind {
        case .office:
            return try await officePage(unit)
        case .community:
            let lineage = try await services.units.lineage(of: unit.id)
            let parent = lineage.dropFirst().first
            let today = CalendarDate(services.clock.now)
            // The board shows which notices are open, so the day is part of the key.
            let key = "community:\(today):" + lineage.versionKey
            if let page = services.pages.cached(key) { return page }
            let catalog = try await services.catalog.effective(lineage: lineage)
            // A cold render asks these at once, on the pool's connections.
            async let recent = services.disclosures.published(unitID: unit.id, limit: 100)
            async let latestPeriodic = services.disclosures.latestPerItem(
                unitID: unit.id, itemIDs: catalog.filter { $0.disclosureClass == .periodic }.map(\.id))
            async let standing = services.disclosures.standing(
                unitID: unit.id, itemIDs: catalog.filter { $0.disclosureClass == .standing }.map(\.id))
            async let serviceCounts = services.serviceBoards.counts(unitID: unit.id, lineage: lineage)
            async let rosterCounts = services.peopleBoards.rosterCounts(unitID: unit.id)
            async let hasFeedback = services.feedback.hasAny(unitID: unit.id)
            async let panel = recordPanel(of: unit, parent: parent, today: today)
            let content = CommunityHome.Content(
                catalog: catalog, recent: try await recent, latestPeriodic: try await latestPeriodic, standing: try await standing,
                pageCounts: try await serviceCounts.merging(
                    ["rosters": try await rosterCounts.values.reduce(0, +), "feedback": try await hasFeedback ? 1 : 0]) { $1 }
            )
            let record = try await panel
            return try services.pages.page(for: key) {
                var model = CommunityHome(community: unit, parent: parent, content: content, today: today, assets: services.renderer.assets)
                model.record = record
                return HTML(try services.renderer.render("public/community", model), caching: .publicRevalidate)
            }
        }
    }

    /// The community's record of what it owed the office this year, when the office keeps one for it.
    private func recordPanel(of unit: Unit, parent: Unit?, today: CalendarDate) async throws -> RecordPanel? {
        guard let office = parent, let obligated = try await services.compliance.community(id: unit.id) else { return nil }
        let (rows, record) = try await services.complianceReport.record(unit: obligated, officeID: office.id, today: today)
        return RecordPanel(slug: unit.slug, rows: rows, record: record)
    }

    @Sendable func asset(_ request: Request, context: AppRequestContext) async throws -> Response {
        let name = try context.parameters.require("name")
        guard let response = services.renderer.assets.response(name: name, request: request) else {
            throw CommonError.notFound
        }
        return response
    }

    private func officePage(_ office: Unit) async throws -> HTML {
        let communities = try await services.units.children(of: office.id).filter { $0.kind == .community }
        let today = CalendarDate(services.clock.now)
        // Each community's record changes as due dates pass: the day is part of the key.
        let key = "office:\(today):" + ([office] + communities).versionKey
        if let page = services.pages.cached(key) { return page }
        let records = try await services.complianceReport.records(officeID: office.id, today: today)
        return try services.pages.page(for: key) {
            let model = OfficeHome(office: office, communities: communities, records: records, assets: services.renderer.assets)
            return HTML(try services.renderer.render("public/office", model), caching: .publicRevalidate)
        }
    }
}
