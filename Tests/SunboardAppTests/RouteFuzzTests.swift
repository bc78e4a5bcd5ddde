import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SQLKit
import Testing

@testable import SunboardApp

/// Every route of the table, tried as a stranger would: generated from the
/// router itself, so a route added tomorrow is covered without a new test.
@Suite("Every route, as a stranger tries it")
struct RouteFuzzTests {
    /// The router's routes, each as its method and pattern.
    static func routes(_ app: TestApp) -> [(method: HTTPRequest.Method, path: String)] {
        buildRouter(services: app.services).routes.map { ($0.method, "\($0.path)") }
    }

    /// A pattern with each `{name}` replaced by `value(name)`.
    static func fill(_ pattern: String, _ value: (String) -> String) -> String {
        var path = ""
        var rest = Substring(pattern)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            path += rest[..<open]
            path += value(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return path + rest
    }

    /// Rows in every table: what a refused request must leave as it was.
    static func fingerprint(_ app: TestApp) async throws -> [String: Int] {
        let list: SQLQueryString =
            app.database.kind == .sqlite
            ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            : "SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema()"
        var counts: [String: Int] = [:]
        for row in try await app.database.sql.raw(list).all() {
            let name = try row.decode(column: "name", as: String.self)
            // Signing in writes these; nothing else a refused request may touch.
            guard !["sessions", "login_attempts"].contains(name) else { continue }
            counts[name] = try await app.count(name)
        }
        return counts
    }

    /// Strange values a parameter or query can carry.
    static let hostile = [
        "0", "-1", "99999999999999999999", "1e9", "%00", "%FF%FE", "%E4%BD", "..%2F..%2Fetc%2Fpasswd", "%3Cscript%3E", "'%20OR%201=1--",
        String(repeating: "9", count: 300), String(repeating: "%E5%85%AC", count: 400), "%20", "null", "yincheng", "2026-13", "2026-Q9",
    ]

    @Test("Random, oversized, malformed and non-UTF-8 parameters on every public route: no 5xx, no change, an answer within a second")
    func publicRoutes() async throws {
        try await TestApp.run(clock: TestClock()) { app in
            var generator = SeededGenerator(seed: 20_261_204)
            let routes = Self.routes(app).filter { $0.method == .get && !$0.path.hasPrefix("/admin") }
            #expect(routes.count > 60)
            let before = try await Self.fingerprint(app)
            var failures: [String] = []
            for route in routes {
                // A NUL in every usual parameter first (it once reached PostgreSQL from search), then random ones.
                let nul = Self.fill(route.path) { _ in "%00" } + "?q=%00&period=%00&page=%00&year=%00"
                for attempt in 0..<7 {
                    let path = Self.fill(route.path) { _ in Self.hostile.randomElement(using: &generator)! }
                    let query = ["period", "page", "year", "q", "after", "class", "item", "fund", "size", "kind", "id"]
                        .shuffled(using: &generator).prefix(3)
                        .map { "\($0)=\(Self.hostile.randomElement(using: &generator)!)" }.joined(separator: "&")
                    let uri = attempt == 0 ? nul : path + "?" + query
                    let started = ContinuousClock.now
                    let response = try await app.client.execute(uri: uri, method: .get)
                    let took = ContinuousClock.now - started
                    if response.status.code >= 500 { failures.append("\(response.status.code) \(uri)") }
                    if took > .seconds(1) { failures.append("\(took) \(uri)") }
                }
            }
            #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
            #expect(try await Self.fingerprint(app) == before)
        }
    }

    @Test("Every admin POST, tried anonymously, without the anti-forgery token and by another community's staff: refused, nothing changed")
    func adminPosts() async throws {
        try await TestApp.run { app in
            let routes = Self.routes(app).filter { $0.method == .post && $0.path.hasPrefix("/admin") && $0.path != "/admin/login" }
            #expect(routes.count > 40)
            let before = try await Self.fingerprint(app)
            // A page of yincheng's, with values that would name real things there.
            func target(_ pattern: String) -> String {
                Self.fill(pattern) { name in
                    switch name {
                    case "slug": "yincheng"
                    case "board": "dibao"
                    case "kind": "suggestion"
                    case "page": "elections"
                    case "step": "publish"
                    default: "1"
                    }
                }
            }
            let stranger = try await app.signedIn("yinnan-director")
            let signedIn = try await app.signedIn("admin")
            var failures: [String] = []
            for route in routes {
                let path = target(route.path)
                let anonymous = try await app.browser().post(path, form: [("reason", "试探"), ("name", "试探")])
                // Sent to sign in, or refused outright.
                let toLogin = [.found, .seeOther].contains(anonymous.status) && anonymous.location?.hasPrefix("/admin/login") == true
                if !toLogin && ![.unauthorized, .forbidden].contains(anonymous.status) {
                    failures.append("anonymous \(anonymous.status.code) \(path)")
                }
                let forged = try await signedIn.post(path, form: [("reason", "试探")], token: .some(nil))
                if forged.status != .forbidden { failures.append("no token \(forged.status.code) \(path)") }
                if path.hasPrefix("/admin/units/yincheng") {
                    let other = try await stranger.post(path, form: [("reason", "试探"), ("name", "试探")])
                    if ![.forbidden, .notFound].contains(other.status) {
                        failures.append("another community \(other.status.code) \(path)")
                    }
                }
            }
            #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
            var after = try await Self.fingerprint(app)
            // Signing in is the one thing these requests did.
            after["audit_log"] = before["audit_log"]
            #expect(after == before)
        }
    }
}

/// A small deterministic generator (SplitMix64): the same requests on every run.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
