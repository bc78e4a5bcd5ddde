import Foundation
import HTTPTypes
import HummingbirdTesting
import SunboardCore
import Testing

@testable import SunboardApp

@Suite("The catalog as data")
struct CatalogTests {
    @Test("Each community publishes what it discloses and when: the office's catalog and its own 细则")
    func publicCatalog() async throws {
        try await TestApp.run { app in
            let page = try await app.browser().get("/units/yincheng/catalog")
            #expect(page.status == .ok)
            let html = page.text
            #expect(html.contains("我们公开什么、何时公开"))
            #expect(html.contains("办公经费使用情况"))
            #expect(html.contains("每月，次月10日前"))
            #expect(html.contains("新申请低保人员基本情况及拟保障金额"))
            #expect(html.contains("公示 7 天"))
            #expect(html.contains("永久保存"))
            // The demo's 细则 for 银城.
            #expect(html.contains("党员QQ群活动情况"))
            #expect(html.contains("本社区细则"))
            // Another community's 细则 is not in 银城's catalog.
            #expect(!html.contains("青年志愿服务队活动"))
        }
    }

    @Test("A director adds a 细则 item; it shows publicly and in the API; bad input is named")
    func directorAddsItem() async throws {
        try await TestApp.run { app in
            let director = try await app.signedIn("yinxin-director")
            let bad = try await director.post(
                "/admin/units/yinxin/catalog/new",
                form: [
                    ("code", "好"), ("title", ""), ("scope", "affairs"), ("class", "periodic"), ("board_section", "meetings"),
                ])
            #expect(bad.status == .badRequest)
            #expect(bad.text.contains("“代码”只能用小写英文字母"))
            #expect(bad.text.contains("定期公开的事项请选择频率"))

            let saved = try await director.post(
                "/admin/units/yinxin/catalog/new",
                form: [
                    ("code", "parking"), ("title", "小区停车位分配情况"), ("description", "车位的分配办法和结果"), ("scope", "affairs"),
                    ("class", "periodic"), ("frequency", "quarterly"), ("due_months_after", "1"), ("due_day", "15"),
                    ("board_section", "projects"),
                    ("fields", "spaces | 车位数 | 数字\nfee | 月租金 | 金额 | 选填"), ("retention_years", "10"), ("is_active", "1"),
                ])
            #expect(saved.status == .seeOther)
            #expect(try await app.browser().get("/units/yinxin/catalog").text.contains("小区停车位分配情况"))
            #expect(try await app.browser().get("/units/yinxin/catalog").text.contains("每季度，下季度首月15日前"))
            let json = try await app.browser().get("/api/v1/units/yinxin/catalog").text
            #expect(json.contains("\"code\":\"parking\""))
            #expect(json.contains("\"owner\":\"yinxin\""))
            // Not in a neighbour's catalog.
            #expect(!(try await app.browser().get("/units/yinnan/catalog").text.contains("小区停车位分配情况")))
            let again = try await director.post(
                "/admin/units/yinxin/catalog/new",
                form: [
                    ("code", "parking"), ("title", "重复"), ("scope", "affairs"), ("class", "immediate"), ("board_section", "notices"),
                ])
            #expect(again.status == .badRequest)
            #expect(again.text.contains("目录中已经有代码为“parking”的事项"))
            #expect(try await app.services.audit.recent().contains { $0.action == "catalog.create" && $0.subject == "parking" })
        }
    }

    @Test("Only those who manage the catalog may change it; the office's defaults are edited in the office only")
    func permissions() async throws {
        try await TestApp.run { app in
            for username in ["yinxin-clerk", "yinxin-supervisor", "yinxin-secretary"] {
                let person = try await app.signedIn(username)
                #expect(try await person.get("/admin/units/yinxin/catalog/new").status == .forbidden)
                #expect(
                    try await person.post("/admin/units/yinxin/catalog/new", form: [("code", "x-item"), ("title", "x")]).status
                        == .forbidden)
            }
            let defaultItem = try await app.item("office-funds", in: "yinxin")
            let director = try await app.signedIn("yinxin-director")
            // A community director cannot edit the office's default item, neither here nor in the office.
            #expect(try await director.get("/admin/units/yinxin/catalog/\(defaultItem.id)").status == .notFound)
            #expect(try await director.get("/admin/units/yinzhou/catalog/\(defaultItem.id)").status == .forbidden)
            #expect(
                try await app.signedIn("yinnan-director").post("/admin/units/yinxin/catalog/new", form: [("code", "x-item")]).status
                    == .forbidden)

            // The office administrator changes the default: every community's catalog follows.
            let admin = try await app.signedIn("admin")
            let form = try await admin.get("/admin/units/yinzhou/catalog/\(defaultItem.id)")
            #expect(form.status == .ok)
            let updated = try await admin.post(
                "/admin/units/yinzhou/catalog/\(defaultItem.id)",
                form: [
                    ("title", "办公经费使用情况"), ("description", "每月逐项公开"), ("scope", "affairs"), ("class", "periodic"), ("frequency", "monthly"),
                    ("due_months_after", "1"), ("due_day", "5"), ("board_section", "finance"),
                    ("fields", "income_total | 本期收入 | 金额\nexpense_total | 本期支出 | 金额\nbalance | 期末结余 | 金额"),
                    ("retention_years", "30"), ("is_active", "1"),
                ])
            #expect(updated.status == .seeOther)
            for slug in ["yincheng", "yinnan", "yinbei", "yinxin"] {
                #expect(try await app.browser().get("/units/\(slug)/catalog").text.contains("每月，次月5日前"), "\(slug)")
            }
        }
    }
}

@Suite("The disclosure API")
struct DisclosureAPITests {
    @Test("Lists filter by class, item and period, page by page; bad filters are refused in both languages")
    func list() async throws {
        try await TestApp.run(demo: .year) { app in
            let browser = app.browser()
            let all = try #require(
                try JSONSerialization.jsonObject(
                    with: Data(try await browser.get("/api/v1/units/yincheng/disclosures?per_page=5").text.utf8)) as? [String: Any])
            #expect((all["items"] as? [Any])?.count == 5)
            let total = try #require(all["total"] as? Int)
            #expect(total > 30)

            let funds = try #require(
                try JSONSerialization.jsonObject(
                    with: Data(try await browser.get("/api/v1/units/yincheng/disclosures?item=office-funds&period=2026-05").text.utf8))
                    as? [String: Any])
            let items = try #require(funds["items"] as? [[String: Any]])
            #expect(items.count == 1)
            #expect(items[0]["period"] as? String == "2026-05")
            #expect(items[0]["class"] as? String == "periodic")

            let standing = try #require(
                try JSONSerialization.jsonObject(
                    with: Data(try await browser.get("/api/v1/units/yincheng/disclosures?class=standing&per_page=100").text.utf8))
                    as? [String: Any])
            #expect((standing["items"] as? [[String: Any]])?.allSatisfy { $0["class"] as? String == "standing" } == true)

            for query in ["class=weekly", "period=2026-13", "per_page=1000"] {
                let bad = try await browser.get("/api/v1/units/yincheng/disclosures?\(query)")
                #expect(bad.status == .badRequest, "\(query)")
                let body = try #require(try JSONSerialization.jsonObject(with: Data(bad.text.utf8)) as? [String: [String: String]])
                #expect(body["error"]?["code"] == "invalid_input")
                #expect(body["error"]?["message_zh"]?.isEmpty == false)
            }
            #expect(try await browser.get("/api/v1/units/nowhere/disclosures").status == .notFound)
            #expect(try await browser.get("/api/v1/disclosures/999999").status == .notFound)
        }
    }

    @Test("One disclosure comes with every version, its ledger entries and only public fields")
    func detail() async throws {
        try await TestApp.run { app in
            let id = try await app.draft(
                try await app.signedIn("yinnan-clerk"), in: "yinnan", item: "temporary-meeting", title: "关于召开成员代表大会临时会议的通知",
                body: "审议文化广场预算调整。", fields: ["meeting_time": "2026年11月20日 15:00", "place": "社区会议室", "agenda": "审议预算调整"])
            try await app.publishThroughReview(id, in: "yinnan")
            let json = try #require(
                try JSONSerialization.jsonObject(with: Data(try await app.browser().get("/api/v1/disclosures/\(id)").text.utf8))
                    as? [String: Any])
            #expect(json["unit"] as? String == "yinnan")
            #expect((json["item"] as? [String: Any])?["code"] as? String == "temporary-meeting")
            #expect((json["versions"] as? [[String: Any]])?.count == 1)
            #expect((json["ledger"] as? [[String: Any]])?.first?["event"] as? String == "publish")
            #expect((json["fields"] as? [[String: Any]])?.count == 3)
            #expect(json["withdrawal"] is NSNull)
            #expect(json["notice"] is NSNull)
            // A draft is not public.
            let draft = try await app.draft(
                try await app.signedIn("yinnan-clerk"), in: "yinnan", item: "major-matter", title: "草稿", body: "x")
            #expect(try await app.browser().get("/api/v1/disclosures/\(draft)").status == .notFound)
        }
    }
}

@Suite("The audit log")
struct AuditLogTests {
    @Test("The office reads and filters every change; nobody else reads it, and nothing edits it")
    func readAndFilter() async throws {
        try await TestApp.run { app in
            let id = try await app.draft(
                try await app.signedIn("yincheng-clerk"), in: "yincheng", item: "major-matter", title: "通知", body: "x")
            try await app.publishThroughReview(id, in: "yincheng")
            let admin = try await app.signedIn("admin")
            let page = try await admin.get("/admin/audit")
            #expect(page.status == .ok)
            #expect(page.text.contains("disclosure.publish"))
            #expect(page.text.contains("王建国"))
            let yincheng = try await app.unit("yincheng")
            let filtered = try await admin.get("/admin/audit?unit=\(yincheng.id)&action=disclosure.submit")
            #expect(filtered.text.contains("陈晓燕"))
            #expect(!filtered.text.contains("<code>disclosure.publish</code>"))
            let bad = try await admin.get("/admin/audit?from=yesterday")
            #expect(bad.status == .badRequest)
            #expect(bad.text.contains("“开始日期”请写成 2026-03-05 这样的日期"))

            for username in ["yincheng-director", "yincheng-clerk", "yinnan-supervisor"] {
                #expect(try await app.signedIn(username).get("/admin/audit").status == .forbidden)
            }
            #expect(try await app.browser().get("/admin/audit").status == .found)
            let before = try await app.count("audit_log")
            for method in [HTTPRequest.Method.post, .put, .delete] {
                let response = try await admin.client.execute(uri: "/admin/audit", method: method)
                #expect(response.status.code >= 400)
            }
            #expect(try await app.count("audit_log") == before)
        }
    }
}
