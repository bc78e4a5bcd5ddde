import Hummingbird
import SunboardCore

/// The context of a request to one unit's admin pages, made only after
/// ``UnitAccessMiddleware`` has found the unit and checked that the person
/// may open it. Finer checks (may they edit?) use ``require(_:)``.
struct UnitAdminContext: ChildRequestContext {
    var coreContext: CoreRequestContextStorage
    let staff: StaffContext
    let scope: ScopedUnit

    init(context: AppRequestContext) throws {
        guard let scope = context.scopedUnit else { throw CommonError.notFound }
        self.staff = try StaffContext(context: context)
        self.coreContext = context.coreContext
        self.scope = scope
    }

    var unit: Unit { scope.unit }

    var user: StaffUser { staff.user }

    /// The person as the workflows record them: who, from where, allowed what here.
    var actor: StaffActor {
        .init(id: user.id, name: user.displayName, address: staff.clientAddress, permissions: scope.permissions)
    }

    func can(_ permission: Permission) -> Bool {
        scope.permissions.contains(permission)
    }

    /// Throws `forbidden` unless the person holds the permission in this unit.
    func require(_ permission: Permission) throws {
        guard can(permission) else { throw CommonError.forbidden }
    }

    /// An admin page's frame under this unit: the unit's home, then the
    /// section's own crumb if any, then the page's crumbs as (title, url).
    func frame(_ title: String, section: Frame.Crumb? = nil, crumbs: [(String, String)] = [], assets: StaticAssets) -> Frame {
        Frame.admin(
            title: title,
            crumbs: [.init(title: unit.name, url: SiteURL.units(.admin(unit.slug)).path)] + (section.map { [$0] } ?? [])
                + crumbs.map { .init(title: $0.0, url: $0.1) },
            user: user, csrfToken: staff.csrfToken, assets: assets)
    }
}
