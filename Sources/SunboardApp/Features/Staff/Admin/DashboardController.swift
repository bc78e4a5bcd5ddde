import Hummingbird
import SunboardCore

/// `GET /admin`: the signed-in person's roles and units.
struct DashboardController {
    let services: AppServices

    func addRoutes(to group: RouterGroup<StaffContext>) {
        group.get(use: show)
    }

    @Sendable func show(_ request: Request, context: StaffContext) async throws -> HTML {
        let user = context.user
        // The units granted, and below those whose role reaches down.
        let granted = Set(user.access.grants.map(\.unitID))
        let reaching = user.access.reachingUnitIDs
        var units = try await services.units.subtrees(of: reaching)
        units += try await services.units.find(ids: granted.subtracting(units.map(\.id)).sorted())
        let frame = Frame.admin(title: "管理首页", user: user, csrfToken: context.csrfToken, assets: services.renderer.assets)
        let model = Dashboard(user: user, units: units, frame: frame)
        return HTML(try services.renderer.render("admin/dashboard", model))
    }
}
