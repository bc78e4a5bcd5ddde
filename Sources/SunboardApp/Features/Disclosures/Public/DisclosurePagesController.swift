import Foundation
import Hummingbird
import SunboardCore

/// Public pages of disclosures: a community's catalog and list, each
/// disclosure and its versions, and attached files.
struct DisclosurePagesController {
    let services: AppServices

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get(SiteURL.disclosures(.catalog(.key)).route, use: catalog)
        router.get(SiteURL.disclosures(.list(.key)).route, use: list)
        router.get(SiteURL.disclosures(.page(.key)).route, use: disclosure)
        router.get(SiteURL.disclosures(.version(.key, .key)).route, use: version)
        router.get(SiteURL.disclosures(.file(.key)).route, use: file)
    }

    /// A unit and its lineage (the unit first), or 404.
    private func lineage(_ context: AppRequestContext) async throws -> [Unit] {
        let slug = try context.parameters.require("slug")
        guard let unit = try await services.units.find(slug: slug) else { throw CommonError.notFound }
        return try await services.units.lineage(of: unit.id)
    }

    @Sendable func catalog(_ request: Request, context: AppRequestContext) async throws -> HTML {
        let lineage = try await lineage(context)
        let key = "catalog:" + lineage.versionKey
        if let page = services.pages.cached(key) { return page }
        let items = try await services.catalog.effective(lineage: lineage)
        return try services.pages.page(for: key) {
            let model = CatalogPage(unit: lineage[0], parent: lineage.dropFirst().first, catalog: items, assets: services.renderer.assets)
            return HTML(try services.renderer.render("public/catalog", model), caching: .publicRevalidate)
        }
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> HTML {
        let lineage = try await lineage(context)
        let unit = lineage[0]
        let query = DisclosureListQuery(request.queryDictionary)
        let catalog = try await services.catalog.effective(lineage: lineage)
        let filter = DisclosureRepository.PublicFilter(itemIDs: query.itemIDs(in: catalog), period: query.period)
        let total = try await services.disclosures.countPublished(unitID: unit.id, filter: filter)
        let listings = try await services.disclosures.published(
            unitID: unit.id, filter: filter, limit: DisclosureListQuery.perPage, offset: (query.page - 1) * DisclosureListQuery.perPage)
        let items = Dictionary(uniqueKeysWithValues: catalog.map { ($0.id, $0) })
        let today = CalendarDate(services.clock.now)
        let base = SiteURL.disclosures(.list(unit.slug)).path
        let pageCount = max(1, (total + DisclosureListQuery.perPage - 1) / DisclosureListQuery.perPage)
        let sectionTitle = query.section.flatMap { id in BoardSection.community.first { $0.id == id }?.title }
        var crumbs: [Frame.Crumb] = lineage.dropFirst().reversed().map { .init(title: $0.name, url: SiteURL.units(.page($0.slug)).path) }
        crumbs.append(.init(title: unit.name, url: SiteURL.units(.page(unit.slug)).path))
        crumbs.append(.init(title: "全部公开内容", url: base))
        let model = DisclosureList(
            frame: Frame(title: "\(unit.name)全部公开内容", crumbs: crumbs, assets: services.renderer.assets),
            unitName: unit.name,
            heading: [sectionTitle, query.disclosureClass?.chinese, query.period?.chinese].compactMap { $0 }.joined(separator: " · "),
            listings: listings.map { ListingLink($0, item: items[$0.itemID], today: today) },
            hasListings: !listings.isEmpty,
            total: total,
            sections: [.init(value: "", label: "全部栏目", selected: query.section == nil)]
                + BoardSection.community.filter { $0.id != "profile" && $0.id != "feedback" }.map {
                    .init(value: $0.id, label: $0.title, selected: $0.id == query.section)
                },
            classes: [.init(value: "", label: "全部类别", selected: query.disclosureClass == nil)]
                + DisclosureClass.allCases.map { .init(value: $0.rawValue, label: $0.chinese, selected: $0 == query.disclosureClass) },
            period: query.period?.description ?? "",
            action: base,
            previousURL: query.page > 1 ? query.url(base: base, page: query.page - 1) : nil,
            nextURL: query.page < pageCount ? query.url(base: base, page: query.page + 1) : nil,
            pageNumber: query.page,
            pageCount: pageCount
        )
        return HTML(try services.renderer.render("public/disclosures", model), caching: .publicRevalidate)
    }

    @Sendable func disclosure(_ request: Request, context: AppRequestContext) async throws -> HTML {
        try await page(context: context, number: nil)
    }

    @Sendable func version(_ request: Request, context: AppRequestContext) async throws -> HTML {
        guard let number = context.parameters.get("number", as: Int.self) else { throw CommonError.notFound }
        return try await page(context: context, number: number)
    }

    /// A disclosure's page at its latest version or at `number`. Kept in
    /// memory under everything that can change it: its version, its
    /// withdrawal, whether personal details still show, the unit's board.
    private func page(context: AppRequestContext, number: Int?) async throws -> HTML {
        guard let id = context.parameters.get("id", as: Int.self), let disclosure = try await services.disclosures.findPublicSide(id: id),
            disclosure.publishedVersion > 0
        else { throw CommonError.notFound }
        let shownNumber = number ?? disclosure.publishedVersion
        guard (1...disclosure.publishedVersion).contains(shownNumber) else { throw CommonError.notFound }
        let lineage = try await services.units.lineage(of: disclosure.unitID)
        let today = CalendarDate(services.clock.now)
        let key = [
            "disclosure:\(id)", "\(shownNumber)/\(disclosure.publishedVersion)", disclosure.withdrawnAt == nil ? "live" : "withdrawn",
            "\(disclosure.showsPersonalDetails(on: today))", "\(disclosure.noticeOpen(on: today))",
            lineage.versionKey,
        ].joined(separator: ":")
        if let page = services.pages.cached(key) { return page }
        guard let item = try await services.catalog.find(id: disclosure.itemID) else { throw CommonError.notFound }
        let versions = try await services.disclosures.versions(of: id)
        guard let shown = versions.first(where: { $0.number == shownNumber }) else { throw CommonError.notFound }
        let entries = try await services.ledger.entries(disclosureID: id)
        return try services.pages.page(for: key) {
            let model = DisclosurePage(
                disclosure: disclosure, shown: shown, versions: versions, unit: lineage[0], parent: lineage.dropFirst().first, item: item,
                ledger: entries, today: today, assets: services.renderer.assets)
            return HTML(try services.renderer.render("public/disclosure", model), caching: .publicRevalidate)
        }
    }

    /// An attached file: public once attached to a published version that
    /// is not withdrawn, or a receipt of a posted reimbursement. Named by
    /// its content, so it never changes; but only a receipt stays public for
    /// good, so only a receipt may be kept without asking again.
    @Sendable func file(_ request: Request, context: AppRequestContext) async throws -> Response {
        let sha256 = try context.parameters.require("sha256")
        guard FileStore.isHash(sha256) else { throw CommonError.notFound }
        // Receipts of posted reimbursements are public, like the seed's photocopies on the board.
        let isAttachment = try await services.disclosures.isPublicFile(sha256, today: CalendarDate(services.clock.now))
        let isReceipt = isAttachment ? false : try await services.finance.isPostedReceipt(sha256)
        // Cadres' photos and guides' forms are on public boards too.
        let isService = isAttachment || isReceipt ? false : try await services.serviceBoards.isPublicFile(sha256)
        guard isAttachment || isReceipt || isService else { throw CommonError.notFound }
        // `?size=phone`: the copy made at upload for a large photo, else the photo itself.
        let served = request.queryDictionary["size"] == "phone" ? try await services.files.phoneCopy(of: sha256) ?? sha256 : sha256
        return try await FileResponse.make(
            sha256: served, store: services.files, database: services.database,
            cache: isReceipt ? FileResponse.forever : FileResponse.revalidate, request: request)
    }
}
