import Hummingbird
import SunboardCore

/// `/admin/units/{slug}`: one unit's admin home and its 基本概况 form.
struct UnitAdminController {
    let services: AppServices

    func addRoutes(to group: RouterGroup<UnitAdminContext>) {
        group.get(use: show)
        group.get(SiteURL.units(.profile(.key)).route(under: .units(.admin(.key))), use: editProfile)
        group.post(SiteURL.units(.profile(.key)).route(under: .units(.admin(.key))), use: updateProfile)
    }

    @Sendable func show(_ request: Request, context: UnitAdminContext) async throws -> HTML {
        let unit = context.unit
        let staff = try await services.users.staff(inUnits: [unit.id])
        let children = try await services.units.children(of: unit.id)
        let counts = try await services.disclosures.statusCounts(unitID: unit.id)
        let frame = Frame.admin(
            title: "\(unit.name) · 管理", crumbs: [.init(title: unit.name, url: SiteURL.units(.admin(unit.slug)).path)],
            user: context.user, csrfToken: context.staff.csrfToken, assets: services.renderer.assets
        )
        var model = UnitAdminPage(
            scope: context.scope, user: context.user, staff: staff, children: children, counts: counts,
            saved: request.uri.queryParameters["saved"] != nil, frame: frame
        )
        // The reminder in the admin area: what is overdue or due soon, on the community's home.
        if unit.kind == .community, let office = context.scope.lineage.dropFirst().first,
            let obligated = try await services.compliance.community(id: unit.id)
        {
            let days = try await services.compliance.settings(officeID: office.id).reminderDays
            let pending = try await services.complianceReport.pending(
                unit: obligated, officeID: office.id, today: CalendarDate(services.clock.now), days: days)
            let overdue = pending.filter(\.status.isDue).count
            let soon = pending.count - overdue
            if overdue > 0 { model.waiting.append("定期公开逾期 \(overdue) 项") }
            if soon > 0 { model.waiting.append("\(days) 天内到期 \(soon) 项") }
            model.hasWaiting = !model.waiting.isEmpty
        }
        return HTML(try services.renderer.render("admin/unit", model))
    }

    @Sendable func editProfile(_ request: Request, context: UnitAdminContext) async throws -> HTML {
        try context.require(.editUnitProfile)
        return try profilePage(context: context, input: UnitProfileInput(context.unit.profile), failure: nil)
    }

    @Sendable func updateProfile(_ request: Request, context: UnitAdminContext) async throws -> Response {
        try context.require(.editUnitProfile)
        let input = UnitProfileInput(form: context.staff.form)
        let profile: UnitProfile
        do {
            profile = try input.validated()
        } catch {
            return try profilePage(context: context, input: input, failure: error).response(from: request, context: context)
        }
        let unit = context.unit
        let entry = context.staff.auditEntry(action: "unit.profile.update", unitID: unit.id, subject: unit.name, detail: "修改了基本概况")
        try await services.units.updateProfile(unitID: unit.id, to: profile, audit: entry, at: services.clock.now)
        return .redirect(to: SiteURL.units(.admin(unit.slug)).path + "?saved=1", type: .normal)
    }

    private func profilePage(context: UnitAdminContext, input: UnitProfileInput, failure: ValidationFailure?) throws -> HTML {
        let unit = context.unit
        let frame = Frame.admin(
            title: "修改基本概况",
            crumbs: [
                .init(title: unit.name, url: SiteURL.units(.admin(unit.slug)).path),
                .init(title: "修改基本概况", url: SiteURL.units(.profile(unit.slug)).path),
            ],
            user: context.user, csrfToken: context.staff.csrfToken, assets: services.renderer.assets
        )
        let model = ProfileForm(unit: unit, input: input, failure: failure, frame: frame)
        return HTML(try services.renderer.render("admin/profile", model), status: failure == nil ? .ok : .badRequest)
    }
}
