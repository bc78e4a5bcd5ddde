import Foundation
import SQLKit
import SunboardCore

/// Puts messages in the outbox, in the same transaction as what they tell
/// of: a publication is never without its messages, nor a message without
/// its publication, whatever crashes when.
enum WebhookOutbox {
    /// One row per active subscription of the unit that wants the message's
    /// class; reminders only to those that asked for them.
    static func enqueue(_ message: WebhookMessage, unitID: Int, reminders: Bool = false, at now: Date, on sql: any SQLDatabase) async throws
    {
        var query = sql.select().columns("id", "classes").from("webhook_subscriptions")
            .where("unit_id", .equal, SQLBind(unitID)).where("active", .equal, SQLBind(true))
        if reminders { query = query.where("reminders", .equal, SQLBind(true)) }
        let rows = try await query.all()
        for row in rows {
            let classes = parseClasses(try row.decode(column: "classes", as: String.self))
            // A reminder goes to every group that asked for reminders, whatever classes it chose.
            guard reminders || classes.isEmpty || message.disclosureClass.map(classes.contains) ?? true else { continue }
            try await enqueue(message, subscriptionID: try row.decode(column: "id", as: Int.self), at: now, on: sql)
        }
    }

    static func enqueue(_ message: WebhookMessage, subscriptionID: Int, at now: Date, on sql: any SQLDatabase) async throws {
        try await sql.insert(into: "webhook_outbox")
            .columns("subscription_id", "event", "disclosure_id", "message", "status", "attempts", "next_attempt_at", "created_at")
            .values(
                SQLBind(subscriptionID), SQLBind(message.event.rawValue), SQLBind(message.disclosureID), SQLBind(try encode(message)),
                SQLBind(DeliveryStatus.pending.rawValue), SQLBind(0), SQLBind(now.unixSeconds), SQLBind(now.unixSeconds)
            )
            .run()
    }

    /// The message about a disclosure's publication or correction.
    static func message(
        publishing version: PublishedVersion, unit: Unit, item: CatalogItem, notice: (starts: CalendarDate, ends: CalendarDate)?
    ) -> WebhookMessage {
        let id = version.disclosureID
        let open = notice.map { CalendarDate(version.publishedAt) <= $0.ends } ?? false
        return WebhookMessage(
            event: version.number == 1 ? .published : .corrected, unitSlug: unit.slug, unitName: unit.name,
            disclosureID: version.disclosureID, version: version.number, title: version.content.title, itemTitle: item.title,
            disclosureClass: item.disclosureClass, at: version.publishedAt, noticeStarts: notice?.starts, noticeEnds: notice?.ends,
            reason: version.reason, path: SiteURL.disclosures(.page(id)).path,
            objectionPath: open ? SiteURL.disclosures(.objection(id)).path : nil)
    }

    static func parseClasses(_ text: String) -> Set<DisclosureClass> {
        Set(text.split(separator: ",").compactMap { DisclosureClass(rawValue: String($0)) })
    }

    static func encode(_ message: WebhookMessage) throws -> String {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .secondsSince1970
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(message), as: UTF8.self)
    }

    static func decode(_ text: String) throws -> WebhookMessage {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
        return try decoder.decode(WebhookMessage.self, from: Data(text.utf8))
    }
}

extension WebhookOutbox {
    /// The message about a withdrawal: the title residents last saw, and the public reason.
    static func message(
        withdrawing disclosure: Disclosure, unit: Unit, reason: String, at now: Date, on sql: any SQLDatabase
    ) async throws -> WebhookMessage {
        let row = try await sql.select()
            .column(SQLColumn("title", table: "v"), as: "title").column(SQLColumn("title", table: "c"), as: "item_title")
            .column(SQLColumn("class", table: "c"), as: "class")
            .from(SQLAlias(SQLIdentifier("disclosure_versions"), as: SQLIdentifier("v")))
            .join(
                SQLAlias(SQLIdentifier("catalog_items"), as: SQLIdentifier("c")), on: SQLColumn("id", table: "c"), .equal,
                SQLBind(disclosure.itemID)
            )
            .where(SQLColumn("disclosure_id", table: "v"), .equal, SQLBind(disclosure.id))
            .where(SQLColumn("number", table: "v"), .equal, SQLBind(disclosure.publishedVersion))
            .first()
        return WebhookMessage(
            event: .withdrawn, unitSlug: unit.slug, unitName: unit.name, disclosureID: disclosure.id, version: disclosure.publishedVersion,
            title: try row?.decode(column: "title", as: String.self) ?? disclosure.content.title,
            itemTitle: try row?.decode(column: "item_title", as: String.self),
            disclosureClass: try row.flatMap { DisclosureClass(rawValue: try $0.decode(column: "class", as: String.self)) },
            at: now, reason: reason, path: SiteURL.disclosures(.page(disclosure.id)).path)
    }
}
