import Foundation
import HTTPTypes
import Hummingbird
import Metrics
import Prometheus
import SunboardCore
import Synchronization

/// `GET /metrics`: Prometheus's text format, when `SUNBOARD_METRICS=1`.
///
/// Answered to this machine — a loopback peer that came through no proxy
/// (a request through nginx carries `X-Forwarded-For`, and that header is
/// anyone's to write) — or to a scraper sending `Authorization: Bearer` and
/// `SUNBOARD_METRICS_TOKEN`.
/// Requests by route pattern and status and their latency come from
/// Hummingbird's `MetricsMiddleware`; the page cache, the pool and webhook
/// failures count as they happen; what needs a query is read here, per scrape.
final class MetricsController: Sendable {
    let services: AppServices
    /// Overdue obligations take a report to count: counted at most every five minutes.
    private let overdue = Mutex<(count: Int, at: Date)?>(nil)

    init(services: AppServices) {
        self.services = services
    }

    static func isLoopback(_ address: String) -> Bool {
        address == "::1" || address.hasPrefix("127.") || address.hasPrefix("::ffff:127.")
    }

    func allowed(_ request: Request, context: AppRequestContext) -> Bool {
        if let token = services.configuration.metricsToken, let sent = request.headers[.authorization],
            sent.hasPrefix("Bearer "), CSRFMiddleware.constantTimeEqual(String(sent.dropFirst(7)), token)
        {
            return true
        }
        return Self.isLoopback(context.peerAddress) && request.headers[HTTPField.Name("X-Forwarded-For")!] == nil
    }

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get(SiteURL.metrics.route) { [self] request, context -> Response in
            guard services.configuration.metrics else { throw HTTPError(.notFound) }
            guard allowed(request, context: context) else { throw HTTPError(.forbidden) }
            try await updateGauges()
            var response = Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: .init(byteBuffer: .init(bytes: AppMetrics.registry.emitToBuffer())))
            response.headers[.cacheControl] = "no-store"
            return response
        }
    }

    /// The figures a scrape reads fresh.
    private func updateGauges() async throws {
        let outbox = try await HealthController.outbox(on: services.database)
        Gauge(label: "sunboard_webhook_outbox", dimensions: [("status", "pending")]).record(outbox.pending)
        Gauge(label: "sunboard_webhook_outbox", dimensions: [("status", "failed")]).record(outbox.failed)
        Gauge(label: "sunboard_page_cache_bytes").record(services.pages.bytes)
        Gauge(label: "sunboard_page_cache_pages").record(services.pages.count)
        let backup = HealthController.lastBackup(
            in: services.configuration.backupDirectory.map { URL(fileURLWithPath: $0) }, now: services.clock.now)
        if let age = backup?.ageSeconds { Gauge(label: "sunboard_last_backup_age_seconds").record(age) }
        Gauge(label: "sunboard_obligations_overdue").record(try await overdueObligations())
    }

    /// Obligations of the last 90 days past their due date with nothing published, over every office.
    private func overdueObligations() async throws -> Int {
        let now = services.clock.now
        if let kept = overdue.withLock({ $0 }), now.timeIntervalSince(kept.at) < 300, now >= kept.at { return kept.count }
        let today = CalendarDate(now)
        var count = 0
        for office in try await services.units.all() where office.kind == .office {
            let communities = try await services.compliance.communities(officeID: office.id)
            guard !communities.isEmpty else { continue }
            let (owed, periods) = try await services.complianceReport.obligations(
                officeID: office.id, communities: communities, dueFrom: today.adding(days: -90), through: today.adding(days: -1))
            let fulfilled = try await services.compliance.fulfilment(.units(communities.map(\.id)), periods: Array(periods))
            for unit in communities {
                count +=
                    (owed[unit.id] ?? []).filter { item, obligation in
                        fulfilled[.init(unitID: unit.id, itemID: item.id, period: obligation.period.description)] == nil
                    }.count
            }
        }
        overdue.withLock { $0 = (count, now) }
        return count
    }
}
