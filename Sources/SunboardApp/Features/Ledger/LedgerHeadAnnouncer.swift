import Foundation
import SQLKit
import SunboardCore

/// Once a day, from the evening on, posts the ledger's head to every chat
/// group that asked for it: copies of the head then live outside the
/// server, and a history rewritten later no longer holds them
/// (`/ledger/check`, `sunboard verify --head`). A day on which nothing was
/// chained sends nothing new.
struct LedgerHeadAnnouncer {
    let services: AppServices

    /// From 18:00 in Shanghai: the day's work is in the head it sends.
    static let hour = 18
    /// Sent days are kept this long, then only the last one per group matters.
    static let retention = 400

    /// Returns how many messages it queued.
    @discardableResult
    func run() async throws -> Int {
        let now = services.clock.now
        guard ShanghaiTime.calendar.component(.hour, from: now) >= Self.hour else { return 0 }
        let today = CalendarDate(now)
        let sql = services.database.sql
        try await sql.delete(from: "ledger_heads_sent")
            .where("sent_at", .lessThan, SQLBind(today.adding(days: -Self.retention).startInstant.unixSeconds)).run()
        let listening = try await sql.select().columns("id", "unit_id").from("webhook_subscriptions")
            .where("ledger_head", .equal, SQLBind(true)).where("active", .equal, SQLBind(true)).orderBy("id").all()
            .map { (id: try $0.decode(column: "id", as: Int.self), unitID: try $0.decode(column: "unit_id", as: Int.self)) }
        guard !listening.isEmpty, let head = try await services.ledger.lastEntry() else { return 0 }
        // The last head each group was sent, in one query.
        var last: [Int: Int] = [:]
        for row in try await sql.select().column("subscription_id").column(SQLFunction("MAX", args: SQLColumn("sequence")), as: "sequence")
            .from("ledger_heads_sent").where("subscription_id", .in, SQLBind.group(listening.map(\.id))).groupBy("subscription_id").all()
        {
            last[try row.decode(column: "subscription_id", as: Int.self)] = try row.decode(column: "sequence", as: Int.self)
        }
        let units = Dictionary(
            uniqueKeysWithValues: try await services.units.find(ids: Array(Set(listening.map(\.unitID)))).map { ($0.id, $0) })
        var queued = 0
        for subscription in listening where (last[subscription.id] ?? 0) < head.sequence {
            guard let unit = units[subscription.unitID] else { continue }
            let message = Self.message(head: head, unit: unit, at: now)
            let sent = try await services.database.transaction { sql in
                // Once a day per group, on every instance: the key decides.
                let inserted = try await sql.insert(into: "ledger_heads_sent").columns("subscription_id", "day", "sequence", "sent_at")
                    .values(SQLBind(subscription.id), SQLBind(today.description), SQLBind(head.sequence), SQLBind(now.unixSeconds))
                    .ignoringConflicts(with: ["subscription_id", "day"]).returning("subscription_id").all()
                guard !inserted.isEmpty else { return false }
                try await WebhookOutbox.enqueue(message, subscriptionID: subscription.id, at: now, on: sql)
                return true
            }
            if sent { queued += 1 }
        }
        return queued
    }

    static func message(head: LedgerEntry, unit: Unit, at now: Date) -> WebhookMessage {
        let code = LedgerCode(head)
        var message = WebhookMessage(
            event: .ledgerHead, unitSlug: unit.slug, unitName: unit.name, title: code.text, at: now,
            note: "截至此刻，网上公开账本共 \(head.sequence) 条登记，最后一条的完整指纹是 \(head.entryHash)。"
                + "请留着这条消息：日后谁都可以在公开账本页的“核对纸质公告”输入核对码 \(code.text)，查网上账本在此后有没有被改写。",
            path: SiteURL.ledger(.check).path + "?code=" + code.text)
        message.ledgerSequence = head.sequence
        message.ledgerHash = head.entryHash
        return message
    }
}
