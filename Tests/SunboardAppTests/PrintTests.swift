import Foundation
import HTTPTypes
import HummingbirdTesting
import SunboardCore
import Testing

@testable import SunboardApp

@Suite("Printed notices and leaflets")
struct PrintTests {
    @Test("A notice prints on A4 with its period, its public fields and QR codes to its page and, while open, its objection form")
    func notice() async throws {
        let clock = TestClock()
        try await TestApp.run(clock: clock) { app in
            let clerk = try await app.signedIn("yincheng-clerk")
            let id = try await app.draft(
                clerk, in: "yincheng", item: "dibao-applicants", title: "新申请低保家庭公示", body: "请居民监督。",
                fields: ["applicant": "马兰花", "household_size": "2", "monthly_benefit": "650"])
            try await app.publishThroughReview(id, in: "yincheng")
            let page = try await app.browser().get("/disclosures/\(id)/print")
            #expect(page.status == .ok)
            let html = page.text
            #expect(html.contains("银城社区居务公开栏") && html.contains("新申请低保家庭公示") && html.contains("公示期："))
            #expect(html.contains("马兰花") && html.contains("¥650.00"))
            #expect(html.components(separatedBy: "<svg").count - 1 == 2)
            // Absolute where the request names its host (the browser tests decode them from paper).
            #expect(html.contains("/disclosures/\(id)</span>") && html.contains("/disclosures/\(id)/objection</span>"))
            #expect(try await app.browser().get("/disclosures/\(id)").text.contains("/disclosures/\(id)/print"))

            // After the notice: no objection code, and the personal details are gone from paper too.
            clock.advance(9 * 86_400)
            let later = try await app.browser().get("/disclosures/\(id)/print").text
            #expect(later.components(separatedBy: "<svg").count - 1 == 1)
            #expect(!later.contains("马兰花") && !later.contains("/objection"))
            #expect(try await app.browser().get("/disclosures/999/print").status == .notFound)
        }
    }

    @Test("A leaflet combines chosen notices of one community; bad or foreign ids change nothing")
    func leaflet() async throws {
        try await TestApp.run { app in
            try await app.publishDirectly(in: "yincheng", item: "major-matter", title: "冬季清雪责任区划分")
            try await app.publishDirectly(in: "yincheng", item: "major-matter", title: "文化广场冬季开放时间调整")
            try await app.publishDirectly(in: "yinnan", item: "major-matter", title: "南关三巷停水通知")
            let clerk = try await app.signedIn("yincheng-clerk")
            let notice = try await app.draft(
                clerk, in: "yincheng", item: "dibao-applicants", title: "新申请低保家庭公示",
                fields: ["applicant": "马兰花", "household_size": "2", "monthly_benefit": "650"])
            try await app.publishThroughReview(notice, in: "yincheng")
            let all = try await app.browser().get("/units/yincheng/leaflet").text
            // A leaflet outlives the notice: it carries the notice, not the applicant's details.
            #expect(all.contains("新申请低保家庭公示") && !all.contains("马兰花"))
            #expect(all.contains("居务公开宣传单") && all.contains("冬季清雪责任区划分") && all.contains("文化广场冬季开放时间调整"))
            #expect(!all.contains("南关三巷停水通知"))
            let listings = try await app.services.disclosures.published(unitID: try await app.unit("yinnan").id, limit: 5)
            let foreign = try #require(listings.first { $0.title == "南关三巷停水通知" }).id
            let chosen = try await app.browser().get("/units/yincheng/leaflet?ids=\(foreign)").text
            #expect(!chosen.contains("南关三巷停水通知") && chosen.contains("没有可打印的公开内容"))
            let bad = try await app.browser().get("/units/yincheng/leaflet?ids=1,abc")
            #expect(bad.status == .badRequest)
            #expect(bad.text.contains("用逗号分隔的编号"))
            #expect(try await app.browser().get("/units/yincheng").text.contains("/units/yincheng/leaflet"))
        }
    }
}

extension PrintTests {
    @Test("The public address for links on paper comes from SUNBOARD_PUBLIC_URL; anything but http(s) is ignored")
    func publicURL() {
        let set = AppConfiguration.resolve(
            hostname: nil, port: nil, dataDirectory: "/tmp/x", environment: ["SUNBOARD_PUBLIC_URL": "https://gongkai.example.gov.cn/"])
        #expect(set.publicURL == "https://gongkai.example.gov.cn")
        let bad = AppConfiguration.resolve(
            hostname: nil, port: nil, dataDirectory: "/tmp/x", environment: ["SUNBOARD_PUBLIC_URL": "ftp://x"])
        #expect(bad.publicURL == nil)
    }
}
