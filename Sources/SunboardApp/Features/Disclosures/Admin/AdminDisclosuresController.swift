import Foundation
import Hummingbird
import SunboardCore

/// `/admin/units/{slug}/disclosures`: drafting, review and publication.
/// Every handler asks the lifecycle whether the person may take the step;
/// the buttons shown are only a convenience.
struct AdminDisclosuresController {
    let services: AppServices

    func addRoutes(to group: RouterGroup<UnitAdminContext>) {
        group.get(SiteURL.disclosures(.adminList(.key)).route(under: .units(.admin(.key))), use: list)
        group.get(SiteURL.disclosures(.adminNew(.key)).route(under: .units(.admin(.key))), use: new)
        group.post(SiteURL.disclosures(.adminList(.key)).route(under: .units(.admin(.key))), use: create)
        group.get(SiteURL.disclosures(.admin(.key, .key)).route(under: .units(.admin(.key))), use: show)
        group.get(SiteURL.disclosures(.adminEdit(.key, .key)).route(under: .units(.admin(.key))), use: edit)
        group.post(SiteURL.disclosures(.adminEdit(.key, .key)).route(under: .units(.admin(.key))), use: update)
        group.post(SiteURL.disclosures(.adminStep(.key, .key, .key)).route(under: .units(.admin(.key))), use: step)
        group.get(SiteURL.disclosures(.adminFile(.key, .key)).route(under: .units(.admin(.key))), use: file)
    }

    // MARK: Lists

    @Sendable func list(_ request: Request, context: UnitAdminContext) async throws -> HTML {
        let unit = context.unit
        let selected = request.queryDictionary["status"].flatMap(DisclosureStatus.init(rawValue:))
        let listings = try await services.disclosures.working(unitID: unit.id, statuses: selected.map { [$0] })
        let counts = try await services.disclosures.statusCounts(unitID: unit.id)
        let catalog = try await services.catalog.effective(lineage: context.scope.lineage, includeInactive: true)
        let model = AdminDisclosureList(
            unit: unit, listings: listings, counts: counts, selected: selected,
            items: Dictionary(uniqueKeysWithValues: catalog.map { ($0.id, $0) }), canDraft: context.can(.draftDisclosures),
            frame: frame(context, "公开内容", [("公开内容", SiteURL.disclosures(.adminList(unit.slug)).path)]))
        return HTML(try services.renderer.render("admin/disclosures", model))
    }

    @Sendable func new(_ request: Request, context: UnitAdminContext) async throws -> HTML {
        try context.require(.draftDisclosures)
        let unit = context.unit
        let catalog = try await services.catalog.effective(lineage: context.scope.lineage)
        let crumbs = [("公开内容", SiteURL.disclosures(.adminList(unit.slug)).path), ("新建", SiteURL.disclosures(.adminNew(unit.slug)).path)]
        guard let itemID = request.queryDictionary["item"].flatMap(Int.init), let item = catalog.first(where: { $0.id == itemID }) else {
            let choices = catalog.filter { !CivicPost.processOnlyItems.contains($0.code) }
            let model = ItemChooser(unit: unit, catalog: choices, frame: frame(context, "新建公开内容：选择事项", crumbs))
            return HTML(try services.renderer.render("admin/disclosure-choose", model))
        }
        if CivicPost.processOnlyItems.contains(item.code) { throw CivicError.throughProcess(item.title) }
        // From a reminder: the period it is for is filled in.
        let period = item.disclosureClass == .periodic ? request.queryDictionary["period"].flatMap(Period.init)?.description ?? "" : ""
        return try formPage(context, item: item, input: DisclosureInput(period: period), existing: [], disclosure: nil, failure: nil)
    }

    @Sendable func create(_ request: Request, context: UnitAdminContext) async throws -> Response {
        let unit = context.unit
        let catalog = try await services.catalog.effective(lineage: context.scope.lineage)
        guard let itemID = Int(context.staff.form["item_id"]), let current = catalog.first(where: { $0.id == itemID }) else {
            throw ValidationFailure([.init(field: "item_id", message: "请先选择要公开的事项。", englishMessage: "item_id is required.")])
        }
        if CivicPost.processOnlyItems.contains(current.code) { throw CivicError.throughProcess(current.title) }
        let item = try await services.catalog.item(current, forPeriod: context.staff.form["period"])
        let input = DisclosureInput(form: context.staff.form, item: item)
        do {
            let id = try await services.workflow.create(
                unit: unit, item: item, input: input, uploads: uploads(context), actor: context.actor, at: services.clock.now)
            return .redirect(to: SiteURL.disclosures(.admin(unit.slug, id)).path + "?done=saved", type: .normal)
        } catch let failure as ValidationFailure {
            return try formPage(context, item: item, input: input, existing: [], disclosure: nil, failure: failure)
                .response(from: request, context: context)
        }
    }

    // MARK: One disclosure

    /// The disclosure and its catalog item, if it belongs to this unit.
    private func target(_ context: UnitAdminContext) async throws -> (Disclosure, CatalogItem) {
        guard let id = context.parameters.get("id", as: Int.self), let disclosure = try await services.disclosures.find(id: id),
            disclosure.unitID == context.unit.id, let item = try await services.catalog.find(id: disclosure.itemID)
        else { throw CommonError.notFound }
        return (disclosure, item)
    }

    @Sendable func show(_ request: Request, context: UnitAdminContext) async throws -> HTML {
        let (disclosure, item) = try await target(context)
        let notice = Self.notices.message(for: request)
        return try await page(context, disclosure: disclosure, item: item, error: nil, notice: notice, status: .ok)
    }

    static let notices = Flash([
        "saved": "已保存。", "submit": "已提交审核。", "approve": "已审核通过，等待居委会主任发布。", "return": "已退回，起草人会看到您的意见。",
        "publish": "已发布，居民现在可以看到。", "correct": "已开始更正：修改后重新提交审核、发布，居民会看到更正理由和前后对比。",
        "withdraw": "已撤回，撤回理由已向居民公开。",
        "civic": "已生成公开草稿。请核对内容，可以修改文字，然后提交审核；审核通过、主任发布后，居民才能在居务进程里看到这一步。",
    ])

    private func page(
        _ context: UnitAdminContext, disclosure: Disclosure, item: CatalogItem, error: String?, notice: String?, status: HTTPResponse.Status
    ) async throws -> HTML {
        let unit = context.unit
        let history = try await services.audit.recent(limit: 100, filter: .init(object: ("disclosure", disclosure.id))).reversed()
        let objections = try await services.objections.list(disclosureID: disclosure.id)
        let available = DisclosureLifecycle.available(
            from: disclosure.lifecycleState, permissions: context.scope.permissions, actor: context.user.id)
        var model = AdminDisclosurePage(
            disclosure: disclosure, unit: unit, item: item, available: available, history: Array(history), objections: objections,
            error: error, notice: notice,
            frame: frame(
                context, disclosure.content.title,
                [
                    ("公开内容", SiteURL.disclosures(.adminList(unit.slug)).path),
                    (disclosure.content.title, SiteURL.disclosures(.admin(unit.slug, disclosure.id)).path),
                ]))
        model.civicHTML = try await services.civic.post(disclosureID: disclosure.id).map { Markdown.html($0.markdown, under: 2) }
        return HTML(try services.renderer.render("admin/disclosure", model), status: status)
    }

    @Sendable func edit(_ request: Request, context: UnitAdminContext) async throws -> HTML {
        let (disclosure, item) = try await target(context)
        _ = try DisclosureLifecycle.next(
            after: .edit, from: disclosure.lifecycleState, permissions: context.scope.permissions, actor: context.user.id)
        return try formPage(
            context, item: item, input: DisclosureInput(disclosure.content, item: item), existing: disclosure.content.attachments,
            disclosure: disclosure, failure: nil, civic: try await services.civic.post(disclosureID: disclosure.id) != nil)
    }

    @Sendable func update(_ request: Request, context: UnitAdminContext) async throws -> Response {
        let (disclosure, current) = try await target(context)
        let item = try await services.catalog.item(current, forPeriod: context.staff.form["period"])
        var input = DisclosureInput(form: context.staff.form, item: item)
        for spec in item.fields where spec.kind == .ledgerLines {
            input.fields[spec.key] = disclosure.content.fields[spec.key]
        }
        // A civic step's figures, names and photos are its post's: here only the title and words change.
        let civic = try await services.civic.post(disclosureID: disclosure.id) != nil
        if civic {
            let kept = DisclosureInput(disclosure.content, item: item)
            input.fields = kept.fields
            input.period = kept.period
            guard uploads(context).isEmpty && context.staff.form.all("remove").isEmpty else {
                let refusal = ValidationFailure([
                    .init(
                        field: "attachments", message: "这份草稿由“居务进程”生成，照片和数据请在居务进程页面重新生成；这里只能修改标题和文字。",
                        englishMessage: "a civic step's files change through its process.")
                ])
                return try formPage(
                    context, item: item, input: input, existing: disclosure.content.attachments, disclosure: disclosure, failure: refusal,
                    civic: true
                ).response(from: request, context: context)
            }
        }
        do {
            try await services.workflow.update(
                disclosure, unit: context.unit, item: item, input: input, uploads: uploads(context),
                removing: Set(context.staff.form.all("remove")), actor: context.actor, at: services.clock.now)
            return .redirect(to: SiteURL.disclosures(.admin(context.unit.slug, disclosure.id)).path + "?done=saved", type: .normal)
        } catch let failure as ValidationFailure {
            return try formPage(
                context, item: item, input: input, existing: disclosure.content.attachments, disclosure: disclosure, failure: failure,
                civic: civic
            ).response(from: request, context: context)
        }
    }

    /// `submit`, `approve`, `return`, `publish`, `correct` or `withdraw`.
    @Sendable func step(_ request: Request, context: UnitAdminContext) async throws -> Response {
        let (disclosure, item) = try await target(context)
        guard let name = context.parameters.get("step"), let action = DisclosureAction(rawValue: name), action != .edit else {
            throw CommonError.notFound
        }
        let actor = context.actor
        let unit = context.unit
        let now = services.clock.now
        let text = context.staff.form[action == .returnForChanges ? "comment" : "reason"]
        do {
            switch action {
            case .submit: try await services.workflow.submit(disclosure, unit: unit, actor: actor, at: now)
            case .approve: try await services.workflow.approve(disclosure, unit: unit, actor: actor, at: now)
            case .returnForChanges:
                try await services.workflow.returnForChanges(disclosure, unit: unit, comment: text, actor: actor, at: now)
            case .publish: try await services.workflow.publish(disclosure, unit: unit, item: item, actor: actor, at: now)
            case .startCorrection: try await services.workflow.startCorrection(disclosure, unit: unit, reason: text, actor: actor, at: now)
            case .withdraw: try await services.workflow.withdraw(disclosure, unit: unit, reason: text, actor: actor, at: now)
            case .edit: throw CommonError.notFound
            }
        } catch let error as DisclosureError {
            // Shown on the disclosure's own page, where the person can act on it.
            let current = try await services.disclosures.find(id: disclosure.id) ?? disclosure
            return try await page(context, disclosure: current, item: item, error: error.message, notice: nil, status: error.kind.status)
                .response(from: request, context: context)
        }
        return .redirect(to: SiteURL.disclosures(.admin(unit.slug, disclosure.id)).path + "?done=\(action.rawValue)", type: .normal)
    }

    /// A file attached to one of this unit's disclosures, draft or
    /// published, or a receipt of one of its reimbursements.
    @Sendable func file(_ request: Request, context: UnitAdminContext) async throws -> Response {
        let sha256 = try context.parameters.require("sha256")
        guard FileStore.isHash(sha256) else { throw CommonError.notFound }
        let isUnits = try await services.disclosures.isFile(sha256, ofUnit: context.unit.id)
        let isReceipt = isUnits ? false : try await services.finance.isReceipt(sha256, ofUnit: context.unit.id)
        guard isUnits || isReceipt else { throw CommonError.notFound }
        return try await FileResponse.make(
            sha256: sha256, store: services.files, database: services.database, cache: "private, max-age=3600", request: request)
    }

    // MARK: Helpers

    private func formPage(
        _ context: UnitAdminContext, item: CatalogItem, input: DisclosureInput, existing: [AttachmentRef], disclosure: Disclosure?,
        failure: ValidationFailure?, civic: Bool = false
    ) throws -> HTML {
        let unit = context.unit
        let heading = disclosure == nil ? "新建公开内容" : (disclosure!.correctionReason != nil ? "更正公开内容" : "修改草稿")
        let action =
            disclosure.map { SiteURL.disclosures(.adminEdit(unit.slug, $0.id)).path } ?? SiteURL.disclosures(.adminList(unit.slug)).path
        let cancel =
            disclosure.map { SiteURL.disclosures(.admin(unit.slug, $0.id)).path } ?? SiteURL.disclosures(.adminList(unit.slug)).path
        let model = DisclosureForm(
            heading: heading, action: action, cancelURL: cancel, unit: unit, item: item, input: input, existing: existing,
            correctionReason: disclosure?.correctionReason, failure: failure, filesDropped: !context.staff.files.isEmpty, civic: civic,
            frame: frame(context, heading, [("公开内容", SiteURL.disclosures(.adminList(unit.slug)).path), (heading, action)]))
        return HTML(try services.renderer.render("admin/disclosure-form", model), status: failure == nil ? .ok : .badRequest)
    }

    private func uploads(_ context: UnitAdminContext) -> [DisclosureWorkflow.Upload] {
        context.staff.files.filter { $0.field == "files" }.map { DisclosureWorkflow.Upload(name: $0.filename, bytes: $0.bytes) }
    }

    private func frame(_ context: UnitAdminContext, _ title: String, _ crumbs: [(String, String)]) -> Frame {
        context.frame(title, crumbs: crumbs, assets: services.renderer.assets)
    }
}
