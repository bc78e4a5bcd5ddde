import Foundation
import Hummingbird
import SunboardCore

/// `/admin/units/{slug}/cadres`, `/directory` and `/guides`: the service
/// boards for the staff who keep them. The repository checks the permission
/// again on every change.
struct ServiceBoardsAdminController {
    let services: AppServices

    func addRoutes(to group: RouterGroup<UnitAdminContext>) {
        let unit = SiteURL.units(.admin(.key))
        for kind in SiteURL.ServiceBoards.kinds {
            group.get(SiteURL.serviceBoards(.admin(.key, kind)).route(under: unit), use: list)
            group.get(SiteURL.serviceBoards(.adminNew(.key, kind)).route(under: unit), use: form)
            group.post(SiteURL.serviceBoards(.admin(.key, kind)).route(under: unit), use: save)
            group.get(SiteURL.serviceBoards(.adminItem(.key, kind, .key)).route(under: unit), use: form)
            group.post(SiteURL.serviceBoards(.adminItem(.key, kind, .key)).route(under: unit), use: save)
            group.post(SiteURL.serviceBoards(.adminDelete(.key, kind, .key)).route(under: unit), use: delete)
        }
    }

    /// Which board the path names (its first segment after the unit).
    private func kind(_ request: Request, _ context: UnitAdminContext) throws -> String {
        let prefix = SiteURL.units(.admin(context.unit.slug)).path + "/"
        let rest = request.uri.path.dropFirst(prefix.count)
        let kind = String(rest.prefix { $0 != "/" })
        // Only communities have cadres and a directory; guides may be the office's.
        guard kind == "guides" || context.unit.kind == .community else { throw CommonError.notFound }
        return kind
    }

    private static let titles = ["cadres": "干部监督台", "directory": "便民指示牌", "guides": "办事指南"]
    private static let notices = Flash(["saved": "已保存，公开页面已更新。", "deleted": "已撤下。"])

    // MARK: Lists

    @Sendable func list(_ request: Request, context: UnitAdminContext) async throws -> HTML {
        let kind = try kind(request, context)
        let unit = context.unit
        let slug = unit.slug
        let canEdit = context.can(.manageServiceBoards)
        func row(_ id: Int, _ title: String, _ detail: String) -> ServiceBoardPage.Row {
            let url =
                canEdit
                ? SiteURL.serviceBoards(.adminItem(slug, kind, id)).path
                : kind == "guides" ? SiteURL.serviceBoards(.guide(id)).path : nil
            return .init(title: title, detail: detail, url: url, deleteURL: SiteURL.serviceBoards(.adminDelete(slug, kind, id)).path)
        }
        let rows: [ServiceBoardPage.Row]
        let lead: String
        var publicURL: String?
        switch kind {
        case "cadres":
            rows = try await services.serviceBoards.cadres(unitID: unit.id).map {
                row($0.id, "\($0.name)（\($0.post)）", "\($0.duties) · \($0.phone)")
            }
            lead = "社区干部的姓名、照片、职务、分管工作、所包巷道和电话，居民据此找人、监督。"
            publicURL = SiteURL.serviceBoards(.cadres(slug)).path
        case "directory":
            rows = try await services.serviceBoards.directory(unitID: unit.id).map { row($0.id, "\($0.kind.chinese)：\($0.name)", $0.phone) }
            lead = "急救、报警电话和送水、修电、开锁等生活服务的联系方式。"
            publicURL = SiteURL.serviceBoards(.directory(slug)).path
        default:
            rows = try await services.serviceBoards.guides(lineage: [unit]).map {
                row($0.id, $0.content.title, "\($0.content.steps.count) 步 · \($0.content.feesText)\($0.content.isSample ? " · 示例文本" : "")")
            }
            lead =
                unit.kind == .office
                ? "办事处写的办事指南，各社区的“办事指南”栏都会显示。" : "本社区自己的办事指南；办事处写的通用事项会一起显示。"
            publicURL = unit.kind == .community ? SiteURL.serviceBoards(.guides(slug)).path : nil
        }
        let title = Self.titles[kind] ?? ""
        let model = ServiceBoardPage(
            frame: frame(context, title, []), heading: title, lead: lead, rows: rows, isEmpty: rows.isEmpty,
            canEdit: canEdit, newURL: SiteURL.serviceBoards(.adminNew(slug, kind)).path,
            newLabel: kind == "cadres" ? "添加干部" : kind == "directory" ? "添加电话" : "添加事项", publicURL: publicURL,
            notice: Self.notices.message(for: request))
        return HTML(try services.renderer.render("admin/service-board", model))
    }

    // MARK: Forms

    @Sendable func form(_ request: Request, context: UnitAdminContext) async throws -> HTML {
        try context.require(.manageServiceBoards)
        let kind = try kind(request, context)
        let id = context.parameters.get("id", as: Int.self)
        switch kind {
        case "cadres":
            let cadre: Cadre? = if let id { try await cadre(context: context, id: id) } else { nil }
            return try cadreForm(context, id: id, input: cadre?.input ?? CadreInput(), photo: cadre?.photoSha256, failure: nil)
        case "directory":
            let entry: DirectoryEntry? = if let id { try await directoryEntry(context: context, id: id) } else { nil }
            return try directoryForm(context, id: id, input: entry?.input ?? DirectoryEntryInput(), failure: nil)
        default:
            let guide: Guide? = if let id { try await guide(context: context, id: id) } else { nil }
            return try guideForm(
                context, id: id, input: guide.map { GuideInput($0.content) } ?? GuideInput(), forms: guide?.forms ?? [], failure: nil)
        }
    }

    @Sendable func save(_ request: Request, context: UnitAdminContext) async throws -> Response {
        let kind = try kind(request, context)
        let unit = context.unit
        let now = services.clock.now
        let form = context.staff.form
        let id = context.parameters.get("id", as: Int.self)
        let actor = context.actor
        let repository = services.serviceBoards
        do {
            switch kind {
            case "cadres":
                if let id { _ = try await cadre(context: context, id: id) }
                let input = CadreInput(
                    name: form["name"], post: form["post"], duties: form["duties"], lanes: form["lanes"], phone: form["phone"],
                    position: form["position"])
                do {
                    _ = try input.validated()  // the form's own errors first, before any file is stored
                    let photo = try await upload(context, field: "photo", imagesOnly: true).first
                    try await repository.saveCadre(id: id, input, photo: photo, unit: unit, actor: actor, at: now)
                } catch let error as any SunboardError where !(error is CommonError) {
                    let old: Cadre? = if let id { try await cadre(context: context, id: id) } else { nil }
                    return try cadreForm(context, id: id, input: input, photo: old?.photoSha256, failure: error).response(
                        from: request, context: context)
                }
            case "directory":
                if let id { _ = try await directoryEntry(context: context, id: id) }
                let input = DirectoryEntryInput(
                    category: form["category"], name: form["name"], address: form["address"], phone: form["phone"], hours: form["hours"])
                do {
                    try await repository.saveDirectoryEntry(id: id, input, unit: unit, actor: actor, at: now)
                } catch let error as ValidationFailure {
                    return try directoryForm(context, id: id, input: input, failure: error).response(from: request, context: context)
                }
            default:
                let old: Guide? = if let id { try await guide(context: context, id: id) } else { nil }
                var input = GuideInput()
                input.title = form["title"]
                input.applicants = form["applicants"]
                input.conditions = form["conditions"]
                input.documents = form["documents"]
                input.steps = form["steps"]
                input.fees = form["fees"]
                input.timeLimit = form["timeLimit"]
                input.place = form["place"]
                input.hours = form["hours"]
                input.contact = form["contact"]
                input.legalBasis = form["legalBasis"]
                input.isSample = form["isSample"] == "on"
                do {
                    _ = try input.validated()
                    let added = try await upload(context, field: "forms", imagesOnly: false)
                    try await repository.saveGuide(
                        id: id, input, addingForms: added, removingForms: Set(form.all("remove_form")), unit: unit, actor: actor, at: now)
                } catch let error as any SunboardError where !(error is CommonError) {
                    return try guideForm(context, id: id, input: input, forms: old?.forms ?? [], failure: error).response(
                        from: request, context: context)
                }
            }
        }
        return .redirect(to: SiteURL.serviceBoards(.admin(unit.slug, kind)).path + "?done=saved", type: .normal)
    }

    @Sendable func delete(_ request: Request, context: UnitAdminContext) async throws -> Response {
        let kind = try kind(request, context)
        guard let id = context.parameters.get("id", as: Int.self) else { throw CommonError.notFound }
        let now = services.clock.now
        switch kind {
        case "cadres":
            try await services.serviceBoards.deleteCadre(
                try await cadre(context: context, id: id), unit: context.unit, actor: context.actor, at: now)
        case "directory":
            try await services.serviceBoards.deleteDirectoryEntry(
                try await directoryEntry(context: context, id: id), unit: context.unit, actor: context.actor, at: now)
        default:
            try await services.serviceBoards.deleteGuide(
                try await guide(context: context, id: id), unit: context.unit, actor: context.actor, at: now)
        }
        return .redirect(to: SiteURL.serviceBoards(.admin(context.unit.slug, kind)).path + "?done=deleted", type: .normal)
    }

    // MARK: Pages

    private func cadreForm(_ context: UnitAdminContext, id: Int?, input: CadreInput, photo: String?, failure: (any SunboardError)?) throws
        -> HTML
    {
        let slug = context.unit.slug
        let heading = id == nil ? "添加干部" : "修改：\(input.name)"
        let model = CadreFormPage(
            frame: frame(context, heading, [("干部监督台", SiteURL.serviceBoards(.admin(slug, "cadres")).path)]), heading: heading,
            action: id.map { SiteURL.serviceBoards(.adminItem(slug, "cadres", $0)).path }
                ?? SiteURL.serviceBoards(.admin(slug, "cadres")).path,
            cancelURL: SiteURL.serviceBoards(.admin(slug, "cadres")).path, input: input,
            photoURL: photo.map { SiteURL.disclosures(.file($0)).path },
            errors: fieldErrors(failure), failure: failure?.message)
        return HTML(try services.renderer.render("admin/cadre-form", model), status: failure == nil ? .ok : .badRequest)
    }

    private func directoryForm(_ context: UnitAdminContext, id: Int?, input: DirectoryEntryInput, failure: (any SunboardError)?) throws
        -> HTML
    {
        let slug = context.unit.slug
        let heading = id == nil ? "添加便民电话" : "修改：\(input.name)"
        let model = DirectoryFormPage(
            frame: frame(context, heading, [("便民指示牌", SiteURL.serviceBoards(.admin(slug, "directory")).path)]), heading: heading,
            action: id.map { SiteURL.serviceBoards(.adminItem(slug, "directory", $0)).path }
                ?? SiteURL.serviceBoards(.admin(slug, "directory")).path,
            cancelURL: SiteURL.serviceBoards(.admin(slug, "directory")).path, input: input,
            categories: DirectoryCategory.allCases.map {
                .init(value: $0.rawValue, label: $0.chinese, selected: $0.rawValue == input.category)
            },
            errors: fieldErrors(failure), failure: failure?.message)
        return HTML(try services.renderer.render("admin/directory-form", model), status: failure == nil ? .ok : .badRequest)
    }

    private func guideForm(
        _ context: UnitAdminContext, id: Int?, input: GuideInput, forms: [AttachmentRef], failure: (any SunboardError)?
    ) throws -> HTML {
        let slug = context.unit.slug
        let heading = id == nil ? "添加办事指南" : "修改：\(input.title)"
        let model = GuideFormPage(
            frame: frame(context, heading, [("办事指南", SiteURL.serviceBoards(.admin(slug, "guides")).path)]), heading: heading,
            action: id.map { SiteURL.serviceBoards(.adminItem(slug, "guides", $0)).path }
                ?? SiteURL.serviceBoards(.admin(slug, "guides")).path,
            cancelURL: SiteURL.serviceBoards(.admin(slug, "guides")).path, input: input,
            forms: forms.map { .init(name: $0.name, sha256: $0.sha256, url: SiteURL.disclosures(.file($0.sha256)).path) },
            hasForms: !forms.isEmpty,
            errors: fieldErrors(failure), failure: failure?.message)
        return HTML(try services.renderer.render("admin/guide-form", model), status: failure == nil ? .ok : .badRequest)
    }

    // MARK: Shared

    private func cadre(context: UnitAdminContext, id: Int) async throws -> Cadre {
        guard let cadre = try await services.serviceBoards.cadre(id: id), cadre.unitId == context.unit.id else {
            throw CommonError.notFound
        }
        return cadre
    }

    private func directoryEntry(context: UnitAdminContext, id: Int) async throws -> DirectoryEntry {
        guard let entry = try await services.serviceBoards.directoryEntry(id: id), entry.unitId == context.unit.id else {
            throw CommonError.notFound
        }
        return entry
    }

    private func guide(context: UnitAdminContext, id: Int) async throws -> Guide {
        guard let guide = try await services.serviceBoards.guide(id: id), guide.unitID == context.unit.id else {
            throw CommonError.notFound
        }
        return guide
    }

    /// Stores the files sent in `field`, each checked by its content.
    private func upload(_ context: UnitAdminContext, field: String, imagesOnly: Bool) async throws -> [AttachmentRef] {
        try context.require(.manageServiceBoards)
        let files = context.staff.files.filter { $0.field == field && !$0.bytes.isEmpty }.map { ($0.filename, $0.bytes) }
        let prepared = try await UploadPreparation.prepare(files, field: field)
        if imagesOnly && prepared.contains(where: { !$0.kind.isImage }) {
            throw ValidationFailure([
                .init(field: field, message: "照片须是 JPEG 或 PNG 图片。", englishMessage: "the photo must be a JPEG or PNG image.")
            ])
        }
        var stored: [AttachmentRef] = []
        for upload in prepared {
            stored.append(try await services.files.save(upload.bytes, name: upload.name, kind: upload.kind, at: services.clock.now))
        }
        return stored
    }

    private func frame(_ context: UnitAdminContext, _ title: String, _ crumbs: [(String, String)]) -> Frame {
        context.frame(title, crumbs: crumbs, assets: services.renderer.assets)
    }
}
