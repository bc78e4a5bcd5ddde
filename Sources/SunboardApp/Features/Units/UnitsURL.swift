extension SiteURL {
    /// The units' home pages, their profiles for staff and the units API.
    enum Units: Sendable, Equatable {
        case page(_ slug: Param<String>)
        case admin(_ slug: Param<String>)
        case profile(_ slug: Param<String>)
        case apiList
        case api(_ slug: Param<String>)

        var path: String {
            switch self {
            case .page(let slug): "/units/\(slug.segment("slug"))"
            case .admin(let slug): "/admin/units/\(slug.segment("slug"))"
            case .profile(let slug): "/admin/units/\(slug.segment("slug"))/profile"
            case .apiList: "/api/v1/units"
            case .api(let slug): "/api/v1/units/\(slug.segment("slug"))"
            }
        }

        /// Every route of the feature, as registered.
        static let patterns: [Self] = [
            .page(.key),
            .admin(.key),
            .profile(.key),
            .apiList,
            .api(.key),
        ]
    }
}
