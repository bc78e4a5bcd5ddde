import Foundation
import Hummingbird
import SunboardCore

/// The community on other glass: `/screen/{slug}` for the LED screen at the
/// gate (it polls `/screen/{slug}/items.json` and keeps its last content
/// when the network drops) and `/kiosk/{slug}` for the courtyard's touch
/// screen, whose tiles open the ordinary pages in kiosk mode (`app.js`).
struct ScreenController {
    let services: AppServices

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get(SiteURL.screens(.led(.key)).route, use: screen)
        router.get(SiteURL.screens(.items(.key)).route, use: items)
        router.get(SiteURL.screens(.kiosk(.key)).route, use: kiosk)
    }

    private func key(_ name: String, _ lineage: [Unit]) -> String {
        "\(name):\(CalendarDate(services.clock.now)):" + lineage.versionKey
    }

    @Sendable func screen(_ request: Request, context: AppRequestContext) async throws -> HTML {
        let (unit, lineage) = try await services.community(context)
        let key = key("screen", lineage)
        if let page = services.pages.cached(key) { return page }
        let content = try await ScreenContent.load(unit: unit, services: services)
        return try services.pages.page(for: key) {
            HTML(
                try services.renderer.render("public/screen", ScreenPage(unit: unit, content: content, assets: services.renderer.assets)),
                caching: .publicRevalidate)
        }
    }

    @Sendable func items(_ request: Request, context: AppRequestContext) async throws -> HTML {
        let (unit, lineage) = try await services.community(context)
        let key = key("screen-items", lineage)
        if let answer = services.pages.cached(key) { return answer }
        let content = try await ScreenContent.load(unit: unit, services: services)
        return try services.pages.page(for: key) { try HTML.json(content) }
    }

    @Sendable func kiosk(_ request: Request, context: AppRequestContext) async throws -> HTML {
        let (unit, _) = try await services.community(context)
        // A test may shorten the idle time; a device keeps the minute.
        let idle = request.queryDictionary["idle"].flatMap(Int.init).map { min(max($0, 3), 600) } ?? 60
        let model = KioskPage(unit: unit, idleSeconds: idle, assets: services.renderer.assets)
        return HTML(try services.renderer.render("public/kiosk", model), caching: .publicRevalidate)
    }
}
