import Foundation
import Hummingbird
import SunboardCore

/// `/units/{slug}/record`: a community's periodic disclosures over the last
/// 12 months, each with its due date and whether it came on time, late or
/// not at all. Public: residents hold the committee to its dates.
struct RecordController {
    let services: AppServices

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get(SiteURL.ledger(.unitRecord(.key)).route, use: page)
    }

    struct Page: Sendable {
        var frame: Frame
        var name: String
        var summary: String
        var rate: String
        var rows: [ObligationView]
        var hasRows: Bool
        var boardURL: String
    }

    @Sendable func page(_ request: Request, context: AppRequestContext) async throws -> HTML {
        let (unit, lineage) = try await services.community(context)
        let parent = lineage.dropFirst().first
        let today = CalendarDate(services.clock.now)
        // Statuses change with the day (an obligation falls due): the day is part of the key.
        let key = "record:\(today):" + lineage.versionKey
        if let page = services.pages.cached(key) { return page }
        guard let office = parent, let obligated = try await services.compliance.community(id: unit.id) else { throw CommonError.notFound }
        let (rows, record) = try await services.complianceReport.record(unit: obligated, officeID: office.id, today: today)
        return try services.pages.page(for: key) {
            let model = Page(
                frame: Frame(
                    title: "\(unit.name)按时公开记录",
                    crumbs: Frame.Crumb.trail(to: unit, parent: parent) + [
                        .init(title: "按时公开记录", url: SiteURL.ledger(.unitRecord(unit.slug)).path)
                    ],
                    assets: services.renderer.assets),
                name: unit.name, summary: record.chinese, rate: record.due == 0 ? "—" : Percent.text(record.onTimeRate),
                rows: rows.reversed().map { ObligationView($0) }, hasRows: !rows.isEmpty, boardURL: SiteURL.units(.page(unit.slug)).path)
            return HTML(try services.renderer.render("public/record", model), caching: .publicRevalidate)
        }
    }
}
