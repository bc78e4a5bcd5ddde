import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import SunboardApp

/// `/metrics`: off unless asked, answered to this machine or a token, and
/// in Prometheus's text exposition format.
@Suite("Prometheus metrics")
struct MetricsTests {
    static let token = "a-scraper-token-of-some-length"

    /// An app over `app`'s database with metrics on, behind a trusted proxy so a test can pose as any address.
    static func withMetrics(_ app: TestApp, _ body: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        var configuration = app.services.configuration
        configuration.metrics = true
        configuration.metricsToken = token
        configuration.trustProxy = true
        let services = try AppServices(
            configuration: configuration, database: app.database, clock: app.clock.wallClock, logger: TestDatabase.logger)
        try await Application(router: buildRouter(services: services)).test(.router, body)
    }

    static func get(_ client: any TestClientProtocol, _ path: String, from address: String, token: String? = nil) async throws
        -> TestResponse
    {
        var headers: HTTPFields = [HTTPField.Name("X-Forwarded-For")!: address]
        if let token { headers[.authorization] = "Bearer \(token)" }
        return try await client.execute(uri: path, method: .get, headers: headers)
    }

    /// Every line a comment or `name{label="value",…} number`, as Prometheus's text format 0.0.4 has it.
    static func isExposition(_ text: String) -> Bool {
        let sample =
            /^[a-zA-Z_:][a-zA-Z0-9_:]*(\{[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\]|\\.)*"(,[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\]|\\.)*")*\})? (-?[0-9.e+-]+|\+Inf|-Inf|NaN)$/
        return text.split(separator: "\n").allSatisfy { line in
            line.hasPrefix("# HELP ") || line.hasPrefix("# TYPE ") || line.wholeMatch(of: sample) != nil
        }
    }

    @Test("Off by default: /metrics is not found")
    func offByDefault() async throws {
        try await TestApp.run(demo: .none) { app in
            let response = try await app.client.execute(uri: "/metrics", method: .get)
            #expect(response.status == .notFound)
        }
    }

    @Test("On, it answers this machine and the token only, with requests by route pattern, latency, cache, pool, outbox and obligations")
    func scrape() async throws {
        // Before the database opens, as `sunboard serve` does: its pool's timer is made with it.
        AppMetrics.bootstrap()
        try await TestApp.run { app in
            try await Self.withMetrics(app) { client in
                // A stranger, and a stranger with a wrong token, are refused.
                #expect(try await Self.get(client, "/metrics", from: "203.0.113.9").status == .forbidden)
                #expect(try await Self.get(client, "/metrics", from: "203.0.113.9", token: "wrong").status == .forbidden)

                for _ in 0..<2 { _ = try await Self.get(client, "/units/yincheng", from: "198.51.100.7") }
                _ = try await Self.get(client, "/units/no-such-place", from: "198.51.100.7")

                // Anyone can write X-Forwarded-For: claiming to be this machine earns nothing (a real loopback
                // peer is tested on a real socket in tests/browser/test_deploy.py).
                #expect(try await Self.get(client, "/metrics", from: "127.0.0.1").status == .forbidden)
                let remote = try await Self.get(client, "/metrics", from: "203.0.113.9", token: Self.token)
                #expect(remote.status == .ok)
                #expect(remote.headers[.contentType]?.hasPrefix("text/plain; version=0.0.4") == true)
                let text = String(buffer: remote.body)
                #expect(Self.isExposition(text), "\(text.prefix(2000))")
                // By route pattern, never by the address asked: a stranger's URLs cannot grow the list.
                #expect(
                    text.contains(#"hb_requests{http_route="/units/{slug}",http_request_method="GET",http_response_status_code="200"}"#))
                #expect(text.contains(#"http_response_status_code="404""#))
                #expect(!text.contains("no-such-place"))
                #expect(text.contains("http_server_request_duration_bucket{"))
                #expect(text.contains("sunboard_page_cache_hits_total"))
                #expect(text.contains("sunboard_page_cache_misses_total"))
                #expect(text.contains("sunboard_db_connection_wait_seconds_bucket"))
                #expect(text.contains(#"sunboard_webhook_outbox{status="pending"} 0.0"#))
                #expect(text.contains("sunboard_obligations_overdue "))
            }
        }
    }
}
