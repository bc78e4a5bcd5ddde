extension SiteURL {
    /// The gate's LED screen and the courtyard kiosk.
    enum Screens: Sendable, Equatable {
        case led(_ slug: Param<String>)
        case items(_ slug: Param<String>)
        case kiosk(_ slug: Param<String>)

        var path: String {
            switch self {
            case .led(let slug): "/screen/\(slug.segment("slug"))"
            case .items(let slug): "/screen/\(slug.segment("slug"))/items.json"
            case .kiosk(let slug): "/kiosk/\(slug.segment("slug"))"
            }
        }

        /// Every route of the feature, as registered.
        static let patterns: [Self] = [
            .led(.key),
            .items(.key),
            .kiosk(.key),
        ]
    }
}
