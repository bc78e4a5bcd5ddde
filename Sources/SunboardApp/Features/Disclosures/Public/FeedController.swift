import Foundation
import Hummingbird
import SunboardCore

/// `GET /units/{slug}/feed.atom`: a unit's publications as an Atom feed,
/// optionally of one catalog class (`?class=immediate`), for feed readers
/// and the chat-group bots that follow them.
struct FeedController {
    let services: AppServices

    static let size = 50

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get(SiteURL.disclosures(.feed(.key)).route, use: feed)
    }

    @Sendable func feed(_ request: Request, context: AppRequestContext) async throws -> Response {
        let slug = try context.parameters.require("slug")
        guard let unit = try await services.units.find(slug: slug) else { throw CommonError.notFound }
        var disclosureClass: DisclosureClass?
        if let text = request.queryDictionary["class"], !text.isEmpty {
            guard let parsed = DisclosureClass(rawValue: text) else {
                throw ValidationFailure([
                    .init(
                        field: "class", message: "“class”只能是 standing、periodic 或 immediate。",
                        englishMessage: "class must be standing, periodic or immediate.")
                ])
            }
            disclosureClass = parsed
        }
        let lineage = try await services.units.lineage(of: unit.id)
        let catalog = try await services.catalog.effective(lineage: lineage)
        let items = Dictionary(uniqueKeysWithValues: catalog.map { ($0.id, $0) })
        let filter = DisclosureRepository.PublicFilter(
            itemIDs: disclosureClass.map { wanted in catalog.filter { $0.disclosureClass == wanted }.map(\.id) })
        let listings = try await services.disclosures.published(unitID: unit.id, filter: filter, limit: Self.size)
        // One query for every entry's text.
        let versions = try await services.disclosures.versions(for: listings.map { ($0.id, $0.version) })
        let base = services.origin(of: request)
        let feed = AtomFeed(
            title: "\(unit.name)居务公开" + (disclosureClass.map { "：\($0.chinese)" } ?? ""),
            selfURL: SiteURL.disclosures(.feed(unit.slug)).path + (disclosureClass.map { "?class=\($0.rawValue)" } ?? ""),
            pageURL: SiteURL.units(.page(unit.slug)).path, base: base, author: unit.name,
            entries: listings.map { listing in
                let version = versions["\(listing.id):\(listing.version)"]
                return AtomFeed.Entry(
                    id: listing.id, title: listing.title,
                    summary: listing.withdrawn ? "此条已撤回。" : AtomFeed.summary(version?.content.body ?? ""),
                    category: items[listing.itemID]?.title ?? "", published: listing.firstPublishedAt, updated: listing.lastPublishedAt,
                    withdrawn: listing.withdrawn)
            },
            now: services.clock.now)
        let body = feed.xml
        return ETag.response(
            to: request, status: .ok, contentType: "application/atom+xml; charset=utf-8", etag: ETag.of(body),
            body: ByteBuffer(string: body))
    }
}
