import Foundation
import SQLKit
import SunboardCore
import Testing

@testable import SunboardApp

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
}
