import Foundation
import Logging
import Metrics
import SQLKit
import SunboardCore

/// Works through the outbox: takes due messages under a lease, posts them,
/// and records each attempt; a failure is retried later by the schedule.
///
/// Delivery is at least once. A sender that dies mid-post leaves its rows
/// leased; when the lease ends any sender takes them again, so a receiver
/// may see a message twice and tells by its delivery id (`X-Sunboard-Delivery`).
struct WebhookSender: Sendable {
    let database: Database
    let client: OutboundHTTPClient
    let schedule: RetrySchedule
    /// The site's address for the links in messages.
    let origin: String
    let clock: WallClock
    let logger: Logger

    /// Chat bots refuse more than about 20 messages a minute: one post per
    /// bot every 4 seconds, kept in the database so it holds across instances.
    static let chatBotInterval = 4
    static let batch = 20

    /// A lease outlasts the longest post, so no two senders post one message at once.
    var lease: Int { Int(client.longest.components.seconds) + 5 }

    struct Job: Sendable {
        var id: Int
        var attempts: Int
        var message: WebhookMessage
        var subscription: WebhookSubscription
    }

    /// One round: returns how many messages it tried, 0 when none was due.
    func round() async throws -> Int {
        let now = clock.now
        let token = DisclosureWorkflow.newSalt()
        var picked: [Int] = []
        var bots: Set<Int> = []
        for candidate in try await due(at: now) where picked.count < Self.batch {
            if candidate.isChatBot {
                guard !bots.contains(candidate.subscriptionID), try await takeTurn(of: candidate.subscriptionID, at: now) else { continue }
                bots.insert(candidate.subscriptionID)
            }
            picked.append(candidate.id)
        }
        guard !picked.isEmpty else { return 0 }
        let jobs = try await claim(picked, token: token, at: now)
        await withTaskGroup(of: Void.self) { group in
            for job in jobs {
                group.addTask { await deliver(job, token: token) }
            }
        }
        return jobs.count
    }

    private func deliver(_ job: Job, token: String) async {
        let started = ContinuousClock.now
        let request = WebhookRequest(
            message: job.message, format: job.subscription.format, url: job.subscription.url, secret: job.subscription.secret,
            origin: origin, deliveryID: job.id, at: clock.now)
        var status: Int?
        var problem: String?
        do {
            let answer = try await client.post(request)
            status = answer.status
            problem = WebhookReply.problem(format: job.subscription.format, status: answer.status, body: answer.body)
        } catch {
            problem = "发送失败：\(error)"
        }
        let elapsed = ContinuousClock.now - started
        let milliseconds = Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
        do {
            if Task.isCancelled {
                // The server is stopping: not the receiver's failure. Hand the message back untried.
                try await release(job, token: token)
            } else {
                try await finish(job, token: token, status: status, problem: problem, milliseconds: milliseconds, at: clock.now)
            }
        } catch {
            // The lease runs out and the message is sent again: a repeat, never a loss.
            logger.warning("Webhook delivery \(job.id) could not be recorded: \(error)")
        }
    }

    // MARK: The outbox's rows

    private struct Candidate {
        var id: Int
        var subscriptionID: Int
        var isChatBot: Bool
    }

    /// Due, unleased messages of active subscriptions, oldest first.
    private func due(at now: Date) async throws -> [Candidate] {
        try await database.sql.select()
            .column(SQLColumn("id", table: "o"), as: "id").column(SQLColumn("subscription_id", table: "o"), as: "subscription_id")
            .column(SQLColumn("format", table: "s"), as: "format")
            .from(SQLAlias(SQLIdentifier("webhook_outbox"), as: SQLIdentifier("o")))
            .join(
                SQLAlias(SQLIdentifier("webhook_subscriptions"), as: SQLIdentifier("s")), on: SQLColumn("id", table: "s"), .equal,
                SQLColumn("subscription_id", table: "o")
            )
            .where(SQLColumn("status", table: "o"), .equal, SQLBind(DeliveryStatus.pending.rawValue))
            .where(SQLColumn("next_attempt_at", table: "o"), .lessThanOrEqual, SQLBind(now.unixSeconds))
            .where(SQLColumn("active", table: "s"), .equal, SQLBind(true))
            .where {
                $0.where(SQLColumn("claimed_until", table: "o"), .is, SQLLiteral.null)
                    .orWhere(SQLColumn("claimed_until", table: "o"), .lessThan, SQLBind(now.unixSeconds))
            }
            .orderBy(SQLColumn("next_attempt_at", table: "o")).orderBy(SQLColumn("id", table: "o"))
            .limit(200)
            .all()
            .map { row in
                Candidate(
                    id: try row.decode(column: "id", as: Int.self), subscriptionID: try row.decode(column: "subscription_id", as: Int.self),
                    isChatBot: WebhookFormat(rawValue: try row.decode(column: "format", as: String.self))?.isChatBot ?? false)
            }
    }

    /// A chat bot's turn: true when no post to it is due to wait, and the
    /// next one now must. One statement, so two instances cannot both take it.
    private func takeTurn(of subscriptionID: Int, at now: Date) async throws -> Bool {
        try await database.sql.update("webhook_subscriptions")
            .set("paced_until", to: SQLBind(now.unixSeconds + Self.chatBotInterval))
            .where("id", .equal, SQLBind(subscriptionID))
            .where { $0.where("paced_until", .is, SQLLiteral.null).orWhere("paced_until", .lessThanOrEqual, SQLBind(now.unixSeconds)) }
            .returning("id").all().count == 1
    }

    /// Leases the rows no other sender holds and that are still due and
    /// active; returns those this one got.
    private func claim(_ ids: [Int], token: String, at now: Date) async throws -> [Job] {
        let active = SQLSubquery.select { $0.column("id").from("webhook_subscriptions").where("active", .equal, SQLBind(true)) }
        try await database.sql.update("webhook_outbox")
            .set("claim", to: SQLBind(token)).set("claimed_until", to: SQLBind(now.unixSeconds + lease))
            .where("id", .in, SQLBind.group(ids)).where("status", .equal, SQLBind(DeliveryStatus.pending.rawValue))
            .where("next_attempt_at", .lessThanOrEqual, SQLBind(now.unixSeconds))
            .where("subscription_id", .in, active)
            .where { $0.where("claimed_until", .is, SQLLiteral.null).orWhere("claimed_until", .lessThan, SQLBind(now.unixSeconds)) }
            .run()
        let rows = try await database.sql.select()
            .column(SQLColumn("id", table: "o"), as: "outbox_id").column(SQLColumn("attempts", table: "o"), as: "attempts")
            .column(SQLColumn("message", table: "o"), as: "message")
            .column(SQLColumn(SQLLiteral.all, table: SQLIdentifier("s")))
            .from(SQLAlias(SQLIdentifier("webhook_outbox"), as: SQLIdentifier("o")))
            .join(
                SQLAlias(SQLIdentifier("webhook_subscriptions"), as: SQLIdentifier("s")), on: SQLColumn("id", table: "s"), .equal,
                SQLColumn("subscription_id", table: "o")
            )
            .where(SQLColumn("claim", table: "o"), .equal, SQLBind(token))
            .orderBy(SQLColumn("id", table: "o"))
            .all()
        var jobs: [Job] = []
        for row in rows {
            let id = try row.decode(column: "outbox_id", as: Int.self)
            do {
                jobs.append(
                    Job(
                        id: id, attempts: try row.decode(column: "attempts", as: Int.self),
                        message: try WebhookOutbox.decode(try row.decode(column: "message", as: String.self)),
                        subscription: try WebhookRepository.subscription(row)))
            } catch {
                // A row this version cannot read must not hold up the others.
                try await database.sql.update("webhook_outbox")
                    .set("status", to: SQLBind(DeliveryStatus.failed.rawValue)).set("last_error", to: SQLBind("消息无法读取：\(error)"))
                    .set("claim", to: SQLBind(String?.none)).set("claimed_until", to: SQLBind(Int?.none))
                    .where("id", .equal, SQLBind(id)).run()
            }
        }
        return jobs
    }

    private func release(_ job: Job, token: String) async throws {
        try await database.sql.update("webhook_outbox")
            .set("claim", to: SQLBind(String?.none)).set("claimed_until", to: SQLBind(Int?.none))
            .where("id", .equal, SQLBind(job.id)).where("claim", .equal, SQLBind(token))
            .run()
    }

    /// Records the attempt and where the message stands after it.
    private func finish(_ job: Job, token: String, status: Int?, problem: String?, milliseconds: Int, at now: Date) async throws {
        let attempts = job.attempts + 1
        let retryAt = problem == nil ? nil : schedule.delay(afterFailure: attempts).map { now.addingTimeInterval($0) }
        let outcome: DeliveryStatus = problem == nil ? .delivered : retryAt == nil ? .failed : .pending
        if problem != nil { Counter(label: "sunboard_webhook_delivery_failures_total").increment() }
        if let problem { logger.info("Webhook delivery \(job.id) to “\(job.subscription.name)” failed (attempt \(attempts)): \(problem)") }
        try await database.transaction { sql in
            try await sql.update("webhook_outbox")
                .set("status", to: SQLBind(outcome.rawValue)).set("attempts", to: SQLBind(attempts))
                .set("last_error", to: SQLBind(problem)).set("claim", to: SQLBind(String?.none)).set(
                    "claimed_until", to: SQLBind(Int?.none)
                )
                .set("next_attempt_at", to: SQLBind((retryAt ?? now).unixSeconds))
                .set("delivered_at", to: SQLBind(problem == nil ? now.unixSeconds : nil))
                .where("id", .equal, SQLBind(job.id)).where("claim", .equal, SQLBind(token))
                .run()
            try await sql.insert(into: "webhook_attempts").columns("outbox_id", "attempted_at", "milliseconds", "status_code", "error")
                .values(SQLBind(job.id), SQLBind(now.unixSeconds), SQLBind(milliseconds), SQLBind(status), SQLBind(problem))
                .run()
        }
    }
}
