import Foundation
import HummingbirdTesting
import SQLKit
import SunboardCore
import Testing
@testable import SunboardApp

@Suite("The office administrator manages staff")
struct UsersAdminTests {
    @Test("A new clerk is created with a role, can log in, and sees only their community")
    func createUser() async throws {
        try await TestApp.run { app in
            let admin = try await app.signedIn("admin")
            let yinnan = try await app.unit("yinnan")
            let response = try await admin.post("/admin/users", form: [
                ("display_name", "周小梅"), ("username", "yinnan-zhouxm"), ("password", "a long first password"),
                ("unit_id", String(yinnan.id)), ("role", "clerk"),
            ])
            #expect(response.status == .seeOther)
            #expect(try await admin.get("/admin/users").text.contains("周小梅"))

            let clerk = try await app.signedIn("yinnan-zhouxm", password: "a long first password")
            #expect(try await clerk.get("/admin/units/yinnan").status == .ok)
            #expect(try await clerk.get("/admin/units/yincheng").status == .forbidden)
            let entry = try #require(try await app.services.audit.recent().first { $0.action == "user.create" })
            #expect(entry.subject == "yinnan-zhouxm")
            #expect(entry.actorName == "赵文华")
        }
    }

    @Test("Bad input is named field by field and creates nobody")
    func invalidUser() async throws {
        try await TestApp.run { app in
            let admin = try await app.signedIn("admin")
            let office = try await app.unit("yinzhou")
            let response = try await admin.post("/admin/users", form: [
                ("display_name", ""), ("username", "Bad Name!"), ("password", "short"),
                ("unit_id", String(office.id)), ("role", "clerk"),
            ])
            #expect(response.status == .badRequest)
            let html = response.text
            #expect(html.contains("请填写姓名"))
            #expect(html.contains("登录名需 3 到 32 位"))
            #expect(html.contains("密码需 8 到 128 位"))
            #expect(html.contains("“录入员”不能设在办事处“银州镇办事处”"))
            #expect(try await app.count("users") == 21)

            let taken = try await admin.post("/admin/users", form: [
                ("display_name", "重名"), ("username", "yincheng-clerk"), ("password", "long enough pass"),
                ("unit_id", String(try await app.unit("yincheng").id)), ("role", "clerk"),
            ])
            #expect(taken.status == .badRequest)
            #expect(taken.text.contains("登录名“yincheng-clerk”已有人使用"))
            #expect(try await app.count("users") == 21)

            let unknownUnit = try await admin.post("/admin/users", form: [
                ("display_name", "某人"), ("username", "someone"), ("password", "long enough pass"), ("unit_id", "999"), ("role", "clerk"),
            ])
            #expect(unknownUnit.status == .badRequest)
            #expect(unknownUnit.text.contains("请选择您管理的单位"))
        }
    }

    @Test("Roles are granted and revoked, and take effect on the next request")
    func grantAndRevoke() async throws {
        try await TestApp.run { app in
            let admin = try await app.signedIn("admin")
            let clerk = try await app.signedIn("yinbei-clerk")
            let yinxin = try await app.unit("yinxin")
            let clerkID = try #require(try await app.services.users.find(username: "yinbei-clerk")?.id)
            #expect(try await clerk.get("/admin/units/yinxin").status == .forbidden)

            let grant = try await admin.post("/admin/users/\(clerkID)/roles", form: [("unit_id", String(yinxin.id)), ("role", "clerk")])
            #expect(grant.status == .seeOther)
            #expect(try await clerk.get("/admin/units/yinxin").status == .ok)

            let revoke = try await admin.post("/admin/users/\(clerkID)/roles/remove", form: [("unit_id", String(yinxin.id)), ("role", "clerk")])
            #expect(revoke.status == .seeOther)
            #expect(try await clerk.get("/admin/units/yinxin").status == .forbidden)
            #expect(try await app.services.audit.recent().prefix(2).map(\.action) == ["role.revoke", "role.grant"])
        }
    }

    @Test("An administrator cannot take away their own administrator role")
    func noSelfLockout() async throws {
        try await TestApp.run { app in
            let admin = try await app.signedIn("admin")
            let adminID = try #require(try await app.services.users.find(username: "admin")?.id)
            let office = try await app.unit("yinzhou")
            let response = try await admin.post("/admin/users/\(adminID)/roles/remove", form: [("unit_id", String(office.id)), ("role", "office_admin")])
            #expect(response.status == .conflict)
            #expect(response.text.contains("不能收回自己的办事处管理员角色"))
            #expect(try await admin.get("/admin/users").status == .ok)
        }
    }
}

@Suite("Changing one's password")
struct PasswordTests {
    @Test("The current password is checked, the new one must be long enough and typed twice alike")
    func changePassword() async throws {
        try await TestApp.run { app in
            let browser = try await app.signedIn("yinnan-secretary")
            let wrong = try await browser.post("/admin/password", form: [
                ("current_password", "nope"), ("new_password", "short"), ("confirm_password", "other"),
            ])
            #expect(wrong.status == .badRequest)
            #expect(wrong.text.contains("当前密码不对"))
            #expect(wrong.text.contains("密码需 8 到 128 位"))
            #expect(wrong.text.contains("两次输入的新密码不一样"))

            let right = try await browser.post("/admin/password", form: [
                ("current_password", DemoSeeder.password), ("new_password", "杨春梅的新密码2026"), ("confirm_password", "杨春梅的新密码2026"),
            ])
            #expect(right.status == .seeOther)
            #expect(try await app.browser().login("yinnan-secretary", password: DemoSeeder.password).status == .unauthorized)
            #expect(try await app.browser().login("yinnan-secretary", password: "杨春梅的新密码2026").status == .seeOther)
        }
    }
}
