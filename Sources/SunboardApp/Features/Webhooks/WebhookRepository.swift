import Foundation
import SQLKit
import SunboardCore

/// Subscriptions and their delivery log, as the admin pages keep them, and
/// the outbox as the sender works through it.
public struct WebhookRepository: Sendable {
    let database: Database
    let audit: AuditLog

    public init(database: Database, audit: AuditLog) {
        self.database = database
        self.audit = audit
    }

    // MARK: Subscriptions

    public func subscriptions(unitID: Int) async throws -> [WebhookSubscription] {
        try await database.sql.select().column("*").from("webhook_subscriptions").where("unit_id", .equal, SQLBind(unitID))
            .orderBy("id").all().map(Self.subscription)
    }

    public func subscription(id: Int, unitID: Int) async throws -> WebhookSubscription? {
        try await database.sql.select().column("*").from("webhook_subscriptions").where("id", .equal, SQLBind(id))
            .where("unit_id", .equal, SQLBind(unitID)).first().map(Self.subscription)
    }

    /// Saves a subscription and puts the unit's `backfill` most recent public
    /// disclosures (oldest first) in its outbox; returns its id.
    @discardableResult
    public func create(
        _ input: WebhookSubscriptionInput.Checked, unit: Unit, actor: StaffActor, at now: Date
    ) async throws -> Int {
        // The generic format is always signed: a receiver must be able to tell our messages from anyone's.
        let secret = input.secret ?? (input.format == .json ? DisclosureWorkflow.newSalt() + DisclosureWorkflow.newSalt() : nil)
        let classes = DisclosureClass.allCases.filter(input.classes.contains).map(\.rawValue).joined(separator: ",")
        let entry = AuditLog.Entry(
            actorID: actor.id, actorName: actor.name, action: "webhook.create", unitID: unit.id, subject: input.name,
            detail: "新建消息推送：\(input.format.chinese)，\(WebhookSubscription.masked(input.url))", address: actor.address)
        return try await database.transaction { sql in
            let row = try await sql.insert(into: "webhook_subscriptions")
                .columns(
                    "unit_id", "name", "format", "url", "secret", "classes", "active", "reminders", "ledger_head", "created_by",
                    "created_at"
                )
                .values(
                    SQLBind(unit.id), SQLBind(input.name), SQLBind(input.format.rawValue), SQLBind(input.url), SQLBind(secret),
                    SQLBind(classes), SQLBind(true), SQLBind(input.reminders), SQLBind(input.ledgerHead), SQLBind(actor.name),
                    SQLBind(now.unixSeconds)
                )
                .returning("id").first()
            let id = try row!.decode(column: "id", as: Int.self)
            let wanted = input.classes
            for message in try await Self.recent(unit: unit, limit: input.backfill, classes: wanted, today: CalendarDate(now), on: sql)
                .reversed()
            {
                try await WebhookOutbox.enqueue(message, subscriptionID: id, at: now, on: sql)
            }
            try await audit.record(entry, at: now, on: sql)
            return id
        }
    }

    /// Pauses or resumes a subscription: messages wait while it is paused.
    public func setActive(_ active: Bool, subscription: WebhookSubscription, unit: Unit, actor: StaffActor, at now: Date)
        async throws
    {
        let entry = AuditLog.Entry(
            actorID: actor.id, actorName: actor.name, action: active ? "webhook.resume" : "webhook.pause", unitID: unit.id,
            subject: subscription.name, detail: active ? "恢复消息推送" : "暂停消息推送", address: actor.address)
        try await database.transaction { sql in
            try await sql.update("webhook_subscriptions").set("active", to: SQLBind(active))
                .where("id", .equal, SQLBind(subscription.id)).run()
            try await audit.record(entry, at: now, on: sql)
        }
    }

    /// Removes a subscription with its outbox and log; the audit log keeps that it was.
    public func delete(_ subscription: WebhookSubscription, unit: Unit, actor: StaffActor, at now: Date) async throws {
        let entry = AuditLog.Entry(
            actorID: actor.id, actorName: actor.name, action: "webhook.delete", unitID: unit.id, subject: subscription.name,
            detail: "删除消息推送：\(subscription.maskedURL)", address: actor.address)
        try await database.transaction { sql in
            // Its outbox and their attempts go with it (ON DELETE CASCADE), rows added meanwhile too.
            try await sql.delete(from: "webhook_subscriptions").where("id", .equal, SQLBind(subscription.id)).run()
            try await audit.record(entry, at: now, on: sql)
        }
    }

    /// Puts a test message in one subscription's outbox.
    public func sendTest(to subscription: WebhookSubscription, unit: Unit, actor: StaffActor, at now: Date) async throws {
        let message = WebhookMessage(
            event: .test, unitSlug: unit.slug, unitName: unit.name, title: "这个群已接入\(unit.name)的居务公开，新的公开会发到这里", at: now,
            path: SiteURL.units(.page(unit.slug)).path)
        let entry = AuditLog.Entry(
            actorID: actor.id, actorName: actor.name, action: "webhook.test", unitID: unit.id, subject: subscription.name,
            detail: "发送测试消息", address: actor.address)
        try await database.transaction { sql in
            try await WebhookOutbox.enqueue(message, subscriptionID: subscription.id, at: now, on: sql)
            try await audit.record(entry, at: now, on: sql)
        }
    }

    /// The unit's most recent public disclosures, newest first, as publication messages.
    static func recent(unit: Unit, limit: Int, classes: Set<DisclosureClass>, today: CalendarDate, on sql: any SQLDatabase) async throws
        -> [WebhookMessage]
    {
        guard limit > 0 else { return [] }
        var query = sql.select()
            .column(SQLColumn("id", table: "d"), as: "id").column(SQLColumn("published_version", table: "d"), as: "version")
            .column(SQLColumn("first_published_at", table: "d"), as: "published_at")
            .column(SQLColumn("notice_starts", table: "d"), as: "notice_starts").column(
                SQLColumn("notice_ends", table: "d"), as: "notice_ends"
            )
            .column(SQLColumn("title", table: "v"), as: "title").column(SQLColumn("title", table: "c"), as: "item_title")
            .column(SQLColumn("class", table: "c"), as: "class")
            .from(SQLAlias(SQLIdentifier("disclosures"), as: SQLIdentifier("d")))
            .joinPublishedVersion()
            .joinCatalogItem()
            .where(SQLColumn("unit_id", table: "d"), .equal, SQLBind(unit.id))
            .where(SQLColumn("published_version", table: "d"), .greaterThan, SQLBind(0))
            .where(SQLColumn("withdrawn_at", table: "d"), .is, SQLLiteral.null)
        if !classes.isEmpty {
            query = query.where(SQLColumn("class", table: "c"), .in, SQLBind.group(classes.map(\.rawValue)))
        }
        return try await query.orderBy(SQLColumn("first_published_at", table: "d"), SQLDirection.descending).limit(limit).all().map { row in
            let id = try row.decode(column: "id", as: Int.self)
            let starts = try row.decode(column: "notice_starts", as: String?.self).flatMap(CalendarDate.init)
            let ends = try row.decode(column: "notice_ends", as: String?.self).flatMap(CalendarDate.init)
            return WebhookMessage(
                event: .published, unitSlug: unit.slug, unitName: unit.name, disclosureID: id,
                version: try row.decode(column: "version", as: Int.self),
                title: try row.decode(column: "title", as: String.self), itemTitle: try row.decode(column: "item_title", as: String.self),
                disclosureClass: DisclosureClass(rawValue: try row.decode(column: "class", as: String.self)),
                at: Date(unixSeconds: try row.decode(column: "published_at", as: Int.self)), noticeStarts: starts, noticeEnds: ends,
                path: SiteURL.disclosures(.page(id)).path,
                objectionPath: ends.map { today <= $0 } == true ? SiteURL.disclosures(.objection(id)).path : nil)
        }
    }

    // MARK: The delivery log

    /// The unit's latest deliveries, newest first, each with its attempts.
    public func deliveries(unitID: Int, limit: Int = 50) async throws -> [WebhookDelivery] {
        var deliveries = try await database.sql.select()
            .column(SQLColumn(SQLLiteral.all, table: SQLIdentifier("o")))
            .column(SQLColumn("name", table: "s"), as: "subscription_name")
            .from(SQLAlias(SQLIdentifier("webhook_outbox"), as: SQLIdentifier("o")))
            .join(
                SQLAlias(SQLIdentifier("webhook_subscriptions"), as: SQLIdentifier("s")), on: SQLColumn("id", table: "s"), .equal,
                SQLColumn("subscription_id", table: "o")
            )
            .where(SQLColumn("unit_id", table: "s"), .equal, SQLBind(unitID))
            .orderBy(SQLColumn("id", table: "o"), SQLDirection.descending).limit(limit)
            .all().map(Self.delivery)
        guard !deliveries.isEmpty else { return [] }
        // Their attempts in one query, not one per delivery.
        let attempts = try await database.sql.select().column("*").from("webhook_attempts")
            .where("outbox_id", .in, SQLBind.group(deliveries.map { $0.id })).orderBy("id").all()
        var byDelivery: [Int: [WebhookDelivery.Attempt]] = [:]
        for row in attempts {
            byDelivery[try row.decode(column: "outbox_id", as: Int.self), default: []].append(
                .init(
                    at: Date(unixSeconds: try row.decode(column: "attempted_at", as: Int.self)),
                    milliseconds: try row.decode(column: "milliseconds", as: Int.self),
                    statusCode: try row.decode(column: "status_code", as: Int?.self),
                    error: try row.decode(column: "error", as: String?.self)))
        }
        for index in deliveries.indices { deliveries[index].history = byDelivery[deliveries[index].id] ?? [] }
        return deliveries
    }

    /// Sends a message that was given up on again, with a fresh set of retries.
    /// Returns false when there is no such failed message of the unit.
    public func retry(deliveryID: Int, unit: Unit, actor: StaffActor, at now: Date) async throws -> Bool {
        let owned = SQLSubquery.select { $0.column("id").from("webhook_subscriptions").where("unit_id", .equal, SQLBind(unit.id)) }
        let entry = AuditLog.Entry(
            actorID: actor.id, actorName: actor.name, action: "webhook.retry", unitID: unit.id, subject: "第 \(deliveryID) 条推送",
            detail: "重新发送", address: actor.address)
        return try await database.transaction { sql in
            let moved =
                try await sql.update("webhook_outbox")
                .set("status", to: SQLBind(DeliveryStatus.pending.rawValue)).set("attempts", to: SQLBind(0))
                .set("next_attempt_at", to: SQLBind(now.unixSeconds))
                .where("id", .equal, SQLBind(deliveryID)).where("status", .equal, SQLBind(DeliveryStatus.failed.rawValue))
                .where("subscription_id", .in, owned)
                .returning("id").all().count == 1
            if moved { try await audit.record(entry, at: now, on: sql) }
            return moved
        }
    }

    /// Drops delivered messages (and their attempts, by cascade) older than `cutoff`;
    /// failed and waiting ones stay until dealt with.
    func prune(deliveredBefore cutoff: Date) async throws {
        try await database.sql.delete(from: "webhook_outbox").where("status", .equal, SQLBind(DeliveryStatus.delivered.rawValue))
            .where("delivered_at", .lessThan, SQLBind(cutoff.unixSeconds)).run()
    }

    // MARK: Rows

    static func subscription(_ row: any SQLRow) throws -> WebhookSubscription {
        WebhookSubscription(
            id: try row.decode(column: "id", as: Int.self), unitID: try row.decode(column: "unit_id", as: Int.self),
            name: try row.decode(column: "name", as: String.self),
            format: WebhookFormat(rawValue: try row.decode(column: "format", as: String.self)) ?? .json,
            url: try row.decode(column: "url", as: String.self), secret: try row.decode(column: "secret", as: String?.self),
            classes: WebhookOutbox.parseClasses(try row.decode(column: "classes", as: String.self)),
            isActive: try row.decode(column: "active", as: Bool.self), sendsReminders: try row.decode(column: "reminders", as: Bool.self),
            sendsLedgerHead: try row.decode(column: "ledger_head", as: Bool.self),
            createdBy: try row.decode(column: "created_by", as: String.self),
            createdAt: Date(unixSeconds: try row.decode(column: "created_at", as: Int.self)))
    }

    static func delivery(_ row: any SQLRow) throws -> WebhookDelivery {
        WebhookDelivery(
            id: try row.decode(column: "id", as: Int.self), subscriptionID: try row.decode(column: "subscription_id", as: Int.self),
            subscriptionName: try row.decode(column: "subscription_name", as: String.self),
            // A row this version cannot read still shows, as such.
            message: (try? WebhookOutbox.decode(try row.decode(column: "message", as: String.self)))
                ?? WebhookMessage(event: .test, unitSlug: "", unitName: "?", title: "（这条消息无法读取）", at: Date(unixSeconds: 0), path: "/"),
            status: DeliveryStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .pending,
            attempts: try row.decode(column: "attempts", as: Int.self),
            nextAttemptAt: Date(unixSeconds: try row.decode(column: "next_attempt_at", as: Int.self)),
            lastError: try row.decode(column: "last_error", as: String?.self),
            createdAt: Date(unixSeconds: try row.decode(column: "created_at", as: Int.self)),
            deliveredAt: try row.decode(column: "delivered_at", as: Int?.self).map { Date(unixSeconds: $0) })
    }
}
