import Foundation
import Logging
import ServiceLifecycle
import SunboardCore

/// Housekeeping: expired sessions, old login attempts and old delivered
/// webhook messages go, notices whose period has ended are archived. Safe to
/// run on every instance.
struct MaintenanceService: Service {
    let services: AppServices
    /// Login attempts are kept this long for looking into break-in attempts.
    static let loginAttemptRetention: TimeInterval = 90 * 24 * 3600
    /// Delivered webhook messages are kept this long in the delivery log.
    static let deliveryRetention: TimeInterval = 180 * 24 * 3600

    func run() async throws {
        try? await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    try await services.sessions.prune()
                    try await services.loginAttempts.prune(before: services.clock.now.addingTimeInterval(-Self.loginAttemptRetention))
                    try await NoticeArchiver(services: services).run()
                    try await services.webhooks.prune(deliveredBefore: services.clock.now.addingTimeInterval(-Self.deliveryRetention))
                } catch {
                    services.logger.warning("Maintenance failed: \(error)")
                }
                try await Task.sleep(for: .seconds(600))
            }
        }
    }
}
