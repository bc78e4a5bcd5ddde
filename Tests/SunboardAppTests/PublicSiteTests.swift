import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SQLKit
import SunboardCore
import Testing

@testable import SunboardApp

@Suite("The public site")
struct PublicSiteTests {
    @Test("The office home lists the four communities and the seed's facts")
    func officeHome() async throws {
        try await TestApp.run { app in
            let response = try await app.browser().get("/")
            #expect(response.status == .ok)
            let html = response.text
            #expect(html.contains("<html lang=\"zh-CN\">"))
            #expect(html.contains("银州镇办事处"))
            for (name, slug) in [("银城社区", "yincheng"), ("银南社区", "yinnan"), ("银北社区", "yinbei"), ("银新社区", "yinxin")] {
                #expect(html.contains(name))
                #expect(html.contains("href=\"/units/\(slug)\""))
            }
            // 11 km², 6.9万 residents, 379 institutions, 1,116 businesses.
            #expect(html.contains("<span class=\"fact-value\">11</span><span class=\"fact-unit\">平方公里</span>"))
            #expect(html.contains("<span class=\"fact-value\">6.9万</span>"))
            #expect(html.contains("<span class=\"fact-value\">379</span>"))
            #expect(html.contains("<span class=\"fact-value\">1116</span>"))
            // The office's own page is the same page.
            let same = try await app.browser().get("/units/yinzhou")
            #expect(same.text == html)
        }
    }

    @Test("A community home shows every section of the board, each labelled, with an honest empty state")
    func communityHome() async throws {
        try await TestApp.run { app in
            let response = try await app.browser().get("/units/yincheng")
            #expect(response.status == .ok)
            let html = response.text
            #expect(html.contains("银城社区"))
            for section in BoardSection.community {
                #expect(html.contains("<section id=\"\(section.id)\""), "section \(section.id)")
                #expect(html.contains("<h3 id=\"\(section.id)-title\">\(section.title)</h3>"))
                #expect(html.contains("href=\"#\(section.id)\""), "index link to \(section.id)")
                if section.id != "profile" && section.id != "periodic" { #expect(html.contains(section.emptyText)) }
            }
            // The seed's fixed board, all of it.
            for title in [
                "基本概况", "组织机构", "居委会工作职责", "居务公开制度", "社区成员代表大会工作制度", "社区监委会工作制度",
                "社区居民事务听证会工作制度", "社区居委会管理制度", "便民服务指南", "光荣榜", "居委会活动剪影",
            ] {
                #expect(html.contains(title))
            }
            // Periodic items are listed even before anything is published.
            #expect(html.contains("办公经费使用情况"))
            #expect(html.contains("尚未公开"))
            // 基本概况 has content from the demo profile.
            #expect(html.contains("2.14万"))
            #expect(html.contains("解放路 26 号银城社区服务中心"))
            // The demo was seeded at the test clock's 2026-11-18 (UTC), shown in Shanghai time.
            #expect(html.contains("更新于 \(ShanghaiTime.date(app.clock.now))"))
        }
    }

    @Test("An unknown page is a friendly Chinese 404 page, not a bare error")
    func notFound() async throws {
        try await TestApp.run { app in
            for path in ["/nowhere", "/units/no-such-community", "/units/yincheng/extra"] {
                let response = try await app.browser().get(path)
                #expect(response.status == .notFound)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                #expect(response.text.contains("找不到这个页面"))
                #expect(response.text.contains("回到首页"))
            }
        }
    }

    @Test("Behind HTTPS (secure cookies) every answer asks browsers to stay on HTTPS for a year")
    func strictTransport() async throws {
        try await TestApp.run { app in
            var configuration = app.services.configuration
            configuration.secureCookies = true
            let secure = try AppServices(
                configuration: configuration, database: app.database, clock: app.clock.wallClock, logger: TestDatabase.logger)
            try await Application(router: buildRouter(services: secure)).test(.router) { client in
                for path in ["/units/yinnan", "/api/v1/units", "/admin/login", "/no-such-page"] {
                    let response = try await client.execute(uri: path, method: .get)
                    #expect(response.headers[HTTPField.Name("Strict-Transport-Security")!] == "max-age=31536000", "\(path)")
                }
            }
        }
    }

    @Test("Public pages revalidate with an ETag, set no cookie and carry the security headers")
    func caching() async throws {
        try await TestApp.run { app in
            let browser = app.browser()
            let first = try await browser.get("/units/yinnan")
            let etag = try #require(first.headers[.eTag])
            #expect(first.headers[.setCookie] == nil)
            #expect(first.headers[.contentSecurityPolicy]?.contains("default-src 'self'") == true)
            #expect(first.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff")
            // Over plain HTTP (cookies not secure) no HSTS: it would lock a LAN install out of itself.
            #expect(first.headers[HTTPField.Name("Strict-Transport-Security")!] == nil)
            let again = try await browser.get("/units/yinnan", headers: [.ifNoneMatch: etag])
            #expect(again.status == .notModified)
            // Through a proxy that compresses, the tag comes back weak, and still matches.
            let weak = try await browser.get("/units/yinnan", headers: [.ifNoneMatch: "\"other\", W/\(etag)"])
            #expect(weak.status == .notModified)
            #expect(try await browser.get("/units/yinnan", headers: [.ifNoneMatch: "W/\"other\""]).status == .ok)
            // A change to the page changes its ETag.
            let unit = try await app.unit("yinnan")
            var profile = unit.profile
            profile.phone = "0912-9999999"
            try await app.services.units.updateProfile(
                unitID: unit.id, to: profile, audit: .init(actorID: nil, actorName: "测试", action: "unit.profile.update", address: "test"),
                at: app.clock.now)
            let changed = try await browser.get("/units/yinnan", headers: [.ifNoneMatch: etag])
            #expect(changed.status == .ok)
            #expect(changed.text.contains("0912-9999999"))
        }
    }

    @Test("HEAD answers like GET without a body")
    func head() async throws {
        try await TestApp.run { app in
            let response = try await app.client.execute(uri: "/", method: .head)
            #expect(response.status == .ok)
            #expect(response.body.readableBytes == 0)
            #expect(response.headers[.contentType] == "text/html; charset=utf-8")
        }
    }

    @Test("CSS and the icon are served by the app itself, fingerprinted and cached for a year")
    func assets() async throws {
        try await TestApp.run { app in
            let html = try await app.browser().get("/").text
            let css = try #require(html.firstMatch(of: /href="(\/static\/app\.css\?v=[0-9a-f]+)"/)?.1)
            let response = try await app.browser().get(String(css))
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/css; charset=utf-8")
            #expect(response.headers[.cacheControl]?.contains("immutable") == true)
            #expect(response.text.contains("Noto Sans CJK SC"))
            // No page refers to anything outside the app.
            #expect(!html.contains("http://") && !html.contains("https://"))
            let icon = try await app.browser().get("/favicon.ico")
            #expect(icon.headers[.contentType] == "image/svg+xml")
        }
    }

    @Test("Text entered by staff is escaped on the public page")
    func escaping() async throws {
        try await TestApp.run { app in
            let unit = try await app.unit("yinbei")
            var profile = unit.profile
            profile.introduction = "<script>alert('x')</script>欢迎"
            try await app.services.units.updateProfile(
                unitID: unit.id, to: profile, audit: .init(actorID: nil, actorName: "测试", action: "unit.profile.update", address: "test"),
                at: app.clock.now)
            let html = try await app.browser().get("/units/yinbei").text
            #expect(!html.contains("<script>alert"))
            #expect(html.contains("&lt;script&gt;alert("))
        }
    }
}
