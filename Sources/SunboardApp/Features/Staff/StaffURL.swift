extension SiteURL {
    /// Sign-in, the staff's own pages and the audit log, all under `/admin`.
    enum Staff: Sendable, Equatable {
        case login
        case logout
        case home
        case audit
        case users
        case newUser
        case roles(_ id: Param<Int>)
        case roleRemoval(_ id: Param<Int>)
        case activation(_ id: Param<Int>)
        case password

        var path: String {
            switch self {
            case .login: "/admin/login"
            case .logout: "/admin/logout"
            case .home: "/admin"
            case .audit: "/admin/audit"
            case .users: "/admin/users"
            case .newUser: "/admin/users/new"
            case .roles(let id): "/admin/users/\(id.segment("id"))/roles"
            case .roleRemoval(let id): "/admin/users/\(id.segment("id"))/roles/remove"
            case .activation(let id): "/admin/users/\(id.segment("id"))/active"
            case .password: "/admin/password"
            }
        }

        /// Every route of the feature, as registered.
        static let patterns: [Self] = [
            .login,
            .logout,
            .home,
            .audit,
            .users,
            .newUser,
            .roles(.key),
            .roleRemoval(.key),
            .activation(.key),
            .password,
        ]
    }
}
