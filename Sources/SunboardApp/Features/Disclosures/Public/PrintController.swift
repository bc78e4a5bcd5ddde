import Foundation
import Hummingbird
import SunboardCore

/// Paper: a disclosure on A4 for the physical board, and a leaflet (宣传单)
/// of several notices for door-to-door delivery, each with QR codes back to
/// its page online (and to its objection form while the notice runs).
struct PrintController {
    let services: AppServices

    static let leafletLimit = 6

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get(SiteURL.disclosures(.print(.key)).route, use: disclosure)
        router.get(SiteURL.disclosures(.leaflet(.key)).route, use: leaflet)
    }

    /// Absolute links for the codes: a phone scanning paper has no page to be relative to.
    private func base(_ request: Request) -> String {
        services.origin(of: request)
    }

    /// The ledger's head now, for the page's foot and its codes.
    private func stamp(_ request: Request) async throws -> LedgerStamp? {
        LedgerStamp(head: try await services.ledger.lastEntry(), base: base(request))
    }

    private func printed(_ disclosure: Disclosure, request: Request, stamp: LedgerStamp?, compact: Bool) async throws -> PrintedNotice? {
        guard disclosure.publishedVersion > 0, disclosure.withdrawnAt == nil,
            let item = try await services.catalog.find(id: disclosure.itemID),
            let version = try await services.disclosures.versions(of: disclosure.id).first(where: {
                $0.number == disclosure.publishedVersion
            })
        else { return nil }
        return PrintedNotice(
            disclosure: disclosure, version: version, item: item, base: base(request), today: CalendarDate(services.clock.now),
            stamp: stamp, compact: compact)
    }

    @Sendable func disclosure(_ request: Request, context: AppRequestContext) async throws -> HTML {
        guard let id = context.parameters.get("id", as: Int.self), let disclosure = try await services.disclosures.findPublicSide(id: id),
            let unit = try await services.units.find(id: disclosure.unitID)
        else { throw CommonError.notFound }
        let stamp = try await stamp(request)
        guard let notice = try await printed(disclosure, request: request, stamp: stamp, compact: false) else { throw CommonError.notFound }
        let model = PrintPage(
            title: notice.title, unit: unit, notices: [notice], isLeaflet: false, today: CalendarDate(services.clock.now), stamp: stamp,
            assets: services.renderer.assets)
        return HTML(try services.renderer.render("public/print", model), caching: .publicRevalidate)
    }

    /// `ids=12,15` chooses the notices; without it, the community's current ones.
    @Sendable func leaflet(_ request: Request, context: AppRequestContext) async throws -> HTML {
        let (unit, _) = try await services.community(context)
        var ids: [Int]
        if let text = request.queryDictionary["ids"], !text.isEmpty {
            let parts = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count <= Self.leafletLimit, parts.allSatisfy({ Int($0) != nil }) else {
                throw ValidationFailure([
                    .init(
                        field: "ids", message: "“ids”请写成用逗号分隔的编号，最多 \(Self.leafletLimit) 条。",
                        englishMessage: "ids must be up to \(Self.leafletLimit) comma-separated numbers.")
                ])
            }
            ids = parts.compactMap { Int($0) }
        } else {
            ids = try await ScreenContent.load(unit: unit, services: services).items.prefix(Self.leafletLimit).map(\.id)
        }
        let stamp = try await stamp(request)
        var notices: [PrintedNotice] = []
        for id in ids {
            // Only this community's published notices; anything else is skipped, never shown.
            guard let disclosure = try await services.disclosures.findPublicSide(id: id), disclosure.unitID == unit.id,
                let notice = try await printed(disclosure, request: request, stamp: stamp, compact: true)
            else { continue }
            notices.append(notice)
        }
        let model = PrintPage(
            title: "\(unit.name)居务公开宣传单", unit: unit, notices: notices, isLeaflet: true, today: CalendarDate(services.clock.now),
            stamp: stamp, assets: services.renderer.assets)
        return HTML(try services.renderer.render("public/print", model), caching: .publicRevalidate)
    }
}
