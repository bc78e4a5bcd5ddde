import Foundation
import SQLKit
import SunboardCore
import Testing

@testable import SunboardApp

@Suite("The ledger catches rows changed behind the system's back")
struct LedgerIntegrityTests {
    /// Three published disclosures, one corrected and one withdrawn.
    static func seeded(_ app: TestApp) async throws -> [Int] {
        var ids: [Int] = []
        for title in ["第一条通知", "第二条通知", "第三条通知"] {
            let id = try await app.draft(
                try await app.signedIn("yincheng-clerk"), in: "yincheng", item: "major-matter", title: title, body: "\(title)的内容")
            try await app.publishThroughReview(id, in: "yincheng")
            ids.append(id)
        }
        _ = try await app.signedIn("yincheng-director").post(
            "/admin/units/yincheng/disclosures/\(ids[2])/withdraw", form: [("reason", "重复发布")])
        return ids
    }

    /// The entries of one disclosure, in order.
    static func entries(_ app: TestApp, _ id: Int) async throws -> [LedgerEntry] {
        try await app.services.ledger.entries(disclosureID: id)
    }

    @Test("An intact ledger verifies; a version altered with plain SQL is named")
    func alteredVersion() async throws {
        try await TestApp.run { app in
            let ids = try await Self.seeded(app)
            var report = try await LedgerVerification(database: app.database).run()
            #expect(report.problem == nil)
            #expect(report.checked == (try await app.services.ledger.count()))
            #expect(try await Self.entries(app, ids[2]).map(\.event) == [.publish, .withdraw])

            try await app.database.sql.raw("UPDATE disclosure_versions SET body = 'quietly changed' WHERE disclosure_id = \(bind: ids[1])")
                .run()
            report = try await LedgerVerification(database: app.database).run()
            let last = try #require(try await Self.entries(app, ids[1]).last)
            #expect(
                report.problem
                    == .init(sequence: last.sequence, kind: .stateDiffers(kind: "disclosure", id: ids[1], fields: ["version.1.part"])))
        }
    }

    @Test("A changed withdrawal reason, a forged entry and a deleted entry are each caught")
    func otherTampering() async throws {
        try await TestApp.run { app in
            let ids = try await Self.seeded(app)
            let sql = app.database.sql
            let withdrawal = try #require(try await Self.entries(app, ids[2]).last)
            try await sql.raw("UPDATE disclosures SET withdraw_reason = '内容有误' WHERE id = \(bind: ids[2])").run()
            #expect(
                try await LedgerVerification(database: app.database).run().problem
                    == .init(
                        sequence: withdrawal.sequence, kind: .stateDiffers(kind: "disclosure", id: ids[2], fields: ["withdraw_reason"])))
            try await sql.raw("UPDATE disclosures SET withdraw_reason = '重复发布' WHERE id = \(bind: ids[2])").run()
            #expect(try await LedgerVerification(database: app.database).run().problem == nil)

            let second = try #require(try await Self.entries(app, ids[1]).first).sequence
            try await sql.raw("UPDATE ledger_entries SET recorded_at = recorded_at + 1 WHERE sequence = \(bind: second)").run()
            #expect(try await LedgerVerification(database: app.database).run().problem == .init(sequence: second, kind: .entryChanged))
            try await sql.raw("UPDATE ledger_entries SET recorded_at = recorded_at - 1 WHERE sequence = \(bind: second)").run()

            try await sql.raw("DELETE FROM ledger_entries WHERE sequence = \(bind: second)").run()
            #expect(try await LedgerVerification(database: app.database).run().problem == .init(sequence: second + 1, kind: .sequenceGap))
        }
    }

    @Test("The public ledger page and API list every entry in order, paged, each with what anyone needs to recompute it")
    func publicLedger() async throws {
        try await TestApp.run { app in
            _ = try await Self.seeded(app)
            let total = try await app.services.ledger.count()
            let page = try await app.browser().get("/ledger")
            #expect(page.status == .ok)
            #expect(page.text.contains("共 \(total) 条登记"))
            #expect(page.text.contains("id=\"entry-1\""))
            let json = try await app.browser().get("/api/v1/ledger?after=1&limit=2")
            let body = try #require(try JSONSerialization.jsonObject(with: Data(json.text.utf8)) as? [String: Any])
            let entries = try #require(body["entries"] as? [[String: Any]])
            #expect(entries.compactMap { $0["sequence"] as? Int } == [2, 3])
            #expect(body["next_after"] as? Int == 3)
            #expect(body["total"] as? Int == total)
            // Anyone can recompute an entry's hash from what the API gives.
            let second = entries[0]
            let recomputed = LedgerEntry(
                sequence: 2, event: LedgerEntry.Event(rawValue: second["event"] as! String)!, kind: second["kind"] as! String,
                recordID: second["record_id"] as! Int, version: second["version"] as! Int, recordedAt: second["recorded_at_unix"] as! Int,
                payloadHash: second["payload_hash"] as! String, previousHash: second["previous_hash"] as! String,
                format: second["format"] as! Int)
            #expect(recomputed.entryHash == second["entry_hash"] as? String)
            let bad = try await app.browser().get("/api/v1/ledger?after=-1")
            #expect(bad.status == .badRequest)
            #expect(bad.text.contains("\"code\":\"invalid_input\""))
        }
    }
    @Test("A finance line, a card's change, a civic step and a guide each link to their ledger entries; one record's entries are listed")
    func pagesLinkTheLedger() async throws {
        try await TestApp.run { app in
            let records = try await app.seedEveryPublicRecord()
            let resident = app.browser()
            let line = try await resident.get("/units/yincheng/finance/entries/\(records.financeLine)").text
            #expect(line.contains("查看这一笔的登记"))
            let board = try await resident.get("/units/yincheng/boards/dibao").text
            #expect(
                board.contains("/ledger?kind=board_card&amp;id=\(records.card)")
                    || board.contains("/ledger?kind=board_card&id=\(records.card)"))
            let election = try await resident.get("/units/yincheng/elections/\(records.election)").text
            #expect(election.contains("kind=disclosure") && election.contains("kind=election"))
            #expect(try await resident.get("/units/yincheng/projects/\(records.project)").text.contains("kind=project"))
            #expect(try await resident.get("/guides/\(records.guide)").text.contains("kind=guide"))

            let history = try await resident.get("/ledger?kind=board_card&id=\(records.card)")
            #expect(history.status == .ok)
            let entries = try await app.services.ledger.entries(kind: "board_card", id: records.card)
            #expect(!entries.isEmpty)
            for entry in entries { #expect(history.text.contains("id=\"entry-\(entry.sequence)\"")) }
            #expect(history.text.contains("插卡式公示") && history.text.contains("第 \(records.card) 号的全部登记"))
            for bad in ["/ledger?kind=nothing&id=1", "/ledger?kind=guide&id=x", "/ledger?kind=guide&id=-3"] {
                #expect(try await resident.get(bad).status == .notFound, "\(bad)")
            }
        }
    }
}
