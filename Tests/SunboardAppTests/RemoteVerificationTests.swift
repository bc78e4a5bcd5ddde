import Foundation
import HummingbirdTesting
import SQLKit
import SunboardCore
import Testing

@testable import SunboardApp

@Suite("Anyone checks the ledger from outside, with the public API only")
struct RemoteVerificationTests {
    /// What `sunboard verify --remote` runs, reading this app's router.
    static func verify(_ app: TestApp, head: (Int, String)? = nil, pageSize: Int = 1000) async throws -> RemoteVerification.Report {
        let client = app.client
        let remote = RemoteVerification { path in
            let response = try await client.execute(uri: path, method: .get)
            return (Int(response.status.code), Array(response.body.readableBytesView))
        }
        return try await remote.run(head: head.map { (sequence: $0.0, hash: $0.1) }, pageSize: pageSize)
    }

    /// A posted expense line signed by all five; its id.
    static func postedLine(_ app: TestApp) async throws -> Int {
        let id = try await FinanceTests.file(try await app.signedIn("yincheng-worker1"))
        try await FinanceTests.sign(app, id, as: FinanceTests.fourSigners)
        let posted = try await app.signedIn("yincheng-clerk").post(FinanceTests.base + "/reimbursements/\(id)/post", form: [])
        guard posted.status == .seeOther, let line = try await app.services.finance.reimbursement(id: id)?.entryID else {
            throw TestFailure("posting answered \(posted.status)")
        }
        return line
    }

    @Test("Intact: every entry and every record public now checks; a changed, a deleted and an added line are each named")
    func tampering() async throws {
        try await TestApp.run { app in
            _ = try await LedgerIntegrityTests.seeded(app)
            let line = try await Self.postedLine(app)
            // Small pages: the walk crosses page boundaries.
            var report = try await Self.verify(app, pageSize: 7)
            #expect(report.failure == nil)
            #expect(report.problem == nil)
            #expect(report.checked == (try await app.services.ledger.count()))
            #expect(report.records > 0)
            let sql = app.database.sql
            let chained = try #require(try await RecordStore.latest(kind: "finance_line", ids: [line], on: sql)[line])

            try await sql.raw("UPDATE finance_entries SET amount_fen = amount_fen - 10000 WHERE id = \(bind: line)").run()
            report = try await Self.verify(app)
            #expect(
                report.problem
                    == .init(sequence: chained.sequence, kind: .stateDiffers(kind: "finance_line", id: line, fields: ["amount_fen"])))
            try await sql.raw("UPDATE finance_entries SET amount_fen = amount_fen + 10000 WHERE id = \(bind: line)").run()
            #expect(try await Self.verify(app).problem == nil)

            // A copy of the line, inserted as SQL: public, never chained.
            try await sql.raw(
                """
                INSERT INTO finance_entries (unit_id, fund, kind, entry_date, amount_fen, category, summary, counterparty, handler, \
                source, created_by, created_at)
                SELECT unit_id, fund, kind, entry_date, amount_fen, category, summary, counterparty, handler, source, created_by, created_at
                FROM finance_entries WHERE id = \(bind: line)
                """
            ).run()
            report = try await Self.verify(app)
            guard case .stateNotChained(kind: "finance_line", let added) = report.problem?.kind else {
                Issue.record("an added line was not named: \(String(describing: report.problem))")
                return
            }
            #expect(added > line)
            try await sql.raw("DELETE FROM finance_entries WHERE id = \(bind: added)").run()

            try await sql.raw("DELETE FROM finance_entries WHERE id = \(bind: line)").run()
            #expect(
                try await Self.verify(app).problem == .init(sequence: chained.sequence, kind: .stateGone(kind: "finance_line", id: line)))
        }
    }

    @Test("A head kept from an earlier copy must still be in the chain: a rewritten history does not hold it")
    func keptHead() async throws {
        try await TestApp.run { app in
            _ = try await LedgerIntegrityTests.seeded(app)
            let head = try #require(try await app.services.ledger.head())
            let code = LedgerCode(sequence: head.sequence, hash: head.hash)
            #expect(try await Self.verify(app, head: (code.sequence, code.prefix)).problem == nil)
            #expect(try await Self.verify(app, head: (head.sequence, head.hash)).problem == nil)
            // Not reached yet: the server's chain is shorter than the copy.
            #expect(
                try await Self.verify(app, head: (head.sequence + 5, code.prefix)).problem
                    == .init(sequence: head.sequence + 5, kind: .headMismatch(expected: code.prefix)))
        }
    }

    @Test("The records API: kinds, a kind's public records with their current hash, a record's versions, bad addresses")
    func recordsAPI() async throws {
        try await TestApp.run { app in
            let ids = try await LedgerIntegrityTests.seeded(app)
            let browser = app.browser()
            let kinds = try await browser.get("/api/v1/records")
            #expect(kinds.status == .ok)
            #expect(kinds.text.contains("\"kind\":\"finance_line\""))
            let list = try await browser.get("/api/v1/records/disclosure?after=0&limit=2")
            let body = try #require(try JSONSerialization.jsonObject(with: Data(list.text.utf8)) as? [String: Any])
            let records = try #require(body["records"] as? [[String: Any]])
            #expect(records.count == 2)
            #expect(body["next_after"] as? Int == records.last?["id"] as? Int)
            let history = try await browser.get("/api/v1/records/disclosure/\(ids[0])")
            #expect(history.status == .ok)
            #expect(history.text.contains("\"current\":{"))
            for bad in [
                "/api/v1/records/nothing", "/api/v1/records/disclosure/0", "/api/v1/records/disclosure/abc",
                "/api/v1/records/disclosure/\(ids[0])/versions/0", "/api/v1/records/disclosure/\(ids[0])/versions/99",
                "/api/v1/records/disclosure/\(ids[0])/versions/1?format=3", "/api/v1/records/disclosure/999999",
            ] {
                #expect(try await browser.get(bad).status == .notFound, "\(bad)")
            }
            for bad in [
                "/api/v1/records/disclosure?limit=0", "/api/v1/records/disclosure?limit=5000", "/api/v1/records/disclosure?after=x",
            ] {
                let answer = try await browser.get(bad)
                #expect(answer.status == .badRequest, "\(bad)")
                #expect(answer.text.contains("invalid_input"))
            }
            // Never a salt, never a private value.
            let version = try await browser.get("/api/v1/records/disclosure/\(ids[0])/versions/1")
            #expect(version.status == .ok)
            #expect(!version.text.contains("salt"))
        }
    }
}
