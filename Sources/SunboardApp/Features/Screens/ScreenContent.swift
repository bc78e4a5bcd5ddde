import Foundation
import SunboardCore

/// What the gate's LED screen and a leaflet show: the community's current
/// notices — those still in their notice period and the last 30 days'
/// publications — newest first, each with a short summary.
struct ScreenContent: Encodable, Sendable {
    struct Item: Encodable, Sendable {
        var id: Int
        var title: String
        var date: String
        var summary: String
        /// “公示至 11月30日，可提出异议” while a notice runs.
        var notice: String?
        var url: String
    }

    var unit: String
    var name: String
    var items: [Item]

    static let recentDays = 30
    static let limit = 12

    static func load(unit: Unit, services: AppServices) async throws -> ScreenContent {
        let today = CalendarDate(services.clock.now)
        let listings = try await services.disclosures.published(unitID: unit.id, limit: 60).filter { listing in
            guard !listing.withdrawn else { return false }
            if let ends = listing.noticeEnds, ends >= today { return true }
            return CalendarDate(listing.lastPublishedAt) >= today.adding(days: -recentDays)
        }.prefix(limit)
        let versions = try await services.disclosures.versions(for: listings.map { ($0.id, $0.version) })
        return ScreenContent(
            unit: unit.slug, name: unit.name,
            items: listings.map { listing in
                Item(
                    id: listing.id, title: listing.title, date: ShanghaiTime.date(listing.lastPublishedAt),
                    summary: AtomFeed.summary(versions["\(listing.id):\(listing.version)"]?.content.body ?? "", limit: 120),
                    notice: listing.noticeEnds.flatMap { $0 >= today ? "公示至 \($0.month)月\($0.day)日，可提出异议" : nil },
                    url: SiteURL.disclosures(.page(listing.id)).path)
            })
    }
}

/// `/screen/{slug}`: the full-screen page for the LED screen or TV at the gate.
struct ScreenPage: Sendable {
    var title: String
    var css: String
    var script: String
    var icon: String
    var content: ScreenContent
    var hasItems: Bool
    var feedURL: String
    /// What the screen shows, as `screen.js` compares it: ids and dates.
    var signature: String
    var address: String
    var phone: String

    init(unit: Unit, content: ScreenContent, assets: StaticAssets) {
        title = "\(unit.name)居务公开"
        css = assets.url("app.css")
        script = assets.url("screen.js")
        icon = assets.url("icon.svg")
        self.content = content
        hasItems = !content.items.isEmpty
        feedURL = SiteURL.screens(.items(unit.slug)).path
        signature = content.items.map { "\($0.id)@\($0.date)" }.joined(separator: ",")
        address = unit.profile.address
        phone = unit.profile.phone
    }
}
