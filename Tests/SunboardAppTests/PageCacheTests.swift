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
        let cache = PageCache(capacity: 4)
        for key in ["a", "b", "c", "d"] { _ = cache.page(for: key) { HTML(key) } }
        _ = cache.page(for: "a") { HTML("rendered again") }  // a is now the most recent
        _ = cache.page(for: "e") { HTML("e") }  // over capacity: keep the two most recent
        #expect(cache.count == 2)
        #expect(cache.page(for: "a") { HTML("rendered again") }.body == "a")
        #expect(cache.page(for: "b") { HTML("rendered again") }.body == "rendered again")
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
