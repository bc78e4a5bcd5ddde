import Foundation
import SQLKit
import SunboardApp
import SunboardCore

/// 银城's residents' WeCom group, connected in June: every publication
/// since has a delivery in its log. The bot's address is made up, so the
/// demo leaves the subscription paused and sends nothing anywhere.
struct DemoWebhooks {
    let services: AppServices
    let people: [String: [Role: StaffActor]]
    let units: [String: Unit]
    let calendar: DemoCalendar

    /// The day the group was connected, as written.
    static let connected = CalendarDate(year: 2026, month: 6, day: 1)!

    func steps() throws -> [DemoStep] {
        guard let unit = units["yincheng"], let director = people["yincheng"]?[.director] else {
            throw DemoError.bad("webhooks: 银城 or its director is missing")
        }
        let connected = calendar.daily(Self.connected).startInstant.addingTimeInterval(10 * 3600)
        let input = WebhookSubscriptionInput(
            name: "银城社区居民群", format: WebhookFormat.wecom.rawValue,
            url: "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=demo0000-0000-4000-8000-yincheng0001")
        return [
            DemoStep(at: connected, order: 0) {
                try await services.webhooks.create(try input.validated(), unit: unit, actor: director, at: connected)
            },
            // Last of all: each message taken by the group two seconds after it was queued.
            DemoStep(at: calendar.now, order: .max) {
                guard let subscription = try await services.webhooks.subscriptions(unitID: unit.id).first else { return }
                let sql = services.database.sql
                try await sql.raw(
                    """
                    INSERT INTO webhook_attempts (outbox_id, attempted_at, milliseconds, status_code)
                    SELECT id, created_at + 2, 180, 200 FROM webhook_outbox WHERE subscription_id = \(bind: subscription.id)
                    """
                ).run()
                try await sql.raw(
                    """
                    UPDATE webhook_outbox SET status = 'delivered', attempts = 1, delivered_at = created_at + 2
                    WHERE subscription_id = \(bind: subscription.id)
                    """
                ).run()
                let last = try await sql.select().column(SQLFunction("MAX", args: SQLColumn("created_at")), as: "last").from(
                    "webhook_outbox"
                )
                .first()?.decode(column: "last", as: Int?.self)
                let paused = min(Date(unixSeconds: (last ?? connected.unixSeconds) + 600), calendar.now)
                try await services.webhooks.setActive(false, subscription: subscription, unit: unit, actor: director, at: paused)
            },
        ]
    }
}
