extension SiteURL {
    /// The 插卡式 boards: public boards, the staff's cards and the API.
    enum PeopleBoards: Sendable, Equatable {
        case list(_ slug: Param<String>)
        case board(_ slug: Param<String>, _ board: Param<String>)
        case adminList(_ slug: Param<String>)
        case admin(_ slug: Param<String>, _ board: Param<String>)
        case newCard(_ slug: Param<String>, _ board: Param<String>)
        case cards(_ slug: Param<String>, _ board: Param<String>)
        case card(_ slug: Param<String>, _ board: Param<String>, _ id: Param<Int>)
        case cardStep(_ slug: Param<String>, _ board: Param<String>, _ id: Param<Int>, _ step: Param<String>)
        case importRoster(_ slug: Param<String>, _ board: Param<String>)
        case settings(_ slug: Param<String>, _ board: Param<String>)
        case review(_ slug: Param<String>, _ board: Param<String>)
        case apiList(_ slug: Param<String>)
        case api(_ slug: Param<String>, _ board: Param<String>)

        var path: String {
            switch self {
            case .list(let slug): "/units/\(slug.segment("slug"))/boards"
            case .board(let slug, let board): "/units/\(slug.segment("slug"))/boards/\(board.segment("board"))"
            case .adminList(let slug): "/admin/units/\(slug.segment("slug"))/boards"
            case .admin(let slug, let board): "/admin/units/\(slug.segment("slug"))/boards/\(board.segment("board"))"
            case .newCard(let slug, let board): "/admin/units/\(slug.segment("slug"))/boards/\(board.segment("board"))/new"
            case .cards(let slug, let board): "/admin/units/\(slug.segment("slug"))/boards/\(board.segment("board"))/cards"
            case .card(let slug, let board, let id):
                "/admin/units/\(slug.segment("slug"))/boards/\(board.segment("board"))/cards/\(id.segment("id"))"
            case .cardStep(let slug, let board, let id, let step):
                "/admin/units/\(slug.segment("slug"))/boards/\(board.segment("board"))/cards/\(id.segment("id"))/\(step.segment("step"))"
            case .importRoster(let slug, let board): "/admin/units/\(slug.segment("slug"))/boards/\(board.segment("board"))/import"
            case .settings(let slug, let board): "/admin/units/\(slug.segment("slug"))/boards/\(board.segment("board"))/settings"
            case .review(let slug, let board): "/admin/units/\(slug.segment("slug"))/boards/\(board.segment("board"))/review-disclosure"
            case .apiList(let slug): "/api/v1/units/\(slug.segment("slug"))/boards"
            case .api(let slug, let board): "/api/v1/units/\(slug.segment("slug"))/boards/\(board.segment("board"))"
            }
        }

        /// Every route of the feature, as registered.
        static let patterns: [Self] = [
            .list(.key),
            .board(.key, .key),
            .adminList(.key),
            .admin(.key, .key),
            .newCard(.key, .key),
            .cards(.key, .key),
            .card(.key, .key, .key),
            .cardStep(.key, .key, .key, "edit"),
            .cardStep(.key, .key, .key, .key),
            .importRoster(.key, .key),
            .settings(.key, .key),
            .review(.key, .key),
            .apiList(.key),
            .api(.key, .key),
        ]
    }
}
