extension SiteURL {
    /// Residents' suggestions and complaints, and the staff's replies.
    enum Feedback: Sendable, Equatable {
        case list(_ slug: Param<String>)
        case form(_ slug: Param<String>)
        case admin(_ slug: Param<String>)
        case reply(_ slug: Param<String>, _ kind: Param<String>, _ id: Param<Int>)

        var path: String {
            switch self {
            case .list(let slug): "/units/\(slug.segment("slug"))/feedback"
            case .form(let slug): "/units/\(slug.segment("slug"))/feedback/new"
            case .admin(let slug): "/admin/units/\(slug.segment("slug"))/feedback"
            case .reply(let slug, let kind, let id):
                "/admin/units/\(slug.segment("slug"))/feedback/\(kind.segment("kind"))/\(id.segment("id"))/reply"
            }
        }

        /// Every route of the feature, as registered.
        static let patterns: [Self] = [
            .list(.key),
            .form(.key),
            .admin(.key),
            .reply(.key, .key, .key),
        ]
    }
}
