extension SiteURL {
    /// A unit's catalog for its staff.
    enum Catalog: Sendable, Equatable {
        case admin(_ slug: Param<String>)
        case adminNew(_ slug: Param<String>)
        case adminItem(_ slug: Param<String>, _ id: Param<Int>)

        var path: String {
            switch self {
            case .admin(let slug): "/admin/units/\(slug.segment("slug"))/catalog"
            case .adminNew(let slug): "/admin/units/\(slug.segment("slug"))/catalog/new"
            case .adminItem(let slug, let id): "/admin/units/\(slug.segment("slug"))/catalog/\(id.segment("id"))"
            }
        }

        /// Every route of the feature, as registered.
        static let patterns: [Self] = [
            .admin(.key),
            .adminNew(.key),
            .adminItem(.key, .key),
        ]
    }
}
