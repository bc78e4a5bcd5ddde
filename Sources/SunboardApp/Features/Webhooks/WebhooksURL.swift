extension SiteURL {
    /// A unit's chat-group subscriptions and their deliveries.
    enum Webhooks: Sendable, Equatable {
        case admin(_ slug: Param<String>)
        case step(_ slug: Param<String>, _ id: Param<Int>, _ step: Param<String>)
        case retry(_ slug: Param<String>, _ id: Param<Int>)

        var path: String {
            switch self {
            case .admin(let slug): "/admin/units/\(slug.segment("slug"))/webhooks"
            case .step(let slug, let id, let step):
                "/admin/units/\(slug.segment("slug"))/webhooks/\(id.segment("id"))/\(step.segment("step"))"
            case .retry(let slug, let id): "/admin/units/\(slug.segment("slug"))/webhooks/deliveries/\(id.segment("id"))/retry"
            }
        }

        /// Every route of the feature, as registered.
        static let patterns: [Self] = [
            .admin(.key),
            .step(.key, .key, .key),
            .retry(.key, .key),
        ]
    }
}
