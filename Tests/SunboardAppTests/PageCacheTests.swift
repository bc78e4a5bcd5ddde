import Foundation
import Synchronization
import Testing

@testable import SunboardApp

@Suite("Keeping rendered pages")
struct PageCacheTests {
    @Test("A page is rendered once per key; a new version renders afresh")
    func renderOnce() {
        let cache = PageCache()
        let renders = Mutex(0)
        for _ in 0..<3 {
            let page = cache.page(for: "community:2:0") {
                renders.withLock { $0 += 1 }
                return HTML("<p>v0</p>", caching: .publicRevalidate)
            }
            #expect(page.body == "<p>v0</p>")
        }
        #expect(renders.withLock { $0 } == 1)
        let next = cache.page(for: "community:2:1") { HTML("<p>v1</p>", caching: .publicRevalidate) }
        #expect(next.body == "<p>v1</p>")
        #expect(cache.count == 2)
    }

    @Test("When full, the least recently used pages are forgotten")
    func eviction() {
        // Each page and its key take 10 bytes; room for four.
        let cache = PageCache(capacityBytes: 40)
        for key in ["a", "b", "c", "d"] { _ = cache.page(for: key) { HTML(key + "123456789".dropLast()) } }
        #expect(cache.bytes == 40)
        _ = cache.page(for: "a") { HTML("rendered again") }  // a is now the most recent
        _ = cache.page(for: "e") { HTML("e12345678") }  // over capacity: keep the most recent half
        #expect(cache.count == 2 && cache.bytes == 20)
        #expect(cache.page(for: "a") { HTML("rendered again") }.body == "a12345678")
        #expect(cache.page(for: "b") { HTML("rendered again") }.body == "rendered again")
    }

    @Test("Full is counted in bytes: many large pages cannot take more than the room, and a huge one is not kept")
    func bytes() {
        let cache = PageCache(capacityBytes: 1 << 20, maxPageBytes: 256 << 10)
        let large = String(repeating: "公开", count: 30_000)  // 180 KB
        for period in 0..<200 { _ = cache.page(for: "finance:1:\(period)") { HTML(large) } }
        #expect(cache.bytes <= 1 << 20)
        #expect(cache.count < 200)
        _ = cache.page(for: "huge") { HTML(String(repeating: "x", count: 300 << 10)) }
        #expect(cache.cached("huge") == nil)
    }

    @Test("The public board is served from memory until its version changes")
    func boardVersion() async throws {
        try await TestApp.run { app in
            let browser = app.browser()
            let first = try await browser.get("/units/yinbei")
            let again = try await browser.get("/units/yinbei")
            #expect(again.text == first.text)
            #expect(app.services.pages.count == 1)

            let director = try await app.signedIn("yinbei-director")
            _ = try await director.post("/admin/units/yinbei/profile", form: [("population", "16400"), ("address", "北环路 36 号")])
            let changed = try await browser.get("/units/yinbei")
            #expect(changed.text.contains("北环路 36 号"))
            #expect(app.services.pages.count == 2)
            // The office page lists the community, so it changes too.
            let office = try await browser.get("/")
            #expect(office.text.contains("北环路 36 号"))
        }
    }
}
