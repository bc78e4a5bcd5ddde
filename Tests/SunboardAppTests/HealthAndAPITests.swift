import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import SunboardApp

@Suite("Health and the units API")
struct HealthAndAPITests {
    @Test("GET /healthz names the database in use and counts the outbox's waiting and given-up messages")
    func health() async throws {
        try await TestApp.run { app in
            let response = try await app.browser().get("/healthz")
            #expect(response.status == .ok)
            let json = try #require(try JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [String: Any])
            #expect(json["status"] as? String == "ok" && json["database"] as? String == app.database.kind.rawValue)
            #expect(json["outbox"] as? [String: Int] == ["pending": 0, "failed": 0])
            #expect(response.headers[.cacheControl] == "no-store")
        }
    }

    @Test("GET /api/v1/units lists the office and its four communities")
    func listUnits() async throws {
        try await TestApp.run { app in
            let response = try await app.browser().get("/api/v1/units")
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/json; charset=utf-8")
            let units = try #require(try JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [[String: Any]])
            #expect(units.map { $0["slug"] as? String } == ["yinzhou", "yincheng", "yinnan", "yinbei", "yinxin"])
            let office = units[0]
            #expect(office["name"] as? String == "银州镇办事处")
            #expect(office["kind"] as? String == "office")
            #expect(office["parent"] is NSNull)
            #expect(office["id"] as? Int != nil)
            for community in units.dropFirst() {
                #expect(community["kind"] as? String == "community")
                #expect(community["parent"] as? String == "yinzhou")
            }
            #expect(units.compactMap { $0["name"] as? String }.contains("银南社区"))
        }
    }

    @Test("GET /api/v1/units/{slug} gives one unit; an unknown one a JSON 404 with a stable code")
    func oneUnit() async throws {
        try await TestApp.run { app in
            let browser = app.browser()
            let response = try await browser.get("/api/v1/units/yinnan")
            let unit = try #require(try JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [String: Any])
            #expect(unit["slug"] as? String == "yinnan")
            #expect(unit["name"] as? String == "银南社区")
            #expect(unit["parent"] as? String == "yinzhou")

            for path in ["/api/v1/units/nowhere", "/api/v1/no-such-thing", "/api/v2/units"] {
                let missing = try await browser.get(path)
                #expect(missing.status == .notFound, "\(path)")
                let body = try #require(try JSONSerialization.jsonObject(with: Data(missing.text.utf8)) as? [String: [String: String]])
                #expect(body["error"]?["code"] == "not_found")
                #expect(body["error"]?["message_zh"]?.isEmpty == false)
            }
        }
    }

    @Test("An unchanged JSON list is answered 304 when the client has it")
    func jsonRevalidation() async throws {
        try await TestApp.run { app in
            let browser = app.browser()
            let first = try await browser.get("/api/v1/units")
            let etag = try #require(first.headers[.eTag])
            let second = try await browser.get("/api/v1/units", headers: [.ifNoneMatch: etag])
            #expect(second.status == .notModified)
            #expect(second.body.readableBytes == 0)
        }
    }

    @Test("No odd input makes the server answer 500")
    func oddInput() async throws {
        try await TestApp.run { app in
            let browser = app.browser()
            let paths = [
                "/units/%ff%fe", "/units/" + String(repeating: "a", count: 5000), "/api/v1/units/%3Cscript%3E",
                "/units/yincheng/../../etc/passwd", "/static/..%2f..%2fPackage.swift", "/static/nothing.css",
                "/admin/units/%00", "/units/%E4%BD%A0%E5%A5%BD", "/?q=%", "/api/v1/units?page=-1",
            ]
            for path in paths {
                let response = try await browser.get(path)
                #expect(response.status.code < 500, "\(path) answered \(response.status)")
            }
            let odd = try await browser.post(
                "/admin/login", form: [("username", "\u{0}\u{FFFF}"), ("password", String(repeating: "x", count: 500))])
            #expect(odd.status.code < 500)
            // A NUL byte, which PostgreSQL refuses in text, is dropped before it reaches the database.
            let nul = try await browser.post("/admin/login", form: [("username", "yincheng\u{0}-clerk"), ("password", "x\u{0}y")])
            #expect(nul.status == .unauthorized)
            let broken = try await app.client.execute(
                uri: "/admin/login", method: .post,
                headers: [.contentType: "application/x-www-form-urlencoded", .cookie: "sunboard_csrf=\(browser.csrfToken ?? "")"],
                body: ByteBuffer(string: "%%%&&&===_csrf=%zz")
            )
            #expect(broken.status == .forbidden)
        }
    }
}
