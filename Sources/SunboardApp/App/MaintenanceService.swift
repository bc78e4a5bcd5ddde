import Foundation
import Logging
import ServiceLifecycle
import SunboardCore

/// Housekeeping: expired sessions, old login attempts and old delivered
/// webhook messages go, notices whose period has ended are archived,
/// reminders of obligations due soon or just missed are queued, and the
/// ledger's head is posted to the groups that asked. Safe to run on every
/// instance.
struct MaintenanceService: Service {
    let services: AppServices
    /// Login attempts are kept this long for looking into break-in attempts.
    static let loginAttemptRetention: TimeInterval = 90 * 24 * 3600
    /// Delivered webhook messages are kept this long in the delivery log.
    static let deliveryRetention: TimeInterval = 180 * 24 * 3600

    func run() async throws {
        try? await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                // Each job on its own: one failing leaves the others to run.
                let jobs: [(String, @Sendable () async throws -> Void)] = [
                    ("sessions", { try await services.sessions.prune() }),
                    (
                        "login attempts",
                        {
                            try await services.loginAttempts.prune(
                                before: services.clock.now.addingTimeInterval(-Self.loginAttemptRetention))
                        }
                    ),
                    ("notices", { try await NoticeArchiver(services: services).run() }),
                    ("catalog rules", { try await services.catalog.applyRulesInForce(at: services.clock.now) }),
                    ("reminders", { try await ObligationReminders(services: services).run() }),
                    ("ledger head", { try await LedgerHeadAnnouncer(services: services).run() }),
                    (
                        "webhook log",
                        {
                            try await services.webhooks.prune(
                                deliveredBefore: services.clock.now.addingTimeInterval(-Self.deliveryRetention))
                        }
                    ),
                ]
                for (name, job) in jobs {
                    do { try await job() } catch { services.logger.warning("Maintenance (\(name)) failed: \(error)") }
                }
                try await Task.sleep(for: .seconds(600))
            }
        }
    }
}
