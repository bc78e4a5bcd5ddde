extension SiteURL {
    /// Elections, meetings, hearings, projects and posts: public pages, the API and the staff's pages.
    enum Civic: Sendable, Equatable {
        /// A civic process's public page, one of `pages`.
        case page(_ slug: Param<String>, _ page: Param<String>)
        case item(_ slug: Param<String>, _ page: Param<String>, _ id: Param<Int>)
        case api(_ slug: Param<String>, _ page: Param<String>)
        case apiItem(_ slug: Param<String>, _ page: Param<String>, _ id: Param<Int>)
        case admin(_ slug: Param<String>)
        /// Adds a record (`elections`, …) or a post without one (`bulletins`, …).
        case create(_ slug: Param<String>, _ page: Param<String>)
        case adminItem(_ slug: Param<String>, _ page: Param<String>, _ id: Param<Int>)
        case adminStep(_ slug: Param<String>, _ page: Param<String>, _ id: Param<Int>, _ step: Param<String>)

        var path: String {
            switch self {
            case .page(let slug, let page): "/units/\(slug.segment("slug"))/\(page.segment("page"))"
            case .item(let slug, let page, let id): "/units/\(slug.segment("slug"))/\(page.segment("page"))/\(id.segment("id"))"
            case .api(let slug, let page): "/api/v1/units/\(slug.segment("slug"))/\(page.segment("page"))"
            case .apiItem(let slug, let page, let id): "/api/v1/units/\(slug.segment("slug"))/\(page.segment("page"))/\(id.segment("id"))"
            case .admin(let slug): "/admin/units/\(slug.segment("slug"))/civic"
            case .create(let slug, let page): "/admin/units/\(slug.segment("slug"))/civic/\(page.segment("page"))"
            case .adminItem(let slug, let page, let id):
                "/admin/units/\(slug.segment("slug"))/civic/\(page.segment("page"))/\(id.segment("id"))"
            case .adminStep(let slug, let page, let id, let step):
                "/admin/units/\(slug.segment("slug"))/civic/\(page.segment("page"))/\(id.segment("id"))/\(step.segment("step"))"
            }
        }

        /// The public pages of the civic processes, one a kind of record or post.
        static let pages = ["elections", "meetings", "hearings", "projects", "bulletins", "honors", "albums", "appraisals"]

        /// Every route of the feature, as registered.
        static let patterns: [Self] =
            [] + Self.pages.map { .page(.key, $0) }
            + ["elections", "meetings", "hearings", "projects", "albums"].map { .item(.key, $0, .key) }
            + Self.pages.map { .api(.key, $0) }
            + ["elections", "meetings", "hearings", "projects", "bulletins"].map { .apiItem(.key, $0, .key) }
            + [
                .admin(.key),
                .create(.key, .key),
                .adminItem(.key, .key, .key),
                .adminStep(.key, .key, .key, .key),
            ]
    }
}
