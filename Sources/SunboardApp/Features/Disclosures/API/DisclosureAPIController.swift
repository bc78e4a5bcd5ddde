import Foundation
import Hummingbird
import SunboardCore

/// The disclosure API: catalogs, lists, single disclosures, the ledger.
struct DisclosureAPIController {
    let services: AppServices

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get(SiteURL.disclosures(.apiCatalog(.key)).route, use: catalog)
        router.get(SiteURL.disclosures(.apiList(.key)).route, use: disclosures)
        router.get(SiteURL.disclosures(.api(.key)).route, use: disclosure)
        router.get(SiteURL.disclosures(.apiLedger).route, use: ledger)
    }

    private func lineage(_ context: AppRequestContext) async throws -> [Unit] {
        let slug = try context.parameters.require("slug")
        guard let unit = try await services.units.find(slug: slug) else { throw CommonError.notFound }
        return try await services.units.lineage(of: unit.id)
    }

    @Sendable func catalog(_ request: Request, context: AppRequestContext) async throws -> JSONBody<[CatalogItemJSON]> {
        let lineage = try await lineage(context)
        let slugs = Dictionary(uniqueKeysWithValues: lineage.map { ($0.id, $0.slug) })
        return JSONBody(
            try await services.catalog.effective(lineage: lineage).map { CatalogItemJSON($0, owner: slugs[$0.ownerUnitID] ?? "") })
    }

    /// `?class=immediate&item=works&period=2026-10&page=2&per_page=50`.
    @Sendable func disclosures(_ request: Request, context: AppRequestContext) async throws -> JSONBody<PageJSON<DisclosureSummaryJSON>> {
        let lineage = try await lineage(context)
        let parameters = request.queryDictionary
        var issues: [ValidationFailure.Issue] = []
        if let value = parameters["class"], !value.isEmpty, DisclosureClass(rawValue: value) == nil {
            issues.append(
                .init(
                    field: "class", message: "“class”只能是 standing、periodic 或 immediate。",
                    englishMessage: "class must be standing, periodic or immediate."))
        }
        if let value = parameters["period"], !value.isEmpty, Period(value) == nil {
            issues.append(
                .init(
                    field: "period", message: "“period”请写成 2026-10、2026-Q3 或 2026。",
                    englishMessage: "period must look like 2026-10, 2026-Q3 or 2026."))
        }
        let perPage = parameters["per_page"].map { Int($0) ?? 0 } ?? 20
        if !(1...100).contains(perPage) {
            issues.append(.init(field: "per_page", message: "“per_page”须在 1 到 100 之间。", englishMessage: "per_page must be 1 to 100."))
        }
        if let page = parameters["page"], Int(page).map({ $0 >= 1 }) != true {
            issues.append(.init(field: "page", message: "“page”须为从 1 开始的整数。", englishMessage: "page must be a whole number from 1."))
        }
        try ValidationFailure.check(issues)
        let query = DisclosureListQuery(parameters)
        let catalog = try await services.catalog.effective(lineage: lineage)
        let filter = DisclosureRepository.PublicFilter(itemIDs: query.itemIDs(in: catalog), period: query.period)
        let total = try await services.disclosures.countPublished(unitID: lineage[0].id, filter: filter)
        let listings = try await services.disclosures.published(
            unitID: lineage[0].id, filter: filter, limit: perPage, offset: (query.page - 1) * perPage)
        let items = Dictionary(uniqueKeysWithValues: catalog.map { ($0.id, $0) })
        return JSONBody(
            PageJSON(
                items: listings.map { DisclosureSummaryJSON($0, item: items[$0.itemID]) }, page: query.page, perPage: perPage, total: total)
        )
    }

    @Sendable func disclosure(_ request: Request, context: AppRequestContext) async throws -> JSONBody<DisclosureDetailJSON> {
        guard let id = context.parameters.get("id", as: Int.self), let disclosure = try await services.disclosures.findPublicSide(id: id),
            disclosure.publishedVersion > 0, let unit = try await services.units.find(id: disclosure.unitID),
            let item = try await services.catalog.find(id: disclosure.itemID)
        else { throw CommonError.notFound }
        let versions = try await services.disclosures.versions(of: id)
        let ledger = try await services.ledger.entries(disclosureID: id)
        return JSONBody(
            DisclosureDetailJSON(
                disclosure: disclosure, versions: versions, unit: unit, item: item, ledger: ledger, today: CalendarDate(services.clock.now))
        )
    }

    /// `?after=N&limit=100`: entries after sequence N, oldest first.
    @Sendable func ledger(_ request: Request, context: AppRequestContext) async throws -> JSONBody<LedgerPageJSON> {
        let (after, limit) = try AfterPage(request).pair
        let entries = try await services.ledger.entries(after: after, limit: limit)
        return JSONBody(
            LedgerPageJSON(
                entries: entries.map(LedgerEntryJSON.init), nextAfter: Nullable(entries.count == limit ? entries.last?.sequence : nil),
                total: try await services.ledger.count()))
    }
}
