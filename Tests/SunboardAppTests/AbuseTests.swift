import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SunboardCore
import Synchronization
import Testing

@testable import SunboardApp

/// What a stranger can make a public server do: every parameter bounded
/// before it reaches a cache key or a query, expensive reads rate-limited,
/// expensive reports built once.
@Suite("Bounded public load")
struct AbuseTests {
    @Test("A rate limiter lets a burst through, then one request per refill, and says how long to wait")
    func limiter() {
        let limiter = RateLimiter(burst: 3, perSecond: 0.5, maxAddresses: 4)
        for _ in 0..<3 { #expect(limiter.take("203.0.113.1", now: 100) == nil) }
        #expect(limiter.take("203.0.113.1", now: 100) == 2)
        #expect(limiter.take("203.0.113.2", now: 100) == nil)  // another address has its own bucket
        #expect(limiter.take("203.0.113.1", now: 102) == nil)  // refilled one
        #expect(limiter.take("203.0.113.1", now: 102) == 2)
        // Many addresses cannot grow the table past its bound.
        for host in 0..<50 { _ = limiter.take("198.51.100.\(host)", now: 200 + Double(host)) }
        #expect(limiter.count <= 4)
    }

    @Test("Search from one address is limited with 429 and Retry-After, in Chinese on the page and with a code in the API")
    func searchLimited() async throws {
        // A stopped clock: the bucket does not refill however slow the machine.
        try await TestApp.run(clock: TestClock()) { app in
            try await app.proxied { client in
                let headers: HTTPFields = [HTTPField.Name("X-Forwarded-For")!: "198.51.100.9"]
                var statuses: [HTTPResponse.Status] = []
                for _ in 0..<35 {
                    statuses.append(try await client.execute(uri: "/api/v1/search?q=低保", method: .get, headers: headers).status)
                }
                #expect(statuses.prefix(30).allSatisfy { $0 == .ok })
                #expect(statuses.suffix(5).allSatisfy { $0 == .tooManyRequests })
                let api = try await client.execute(uri: "/api/v1/search?q=低保", method: .get, headers: headers)
                #expect(api.status == .tooManyRequests && Int(api.headers[.retryAfter] ?? "") ?? 0 >= 1)
                #expect(String(buffer: api.body).contains("\"code\":\"too_many_requests\""))
                let page = try await client.execute(uri: "/search?q=低保", method: .get, headers: headers)
                #expect(page.status == .tooManyRequests && String(buffer: page.body).contains("请求太频繁了"))
                // A resident elsewhere searches on, and reads pages as always.
                let other: HTTPFields = [HTTPField.Name("X-Forwarded-For")!: "203.0.113.50"]
                #expect(try await client.execute(uri: "/api/v1/search?q=低保", method: .get, headers: other).status == .ok)
                #expect(try await client.execute(uri: "/units/yincheng", method: .get, headers: headers).status == .ok)
            }
        }
    }

    @Test("The office's matrix: a bad or past-the-end page and a period outside the records are refused before anything is built or kept")
    func complianceBounded() async throws {
        let clock = TestClock()
        try await TestApp.run(clock: clock) { app in
            let browser = app.browser()
            let this = "\(CalendarDate(clock.now).year)"
            #expect(try await browser.get("/api/v1/units/yinzhou/compliance?period=\(this)").status == .ok)
            let kept = app.services.pages.count
            for (query, status) in [
                ("period=\(this)&page=abc", HTTPResponse.Status.badRequest), ("period=\(this)&page=0", .badRequest),
                ("period=\(this)&page=2", .notFound), ("period=\(this)&page=99999999999999999999", .badRequest),
                ("period=1999-01", .notFound), ("period=\(Int(this)! - 11)", .notFound), ("period=\(Int(this)! + 2)-Q1", .notFound),
            ] {
                let response = try await browser.get("/api/v1/units/yinzhou/compliance?\(query)")
                #expect(response.status == status, "\(query)")
            }
            let past = try await browser.get("/api/v1/units/yinzhou/compliance?period=1999-01")
            #expect(past.text.contains("\"code\":\"period_out_of_range\""))
            #expect(app.services.pages.count == kept)
            // Next year's obligations may be looked at; they are owed.
            #expect(try await browser.get("/api/v1/units/yinzhou/compliance?period=\(Int(this)! + 1)").status == .ok)
        }
    }

    @Test("The ranking: only years with records, one entry per change, built once however many ask at once")
    func assessmentBounded() async throws {
        let clock = TestClock()
        try await TestApp.run(clock: clock) { app in
            let year = CalendarDate(clock.now).year
            #expect(try await app.browser().get("/api/v1/units/yinzhou/assessment?year=2000").status == .notFound)
            #expect(try await app.browser().get("/api/v1/units/yinzhou/assessment?year=\(year + 1)").status == .notFound)
            let before = app.services.pages.count
            let client = app.client
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for _ in 0..<8 {
                    group.addTask { try await client.execute(uri: "/api/v1/units/yinzhou/assessment?year=\(year)", method: .get).status }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.allSatisfy { $0 == .ok })
            #expect(app.services.pages.count == before + 1)
            // A minute later nothing has changed: the same entry.
            clock.advance(120)
            #expect(try await app.browser().get("/api/v1/units/yinzhou/assessment?year=\(year)").status == .ok)
            #expect(app.services.pages.count == before + 1)
        }
    }

    @Test("Work asked for by many at once is done once")
    func singleFlight() async throws {
        final class Runs: Sendable { let count = Mutex(0) }
        let flight = SingleFlight<HTML>()
        let runs = Runs()
        try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<20 {
                group.addTask {
                    try await flight.run("report") {
                        runs.count.withLock { $0 += 1 }
                        try await Task.sleep(for: .milliseconds(50))
                        return HTML("built")
                    }.body
                }
            }
            for try await body in group { #expect(body == "built") }
        }
        #expect(runs.count.withLock { $0 } == 1)
    }

    @Test("Boards and books refuse periods outside their records, and keep nothing for them")
    func periodsBounded() async throws {
        let clock = TestClock()
        try await TestApp.run(clock: clock) { app in
            let browser = app.browser()
            let kept = app.services.pages.count
            let year = CalendarDate(clock.now).year
            for path in [
                "/units/yincheng/finance?period=2001", "/units/yincheng/finance?period=\(year + 1)-01",
                "/units/yincheng/finance/ledger.csv?period=1990-Q1", "/api/v1/units/yincheng/finance/entries?period=2005-03",
                "/units/yincheng/boards/dibao?period=2003", "/api/v1/units/yincheng/boards/dibao?period=\(year + 3)",
            ] {
                let response = try await browser.get(path)
                #expect(response.status == .notFound, "\(path)")
            }
            #expect(try await browser.get("/units/yincheng/finance?period=2001").text.contains("没有“2001”的记录"))
            #expect(app.services.pages.count == kept)
            #expect(try await browser.get("/units/yincheng/finance?period=\(year - 1)").status == .ok)
            #expect(try await browser.get("/units/yincheng/boards/dibao?period=\(year)-01").status == .ok)
            #expect(try await browser.get("/api/v1/units/yincheng/boards/dibao?period=\(year - 10)").status == .ok)
        }
    }
}
