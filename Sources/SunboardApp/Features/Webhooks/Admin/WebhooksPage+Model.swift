import Foundation
import SunboardCore

/// The webhooks page: subscriptions, the form, the delivery log.
struct WebhooksPage: Sendable {
    struct Subscription: Sendable {
        var name: String
        var format: String
        var url: String
        var classes: String
        var reminders: String
        var ledgerHead: String
        var isActive: Bool
        var created: String
        /// Shown to the receiver's keeper: the generic format's signing key.
        var secret: String?
        var pauseURL: String
        var resumeURL: String
        var deleteURL: String
        var testURL: String
    }

    struct Delivery: Sendable {
        var id: Int
        var created: String
        var subscription: String
        var headline: String
        var status: String
        var statusClass: String
        var attempts: Int
        var hasAttempts: Bool
        var nextAttempt: String?
        var lastError: String?
        var history: [Attempt]
        var hasHistory: Bool
        var retryURL: String?
    }

    struct Attempt: Sendable {
        var at: String
        var result: String
        var milliseconds: Int
    }

    var frame: Frame
    var unitName: String
    var formURL: String
    var subscriptions: [Subscription]
    var hasSubscriptions: Bool
    var deliveries: [Delivery]
    var hasDeliveries: Bool
    var formats: [SelectOption]
    var classes: [SelectOption]
    var name: String
    var url: String
    var backfill: String
    var reminders: Bool
    var ledgerHead: Bool
    var maxBackfill: Int
    var errors: [String: String]
    var error: String?
    var notice: String?
    /// Set when SUNBOARD_PUBLIC_URL is not: the address links will use instead.
    var publicURLMissing: String?

    static let notices = Flash([
        "created": "已添加。新的公开发布后会自动推送；可先点“发送测试消息”看看群里能否收到。",
        "paused": "已暂停：消息先留在待发送里，恢复后再发。",
        "resumed": "已恢复推送。",
        "deleted": "已删除这个推送和它的记录。",
        "tested": "测试消息已排队：推送中的几秒内发出，已暂停的等恢复后再发；结果见下方推送记录。",
        "retried": "已重新排队发送。",
    ])

    init(
        frame: Frame, unit: Unit, subscriptions: [WebhookSubscription], deliveries: [WebhookDelivery], form: WebhookSubscriptionInput,
        error: ValidationFailure?, notice: String?, publicURLMissing: String?, now: Date
    ) {
        self.frame = frame
        self.unitName = unit.name
        self.formURL = SiteURL.webhooks(.admin(unit.slug)).path
        self.subscriptions = subscriptions.map { subscription in
            let step = { SiteURL.webhooks(.step(unit.slug, subscription.id, $0)).path }
            return Subscription(
                name: subscription.name, format: subscription.format.chinese, url: subscription.maskedURL,
                classes: subscription.classesChinese,
                reminders: subscription.sendsReminders ? "推送（到期前和逾期时）" : "不推送",
                ledgerHead: subscription.sendsLedgerHead ? "每天傍晚推送一次" : "不推送",
                isActive: subscription.isActive, created: "\(ShanghaiTime.date(subscription.createdAt)) \(subscription.createdBy)",
                secret: subscription.format == .json ? subscription.secret : nil,
                pauseURL: step("pause"), resumeURL: step("resume"), deleteURL: step("delete"), testURL: step("test"))
        }
        self.hasSubscriptions = !subscriptions.isEmpty
        self.deliveries = deliveries.map { delivery in
            Delivery(
                id: delivery.id, created: ShanghaiTime.dateTime(delivery.createdAt), subscription: delivery.subscriptionName,
                headline: delivery.message.headline, status: delivery.status.chinese, statusClass: "delivery-\(delivery.status.rawValue)",
                attempts: delivery.attempts, hasAttempts: delivery.attempts > 0,
                nextAttempt: delivery.status == .pending && delivery.attempts > 0 ? ShanghaiTime.dateTime(delivery.nextAttemptAt) : nil,
                lastError: delivery.status == .delivered ? nil : delivery.lastError,
                history: delivery.history.map { attempt in
                    Attempt(
                        at: ShanghaiTime.dateTime(attempt.at),
                        result: attempt.error ?? "成功" + (attempt.statusCode.map { "（HTTP \($0)）" } ?? ""),
                        milliseconds: attempt.milliseconds)
                },
                hasHistory: !delivery.history.isEmpty,
                retryURL: delivery.status == .failed ? SiteURL.webhooks(.retry(unit.slug, delivery.id)).path : nil)
        }
        self.hasDeliveries = !deliveries.isEmpty
        let chosenFormat = form.format.isEmpty ? WebhookFormat.wecom.rawValue : form.format
        self.formats = WebhookFormat.allCases.map {
            SelectOption(value: $0.rawValue, label: $0.chinese, hint: $0.secretHint, selected: $0.rawValue == chosenFormat)
        }
        self.classes = DisclosureClass.allCases.map {
            SelectOption(value: $0.rawValue, label: $0.chinese, hint: "", selected: form.classes.contains($0.rawValue))
        }
        self.name = form.name
        self.url = form.url
        self.backfill = form.backfill
        self.reminders = form.reminders
        self.ledgerHead = form.ledgerHead
        self.maxBackfill = WebhookSubscriptionInput.maxBackfill
        self.errors = fieldErrors(error)
        self.error = error.map { $0.message(for: "confirm") ?? "有几处需要修改，请看下面标红的地方。" }
        self.notice = notice
        self.publicURLMissing = publicURLMissing
    }
}
