extension SiteURL {
    /// The site's search, as a page and as JSON.
    enum Search: Sendable, Equatable {
        case page
        case api

        var path: String {
            switch self {
            case .page: "/search"
            case .api: "/api/v1/search"
            }
        }

        /// Every route of the feature, as registered.
        static let patterns: [Self] = [
            .page,
            .api,
        ]
    }
}
