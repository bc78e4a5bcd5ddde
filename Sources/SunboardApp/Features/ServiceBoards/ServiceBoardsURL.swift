extension SiteURL {
    /// 干部监督台, 便民指示牌 and 办事指南: public pages, staff pages and the API.
    enum ServiceBoards: Sendable, Equatable {
        case cadres(_ slug: Param<String>)
        case directory(_ slug: Param<String>)
        case guides(_ slug: Param<String>)
        case guide(_ id: Param<Int>)
        case guidePrint(_ id: Param<Int>)
        /// The list of a service board: `cadres`, `directory` or `guides`.
        case admin(_ slug: Param<String>, _ kind: Param<String>)
        /// The form that adds a line to a service board.
        case adminNew(_ slug: Param<String>, _ kind: Param<String>)
        /// One line of a service board.
        case adminItem(_ slug: Param<String>, _ kind: Param<String>, _ id: Param<Int>)
        case adminDelete(_ slug: Param<String>, _ kind: Param<String>, _ id: Param<Int>)
        case apiCadres(_ slug: Param<String>)
        case apiDirectory(_ slug: Param<String>)
        case apiGuides(_ slug: Param<String>)
        case apiGuide(_ id: Param<Int>)

        var path: String {
            switch self {
            case .cadres(let slug): "/units/\(slug.segment("slug"))/cadres"
            case .directory(let slug): "/units/\(slug.segment("slug"))/directory"
            case .guides(let slug): "/units/\(slug.segment("slug"))/guides"
            case .guide(let id): "/guides/\(id.segment("id"))"
            case .guidePrint(let id): "/guides/\(id.segment("id"))/print"
            case .admin(let slug, let kind): "/admin/units/\(slug.segment("slug"))/\(kind.segment("kind"))"
            case .adminNew(let slug, let kind): "/admin/units/\(slug.segment("slug"))/\(kind.segment("kind"))/new"
            case .adminItem(let slug, let kind, let id): "/admin/units/\(slug.segment("slug"))/\(kind.segment("kind"))/\(id.segment("id"))"
            case .adminDelete(let slug, let kind, let id):
                "/admin/units/\(slug.segment("slug"))/\(kind.segment("kind"))/\(id.segment("id"))/delete"
            case .apiCadres(let slug): "/api/v1/units/\(slug.segment("slug"))/cadres"
            case .apiDirectory(let slug): "/api/v1/units/\(slug.segment("slug"))/directory"
            case .apiGuides(let slug): "/api/v1/units/\(slug.segment("slug"))/guides"
            case .apiGuide(let id): "/api/v1/guides/\(id.segment("id"))"
            }
        }

        /// The service boards, each with its own admin pages.
        static let kinds = ["cadres", "directory", "guides"]

        /// Every route of the feature, as registered.
        static let patterns: [Self] =
            [
                .cadres(.key),
                .directory(.key),
                .guides(.key),
                .guide(.key),
                .guidePrint(.key),
            ]
            + kinds.flatMap { kind in
                [Self.admin(.key, kind), .adminNew(.key, kind), .adminItem(.key, kind, .key), .adminDelete(.key, kind, .key)]
            } + [
                .apiCadres(.key),
                .apiDirectory(.key),
                .apiGuides(.key),
                .apiGuide(.key),
            ]
    }
}
