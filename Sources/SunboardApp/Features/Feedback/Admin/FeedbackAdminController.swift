import Foundation
import Hummingbird
import SunboardCore

/// `/admin/units/{slug}/feedback`: residents' messages for the community's
/// staff, unanswered first with their due dates, and the reply form.
struct FeedbackAdminController {
    let services: AppServices

    func addRoutes(to group: RouterGroup<UnitAdminContext>) {
        group.get(SiteURL.feedback(.admin(.key)).route(under: .units(.admin(.key))), use: list)
        group.post(SiteURL.feedback(.reply(.key, .key, .key)).route(under: .units(.admin(.key))), use: reply)
    }

    struct Row: Sendable {
        var kind: String
        var sent: String
        var due: String
        var overdue: Bool
        var from: String?
        var text: String
        var about: String?
        var reply: String?
        var repliedBy: String?
        var repliedOn: String?
        var replyURL: String
        var isObjection: Bool
    }

    struct Page: Sendable {
        var frame: Frame
        var unitName: String
        var open: [Row]
        var answered: [Row]
        var hasOpen: Bool
        var canReply: Bool
        var publicURL: String
        var notice: String?
        var error: String?
    }

    static let notices = Flash(["reply": "已答复，答复已在居民意见栏公开。"])

    @Sendable func list(_ request: Request, context: UnitAdminContext) async throws -> HTML {
        try await page(context, notice: Self.notices.message(for: request), error: nil, status: .ok)
    }

    private func page(_ context: UnitAdminContext, notice: String?, error: String?, status: HTTPResponse.Status) async throws -> HTML {
        let unit = context.unit
        guard unit.kind == .community else { throw CommonError.notFound }
        let today = CalendarDate(services.clock.now)
        // Who wrote is for the community's own staff, not for roles reaching down from the office.
        let ownStaff = context.user.access.grants.contains { $0.unitID == unit.id }
        let rows = try await services.feedback.items(unitID: unit.id, now: services.clock.now).map { item in
            Row(
                kind: item.kind.chinese, sent: item.sentOn.chinese, due: item.due.chinese, overdue: item.reply == nil && today > item.due,
                from: ownStaff ? [item.name, item.contact].filter { !$0.isEmpty }.joined(separator: "，").nonEmpty ?? "匿名" : nil,
                text: item.text,
                about: item.disclosureTitle, reply: item.reply, repliedBy: item.repliedBy, repliedOn: item.repliedOn?.chinese,
                replyURL: SiteURL.feedback(.reply(unit.slug, item.kind.rawValue, item.id)).path,
                isObjection: item.kind == .objection)
        }
        let open = rows.filter { $0.reply == nil }
        let model = Page(
            frame: Frame.admin(
                title: "居民意见",
                crumbs: [
                    .init(title: unit.name, url: SiteURL.units(.admin(unit.slug)).path),
                    .init(title: "居民意见", url: SiteURL.feedback(.admin(unit.slug)).path),
                ],
                user: context.user, csrfToken: context.staff.csrfToken, assets: services.renderer.assets),
            unitName: unit.name, open: open, answered: rows.filter { $0.reply != nil }, hasOpen: !open.isEmpty,
            canReply: context.can(.draftDisclosures), publicURL: SiteURL.feedback(.list(unit.slug)).path, notice: notice, error: error)
        return HTML(try services.renderer.render("admin/feedback", model), status: status)
    }

    @Sendable func reply(_ request: Request, context: UnitAdminContext) async throws -> Response {
        guard let kind = FeedbackKind(rawValue: try context.parameters.require("kind")), let id = context.parameters.get("id", as: Int.self)
        else { throw CommonError.notFound }
        do {
            try await services.feedback.reply(
                kind: kind, id: id, unit: context.unit, text: context.staff.form["reply"],
                showsText: context.staff.form["shows_text"] == "on",
                actor: context.actor, at: services.clock.now)
        } catch let error as ValidationFailure {
            return try await page(context, notice: nil, error: error.message, status: .badRequest).response(from: request, context: context)
        }
        return .redirect(to: SiteURL.feedback(.admin(context.unit.slug)).path + "?done=reply", type: .normal)
    }
}

extension String {
    fileprivate var nonEmpty: String? { isEmpty ? nil : self }
}
