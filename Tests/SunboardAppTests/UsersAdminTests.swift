import Foundation
import HummingbirdTesting
import SQLKit
import SunboardCore
import Testing

@testable import SunboardApp
@testable import SunboardDemo

@Suite("The office administrator manages staff")
struct UsersAdminTests {
    @Test("A new clerk is created with a role, can log in, and sees only their community")
    func createUser() async throws {
        try await TestApp.run { app in
            let admin = try await app.signedIn("admin")
            let yinnan = try await app.unit("yinnan")
            let response = try await admin.post(
                "/admin/users",
                form: [
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
            let response = try await admin.post(
                "/admin/users",
                form: [
                    ("display_name", ""), ("username", "Bad Name!"), ("password", "short"),
                    ("unit_id", String(office.id)), ("role", "clerk"),
                ])
            #expect(response.status == .badRequest)
            let html = response.text
            #expect(html.contains("请填写姓名"))
            #expect(html.contains("登录名需 3 到 32 位"))
            #expect(html.contains("密码至少要 8 位"))
            #expect(html.contains("“录入员”不能设在办事处“银州镇办事处”"))
            #expect(try await app.count("users") == 30)

            let taken = try await admin.post(
                "/admin/users",
                form: [
                    ("display_name", "重名"), ("username", "yincheng-clerk"), ("password", "long enough pass"),
                    ("unit_id", String(try await app.unit("yincheng").id)), ("role", "clerk"),
                ])
            #expect(taken.status == .badRequest)
            #expect(taken.text.contains("登录名“yincheng-clerk”已有人使用"))
            #expect(try await app.count("users") == 30)

            let unknownUnit = try await admin.post(
                "/admin/users",
                form: [
                    ("display_name", "某人"), ("username", "someone"), ("password", "long enough pass"), ("unit_id", "999"),
                    ("role", "clerk"),
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

            let revoke = try await admin.post(
                "/admin/users/\(clerkID)/roles/remove", form: [("unit_id", String(yinxin.id)), ("role", "clerk")])
            #expect(revoke.status == .seeOther)
            #expect(try await clerk.get("/admin/units/yinxin").status == .forbidden)
            #expect(try await app.services.audit.recent().prefix(2).map(\.action) == ["role.revoke", "role.grant"])
        }
    }

    @Test("Only changes are recorded: granting a role held, or revoking one not held, writes nothing")
    func noOpChanges() async throws {
        try await TestApp.run { app in
            let admin = try await app.signedIn("admin")
            let yincheng = try await app.unit("yincheng")
            let clerkID = try #require(try await app.services.users.find(username: "yincheng-clerk")?.id)
            let before = try await app.count("audit_log")
            #expect(
                try await admin.post("/admin/users/\(clerkID)/roles", form: [("unit_id", String(yincheng.id)), ("role", "clerk")]).status
                    == .seeOther)
            #expect(
                try await admin.post(
                    "/admin/users/\(clerkID)/roles/remove", form: [("unit_id", String(yincheng.id)), ("role", "director")]
                ).status == .seeOther)
            #expect(try await app.count("audit_log") == before)
            #expect(try await app.count("role_grants") == 34)

            let bad = try await admin.post("/admin/users/\(clerkID)/roles/remove", form: [("unit_id", "abc"), ("role", "clerk")])
            #expect(bad.status == .badRequest)
            #expect(bad.text.contains("请选择您管理的单位"))
            #expect(
                try await admin.post("/admin/users/99999/roles", form: [("unit_id", String(yincheng.id)), ("role", "clerk")]).status
                    == .notFound)
        }
    }

    @Test("A stopped account cannot sign in and its sessions end; it can be restored")
    func deactivate() async throws {
        try await TestApp.run { app in
            let admin = try await app.signedIn("admin")
            let clerk = try await app.signedIn("yinxin-clerk")
            let clerkID = try #require(try await app.services.users.find(username: "yinxin-clerk")?.id)

            #expect(try await admin.post("/admin/users/\(clerkID)/active", form: [("active", "0")]).status == .seeOther)
            #expect(try await clerk.get("/admin").status == .found)
            #expect(try await app.browser().login("yinxin-clerk", password: DemoSeeder.password).status == .unauthorized)
            #expect(try await admin.get("/admin/users").text.contains("已停用"))

            #expect(try await admin.post("/admin/users/\(clerkID)/active", form: [("active", "1")]).status == .seeOther)
            #expect(try await app.browser().login("yinxin-clerk", password: DemoSeeder.password).status == .seeOther)
            let actions = try await app.services.audit.recent(limit: 5).map(\.action)
            #expect(actions.contains("user.deactivate") && actions.contains("user.activate"))

            let adminID = try #require(try await app.services.users.find(username: "admin")?.id)
            let own = try await admin.post("/admin/users/\(adminID)/active", form: [("active", "0")])
            #expect(own.status == .conflict)
            #expect(own.text.contains("不能停用自己的账号"))

            let director = try await app.signedIn("yinxin-director")
            #expect(try await director.post("/admin/users/\(clerkID)/active", form: [("active", "0")]).status == .forbidden)
        }
    }

    @Test("Only those who manage users see the link to the staff list")
    func staffLink() async throws {
        try await TestApp.run { app in
            #expect(try await app.signedIn("admin").get("/admin").text.contains("href=\"/admin/users\""))
            for username in ["yincheng-clerk", "yinnan-director"] {
                let html = try await app.signedIn(username).get("/admin").text
                #expect(!html.contains("href=\"/admin/users\""), "\(username)")
            }
        }
    }

    @Test("An administrator cannot take away their own administrator role")
    func noSelfLockout() async throws {
        try await TestApp.run { app in
            let admin = try await app.signedIn("admin")
            let adminID = try #require(try await app.services.users.find(username: "admin")?.id)
            let office = try await app.unit("yinzhou")
            let response = try await admin.post(
                "/admin/users/\(adminID)/roles/remove", form: [("unit_id", String(office.id)), ("role", "office_admin")])
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
            let wrong = try await browser.post(
                "/admin/password",
                form: [
                    ("current_password", "nope"), ("new_password", "short"), ("confirm_password", "other"),
                ])
            #expect(wrong.status == .badRequest)
            #expect(wrong.text.contains("当前密码不对"))
            #expect(wrong.text.contains("密码至少要 8 位"))
            #expect(wrong.text.contains("两次输入的新密码不一样"))

            let right = try await browser.post(
                "/admin/password",
                form: [
                    ("current_password", DemoSeeder.password), ("new_password", "杨春梅的新密码2026"), ("confirm_password", "杨春梅的新密码2026"),
                ])
            #expect(right.status == .seeOther)
            #expect(try await app.browser().login("yinnan-secretary", password: DemoSeeder.password).status == .unauthorized)
            #expect(try await app.browser().login("yinnan-secretary", password: "杨春梅的新密码2026").status == .seeOther)
        }
    }

    @Test("An office's audit log holds its own people's logins, not another office's")
    func auditAcrossOffices() async throws {
        try await TestApp.run { app in
            let now = app.clock.now
            let other = try await app.services.units.create(slug: "yinan-office", name: "银安街道办事处", kind: .office, parentID: nil, at: now)
            let stranger = try await app.services.users.create(
                username: "yinan-admin", displayName: "钱立新", passwordHash: try await app.services.hasher.hash(DemoSeeder.password), at: now)
            try await app.services.users.grant(.officeAdmin, userID: stranger, unitID: other.id, at: now)
            _ = try await app.signedIn("yinan-admin")
            _ = try await app.signedIn("yincheng-clerk")

            let clerk = try #require(try await app.services.users.find(username: "yincheng-clerk")).displayName
            let ours = try await app.signedIn("admin").get("/admin/audit").text
            #expect(ours.contains(clerk))
            #expect(!ours.contains("钱立新"), "another office's login is shown to this office")
            let theirs = try await app.signedIn("yinan-admin").get("/admin/audit").text
            #expect(theirs.contains("钱立新"))
            #expect(!theirs.contains(clerk) && !theirs.contains("赵文华"))
        }
    }

    @Test("An administrator cannot switch off an account that holds no role in their units, nor one with no role at all")
    func deactivateOnlyYourOwn() async throws {
        try await TestApp.run { app in
            let now = app.clock.now
            let other = try await app.services.units.create(slug: "yinan-office", name: "银安街道办事处", kind: .office, parentID: nil, at: now)
            let roleless = try await app.services.users.create(
                username: "yinan-director", displayName: "孙明", passwordHash: try await app.services.hasher.hash(DemoSeeder.password),
                at: now)
            let theirs = try await app.services.users.create(
                username: "yinan-clerk", displayName: "周红", passwordHash: try await app.services.hasher.hash(DemoSeeder.password), at: now)
            try await app.services.users.grant(.clerk, userID: theirs, unitID: other.id, at: now)
            let admin = try await app.signedIn("admin")
            for id in [roleless, theirs] {
                #expect(try await admin.post("/admin/users/\(id)/active", form: [("active", "0")]).status == .forbidden)
                #expect(try await app.services.users.find(id: id)?.isActive == true)
            }
            // The office's own people it may.
            let clerk = try #require(try await app.services.users.find(username: "yincheng-clerk"))
            #expect(try await admin.post("/admin/users/\(clerk.id)/active", form: [("active", "0")]).status == .seeOther)
            #expect(try await app.services.users.find(id: clerk.id)?.isActive == false)
        }
    }
}
