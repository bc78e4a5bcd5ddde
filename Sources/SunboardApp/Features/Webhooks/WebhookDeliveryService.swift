import Foundation
import Logging
import ServiceLifecycle
import SunboardCore

/// Runs the webhook sender for as long as the server runs: a round whenever
/// something is due, else a look every two seconds. Safe on every instance:
/// leases keep two from posting the same message.
///
/// On shutdown the round in progress finishes (within the post timeout),
/// so a deploy neither counts posts as failed nor sends them twice.
struct WebhookDeliveryService: Service {
    let sender: WebhookSender
    static let idle: Duration = .seconds(2)

    func run() async throws {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            var tried = 0
            do {
                tried = try await sender.round()
            } catch {
                sender.logger.warning("Webhook round failed: \(error)")
            }
            // Only the wait is cut short by a shutdown.
            let pause = tried > 0 ? Duration.milliseconds(200) : Self.idle
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: pause) }
        }
    }
}
