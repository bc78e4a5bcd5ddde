import Foundation
import Hummingbird
import HummingbirdTesting
import SQLKit
import SunboardCore

@testable import SunboardApp
@testable import SunboardDemo

/// One test's app: services over a fresh database (with the demo unless
/// asked otherwise), driven through the router without a socket.
struct TestApp {
    let services: AppServices
    let clock: TestClock
    let client: any TestClientProtocol
    /// Where its rows and files are: for tests that copy an installation.
    let storage: TestDatabase

    var database: Database { services.database }

    /// Builds services over `database`, as one app instance would.
    static func services(database: Database, clock: TestClock, dataDirectory: String, allowsPrivateWebhooks: Bool = true) throws
        -> AppServices
    {
        // bcrypt at its lowest cost: the tests check behaviour, not strength.
        // Webhooks may reach the tests' receivers on 127.0.0.1 unless a test says otherwise.
        let configuration = AppConfiguration(dataDirectory: dataDirectory, bcryptCost: 4, webhookAllowsPrivate: allowsPrivateWebhooks)
        return try AppServices(configuration: configuration, database: database, clock: clock.wallClock, logger: TestDatabase.logger)
    }

    /// How much of the demo a test starts with.
    enum Demo {
        /// An empty database.
        case none
        /// The office, four communities, their staff and the catalog.
        case organization
        /// All that and a year of disclosures: slower, for the tests about it.
        case year
    }

    static func run(
        demo: Demo = .organization,
        clock: TestClock = TestClock(),
        allowsPrivateWebhooks: Bool = true,
        _ body: @Sendable (TestApp) async throws -> Void
    ) async throws {
        let testDatabase = try await TestDatabase.make()
        let database = try await testDatabase.open()
        do {
            try await Migrator(database: database, logger: TestDatabase.logger).migrate()
            let services = try services(
                database: database, clock: clock, dataDirectory: testDatabase.dataDirectory, allowsPrivateWebhooks: allowsPrivateWebhooks)
            if demo != .none { try await DemoSeeder(services: services).seed(year: demo == .year) }
            let app = Application(router: buildRouter(services: services))
            try await app.test(.router) { client in
                try await body(TestApp(services: services, clock: clock, client: client, storage: testDatabase))
            }
        } catch {
            await database.close()
            await testDatabase.destroy()
            throw error
        }
        await database.close()
        await testDatabase.destroy()
    }

    /// A new browser with an empty cookie jar.
    func browser() -> Browser { Browser(client: client) }

    /// A browser signed in as a demo account.
    func signedIn(_ username: String, password: String = DemoSeeder.password) async throws -> Browser {
        let browser = browser()
        let response = try await browser.login(username, password: password)
        guard response.status == .seeOther else {
            throw TestFailure("login as \(username) answered \(response.status)")
        }
        return browser
    }

    func unit(_ slug: String) async throws -> Unit {
        guard let unit = try await services.units.find(slug: slug) else { throw TestFailure("no unit \(slug)") }
        return unit
    }

    func count(_ table: String) async throws -> Int {
        try await database.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(table)
            .first()!.decode(column: "n", as: Int.self)
    }
}

struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// The organization unit, not Foundation's unit of measure.
typealias Unit = SunboardCore.Unit
