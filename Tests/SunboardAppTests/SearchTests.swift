import Foundation
import HTTPTypes
import HummingbirdTesting
import SunboardCore
import Testing

@testable import SunboardApp

@Suite("Search over everything public")
struct SearchTests {
    @Test("Two-character words and phrases are found across disclosures, guides, the directory and cadres, newest first, highlighted")
    func finds() async throws {
        try await TestApp.run { app in
            try await app.publishDirectly(in: "yincheng", item: "major-matter", title: "冬季清雪责任区划分", body: "低保户门前的积雪由志愿者帮助清扫。")
            try await app.publishDirectly(in: "yinnan", item: "major-matter", title: "低保复审安排", body: "12 月起开展年度复审。")
            let admin = try await app.signedIn("admin")
            #expect(
                try await admin.post(
                    "/admin/units/yinzhou/guides",
                    form: [
                        ("title", "城市低保申请"), ("applicants", "困难家庭"), ("documents", "户口簿"), ("steps", "申请：交材料\n公示：七天"),
                        ("place", "社区服务中心"),
                    ]
                ).status == .seeOther)
            let clerk = try await app.signedIn("yincheng-clerk")
            #expect(
                try await clerk.post(
                    "/admin/units/yincheng/directory", form: [("category", "locksmith"), ("name", "安心开锁"), ("phone", "13572947120")]
                )
                .status == .seeOther)

            let json = try await app.browser().get("/api/v1/search?q=低保").text
            let guide = try #require(json.range(of: "城市低保申请"))
            let title = try #require(json.range(of: "低保复审安排"))
            let body = try #require(json.range(of: "冬季清雪责任区划分"))
            // Titles first (the newest of them first), then matches in the text.
            #expect(title.lowerBound < guide.lowerBound && guide.lowerBound < body.lowerBound)
            #expect(try await app.browser().get("/api/v1/search?q=开锁").text.contains("\"kind\":\"directory\""))
            #expect(try await app.browser().get("/api/v1/search?q=志愿者帮助清扫").text.contains("冬季清雪责任区划分"))
            let page = try await app.browser().get("/search?q=低保").text
            #expect(page.contains("<mark>低保</mark>") && page.contains("找到 3 条"))
        }
    }

    @Test("% and ' are searched as themselves; empty and long queries get a clear message in both languages")
    func badInput() async throws {
        try await TestApp.run { app in
            try await app.publishDirectly(in: "yincheng", item: "major-matter", title: "入户调查完成 100%", body: "全部完成。")
            let percent = try await app.browser().get("/api/v1/search?q=%25")
            #expect(percent.status == .ok && percent.text.contains("入户调查完成 100%") && percent.text.contains("\"count\":1"))
            let quote = try await app.browser().get("/search?q=%27%20OR%201%3D1%20--")
            #expect(quote.status == .ok && quote.text.contains("没有找到包含"))
            let empty = try await app.browser().get("/api/v1/search?q=")
            #expect(empty.status == .badRequest && empty.text.contains("请输入要找的词") && empty.text.contains("q is required"))
            let long = try await app.browser().get(
                "/search?q=" + String(repeating: "长", count: 51).addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)
            #expect(long.status == .badRequest && long.text.contains("最多 50 个字"))
        }
    }

    @Test("Nothing that is not public is found: notice fields, withdrawn disclosures, names on boards that keep them internal")
    func privacy() async throws {
        try await TestApp.run { app in
            let clerk = try await app.signedIn("yincheng-clerk")
            let id = try await app.draft(
                clerk, in: "yincheng", item: "dibao-applicants", title: "新申请低保家庭公示",
                fields: ["applicant": "马兰花", "household_size": "2", "monthly_benefit": "650"])
            try await app.publishThroughReview(id, in: "yincheng")
            #expect(
                try await clerk.post("/admin/units/yincheng/boards/floating/cards", form: [("name", "外来务工甲"), ("lane", "东大街")]).status
                    == .seeOther)
            try await app.publishDirectly(in: "yincheng", item: "major-matter", title: "撤回的通知", body: "这条会被撤回。")
            let unit = try await app.unit("yincheng")
            let withdrawn = try #require(
                try await app.services.disclosures.published(unitID: unit.id, limit: 5).first { $0.title == "撤回的通知" })
            let director = try await app.signedIn("yincheng-director")
            #expect(
                try await director.post("/admin/units/yincheng/disclosures/\(withdrawn.id)/withdraw", form: [("reason", "发错了")]).status
                    == .seeOther)
            for secret in ["马兰花", "外来务工甲", "撤回的通知"] {
                let found = try await app.browser().get(
                    "/api/v1/search?q=" + secret.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
                ).text
                #expect(found.contains("\"count\":0"), "\(secret)")
            }
        }
    }
}
