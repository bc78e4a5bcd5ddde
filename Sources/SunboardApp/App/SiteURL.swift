import Hummingbird

/// Every page's address, one nested enum per feature (each in its feature's
/// folder, `Features/<Name>/<Name>URL.swift`). Routes are registered from the
/// same cases that make links, so a link cannot point at a route that does
/// not exist:
///
/// ```swift
/// SiteURL.finance(.entry("yincheng", 42)).path   // a link: /units/yincheng/finance/entries/42
/// SiteURL.finance(.entry(.key, .key)).route      // its route: /units/{slug}/finance/entries/{id}
/// ```
///
/// Parameters are typed (`Param<Int>` for ids), so a link is given the
/// value itself and `.key` stands for the route's parameter.
enum SiteURL: Sendable, Equatable {
    case home
    /// A stylesheet, script or icon of the app (`StaticAssets`).
    case staticAsset(_ name: Param<String>)
    case favicon
    case robots
    case health
    case metrics
    /// The public API described in OpenAPI 3.1.
    case openAPI
    case units(Units)
    case staff(Staff)
    case catalog(Catalog)
    case disclosures(Disclosures)
    case ledger(Ledger)
    case finance(Finance)
    case peopleBoards(PeopleBoards)
    case serviceBoards(ServiceBoards)
    case feedback(Feedback)
    case webhooks(Webhooks)
    case compliance(Compliance)
    case civic(Civic)
    case screens(Screens)
    case search(Search)

    /// A parameter of an address: its value in a link, `.key` in a route.
    typealias Param<Value: RouteParameter> = Value?

    var path: String {
        switch self {
        case .home: "/"
        case .staticAsset(let name): "/static/\(name.segment("name"))"
        case .favicon: "/favicon.ico"
        case .robots: "/robots.txt"
        case .health: "/healthz"
        case .metrics: "/metrics"
        case .openAPI: "/api/v1/openapi.json"
        case .units(let url): url.path
        case .staff(let url): url.path
        case .catalog(let url): url.path
        case .disclosures(let url): url.path
        case .ledger(let url): url.path
        case .finance(let url): url.path
        case .peopleBoards(let url): url.path
        case .serviceBoards(let url): url.path
        case .feedback(let url): url.path
        case .webhooks(let url): url.path
        case .compliance(let url): url.path
        case .civic(let url): url.path
        case .screens(let url): url.path
        case .search(let url): url.path
        }
    }

    /// Every route of the site, as registered: the route table's test holds
    /// the router to this list, both ways.
    static var patterns: [SiteURL] {
        [.home, .staticAsset(.key), .favicon, .robots, .health, .metrics, .openAPI]
            + Units.patterns.map(SiteURL.units) + Staff.patterns.map(SiteURL.staff)
            + Catalog.patterns.map(SiteURL.catalog) + Disclosures.patterns.map(SiteURL.disclosures)
            + Ledger.patterns.map(SiteURL.ledger) + Finance.patterns.map(SiteURL.finance)
            + PeopleBoards.patterns.map(SiteURL.peopleBoards) + ServiceBoards.patterns.map(SiteURL.serviceBoards)
            + Feedback.patterns.map(SiteURL.feedback) + Webhooks.patterns.map(SiteURL.webhooks)
            + Compliance.patterns.map(SiteURL.compliance) + Civic.patterns.map(SiteURL.civic)
            + Screens.patterns.map(SiteURL.screens) + Search.patterns.map(SiteURL.search)
    }

    /// The path as a route pattern, e.g. `SiteURL.units(.page(.key)).route`.
    var route: RouterPath { RouterPath(path) }

    /// The path as a route pattern inside a group mounted at `prefix`.
    func route(under prefix: SiteURL) -> RouterPath {
        RouterPath(String(path.dropFirst(prefix.path.count)))
    }
}

/// What an address's parameter can be: its value is written into the path.
protocol RouteParameter: LosslessStringConvertible, Sendable, Equatable {}
extension String: RouteParameter {}
extension Int: RouteParameter {}

extension Optional where Wrapped: RouteParameter {
    /// The route's parameter, written `{name}` in its pattern.
    static var key: Self { nil }

    /// The path segment: the value, or `{name}` for the route's pattern.
    func segment(_ name: String) -> String {
        map(\.description) ?? "{\(name)}"
    }
}
