import Foundation
import Hummingbird
import Logging
import SQLKit
import SunboardCore

/// `GET /healthz`: whether the app can reach its database, for load
/// balancers and monitoring, and how many chat-group messages wait in the
/// outbox (a growing `pending` means the sender is stuck or a receiver is
/// down; `failed` are given up until someone sends them again), and, with
/// nightly backups on, when the newest was taken (an `age_seconds` over a
/// day means last night's failed).
struct HealthController {
    let database: Database
    let backupDirectory: URL?
    let clock: WallClock

    struct Status: Encodable, Sendable {
        var status: String
        var database: String
        var outbox: Outbox?
        var backup: LastBackup?
    }

    struct LastBackup: Encodable, Sendable {
        var last: String?
        var ageSeconds: Int?

        enum CodingKeys: String, CodingKey {
            case last
            case ageSeconds = "age_seconds"
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(last, forKey: .last)
            try container.encode(ageSeconds, forKey: .ageSeconds)
        }
    }

    private func lastBackup() -> LastBackup? {
        Self.lastBackup(in: backupDirectory, now: clock.now)
    }

    static func lastBackup(in backupDirectory: URL?, now: Date) -> LastBackup? {
        guard let backupDirectory else { return nil }
        guard let newest = NightlyBackups.backups(in: backupDirectory).first else { return LastBackup() }
        return LastBackup(
            last: ShanghaiTime.iso8601(newest.takenAt), ageSeconds: max(0, Int(now.timeIntervalSince(newest.takenAt))))
    }

    struct Outbox: Encodable, Sendable {
        var pending = 0
        var failed = 0
    }

    /// Waiting and given-up messages: one grouped count over the outbox's status index.
    static func outbox(on database: Database) async throws -> Outbox {
        var outbox = Outbox()
        for row in try await database.sql.select().column("status").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .from("webhook_outbox").where("status", .in, SQLBind.group(["pending", "failed"])).groupBy("status").all()
        {
            let count = try row.decode(column: "n", as: Int.self)
            if try row.decode(column: "status", as: String.self) == "pending" { outbox.pending = count } else { outbox.failed = count }
        }
        return outbox
    }

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get(SiteURL.health.route) { request, context in
            var response: Response
            do {
                let outbox = try await Self.outbox(on: database)
                response = try JSONBody(Status(status: "ok", database: database.kind.rawValue, outbox: outbox, backup: lastBackup()))
                    .response(from: request, context: context)
            } catch {
                context.logger.error("Health check failed: \(error)")
                response = try JSONBody(Status(status: "unavailable", database: database.kind.rawValue), status: .serviceUnavailable)
                    .response(from: request, context: context)
            }
            response.headers[.cacheControl] = "no-store"
            return response
        }
    }
}
