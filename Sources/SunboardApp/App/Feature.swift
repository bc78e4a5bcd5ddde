import Hummingbird

/// One capability of the product, registered in one place: its routes on
/// each side of the site, its schema steps and where search finds its
/// records, the board sections it has pages for. `buildRouter`,
/// ``Migrations/all``, ``SearchRepository`` and the community home loop over
/// ``Features/all``; nothing else lists a feature's parts.
///
/// A feature's web code lives in `Features/<Name>/` (`Public/`, `Admin/`,
/// `API/`, `Migrations/`, with its repository and workflow at the top); its
/// rules live in `SunboardCore/<Name>/`. docs/ARCHITECTURE.md has the picture.
protocol Feature: Sendable {
    /// The folder's name, for the architecture list and the tests.
    var name: String { get }
    /// This feature's steps of the schema's history, oldest first. Append only.
    var migrations: [any Migration] { get }
    /// Where the site's search looks for this feature's public records.
    var searchSources: [any SearchSource] { get }
    /// Sections of a community's board that link to a page of this feature.
    var boardLinks: [BoardLink] { get }
    /// Registers every route of the feature, each from its `SiteURL` case.
    func addRoutes(to routes: FeatureRoutes, services: AppServices)
}

extension Feature {
    var migrations: [any Migration] { [] }
    var searchSources: [any SearchSource] { [] }
    var boardLinks: [BoardLink] { [] }
    func addRoutes(to routes: FeatureRoutes, services: AppServices) {}
}

/// A section of the community board (`BoardSection.community`) that a
/// feature fills with a page of its own, and the words of the link to it.
struct BoardLink: Sendable {
    let section: String
    let url: @Sendable (_ slug: String) -> SiteURL
    let label: String
}

/// The places a feature hangs its routes, each behind its own middleware.
struct FeatureRoutes {
    /// Public pages and the API: no session, no cookie.
    let site: Router<AppRequestContext>
    /// Public reads that cost far more than a page (search, the office's
    /// matrix and ranking): the same, rate-limited per address.
    let expensive: RouterGroup<AppRequestContext>
    /// Public forms: a form token, so a cookie.
    let forms: RouterGroup<AppRequestContext>
    /// The admin area before sign-in (the login page).
    let admin: RouterGroup<AppRequestContext>
    /// Signed-in staff, before a context is chosen.
    let staff: RouterGroup<AppRequestContext>
    /// Signed-in staff's own pages.
    let staffPages: RouterGroup<StaffContext>
    /// One unit's admin pages, for people with a role there or above it.
    let unitPages: RouterGroup<UnitAdminContext>
}

/// Every feature. Their routes are registered in this order; their schema
/// steps run in the order of their numbers (``Migrations``).
enum Features {
    static let all: [any Feature] = [
        UnitsFeature(),
        StaffFeature(),
        CatalogFeature(),
        FilesFeature(),
        DisclosuresFeature(),
        LedgerFeature(),
        FinanceFeature(),
        PeopleBoardsFeature(),
        ServiceBoardsFeature(),
        FeedbackFeature(),
        WebhooksFeature(),
        ComplianceFeature(),
        CivicFeature(),
        ScreensFeature(),
        SearchFeature(),
    ]
}
