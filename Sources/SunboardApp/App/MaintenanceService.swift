import Foundation
import Logging
import ServiceLifecycle
import SunboardCore

/// Housekeeping: expired sessions and old login attempts go, notices whose
/// period has ended are archived. Safe to run on every instance.
struct MaintenanceService: Service {
    let services: AppServices
    /// Login attempts are kept this long for looking into break-in attempts.
    static let loginAttemptRetention: TimeInterval = 90 * 24 * 3600

    func run() async throws {
        try? await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    try await services.sessions.prune()
                    try await services.loginAttempts.prune(before: services.clock.now.addingTimeInterval(-Self.loginAttemptRetention))
                    try await NoticeArchiver(services: services).run()
                } catch {
                    services.logger.warning("Maintenance failed: \(error)")
                }
                try await Task.sleep(for: .seconds(600))
            }
        }
    }
}
