import Foundation
import SQLKit
import SunboardCore
import Testing

@testable import SunboardApp
@testable import SunboardDemo

@Suite("Migrations and the demo")
struct DataTests {
    @Test("Migrations are recorded and applied once")
    func migrations() async throws {
        try await TestApp.run(demo: .none) { (app: TestApp) async throws in
            let migrator = Migrator(database: app.database, logger: TestDatabase.logger)
            #expect(try await migrator.appliedNames() == Migrations.all.map(\.name))
            #expect(try await migrator.migrate().isEmpty)
            #expect(try await app.count("schema_migrations") == Migrations.all.count)
        }
    }

    @Test("Migration names are unique and never reused")
    func migrationNames() {
        let names = Migrations.all.map(\.name)
        #expect(Set(names).count == names.count)
    }

    @Test("The demo creates the office, four communities and a user per role; running it twice creates no duplicates")
    func demoTwice() async throws {
        try await TestApp.run(demo: .none) { app in
            let seeder = DemoSeeder(services: app.services)
            let logins = try await seeder.seed(year: false)
            #expect(logins.count == 30)
            #expect(Set(logins.map(\.username)).count == 30)
            let again = try await seeder.seed(year: false)
            #expect(again.map(\.username) == logins.map(\.username))
            #expect(try await app.count("units") == 5)
            #expect(try await app.count("users") == 30)
            #expect(try await app.count("role_grants") == 34)

            let office = try await app.unit("yinzhou")
            #expect(office.kind == .office)
            #expect(office.profile.areaSquareMetres == 11_000_000)
            #expect(office.profile.population == 69_000)
            #expect(office.profile.institutions == 379)
            #expect(office.profile.businesses == 1_116)
            let communities = try await app.services.units.children(of: office.id)
            #expect(communities.map(\.name) == ["银城社区", "银南社区", "银北社区", "银新社区"])
            // The demo's split adds up to the report's totals.
            #expect(communities.compactMap(\.profile.population).reduce(0, +) == 69_000)
            #expect(communities.compactMap(\.profile.institutions).reduce(0, +) == 379)
            #expect(communities.compactMap(\.profile.businesses).reduce(0, +) == 1_116)
            #expect(communities.compactMap(\.profile.areaSquareMetres).reduce(0, +) == 11_000_000)
            // Every community has each of its five roles held by a different person.
            for community in communities {
                let staff = try await app.services.users.staff(inUnits: [community.id])
                #expect(
                    Set(staff.flatMap(\.grants).map(\.role)) == [
                        .clerk, .director, .supervisor, .supervisionChair, .secretary, .liaison, .worker,
                    ])
                #expect(staff.count == 7)
            }
        }
    }

    @Test("A changed demo password survives running the demo again")
    func demoKeepsChanges() async throws {
        try await TestApp.run { app in
            try await app.services.users.resetPassword(
                username: "admin", to: "a new admin password", hasher: app.services.hasher, audit: app.services.audit,
                at: app.clock.now)
            try await DemoSeeder(services: app.services).seed(year: false)
            #expect(try await app.browser().login("admin", password: "a new admin password").status == .seeOther)
        }
    }

    @Test("Running the demo again does not give back a role the office revoked")
    func demoKeepsRevocations() async throws {
        try await TestApp.run { app in
            let clerk = try #require(try await app.services.users.find(username: "yinnan-clerk"))
            let yinnan = try await app.unit("yinnan")
            try await UserRepository.revoke(.clerk, userID: clerk.id, unitID: yinnan.id, on: app.database.sql)
            try await DemoSeeder(services: app.services).seed(year: false)
            #expect(try await app.services.users.grants(userID: clerk.id).isEmpty)
        }
    }

    @Test("The unit tree is read with one query each way, whatever its depth")
    func lineageAndSubtree() async throws {
        try await TestApp.run { app in
            let office = try await app.unit("yinzhou")
            let yinxin = try await app.unit("yinxin")
            // A residents' group under a community, to make three levels.
            let group = try await app.services.units.create(
                slug: "yinxin-1", name: "银新一组", kind: .community, parentID: yinxin.id, at: app.clock.now)
            #expect(try await app.services.units.lineage(of: group.id).map(\.slug) == ["yinxin-1", "yinxin", "yinzhou"])
            let all = try await app.services.units.subtrees(of: [office.id])
            #expect(all.map(\.slug) == ["yinzhou", "yincheng", "yinnan", "yinbei", "yinxin", "yinxin-1"])
            #expect(try await app.services.units.subtrees(of: [yinxin.id]).map(\.slug) == ["yinxin", "yinxin-1"])
        }
    }

    @Test("Sessions expire in the database, and expired rows are pruned")
    func sessionExpiry() async throws {
        let clock = TestClock()
        try await TestApp.run(clock: clock) { app in
            let browser = try await app.signedIn("yincheng-clerk")
            #expect(try await browser.get("/admin").status == .ok)
            clock.advance(8 * 3600 + 1)
            #expect(try await browser.get("/admin").status == .found)
            try await app.services.sessions.prune()
            #expect(try await app.count("sessions") == 0)
        }
    }
}
