import Foundation
import SQLKit
import SunboardCore
import Testing

@testable import SunboardApp

@Suite("The ledger's head leaves the server: on paper, in the chat groups, and checked against the chain")
struct LedgerHeadTests {
    /// 2026-11-18 in Shanghai at `hour`:`minute`.
    static func clock(hour: Int, minute: Int = 0) -> TestClock {
        TestClock(CalendarDate(year: 2026, month: 11, day: 18)!.startInstant.addingTimeInterval(TimeInterval(hour * 3600 + minute * 60)))
    }

    static func head(_ app: TestApp) async throws -> LedgerCode {
        LedgerCode(try #require(try await app.services.ledger.lastEntry()))
    }

    /// The code a printed page carries.
    static func printedCode(_ text: String) -> String? {
        guard let range = text.range(of: #"账本核对码 <strong>(\d+-[0-9a-f]{16})</strong>"#, options: .regularExpression) else { return nil }
        return String(text[range].split(separator: ">")[1].prefix { $0 != "<" })
    }

    @Test("Every print view and leaflet carries the head at print time, in its words and its QR codes' addresses")
    func paper() async throws {
        try await TestApp.run { app in
            try await app.publishDirectly(in: "yincheng", item: "major-matter", title: "楼道堆物清理通知")
            let id = try #require(
                try await app.database.sql.select().column("id").from("disclosures").orderBy("id", .descending).first()?
                    .decode(column: "id", as: Int.self))
            let code = try await Self.head(app)
            let page = try await app.browser().get("/disclosures/\(id)/print").text
            #expect(Self.printedCode(page) == code.text)
            #expect(page.contains("/disclosures/\(id)?head=\(code.text)\""))
            let leaflet = try await app.browser().get("/units/yincheng/leaflet?ids=\(id)").text
            #expect(Self.printedCode(leaflet) == code.text)
            #expect(leaflet.contains("?head=\(code.text)"))

            let saved = try await app.signedIn("admin").postMultipart("/admin/units/yinzhou/guides", fields: ServiceBoardTests.guide)
            #expect(saved.status == .seeOther)
            let guide = try #require(try await app.services.serviceBoards.guides(lineage: [try await app.unit("yinzhou")]).first)
            // The guide itself was chained: the head moved, and its print shows the new one.
            let later = try await Self.head(app)
            #expect(later.sequence > code.sequence)
            #expect(Self.printedCode(try await app.browser().get("/guides/\(guide.id)/print").text) == later.text)
            #expect(Self.printedCode(try await app.signedIn("admin").get("/admin/units/yinzhou/assessment/print").text) == later.text)
            // The page on screen has no stamp; the code travels only on paper.
            #expect(Self.printedCode(try await app.browser().get("/guides/\(guide.id)").text) == nil)
        }
    }

    @Test("/ledger/check: a code that holds, one that differs, one past the head, and one that cannot be read")
    func check() async throws {
        try await TestApp.run { app in
            _ = try await LedgerIntegrityTests.seeded(app)
            let head = try await Self.head(app)
            let ledger = try await app.browser().get("/ledger").text
            #expect(ledger.contains("核对纸质公告") && ledger.contains("action=\"/ledger/check\""))

            let holds = try await app.browser().get("/ledger/check?code=\(head.text)")
            #expect(holds.status == .ok)
            #expect(holds.text.contains("check-holds") && holds.text.contains("一致：网上账本的第 \(head.sequence) 条就是纸上这一条"))
            #expect(holds.text.contains("此后账本没有新的登记"))
            // Typed as people type it; and as a printed QR code sends it.
            let typed = "第 \(head.sequence) 条 - \(head.prefix.uppercased())".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            #expect(try await app.browser().get("/ledger/check?code=\(typed)").text.contains("check-holds"))
            #expect(try await app.browser().get("/ledger/check?head=\(head.text)").text.contains("check-holds"))

            let wrong = String(head.prefix.reversed())
            let differs = try await app.browser().get("/ledger/check?code=\(head.sequence)-\(wrong)").text
            #expect(differs.contains("check-differs") && differs.contains("被改写过"))
            let missing = try await app.browser().get("/ledger/check?code=\(head.sequence + 10)-\(head.prefix)").text
            #expect(missing.contains("check-differs") && missing.contains("网上账本没有第 \(head.sequence + 10) 条"))

            let script = "<script>alert(1)</script>".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            let unreadable = try await app.browser().get("/ledger/check?code=\(script)")
            #expect(unreadable.status == .ok)
            #expect(unreadable.text.contains("看不懂这个核对码"))
            #expect(!unreadable.text.contains("<script>alert"))
            let long = String(repeating: "9", count: 5000)
            #expect(try await app.browser().get("/ledger/check?code=\(long)").text.contains("看不懂这个核对码"))
        }
    }

    @Test("Once a day from the evening, the head goes to the groups that asked, and only when it moved")
    func dailyHead() async throws {
        let clock = Self.clock(hour: 17, minute: 30)
        try await TestApp.run(clock: clock) { app in
            let director = try await app.signedIn("yincheng-director")
            var form = [
                ("name", "居民群"), ("format", "wecom"), ("url", WebhookTests.botURL), ("secret", ""), ("backfill", ""),
                ("ledger_head", "on"),
            ]
            #expect(try await director.post("/admin/units/yincheng/webhooks", form: form).status == .seeOther)
            form = [("name", "工作群"), ("format", "json"), ("url", "https://platform.example.cn/hooks"), ("secret", ""), ("backfill", "")]
            #expect(try await director.post("/admin/units/yincheng/webhooks", form: form).status == .seeOther)
            #expect(try await director.get("/admin/units/yincheng/webhooks").text.contains("每天傍晚推送一次"))
            let announcer = LedgerHeadAnnouncer(services: app.services)

            #expect(try await announcer.run() == 0)  // not evening yet
            clock.advance(3600)
            #expect(try await announcer.run() == 1)
            #expect(try await announcer.run() == 0)  // once a day
            let rows = try await WebhookTests.outbox(app)
            #expect(rows.map(\.subscription) == ["居民群"])
            let message = try #require(rows.first?.message)
            let head = try #require(try await app.services.ledger.lastEntry())
            #expect(message.event == .ledgerHead)
            #expect(message.ledgerSequence == head.sequence && message.ledgerHash == head.entryHash)
            #expect(message.title == LedgerCode(head).text)
            #expect(message.path == "/ledger/check?code=\(LedgerCode(head).text)")

            // The next evening: nothing new was chained, nothing is sent.
            clock.advance(24 * 3600)
            #expect(try await announcer.run() == 0)
            try await app.publishDirectly(in: "yincheng", item: "major-matter", title: "停水通知")
            clock.advance(24 * 3600)
            #expect(try await announcer.run() == 1)

            // The generic format carries the head as data, not as a disclosure.
            let request = WebhookRequest(
                message: message, format: .json, url: "https://platform.example.cn/hooks", secret: "k", origin: "https://gk.example.cn",
                deliveryID: 1, at: clock.now)
            let body = try #require(try JSONSerialization.jsonObject(with: Data(request.body)) as? [String: Any])
            #expect(body["event"] as? String == "ledger.head")
            #expect((body["ledger"] as? [String: Any])?["entry_hash"] as? String == head.entryHash)
            #expect(body["disclosure"] == nil)
            let chat = WebhookRequest(
                message: message, format: .wecom, url: WebhookTests.botURL, secret: nil, origin: "https://gk.example.cn", deliveryID: 1,
                at: clock.now)
            #expect(String(decoding: chat.body, as: UTF8.self).contains("[核对账本](https://gk.example.cn/ledger/check?code="))
        }
    }

    /// Rewrites history as someone with the database would to hide a change:
    /// the record's stored version and its entry made to match the new rows,
    /// and every entry from there on hashed again.
    static func rewrite(_ app: TestApp, disclosure id: Int) async throws {
        let sql = app.database.sql
        let state = try #require(try await DisclosureRecord.state(id: id, on: sql))
        let entry = try #require(try await app.services.ledger.entries(kind: "disclosure", id: id).last { $0.format == 2 })
        try await sql.update("record_versions").set("fields", to: SQLBind(state.fields.json))
            .where("sequence", .equal, SQLBind(entry.sequence)).run()
        var previous = entry.previousHash
        for old in try await app.services.ledger.entries(after: entry.sequence - 1, limit: 100_000) {
            let payload =
                old.sequence == entry.sequence
                ? PublicRecordVersion(kind: old.kind, id: old.recordID, version: old.version, fields: state.fields).canonical.sha256
                : old.payloadHash
            let new = LedgerEntry(
                sequence: old.sequence, event: old.event, kind: old.kind, recordID: old.recordID, version: old.version,
                recordedAt: old.recordedAt, payloadHash: payload, previousHash: previous, format: old.format)
            try await sql.update("ledger_entries").set("payload_hash", to: SQLBind(new.payloadHash))
                .set("previous_hash", to: SQLBind(new.previousHash)).set("entry_hash", to: SQLBind(new.entryHash))
                .where("sequence", .equal, SQLBind(new.sequence)).run()
            previous = new.entryHash
        }
    }

    @Test("History rewritten on the server passes its own check, but neither the printed code nor the posted head holds")
    func rewrittenHistory() async throws {
        let clock = Self.clock(hour: 19)
        try await TestApp.run(clock: clock) { app in
            let ids = try await LedgerIntegrityTests.seeded(app)
            let director = try await app.signedIn("yincheng-director")
            let form = [
                ("name", "居民群"), ("format", "wecom"), ("url", WebhookTests.botURL), ("secret", ""), ("backfill", ""), ("ledger_head", "on"),
            ]
            #expect(try await director.post("/admin/units/yincheng/webhooks", form: form).status == .seeOther)
            #expect(try await LedgerHeadAnnouncer(services: app.services).run() == 1)
            let posted = try #require(try await WebhookTests.outbox(app).last?.message)
            let printed = try #require(Self.printedCode(try await app.browser().get("/disclosures/\(ids[0])/print").text))
            try await app.publishDirectly(in: "yincheng", item: "major-matter", title: "之后的通知")
            // While nothing is rewritten, the code from paper holds, in full or as printed.
            let kept = try #require(LedgerCode(printed))
            #expect(try await LedgerVerification(database: app.database).run(head: (kept.sequence, kept.prefix)).problem == nil)
            #expect(try await LedgerVerification(database: app.database).run(head: (sequence: 1, hash: "")).problem != nil)

            // The first notice's words changed, and the chain made to fit them.
            try await app.database.sql.raw("UPDATE disclosure_versions SET body = '改过的内容' WHERE disclosure_id = \(bind: ids[0])").run()
            #expect(try await LedgerVerification(database: app.database).run().problem != nil)
            try await Self.rewrite(app, disclosure: ids[0])
            #expect(try await LedgerVerification(database: app.database).run().problem == nil)
            #expect(try await RemoteVerificationTests.verify(app).problem == nil)

            // Paper and the chat group still hold the old chain.
            let code = try #require(LedgerCode(printed))
            #expect(
                try await LedgerVerification(database: app.database).run(head: (code.sequence, code.prefix)).problem
                    == .init(sequence: code.sequence, kind: .headMismatch(expected: code.prefix)))
            #expect(try await app.browser().get("/ledger/check?code=\(printed)").text.contains("check-differs"))
            let sequence = try #require(posted.ledgerSequence)
            let hash = try #require(posted.ledgerHash)
            #expect(
                try await RemoteVerificationTests.verify(app, head: (sequence, hash)).problem
                    == .init(sequence: sequence, kind: .headMismatch(expected: hash)))
            #expect(try await app.browser().get("/ledger/check?code=\(posted.title)").text.contains("check-differs"))
        }
    }
}
