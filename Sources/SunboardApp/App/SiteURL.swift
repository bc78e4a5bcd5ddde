import Hummingbird

/// Every page's address. Routes are registered from the same cases that
/// make links (`SiteURL.unit("{slug}").path` is the route pattern), so a
/// route and the links to it cannot drift apart.
public enum SiteURL: Sendable, Equatable {
    case home
    case unit(String)
    case login
    case logout
    case admin
    case unitAdmin(String)
    case unitProfile(String)
    case users
    case newUser
    case userRoles(String)
    case userRoleRemoval(String)
    case userActivation(String)
    case password
    case health
    case apiUnits
    case apiUnit(String)

    public var path: String {
        switch self {
        case .home: "/"
        case .unit(let slug): "/units/\(slug)"
        case .login: "/admin/login"
        case .logout: "/admin/logout"
        case .admin: "/admin"
        case .unitAdmin(let slug): "/admin/units/\(slug)"
        case .unitProfile(let slug): "/admin/units/\(slug)/profile"
        case .users: "/admin/users"
        case .newUser: "/admin/users/new"
        case .userRoles(let id): "/admin/users/\(id)/roles"
        case .userRoleRemoval(let id): "/admin/users/\(id)/roles/remove"
        case .userActivation(let id): "/admin/users/\(id)/active"
        case .password: "/admin/password"
        case .health: "/healthz"
        case .apiUnits: "/api/v1/units"
        case .apiUnit(let slug): "/api/v1/units/\(slug)"
        }
    }

    /// The path as a route pattern, e.g. `SiteURL.unit("{slug}").route`.
    var route: RouterPath { RouterPath(path) }

    /// The path as a route pattern inside a group mounted at `prefix`.
    func route(under prefix: SiteURL) -> RouterPath {
        RouterPath(String(path.dropFirst(prefix.path.count)))
    }
}
