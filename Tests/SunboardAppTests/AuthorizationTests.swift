import Foundation
import HTTPTypes
import HummingbirdTesting
import SQLKit
import SunboardCore
import Testing

@testable import SunboardApp

@Suite("Who may see and change what")
struct AuthorizationTests {
    /// Every admin page and action, as a template over a community's slug.
    static let adminGets = [
        "/admin", "/admin/password", "/admin/users", "/admin/users/new",
        "/admin/units/yinnan", "/admin/units/yinnan/profile", "/admin/units/yinzhou", "/admin/units/yinnan/finance",
        "/admin/units/yinnan/finance/reimbursements/new", "/admin/units/yinnan/finance/income", "/admin/units/yinnan/finance/chain",
        "/admin/units/yinnan/boards", "/admin/units/yinnan/boards/dibao", "/admin/units/yinnan/boards/dibao/new",
        "/admin/units/yinnan/boards/dibao/import", "/admin/units/yinnan/boards/dibao/settings", "/admin/units/yinnan/cadres",
        "/admin/units/yinnan/cadres/new", "/admin/units/yinnan/directory", "/admin/units/yinnan/guides/new",
        "/admin/units/yinnan/feedback", "/admin/units/yinnan/webhooks",
        "/admin/units/yinnan/compliance", "/admin/units/yinzhou/compliance", "/admin/units/yinzhou/compliance.csv",
        "/admin/units/yinzhou/assessment", "/admin/units/yinzhou/assessment/print", "/admin/units/yinzhou/assessment.csv",
    ]
    static let adminPosts = [
        "/admin/logout", "/admin/password", "/admin/users", "/admin/users/2/roles", "/admin/users/2/roles/remove",
        "/admin/units/yinnan/profile", "/admin/units/yinnan/finance/income", "/admin/units/yinnan/finance/statements",
        "/admin/units/yinzhou/finance/chain", "/admin/units/yinnan/boards/dibao/cards", "/admin/units/yinnan/boards/dibao/settings",
        "/admin/units/yinnan/boards/dibao/review-disclosure", "/admin/units/yinnan/cadres", "/admin/units/yinnan/directory",
        "/admin/units/yinzhou/guides", "/admin/units/yinnan/feedback/suggestion/1/reply", "/admin/units/yinnan/webhooks",
        "/admin/units/yinnan/webhooks/1/test", "/admin/units/yinnan/webhooks/1/delete", "/admin/units/yinnan/webhooks/deliveries/1/retry",
        "/admin/units/yinzhou/assessment/settings", "/admin/units/yinzhou/assessment/notes",
    ]

    @Test("An anonymous visitor reaches no admin page and changes nothing")
    func anonymous() async throws {
        try await TestApp.run { app in
            let browser = app.browser()
            for path in Self.adminGets {
                let response = try await browser.get(path)
                #expect(response.status == .found, "\(path)")
                #expect(response.location?.hasPrefix("/admin/login") == true, "\(path)")
            }
            let before = try await app.unit("yinnan")
            for path in Self.adminPosts {
                // Even with a valid form token, posting needs a login.
                let response = try await browser.post(path, form: [("population", "1"), ("unit_id", "3"), ("role", "director")])
                #expect(response.status == .found, "\(path)")
                #expect(response.location?.hasPrefix("/admin/login") == true)
            }
            #expect(try await app.unit("yinnan") == before)
            #expect(try await app.count("role_grants") == 34)
            #expect(try await app.count("audit_log") == 0)
        }
    }

    @Test("A clerk of 银城 can neither read nor change 银南's admin pages")
    func neighbourClerk() async throws {
        try await TestApp.run { app in
            let browser = try await app.signedIn("yincheng-clerk")
            #expect(try await browser.get("/admin/units/yincheng").status == .ok)

            for path in ["/admin/units/yinnan", "/admin/units/yinnan/profile", "/admin/units/yinzhou"] {
                let response = try await browser.get(path)
                #expect(response.status == .forbidden, "\(path)")
                #expect(response.text.contains("没有权限"))
                #expect(!response.text.contains("黄德明"), "no staff names leak on \(path)")
            }
            let before = try await app.unit("yinnan")
            let change = try await browser.post("/admin/units/yinnan/profile", form: [("population", "1"), ("address", "被篡改")])
            #expect(change.status == .forbidden)
            #expect(try await app.unit("yinnan") == before)
            #expect(try await app.count("audit_log") == 1)  // only the login
        }
    }

    @Test("A clerk cannot edit even their own community's profile; its director can")
    func profileEditing() async throws {
        try await TestApp.run { app in
            let clerk = try await app.signedIn("yincheng-clerk")
            #expect(try await clerk.get("/admin/units/yincheng/profile").status == .forbidden)
            #expect(try await clerk.post("/admin/units/yincheng/profile", form: [("population", "1")]).status == .forbidden)
            #expect(!(try await clerk.get("/admin/units/yincheng").text.contains("修改基本概况")))

            let supervisor = try await app.signedIn("yincheng-supervisor")
            #expect(try await supervisor.post("/admin/units/yincheng/profile", form: [("population", "1")]).status == .forbidden)

            let director = try await app.signedIn("yincheng-director")
            let form = try await director.get("/admin/units/yincheng/profile")
            #expect(form.status == .ok)
            #expect(form.text.contains("value=\"21400\""))
            let saved = try await director.post(
                "/admin/units/yincheng/profile",
                form: [
                    ("area", "２.７"), ("population", "21,500"), ("households", "7130"), ("institutions", "142"), ("businesses", "402"),
                    ("address", "解放路 26 号"), ("phone", "0912-3210101"), ("office_hours", "周一至周五"), ("introduction", "银城社区简介"),
                ])
            #expect(saved.status == .seeOther)
            #expect(saved.location == "/admin/units/yincheng?saved=1")
            let unit = try await app.unit("yincheng")
            #expect(unit.profile.population == 21_500)
            #expect(unit.profile.areaSquareMetres == 2_700_000)
            #expect(try await app.browser().get("/units/yincheng").text.contains("2.15万"))
            let entry = try #require(try await app.services.audit.recent().first)
            #expect(entry.action == "unit.profile.update")
            #expect(entry.actorName == "王建国")
            #expect(entry.unitId == unit.id)
        }
    }

    @Test("A director of 银城 cannot edit 银南's profile")
    func neighbourDirector() async throws {
        try await TestApp.run { app in
            let director = try await app.signedIn("yincheng-director")
            #expect(try await director.post("/admin/units/yinnan/profile", form: [("population", "5")]).status == .forbidden)
            #expect(try await app.unit("yinnan").profile.population == 17_800)
        }
    }

    @Test("The office administrator opens every community; community staff cannot manage users")
    func officeAdmin() async throws {
        try await TestApp.run { app in
            let admin = try await app.signedIn("admin")
            for slug in ["yinzhou", "yincheng", "yinnan", "yinbei", "yinxin"] {
                #expect(try await admin.get("/admin/units/\(slug)").status == .ok)
                #expect(try await admin.get("/admin/units/\(slug)/profile").status == .ok)
            }
            #expect(try await admin.get("/admin/users").status == .ok)

            for username in ["yincheng-director", "yinnan-liaison", "yinbei-secretary"] {
                let staff = try await app.signedIn(username)
                #expect(try await staff.get("/admin/users").status == .forbidden)
                #expect(try await staff.get("/admin/users/new").status == .forbidden)
                let grant = try await staff.post("/admin/users/2/roles", form: [("unit_id", "2"), ("role", "director")])
                #expect(grant.status == .forbidden)
            }
            #expect(try await app.count("role_grants") == 34)
        }
    }

    @Test("A bad profile is refused with every problem named in Chinese, and nothing is saved")
    func invalidProfile() async throws {
        try await TestApp.run { app in
            let director = try await app.signedIn("yinxin-director")
            let before = try await app.unit("yinxin")
            let response = try await director.post(
                "/admin/units/yinxin/profile",
                form: [
                    ("area", "很大"), ("population", "-5"), ("households", "1.5"), ("introduction", String(repeating: "长", count: 2001)),
                ])
            #expect(response.status == .badRequest)
            let html = response.text
            #expect(html.contains("有 4 处需要修改"))
            #expect(html.contains("“面积”请填写平方公里数"))
            #expect(html.contains("“人口”请填写不带小数的整数"))
            #expect(html.contains("“户数”请填写不带小数的整数"))
            #expect(html.contains("“简介”最多 2000 个字"))
            #expect(html.contains("value=\"很大\""), "what was typed is kept")
            #expect(try await app.unit("yinxin") == before)
        }
    }
}
