import Foundation
import Hummingbird
import Testing

@testable import SunboardApp

/// Every route is registered from the `SiteURL` case that also builds its
/// links, so a link cannot point at a route that does not exist.
@Suite("The route table")
struct RouteTableTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/SunboardApp")

    @Test("No route is registered by a literal path")
    func noLiteralPaths() throws {
        // `router.get("/x", …)`, `group.post("x/{id}", …)`: a registration whose path is a string;
        // `RouterPath("x")`: a path made by hand (only `SiteURL` makes them).
        let literal = try NSRegularExpression(
            pattern: #"\b(router|group|[a-z]+Pages|[a-z]+Forms|admin|staff|login)\.(get|post|put|patch|delete|on)\(\s*"|RouterPath\("#)
        var found: [String] = []
        let files = FileManager.default.enumerator(at: Self.sources, includingPropertiesForKeys: nil)!
        for case let file as URL in files where file.pathExtension == "swift" && file.lastPathComponent != "SiteURL.swift" {
            let text = try String(contentsOf: file, encoding: .utf8)
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let line = String(line)
                if literal.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) != nil {
                    found.append("\(file.lastPathComponent):\(number + 1): \(line.trimmingCharacters(in: .whitespaces))")
                }
            }
        }
        #expect(found.isEmpty, "routes registered by a literal path:\n\(found.joined(separator: "\n"))")
    }

    @Test("The table lists every page once, and no two routes clash")
    func table() async throws {
        try await TestApp.run(demo: .none) { app in
            let router = buildRouter(services: app.services)
            let routes = router.routes.map(\.description)
            #expect(Set(routes).count == routes.count)
            // A few from each side, as a person would reach them.
            for route in [
                "GET /units/{slug}", "GET /api/v1/ledger", "GET /admin/units/{slug}/finance",
                "POST /admin/units/{slug}/boards/{board}/cards",
                "POST /admin/units/{slug}/feedback/{kind}/{id}/reply", "GET /static/{name}",
            ] {
                #expect(routes.contains(route), "\(route) is not in the table")
            }
            try router.validate()
        }
    }

    @Test("Every route is a SiteURL pattern, and every pattern is a route")
    func patterns() async throws {
        try await TestApp.run(demo: .none) { app in
            let registered = Set(buildRouter(services: app.services).routes.map { "\($0.path)" })
            let patterns = SiteURL.patterns.map(\.path)
            #expect(Set(patterns).count == patterns.count, "a pattern is listed twice")
            let unlisted = registered.subtracting(patterns).sorted()
            let unrouted = Set(patterns).subtracting(registered).sorted()
            #expect(unlisted.isEmpty, "routes that are not SiteURL patterns: \(unlisted)")
            #expect(unrouted.isEmpty, "SiteURL patterns with no route: \(unrouted)")
        }
    }

    @Test("Typed parameters: a link carries the value, a route its name")
    func typedParameters() {
        #expect(SiteURL.finance(.entry("yincheng", 42)).path == "/units/yincheng/finance/entries/42")
        #expect(SiteURL.finance(.entry(.key, .key)).path == "/units/{slug}/finance/entries/{id}")
        #expect(SiteURL.ledger(.apiVersion("disclosure", 7, 2)).path == "/api/v1/records/disclosure/7/versions/2")
        #expect(SiteURL.ledger(.apiVersion(.key, .key, .key)).path == "/api/v1/records/{kind}/{id}/versions/{version}")
        #expect(SiteURL.disclosures(.admin(.key, .key)).route(under: .units(.admin(.key))).description == "/disclosures/{id}")
    }
}
