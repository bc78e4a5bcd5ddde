import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import ServiceLifecycle
import SunboardCore
import Testing

@testable import SunboardApp

@Suite("Public answers served from memory")
struct ResponseCacheTests {
    /// Public pages and JSON of every kind, one address each.
    static func publicAddresses(_ app: TestApp) async throws -> [String] {
        try await app.publishDirectly(in: "yinbei", item: "major-matter", title: "十一月党员活动日安排")
        let id = try #require(try await app.services.disclosures.published(unitID: try await app.unit("yinbei").id, limit: 1).first?.id)
        return [
            "/", "/units/yinbei", "/disclosures/\(id)", "/disclosures/\(id)/print", "/api/v1/disclosures/\(id)",
            "/units/yinbei/disclosures", "/units/yinbei/disclosures?page=1", "/api/v1/units/yinbei/disclosures",
            "/units/yinbei/boards/dibao", "/api/v1/units/yinbei/boards/dibao", "/units/yinbei/feed.atom", "/screen/yinbei/items.json",
            "/api/v1/units/yinbei/elections", "/ledger", "/api/v1/ledger",
        ]
    }

    @Test("A second reading of a public page or JSON is answered from memory: the same bytes, and no connection taken")
    func hitTakesNoConnection() async throws {
        try await TestApp.run { app in
            let browser = app.browser()
            let addresses = try await Self.publicAddresses(app)
            var first: [String: String] = [:]
            for address in addresses {
                let answer = try await browser.get(address)
                #expect(answer.status == .ok, "\(address)")
                first[address] = answer.text
            }
            let lent = app.database.connectionsLent
            for address in addresses {
                #expect(try await browser.get(address).text == first[address], "\(address)")
            }
            #expect(app.database.connectionsLent == lent)
        }
    }

    @Test("Compressed once, served to whoever takes gzip; a 304 without a body for either copy's tag; a proxy may keep it a second")
    func gzipAnd304() async throws {
        try await TestApp.run { app in
            let browser = app.browser()
            let plain = try await browser.get("/units/yinbei")
            let packed = try await browser.get("/units/yinbei", headers: [.acceptEncoding: "br;q=1.0, gzip;q=0.8"])
            #expect(plain.headers[.contentEncoding] == nil)
            #expect(packed.headers[.contentEncoding] == "gzip")
            #expect(packed.headers[.vary] == "Accept-Encoding")
            #expect(packed.body.readableBytes * 3 < plain.body.readableBytes)
            #expect(try Self.gunzip(packed.body) == plain.text)
            #expect(packed.headers[.eTag] != plain.headers[.eTag])
            #expect(plain.headers[.cacheControl] == "public, max-age=0, s-maxage=1")
            #expect(try await browser.get("/units/yinbei", headers: [.acceptEncoding: "gzip;q=0"]).headers[.contentEncoding] == nil)
            for (tag, encoding) in [(plain.headers[.eTag]!, "identity"), (packed.headers[.eTag]!, "gzip")] {
                let again = try await browser.get("/units/yinbei", headers: [.ifNoneMatch: tag, .acceptEncoding: encoding])
                #expect(again.status == .notModified)
                #expect(again.body.readableBytes == 0)
            }
        }
    }

    @Test("A change is on the page in the next request, here; a row changed behind the system's back is not")
    func changesAtOnce() async throws {
        try await TestApp.run { app in
            let browser = app.browser()
            let before = try await browser.get("/units/yinbei").text
            let director = try await app.signedIn("yinbei-director")
            _ = try await director.post("/admin/units/yinbei/profile", form: [("population", "16400"), ("address", "北环路 36 号")])
            #expect(try await browser.get("/units/yinbei").text.contains("北环路 36 号"))
            #expect(try await browser.get("/").text.contains("北环路 36 号"))
            // A community added shows on the office's page at once: the office's version moves with it.
            let office = try await app.unit("yinzhou")
            try await app.services.units.create(slug: "yinxi", name: "银西社区", kind: .community, parentID: office.id, at: app.clock.now)
            #expect(try await browser.get("/").text.contains("银西社区"))
            // Versions that could not be read: nothing kept is served until they are read again.
            let lent = app.database.connectionsLent
            app.database.versions.forget()
            #expect(try await browser.get("/units/yinbei").text.contains("北环路 36 号"))
            #expect(app.database.connectionsLent > lent)
            // Not through the write path: no version moves, so the kept page stands (and `sunboard verify` names the row).
            try await app.database.sql.raw("UPDATE units SET address = '被改的地址' WHERE slug = 'yinbei'").run()
            #expect(!before.contains("被改的地址"))
            #expect(!(try await browser.get("/units/yinbei").text.contains("被改的地址")))
        }
    }

    @Test("Kept until the midnight after it was made, in Shanghai: the day's statuses are right the next morning")
    func midnight() async throws {
        // 2026-11-18 23:59:00 in Shanghai.
        let clock = TestClock(CalendarDate("2026-11-19")!.startInstant.addingTimeInterval(-60))
        try await TestApp.run(clock: clock) { app in
            let browser = app.browser()
            _ = try await browser.get("/units/yinbei")
            let lent = app.database.connectionsLent
            clock.advance(50)
            _ = try await browser.get("/units/yinbei")
            #expect(app.database.connectionsLent == lent)
            clock.advance(20)
            _ = try await browser.get("/units/yinbei")
            #expect(app.database.connectionsLent > lent)
        }
    }

    @Test("Never kept: staff pages, forms with a token, search (counted per address) and the records verifiers compare")
    func neverKept() async throws {
        try await TestApp.run { app in
            let director = try await app.signedIn("yinbei-director")
            let browser = app.browser()
            for (client, address) in [
                (director, "/admin/units/yinbei"), (browser, "/units/yinbei/feedback/new"), (browser, "/search?q=低保"),
                (browser, "/api/v1/search?q=低保"), (browser, "/api/v1/records/unit"), (browser, "/ledger/check?code=1-0011223344556677"),
            ] {
                _ = try await client.get(address)
                let lent = app.database.connectionsLent
                let again = try await client.get(address)
                #expect(again.status == .ok, "\(address)")
                #expect(app.database.connectionsLent > lent, "\(address)")
                #expect(again.headers[.cacheControl] != ETag.publicCaching, "\(address)")
            }
            // Nor are errors, by a proxy either.
            let missing = try await browser.get("/api/v1/disclosures/99999")
            #expect(missing.status == .notFound)
            #expect(missing.headers[.cacheControl] != ETag.publicCaching)
        }
    }

    @Test("Addresses a stranger can vary have a room of their own: a flood of them does not push the pages out")
    func strangersRoom() {
        let cache = ResponseCache(pathBytes: 64 << 10, queryBytes: 16 << 10)
        let now = Date(timeIntervalSince1970: 1_795_000_000)
        let versions = PublicVersions.Snapshot(units: [1: 3], ledger: 9, epoch: 1, isLoaded: true)
        func entry(_ size: Int) -> ResponseCache.Entry {
            let body = ByteBuffer(repeating: UInt8(ascii: "x"), count: size)
            let variant = ResponseCache.Entry.Variant(headers: [:], body: body, notModified: [:], etag: "\"a\"")
            return .init(plain: variant, gzip: nil, units: [(1, 3)], epoch: 1, expires: now.addingTimeInterval(60))
        }
        cache.keep(entry(4 << 10), for: "/units/a", plain: true)
        for query in 0..<100 { cache.keep(entry(2 << 10), for: "/units/a?x=\(query)", plain: false) }
        #expect(cache.entry(for: "/units/a", plain: true, versions: versions, at: now) != nil)
        #expect(cache.count < 10)
        // A moved version, or the moment it expires, and the entry is not served.
        var moved = versions
        moved.units[1] = 4
        #expect(cache.entry(for: "/units/a", plain: true, versions: moved, at: now) == nil)
        cache.keep(entry(4 << 10), for: "/units/a", plain: true)
        #expect(cache.entry(for: "/units/a", plain: true, versions: versions, at: now.addingTimeInterval(60)) == nil)
        // Other spellings of a page's address go to the strangers' room.
        for path in ["/", "/units/yinbei", "/disclosures/42", "/units/yinbei/feed.atom", "/static/app.css"] {
            #expect(ResponseCacheMiddleware<AppRequestContext>.isCanonical(path), "\(path)")
        }
        for path in [
            "//units/yinbei", "/units/yinbei/", "/disclosures/042", "/disclosures/+42", "/units/YINBEI", "/units/%79inbei", "/a?b",
        ] {
            #expect(!ResponseCacheMiddleware<AppRequestContext>.isCanonical(path), "\(path)")
        }
        #expect(!ResponseCache.acceptsGzip("gzip;q=0, br"))
        #expect(ResponseCache.acceptsGzip("deflate, gzip"))
        #expect(ResponseCache.acceptsGzip("*"))
    }

    @Test("Two instances on one database: what one publishes, corrects or withdraws, the other serves within 2 seconds")
    func twoInstances() async throws {
        try await TestApp.run { app in
            // A second instance: its own pool, versions and caches, sharing only the database.
            let database = try await app.storage.open()
            let services = try TestApp.services(database: database, clock: app.clock, dataDirectory: app.storage.dataDirectory)
            let other = buildRouter(services: services)
            // On PostgreSQL only the notification can be this quick: the periodic reading is set to a minute.
            let watcher = PublicVersionsWatcher(
                database: database, logger: TestDatabase.logger, interval: database.kind == .postgresql ? .seconds(60) : .seconds(1))
            let watching = Task { try await watcher.run() }
            defer { watching.cancel() }
            try await Application(router: other).test(.router) { client in
                let reader = Browser(client: client)
                // The other instance keeps the list before anything is published.
                #expect(!(try await reader.get("/units/yinbei/disclosures").text.contains("楼道灯更换")))
                try await Task.sleep(for: .milliseconds(300))  // the listener is set up

                let clerk = try await app.signedIn("yinbei-clerk")
                let id = try await app.draft(clerk, in: "yinbei", item: "major-matter", title: "楼道灯更换安排", body: "十二月更换楼道灯。")
                try await app.publishThroughReview(id, in: "yinbei")
                try await Self.within(seconds: 2, reader, "/units/yinbei/disclosures") { $0.contains("楼道灯更换安排") }
                try await Self.within(seconds: 2, reader, "/disclosures/\(id)") { $0.contains("十二月更换楼道灯。") }

                let director = try await app.signedIn("yinbei-director")
                _ = try await director.post("/admin/units/yinbei/disclosures/\(id)/correct", form: [("reason", "日期写错")])
                let item = try await app.item("major-matter", in: "yinbei")
                _ = try await clerk.postMultipart(
                    "/admin/units/yinbei/disclosures/\(id)/edit",
                    fields: [("item_id", String(item.id)), ("title", "楼道灯更换安排"), ("body", "一月更换楼道灯。")])
                try await app.publishThroughReview(id, in: "yinbei")
                try await Self.within(seconds: 2, reader, "/disclosures/\(id)") { $0.contains("一月更换楼道灯。") }

                _ = try await director.post("/admin/units/yinbei/disclosures/\(id)/withdraw", form: [("reason", "安排取消")])
                try await Self.within(seconds: 2, reader, "/disclosures/\(id)") { $0.contains("撤回理由：安排取消") }
                try await Self.within(seconds: 2, reader, "/api/v1/disclosures/\(id)") { $0.contains("\"body\":\"\"") }
            }
            watching.cancel()
            _ = try? await watching.value
            await database.close()
        }
    }

    /// Asks `address` until `holds` is true of its text, failing after `seconds`.
    static func within(seconds: Double, _ reader: Browser, _ address: String, _ holds: (String) -> Bool) async throws {
        let start = ContinuousClock.now
        while ContinuousClock.now - start < .seconds(seconds) {
            if holds(try await reader.get(address).text) { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        Issue.record("\(address) did not change within \(seconds) s")
    }

    static func gunzip(_ body: ByteBuffer) throws -> String {
        let input = FileManager.default.temporaryDirectory.appendingPathComponent("sunboard-gz-\(UUID().uuidString).gz")
        defer { try? FileManager.default.removeItem(at: input) }
        try Data(body.readableBytesView).write(to: input)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/gzip")
        process.arguments = ["-dc", input.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
