import SunboardCore

/// What every page's layout needs besides its own content: the title, the
/// asset links, and for staff pages who is signed in.
struct Frame: Sendable {
    /// A link in the trail above the page title.
    struct Crumb: Sendable {
        var title: String
        var url: String

        /// The trail to a unit's public page: its parent, then the unit.
        static func trail(to unit: Unit, parent: Unit?) -> [Crumb] {
            (parent.map { [Crumb(title: $0.name, url: SiteURL.units(.page($0.slug)).path)] } ?? [])
                + [Crumb(title: unit.name, url: SiteURL.units(.page(unit.slug)).path)]
        }
    }

    /// The signed-in bar on staff pages.
    struct StaffBar: Sendable {
        var displayName: String
        var logoutURL: String
        var passwordURL: String
        var adminURL: String
        var showsUsers: Bool
        var usersURL: String
    }

    var title: String
    var css: String
    var icon: String
    /// Kiosk mode for the courtyard's touch screen; inert elsewhere.
    var script: String
    var homeURL: String
    var siteName = "阳光居务"
    var crumbs: [Crumb]
    var hasCrumbs: Bool
    var staff: StaffBar?
    var csrfToken: String
    var isAdmin: Bool

    init(title: String, crumbs: [Crumb] = [], staff: StaffBar? = nil, csrfToken: String = "", isAdmin: Bool = false, assets: StaticAssets) {
        self.title = title
        self.css = assets.url("app.css")
        self.icon = assets.url("icon.svg")
        self.script = assets.url("app.js")
        self.homeURL = SiteURL.home.path
        self.crumbs = crumbs
        self.hasCrumbs = !crumbs.isEmpty
        self.staff = staff
        self.csrfToken = csrfToken
        self.isAdmin = isAdmin
    }

    /// The frame of a page in the admin area.
    static func admin(title: String, crumbs: [Crumb] = [], user: StaffUser?, csrfToken: String, assets: StaticAssets) -> Frame {
        let staff = user.map { user in
            StaffBar(
                displayName: user.displayName,
                logoutURL: SiteURL.staff(.logout).path,
                passwordURL: SiteURL.staff(.password).path,
                adminURL: SiteURL.staff(.home).path,
                showsUsers: user.access.managesUsers,
                usersURL: SiteURL.staff(.users).path
            )
        }
        // The trail starts at the admin home, except on the admin home itself.
        let trail = staff == nil || crumbs.isEmpty ? [] : [Crumb(title: "管理首页", url: SiteURL.staff(.home).path)] + crumbs
        return Frame(title: title, crumbs: trail, staff: staff, csrfToken: csrfToken, isAdmin: true, assets: assets)
    }
}
