import Foundation
import SQLKit
import SunboardCore

/// Reminds the responsible staff, once per obligation and kind: a set number
/// of days before it falls due, and again the day after it is missed. The
/// admin area lists the same obligations live; this sends them to the
/// subscriptions that asked for reminders (a staff group, not residents').
struct ObligationReminders {
    let services: AppServices

    enum Kind: String {
        case dueSoon = "due_soon"
        case overdue
    }

    /// Overdue reminders go out for a week after the due date, so a first run
    /// on an old database does not send a year of them at once.
    static let overdueWindow = 7
    /// Sent reminders are kept this long: long enough never to send one twice.
    static let retention = 400

    func run() async throws {
        let now = services.clock.now
        let today = CalendarDate(now)
        let repository = services.compliance
        let sql = services.database.sql
        try await sql.delete(from: "reminders_sent")
            .where("sent_at", .lessThan, SQLBind(today.adding(days: -Self.retention).startInstant.unixSeconds)).run()
        // Only communities with a subscription that asked: most have none.
        let listening = Set(
            try await sql.select().column("unit_id").from("webhook_subscriptions")
                .where("reminders", .equal, SQLBind(true)).where("active", .equal, SQLBind(true)).all()
                .map { try $0.decode(column: "unit_id", as: Int.self) })
        guard !listening.isEmpty else { return }
        // Only the offices of those communities.
        let offices = Set(try await services.units.find(ids: Array(listening)).compactMap(\.parentID))
        for officeID in offices.sorted() {
            let communities = try await repository.communities(officeID: officeID).filter { listening.contains($0.id) }
            guard !communities.isEmpty else { continue }
            let settings = try await repository.settings(officeID: officeID)
            let (owed, owedPeriods) = try await services.complianceReport.obligations(
                officeID: officeID, communities: communities, dueFrom: today.adding(days: -Self.overdueWindow),
                through: today.adding(days: settings.reminderDays))
            let due = communities.flatMap { unit in (owed[unit.id] ?? []).map { (unit, $0.0, $0.1) } }
            guard !due.isEmpty else { continue }
            let periods = Array(owedPeriods)
            let fulfilled = try await repository.fulfilment(.units(communities.map(\.id)), periods: periods)
            // What was already sent, read once: a run sends only what is new.
            var sent: Set<String> = []
            for row in try await sql.select().columns("unit_id", "item_id", "period", "kind").from("reminders_sent")
                .where("unit_id", .in, SQLBind.group(communities.map(\.id))).where("period", .in, SQLBind.group(periods)).all()
            {
                sent.insert(
                    "\(try row.decode(column: "unit_id", as: Int.self))/\(try row.decode(column: "item_id", as: Int.self))/"
                        + "\(try row.decode(column: "period", as: String.self))/\(try row.decode(column: "kind", as: String.self))")
            }
            for (unit, item, obligation) in due
            where fulfilled[.init(unitID: unit.id, itemID: item.id, period: obligation.period.description)] == nil {
                let kind: Kind = obligation.due < today ? .overdue : .dueSoon
                guard !sent.contains("\(unit.id)/\(item.id)/\(obligation.period)/\(kind.rawValue)") else { continue }
                try await remind(unit: unit, item: item, obligation: obligation, kind: kind, today: today, at: now)
            }
        }
    }

    private func remind(unit: ObligatedUnit, item: ComplianceItem, obligation: Obligation, kind: Kind, today: CalendarDate, at now: Date)
        async throws
    {
        let status = ObligationStatus(due: obligation.due, published: nil, today: today)
        let note =
            kind == .overdue
            ? "应于 \(obligation.due.chinese) 前公开，现已\(status.chinese)，请尽快公开。"
            : "应于 \(obligation.due.chinese) 前公开（\(status.chinese)）。"
        let message = WebhookMessage(
            event: .reminder, unitSlug: unit.slug, unitName: unit.name, title: "\(item.title)（\(obligation.period.chinese)）",
            itemTitle: item.title, disclosureClass: .periodic, at: now, note: note, path: SiteURL.compliance(.matrix(unit.slug)).path)
        try await services.database.transaction { sql in
            // Once per obligation and kind, on every instance: the unique key decides.
            let inserted = try await sql.insert(into: "reminders_sent").columns("unit_id", "item_id", "period", "kind", "sent_at")
                .values(
                    SQLBind(unit.id), SQLBind(item.id), SQLBind(obligation.period.description), SQLBind(kind.rawValue),
                    SQLBind(now.unixSeconds)
                )
                .ignoringConflicts(with: ["unit_id", "item_id", "period", "kind"])
                .returning("unit_id").all()
            guard !inserted.isEmpty else { return }
            try await WebhookOutbox.enqueue(message, unitID: unit.id, reminders: true, at: now, on: sql)
        }
    }
}
