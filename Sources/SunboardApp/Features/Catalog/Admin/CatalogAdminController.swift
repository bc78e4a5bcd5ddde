import Foundation
import Hummingbird
import SunboardCore

/// `/admin/units/{slug}/catalog`: the office edits the default catalog in
/// its own unit; a community's director adds and edits its 细则.
struct CatalogAdminController {
    let services: AppServices

    func addRoutes(to group: RouterGroup<UnitAdminContext>) {
        group.get(SiteURL.catalog(.admin(.key)).route(under: .units(.admin(.key))), use: list)
        group.get(SiteURL.catalog(.adminNew(.key)).route(under: .units(.admin(.key))), use: new)
        group.post(SiteURL.catalog(.adminNew(.key)).route(under: .units(.admin(.key))), use: create)
        group.get(SiteURL.catalog(.adminItem(.key, .key)).route(under: .units(.admin(.key))), use: edit)
        group.post(SiteURL.catalog(.adminItem(.key, .key)).route(under: .units(.admin(.key))), use: update)
    }

    @Sendable func list(_ request: Request, context: UnitAdminContext) async throws -> HTML {
        let catalog = try await services.catalog.effective(lineage: context.scope.lineage, includeInactive: true)
        let model = CatalogAdminPage(
            unit: context.unit, catalog: catalog, canManage: context.can(.manageCatalog),
            notice: request.uri.queryParameters["saved"] != nil ? "已保存。公开目录页面已更新。" : nil,
            frame: frame(context, "公开目录", []))
        return HTML(try services.renderer.render("admin/catalog", model))
    }

    @Sendable func new(_ request: Request, context: UnitAdminContext) async throws -> HTML {
        try context.require(.manageCatalog)
        return try form(context, input: CatalogItemInput(), item: nil, failure: nil)
    }

    @Sendable func create(_ request: Request, context: UnitAdminContext) async throws -> Response {
        try context.require(.manageCatalog)
        let input = CatalogItemInput(form: context.staff.form)
        let item: CatalogItem
        let effective: CalendarDate
        do {
            item = try input.validated(ownerUnitID: context.unit.id)
            effective = try effectiveFrom(context)
        } catch {
            return try form(context, input: input, item: nil, failure: error).response(from: request, context: context)
        }
        let entry = auditEntry(context, "catalog.create", item: item, detail: "新增公开目录事项“\(item.title)”")
        do {
            try await services.catalog.create(item, at: services.clock.now, effectiveFrom: effective, audit: entry)
        } catch let error as CatalogError {
            let failure = ValidationFailure([.init(field: "code", message: error.message, englishMessage: error.englishMessage)])
            return try form(context, input: input, item: nil, failure: failure).response(from: request, context: context)
        }
        return .redirect(to: SiteURL.catalog(.admin(context.unit.slug)).path + "?saved=1", type: .normal)
    }

    /// An item owned by this unit; inherited items are edited where they belong.
    private func owned(_ context: UnitAdminContext) async throws -> CatalogItem {
        guard let id = context.parameters.get("id", as: Int.self), let item = try await services.catalog.find(id: id),
            item.ownerUnitID == context.unit.id
        else { throw CommonError.notFound }
        return item
    }

    @Sendable func edit(_ request: Request, context: UnitAdminContext) async throws -> HTML {
        try context.require(.manageCatalog)
        let item = try await owned(context)
        return try form(context, input: CatalogItemInput(item), item: item, failure: nil)
    }

    @Sendable func update(_ request: Request, context: UnitAdminContext) async throws -> Response {
        try context.require(.manageCatalog)
        let existing = try await owned(context)
        // The code names the item in disclosures and the ledger: it never changes.
        let input = CatalogItemInput(form: context.staff.form, code: existing.code)
        let item: CatalogItem
        let effective: CalendarDate
        do {
            item = try input.validated(id: existing.id, ownerUnitID: existing.ownerUnitID)
            effective = try effectiveFrom(context)
        } catch {
            return try form(context, input: input, item: existing, failure: error).response(from: request, context: context)
        }
        var change = auditEntry(context, "catalog.update", item: item, detail: "修改公开目录事项“\(item.title)”")
        change.object = (CatalogItemRecord.name, item.id)
        try await services.catalog.update(item, at: services.clock.now, effectiveFrom: effective, audit: change)
        return .redirect(to: SiteURL.catalog(.admin(context.unit.slug)).path + "?saved=1", type: .normal)
    }

    private func form(_ context: UnitAdminContext, input: CatalogItemInput, item: CatalogItem?, failure: ValidationFailure?) throws -> HTML
    {
        let slug = context.unit.slug
        let heading = item == nil ? "新增公开目录事项" : "修改“\(item!.title)”"
        let action = item.map { SiteURL.catalog(.adminItem(slug, $0.id)).path } ?? SiteURL.catalog(.adminNew(slug)).path
        let model = CatalogItemForm(
            heading: heading, action: action, cancelURL: SiteURL.catalog(.admin(slug)).path, isNew: item == nil, input: input,
            failure: failure,
            frame: frame(context, heading, [(heading, action)]),
            effectiveFrom: context.staff.form["effective_from"].isEmpty
                ? CalendarDate(services.clock.now).description : context.staff.form["effective_from"])
        return HTML(try services.renderer.render("admin/catalog-item", model), status: failure == nil ? .ok : .badRequest)
    }

    /// The day a change to when an item is due takes effect: today unless a
    /// later day is given; never earlier — past periods keep their rules.
    private func effectiveFrom(_ context: UnitAdminContext) throws(ValidationFailure) -> CalendarDate {
        let today = CalendarDate(services.clock.now)
        let text = context.staff.form["effective_from"].trimmed
        guard !text.isEmpty else { return today }
        guard let day = CalendarDate(text) else {
            throw ValidationFailure([
                .init(
                    field: "effective_from", message: "生效日期请写成 2026-12-01 这样。",
                    englishMessage: "effective_from must be a date like 2026-12-01.")
            ])
        }
        guard day >= today else {
            throw ValidationFailure([
                .init(
                    field: "effective_from", message: "生效日期不能早于今天：过去的期次按当时的规定算，不能改。",
                    englishMessage: "effective_from cannot be before today: past periods keep the rules they had.")
            ])
        }
        return day
    }

    private func auditEntry(_ context: UnitAdminContext, _ action: String, item: CatalogItem, detail: String) -> AuditLog.Entry {
        context.staff.auditEntry(action: action, unitID: context.unit.id, subject: item.code, detail: detail)
    }

    private func frame(_ context: UnitAdminContext, _ title: String, _ crumbs: [(String, String)]) -> Frame {
        context.frame(
            title, section: .init(title: "公开目录", url: SiteURL.catalog(.admin(context.unit.slug)).path), crumbs: crumbs,
            assets: services.renderer.assets)
    }
}
