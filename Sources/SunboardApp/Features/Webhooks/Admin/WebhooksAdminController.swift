import Foundation
import Hummingbird
import SunboardCore

/// `/admin/units/{slug}/webhooks`: the unit's chat-group and JSON
/// subscriptions, the form to add one, and the delivery log. Only for
/// those who may manage webhooks (the director, the office administrator):
/// bot addresses are keys to the residents' groups.
struct WebhooksAdminController {
    let services: AppServices

    func addRoutes(to group: RouterGroup<UnitAdminContext>) {
        group.get(SiteURL.webhooks(.admin(.key)).route(under: .units(.admin(.key))), use: page)
        group.post(SiteURL.webhooks(.admin(.key)).route(under: .units(.admin(.key))), use: create)
        group.post(SiteURL.webhooks(.step(.key, .key, .key)).route(under: .units(.admin(.key))), use: step)
        group.post(SiteURL.webhooks(.retry(.key, .key)).route(under: .units(.admin(.key))), use: retry)
    }

    @Sendable func page(_ request: Request, context: UnitAdminContext) async throws -> HTML {
        try context.require(.manageWebhooks)
        let notice = WebhooksPage.notices.message(for: request)
        return try await render(context, form: .init(), error: nil, notice: notice, status: .ok)
    }

    @Sendable func create(_ request: Request, context: UnitAdminContext) async throws -> Response {
        try context.require(.manageWebhooks)
        let form = context.staff.form
        let input = WebhookSubscriptionInput(
            name: form["name"], format: form["format"], url: form["url"], secret: form["secret"], classes: form.all("classes"),
            backfill: form["backfill"], reminders: form["reminders"] == "on", ledgerHead: form["ledger_head"] == "on")
        do {
            let checked = try input.validated()
            if !services.configuration.webhookAllowsPrivate, let host = URLComponents(string: checked.url)?.host,
                PrivateAddress.isPrivateHost(host)
            {
                throw ValidationFailure([
                    .init(
                        field: "url", message: "不能推送到本机或内网地址，请填写机器人的公网地址。",
                        englishMessage: "url must not point at this machine or a private network.")
                ])
            }
            try await services.webhooks.create(checked, unit: context.unit, actor: context.actor, at: services.clock.now)
        } catch let error as ValidationFailure {
            return try await render(context, form: input, error: error, notice: nil, status: .badRequest).response(
                from: request, context: context)
        }
        return .redirect(to: SiteURL.webhooks(.admin(context.unit.slug)).path + "?done=created", type: .normal)
    }

    @Sendable func step(_ request: Request, context: UnitAdminContext) async throws -> Response {
        try context.require(.manageWebhooks)
        guard let id = context.parameters.get("id", as: Int.self),
            let subscription = try await services.webhooks.subscription(id: id, unitID: context.unit.id)
        else { throw CommonError.notFound }
        let now = services.clock.now
        let done: String
        switch try context.parameters.require("step") {
        case "pause":
            try await services.webhooks.setActive(false, subscription: subscription, unit: context.unit, actor: context.actor, at: now)
            done = "paused"
        case "resume":
            try await services.webhooks.setActive(true, subscription: subscription, unit: context.unit, actor: context.actor, at: now)
            done = "resumed"
        case "delete":
            // Deleting takes the log with it: asked for twice, without a script.
            guard context.staff.form["confirm"] == "on" else {
                let refusal = ValidationFailure([
                    .init(
                        field: "confirm", message: "要删除“\(subscription.name)”，请先勾选“确认删除”。",
                        englishMessage: "confirm=on is required to delete.")
                ])
                return try await render(context, form: .init(), error: refusal, notice: nil, status: .badRequest).response(
                    from: request, context: context)
            }
            try await services.webhooks.delete(subscription, unit: context.unit, actor: context.actor, at: now)
            done = "deleted"
        case "test":
            try await services.webhooks.sendTest(to: subscription, unit: context.unit, actor: context.actor, at: now)
            done = "tested"
        default: throw CommonError.notFound
        }
        return .redirect(to: SiteURL.webhooks(.admin(context.unit.slug)).path + "?done=\(done)", type: .normal)
    }

    @Sendable func retry(_ request: Request, context: UnitAdminContext) async throws -> Response {
        try context.require(.manageWebhooks)
        guard let id = context.parameters.get("id", as: Int.self),
            try await services.webhooks.retry(deliveryID: id, unit: context.unit, actor: context.actor, at: services.clock.now)
        else { throw CommonError.notFound }
        return .redirect(to: SiteURL.webhooks(.admin(context.unit.slug)).path + "?done=retried", type: .normal)
    }

    private func render(
        _ context: UnitAdminContext, form: WebhookSubscriptionInput, error: ValidationFailure?, notice: String?, status: HTTPResponse.Status
    ) async throws -> HTML {
        let unit = context.unit
        let subscriptions = try await services.webhooks.subscriptions(unitID: unit.id)
        let deliveries = try await services.webhooks.deliveries(unitID: unit.id)
        let frame = Frame.admin(
            title: "群消息推送",
            crumbs: [
                .init(title: unit.name, url: SiteURL.units(.admin(unit.slug)).path),
                .init(title: "群消息推送", url: SiteURL.webhooks(.admin(unit.slug)).path),
            ],
            user: context.user, csrfToken: context.staff.csrfToken, assets: services.renderer.assets)
        let model = WebhooksPage(
            frame: frame, unit: unit, subscriptions: subscriptions, deliveries: deliveries, form: form, error: error, notice: notice,
            publicURLMissing: services.configuration.publicURL == nil ? services.configuration.origin : nil, now: services.clock.now)
        return HTML(try services.renderer.render("admin/webhooks", model), status: status)
    }
}
