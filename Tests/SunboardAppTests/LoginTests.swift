import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SQLKit
import SunboardCore
import Testing

@testable import SunboardApp
@testable import SunboardDemo

@Suite("Logging in and out")
struct LoginTests {
    @Test("A director logs in, sees the admin area with their roles, and logs out")
    func loginAndLogout() async throws {
        try await TestApp.run { app in
            let browser = app.browser()
            let login = try await browser.login("yincheng-director", password: DemoSeeder.password)
            #expect(login.status == .seeOther)
            #expect(login.location == "/admin")
            #expect(browser.cookies["sunboard_session"] != nil)
            // The session lives in the database, where every instance can read it.
            #expect(try await app.count("sessions") == 1)

            let dashboard = try await browser.get("/admin")
            #expect(dashboard.status == .ok)
            #expect(dashboard.text.contains("您好，王建国"))
            #expect(dashboard.text.contains("银城社区 · 居委会主任"))
            #expect(dashboard.headers[.cacheControl] == "no-store")

            let logout = try await browser.post("/admin/logout", form: [])
            #expect(logout.status == .seeOther)
            #expect(browser.cookies["sunboard_session"] == nil)
            #expect(try await app.count("sessions") == 0)
            let after = try await browser.get("/admin")
            #expect(after.status == .found)
            #expect(after.location?.hasPrefix("/admin/login") == true)
        }
    }

    @Test("A wrong password gets a clear Chinese message, and the same for an unknown name")
    func wrongPassword() async throws {
        try await TestApp.run { app in
            let browser = app.browser()
            for (username, password) in [("yincheng-director", "wrong-password"), ("nobody-here", "whatever1")] {
                let response = try await browser.login(username, password: password)
                #expect(response.status == .unauthorized)
                #expect(response.text.contains("登录名或密码不对，请重新输入。"))
                #expect(browser.cookies["sunboard_session"] == nil)
            }
            let empty = try await browser.login("", password: "")
            #expect(empty.status == .badRequest)
            #expect(empty.text.contains("请输入登录名和密码。"))
        }
    }

    @Test("Names are matched without regard to case and surrounding spaces")
    func usernameNormalized() async throws {
        try await TestApp.run { app in
            let response = try await app.browser().login("  YinCheng-Clerk ", password: DemoSeeder.password)
            #expect(response.status == .seeOther)
        }
    }

    @Test("After five failures an account is locked from that address for fifteen minutes, even with the right password")
    func throttling() async throws {
        let clock = TestClock()
        try await TestApp.run(clock: clock) { app in
            let browser = app.browser()
            for _ in 0..<5 {
                #expect(try await browser.login("yinnan-clerk", password: "not-the-password").status == .unauthorized)
            }
            let locked = try await browser.login("yinnan-clerk", password: DemoSeeder.password)
            #expect(locked.status == .tooManyRequests)
            #expect(locked.text.contains("登录失败次数过多"))
            #expect(locked.text.contains("15 分钟后再试"))
            #expect(locked.headers[.retryAfter] == "900")
            #expect(browser.cookies["sunboard_session"] == nil)

            // Another account is not affected.
            #expect(try await app.browser().login("yinnan-director", password: DemoSeeder.password).status == .seeOther)

            clock.advance(15 * 60 + 1)
            #expect(try await browser.login("yinnan-clerk", password: DemoSeeder.password).status == .seeOther)
        }
    }

    @Test("A stranger who fails at an account's password does not lock its owner out from another address")
    func strangerCannotLockOwner() async throws {
        let clock = TestClock()
        try await TestApp.run(clock: clock) { app in
            try await app.proxied { client in
                let stranger = Browser(client: client)
                stranger.defaultHeaders = [HTTPField.Name("X-Forwarded-For")!: "198.51.100.7"]
                for _ in 0..<6 { _ = try await stranger.login("yinnan-director", password: "a guess") }
                let locked = try await stranger.login("yinnan-director", password: DemoSeeder.password).status
                #expect(locked == .tooManyRequests)

                let owner = Browser(client: client)
                owner.defaultHeaders = [HTTPField.Name("X-Forwarded-For")!: "203.0.113.20"]
                let signIn = try await owner.login("yinnan-director", password: DemoSeeder.password).status
                #expect(signIn == .seeOther)
            }
        }
    }

    @Test("Guessing one account from many addresses holds back every address that failed, not the owner's")
    func distributedGuessing() async throws {
        let clock = TestClock()
        try await TestApp.run(clock: clock) { app in
            try await app.proxied { client in
                // Fifty guesses from ten addresses, each under its own limit of five.
                for host in 1...10 {
                    let guesser = Browser(client: client)
                    guesser.defaultHeaders = [HTTPField.Name("X-Forwarded-For")!: "198.51.100.\(host)"]
                    for _ in 0..<5 {
                        let status = try await guesser.login("yinxin-clerk", password: "a guess").status
                        #expect(status == .unauthorized)
                    }
                }
                // An address that has guessed before now waits, even below its own limit: a new guess is slow.
                let returning = Browser(client: client)
                returning.defaultHeaders = [HTTPField.Name("X-Forwarded-For")!: "198.51.100.11"]
                let first = try await returning.login("yinxin-clerk", password: "a guess").status
                let second = try await returning.login("yinxin-clerk", password: "another guess").status
                #expect(first == .unauthorized && second == .tooManyRequests)
                // The owner, from an address that has not failed, signs in.
                let owner = Browser(client: client)
                owner.defaultHeaders = [HTTPField.Name("X-Forwarded-For")!: "203.0.113.20"]
                let signIn = try await owner.login("yinxin-clerk", password: DemoSeeder.password).status
                #expect(signIn == .seeOther)
            }
        }
    }

    @Test("Guesses sent all at once cannot slip past the limit")
    func parallelGuesses() async throws {
        try await TestApp.run { app in
            let client = app.client
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for _ in 0..<12 {
                    group.addTask {
                        let browser = Browser(client: client)
                        return try await browser.login("yinbei-clerk", password: "a wrong guess").status
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            let checked = statuses.filter { $0 == .unauthorized }.count
            #expect(checked <= 5, "only five guesses may reach the password check, \(checked) did")
            #expect(statuses.filter { $0 == .tooManyRequests }.count == 12 - checked)
            let recorded = try await app.database.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
                .from("login_attempts").where("username", .equal, "yinbei-clerk").first()!.decode(column: "n", as: Int.self)
            #expect(recorded == checked)
        }
    }

    @Test("Changing a password ends the account's other sessions, not the one that changed it")
    func passwordChangeEndsSessions() async throws {
        try await TestApp.run { app in
            let phone = try await app.signedIn("yincheng-secretary")
            let office = try await app.signedIn("yincheng-secretary")
            let change = try await office.post(
                "/admin/password",
                form: [
                    ("current_password", DemoSeeder.password), ("new_password", "a brand new password"),
                    ("confirm_password", "a brand new password"),
                ])
            #expect(change.status == .seeOther)
            #expect(try await office.get("/admin").status == .ok)
            #expect(try await phone.get("/admin").status == .found)

            // A reset from the command line ends them all.
            try await app.services.users.resetPassword(
                username: "yincheng-secretary", to: "reset by the office", hasher: app.services.hasher, audit: app.services.audit,
                at: app.clock.now)
            #expect(try await office.get("/admin").status == .found)
        }
    }

    @Test("Many failures from one address lock that address out")
    func addressThrottling() async throws {
        try await TestApp.run { app in
            let browser = app.browser()
            for index in 0..<20 {
                _ = try await browser.login("guess-\(index)", password: "not-the-password")
            }
            let locked = try await browser.login("yinxin-director", password: DemoSeeder.password)
            #expect(locked.status == .tooManyRequests)
        }
    }

    @Test("A form without the anti-forgery token is refused and changes nothing")
    func csrf() async throws {
        try await TestApp.run { app in
            let browser = app.browser()
            let missing = try await browser.post(
                "/admin/login", form: [("username", "yincheng-director"), ("password", DemoSeeder.password)], token: .some(nil)
            )
            #expect(missing.status == .forbidden)
            #expect(missing.text.contains("表单已过期"))
            let forged = try await browser.post(
                "/admin/login", form: [("username", "yincheng-director"), ("password", DemoSeeder.password)],
                token: .some("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")
            )
            #expect(forged.status == .forbidden)
            #expect(browser.cookies["sunboard_session"] == nil)
            #expect(try await app.count("audit_log") == 0)
        }
    }

    @Test("After login a person returns to the admin page they asked for, never to another site")
    func nextPage() async throws {
        try await TestApp.run { app in
            let first = app.browser()
            let redirect = try await first.get("/admin/units/yincheng")
            #expect(redirect.location == "/admin/login?next=/admin/units/yincheng")
            let back = try await first.login("yincheng-clerk", password: DemoSeeder.password, next: "/admin/units/yincheng")
            #expect(back.location == "/admin/units/yincheng")

            for hostile in ["https://evil.example/", "//evil.example/admin", "/admin\\@evil", "/units/yincheng"] {
                let response = try await app.browser().login("yincheng-clerk", password: DemoSeeder.password, next: hostile)
                #expect(response.location == "/admin", "\(hostile)")
            }
        }
    }

    @Test("A session works on every app instance that shares the database")
    func sharedSessions() async throws {
        try await TestApp.run { app in
            let browser = app.browser()
            _ = try await browser.login("admin", password: DemoSeeder.password)
            let cookie = try #require(browser.cookies["sunboard_session"])

            // A second instance: its own services and router over the same database.
            let second = try TestApp.services(
                database: app.database, clock: app.clock, dataDirectory: app.services.configuration.dataDirectory)
            let application = Application(router: buildRouter(services: second))
            try await application.test(.router) { client in
                let response = try await client.execute(uri: "/admin", method: .get, headers: [.cookie: "sunboard_session=\(cookie)"])
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("您好，赵文华"))
            }
        }
    }

    @Test("A deactivated account loses its session at once")
    func deactivated() async throws {
        try await TestApp.run { app in
            let browser = try await app.signedIn("yinbei-clerk")
            #expect(try await browser.get("/admin").status == .ok)
            try await app.database.sql.update("users").set("is_active", to: false).where("username", .equal, "yinbei-clerk").run()
            #expect(try await browser.get("/admin").status == .found)
        }
    }

    @Test("The client's address is taken from X-Forwarded-For only behind a trusted proxy")
    func forwardedAddress() async throws {
        try await TestApp.run { app in
            // This instance's default: the header is ignored.
            let direct = app.browser()
            direct.defaultHeaders = [HTTPField.Name("X-Forwarded-For")!: "203.0.113.9"]
            _ = try await direct.login("yinbei-director", password: DemoSeeder.password)
            #expect(try await app.services.audit.recent().first?.address != "203.0.113.9")

            try await app.proxied { client in
                let browser = Browser(client: client)
                browser.defaultHeaders = [HTTPField.Name("X-Forwarded-For")!: "10.0.0.1, 203.0.113.9"]
                _ = try await browser.login("yinbei-director", password: DemoSeeder.password)
            }
            #expect(try await app.services.audit.recent().first?.address == "203.0.113.9")
        }
    }

    @Test("Every login and logout is in the audit log with its address")
    func audited() async throws {
        try await TestApp.run { app in
            let browser = try await app.signedIn("yinxin-supervisor")
            _ = try await browser.post("/admin/logout", form: [])
            let entries = try await app.services.audit.recent()
            #expect(entries.map(\.action) == ["logout", "login"])
            #expect(entries.allSatisfy { $0.actorName == "罗红梅" && !$0.address.isEmpty })
        }
    }
}

extension TestApp {
    /// The same app behind a trusted proxy, so a test can send from several addresses.
    func proxied(_ body: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        var configuration = services.configuration
        configuration.trustProxy = true
        let proxied = try AppServices(configuration: configuration, database: database, clock: clock.wallClock, logger: TestDatabase.logger)
        try await Application(router: buildRouter(services: proxied)).test(.router, body)
    }
}
