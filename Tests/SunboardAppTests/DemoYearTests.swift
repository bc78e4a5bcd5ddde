import Foundation
import SQLKit
import SunboardCore
import Testing

@testable import SunboardApp
@testable import SunboardDemo

@Suite("The demo's year of disclosures")
struct DemoYearTests {
    @Test(
        "The year plays through the workflow: published, corrected, withdrawn, in review; the ledger verifies; running again adds nothing")
    func year() async throws {
        try await TestApp.run(demo: .year) { app in
            let published = try await app.database.sql.raw("SELECT COUNT(*) AS n FROM disclosures WHERE published_version > 0").first()!
                .decode(column: "n", as: Int.self)
            #expect(published > 150)
            for status in ["draft", "submitted", "returned", "approved", "withdrawn"] {
                let count = try await app.database.sql.raw("SELECT COUNT(*) AS n FROM disclosures WHERE status = \(bind: status)").first()!
                    .decode(column: "n", as: Int.self)
                #expect(count >= 1, "\(status)")
            }
            let corrections = try await app.services.ledger.entries(after: 0, limit: 10_000).filter { $0.event == .correct }
            #expect(corrections.count >= 1)
            let report = try await LedgerVerification(database: app.database).run()
            #expect(report.problem == nil)
            #expect(report.checked == (try await app.services.ledger.count()))
            #expect(try await Self.backwards(app) == [])
            #expect(try await app.count("stored_files") >= 3)

            let before = try await app.count("disclosures")
            try await DemoSeeder(services: app.services).seed()
            #expect(try await app.count("disclosures") == before)

            // Every community's board is filled in.
            for slug in ["yincheng", "yinnan", "yinbei", "yinxin"] {
                let html = try await app.browser().get("/units/\(slug)").text
                #expect(html.contains("/disclosures/"), "\(slug)")
                #expect(html.contains("居委会工作职责"))
            }
        }
    }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// Entries recorded before the one they follow: none in a year played in order.
    static func backwards(_ app: TestApp) async throws -> [Int] {
        try await app.database.sql.raw(
            """
            SELECT e.sequence FROM ledger_entries e JOIN ledger_entries p ON p.sequence = e.sequence - 1
            WHERE e.recorded_at < p.recorded_at ORDER BY e.sequence
            """
        ).all().map { try $0.decode(column: "sequence", as: Int.self) }
    }

    static func count(_ app: TestApp, _ sql: SQLQueryString) async throws -> Int {
        try await app.database.sql.raw(sql).first()!.decode(column: "n", as: Int.self)
    }

    /// The calendar is the same on both databases: these run on SQLite, and
    /// the year above, the browser tests and the PostgreSQL suite seed on PostgreSQL.
    @Test(
        "Seeded on a leap day, a quarter's last day or New Year's Eve, the demo is in the present",
        .enabled(if: TestDatabase.postgresURL == nil), arguments: ["2028-02-29", "2027-03-31", "2026-12-31"])
    func present(day: String) async throws {
        let today = try #require(CalendarDate(day))
        try await TestApp.run(demo: .year, clock: TestClock(today.startInstant.addingTimeInterval(9 * 3600))) { app in
            let resident = app.browser()
            // Nothing happens after today.
            let latest = try await Self.count(app, "SELECT MAX(first_published_at) AS n FROM disclosures")
            #expect(Date(unixSeconds: latest) <= app.clock.now)
            #expect(CalendarDate(Date(unixSeconds: latest)) >= today.adding(days: -3))

            // A notice open for objections today, with its dates in its words.
            let open = try await app.database.sql.raw(
                """
                SELECT id, body FROM disclosures WHERE published_version > 0 AND withdrawn_at IS NULL
                AND notice_starts <= \(bind: day) AND notice_ends >= \(bind: day)
                """
            ).all()
            #expect(!open.isEmpty)
            let body = try #require(try open.first?.decode(column: "body", as: String.self))
            #expect(body.contains("\(today.year)") || body.contains("\(today.year - 1)"))

            // A reimbursement waiting for signatures.
            #expect(try await Self.count(app, "SELECT COUNT(*) AS n FROM reimbursements WHERE status = 'signing'") >= 1)

            // Something overdue in the office's matrix over the last months.
            var missing = 0
            var month = Period.containing(today, frequency: .monthly)
            for _ in 0..<12 {
                month = month.previous
                let matrix = try Self.json(try await resident.get("/api/v1/units/yinzhou/compliance?period=\(month)").text)
                for community in matrix["communities"] as? [[String: Any]] ?? [] {
                    missing += (community["obligations"] as? [[String: Any]] ?? []).filter { $0["status"] as? String == "missing" }.count
                }
            }
            #expect(missing >= 1)

            // An election stage due within two weeks.
            let elections =
                try Self.json(try await resident.get("/api/v1/units/yincheng/elections").text)["items"] as? [[String: Any]] ?? []
            let next = elections.flatMap { $0["stages"] as? [[String: Any]] ?? [] }.filter { $0["state"] as? String == "next" }
                .compactMap { ($0["deadline"] as? String).flatMap(CalendarDate.init) }
            #expect(next.contains { today <= $0 && $0 <= today.adding(days: 14) }, "\(next)")
            // Its name carries the year it was announced in.
            let election = try #require(elections.first)
            let announced = (election["stages"] as? [[String: Any]])?.first?["published_on"] as? String
            let year = try #require(announced.flatMap(CalendarDate.init)?.year)
            #expect((election["title"] as? String)?.hasPrefix("\(year)年") == true)

            // Last quarter's bulletin.
            let bulletins =
                try Self.json(try await resident.get("/api/v1/units/yincheng/bulletins").text)["items"] as? [[String: Any]] ?? []
            let periods = bulletins.compactMap { ($0["content"] as? [String: Any])?["period"] as? String }
            #expect(periods.contains(Period.containing(today, frequency: .quarterly).previous.description), "\(periods)")

            // And the year's record is intact, in the order it happened.
            #expect(try await LedgerVerification(database: app.database).run().problem == nil)
            #expect(try await Self.backwards(app) == [])
        }
    }
}
