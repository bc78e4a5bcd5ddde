import Foundation
import HTTPTypes
import HummingbirdTesting
import SQLKit
import SunboardCore
import Testing

@testable import SunboardApp

/// The cases a code review found, each held down by a test.
@Suite("Privacy and integrity edges")
struct PrivacyAndIntegrityTests {
    @Test("Loosening a field in the catalog after publication uncovers nothing already published")
    func visibilitySnapshot() async throws {
        try await TestApp.run { app in
            let director = try await app.signedIn("yinbei-director")
            let form = { (fields: String) in
                [
                    ("title", "困难家庭走访情况"), ("scope", "affairs"), ("class", "immediate"), ("board_section", "notices"),
                    ("fields", fields), ("retention_years", "10"), ("is_active", "1"),
                ]
            }
            #expect(
                try await director.post(
                    "/admin/units/yinbei/catalog/new",
                    form: [("code", "visits")] + form("households | 走访户数 | 数字\nphone | 联系电话 | 文字 | 选填 | 不公开")
                ).status == .seeOther)
            let marker = "13900000000"
            let id = try await app.draft(
                try await app.signedIn("yinbei-clerk"), in: "yinbei", item: "visits", title: "走访", body: "x",
                fields: ["households": "3", "phone": marker])
            try await app.publishThroughReview(id, in: "yinbei")
            let item = try await app.item("visits", in: "yinbei")
            #expect(
                try await director.post(
                    "/admin/units/yinbei/catalog/\(item.id)", form: form("households | 走访户数 | 数字\nphone | 联系电话 | 文字 | 选填 | 公开")
                ).status == .seeOther)
            #expect(!(try await app.browser().get("/disclosures/\(id)").text.contains(marker)))
            #expect(!(try await app.browser().get("/api/v1/disclosures/\(id)").text.contains(marker)))
            #expect(try await LedgerVerification(database: app.database).run().problem == nil)
        }
    }

    @Test("A notice's files leave public view with its personal details")
    func noticeFiles() async throws {
        let clock = TestClock()
        try await TestApp.run(clock: clock) { app in
            let id = try await app.draft(
                try await app.signedIn("yincheng-clerk"), in: "yincheng", item: "dibao-applicants", title: "新申请低保家庭公示",
                fields: ["applicant": "白秀珍", "household_size": "1", "monthly_benefit": "300", "hardship": "独居"],
                files: [(field: "files", name: "申请表.pdf", bytes: TestApp.pdf)])
            try await app.publishThroughReview(id, in: "yincheng")
            let sha = try await app.disclosure(id).content.attachments[0].sha256
            #expect(try await app.browser().get("/files/\(sha)").status == .ok)
            clock.advance(8 * 24 * 3600)
            #expect(try await app.browser().get("/files/\(sha)").status == .notFound)
            #expect(!(try await app.browser().get("/disclosures/\(id)").text.contains("申请表.pdf")))
            #expect(!(try await app.browser().get("/api/v1/disclosures/\(id)").text.contains(sha)))
        }
    }

    @Test("Whoever wrote or changed a draft cannot approve it, even holding the supervisor's role")
    func ownWork() async throws {
        try await TestApp.run { app in
            // A supervisor who is also a clerk drafts; a colleague submits.
            let supervisor = try #require(try await app.services.users.find(username: "yincheng-supervisor"))
            let yincheng = try await app.unit("yincheng")
            try await app.services.users.grant(.clerk, userID: supervisor.id, unitID: yincheng.id, at: app.clock.now)
            let id = try await app.draft(
                try await app.signedIn("yincheng-supervisor"), in: "yincheng", item: "major-matter", title: "通知", body: "x")
            #expect(
                try await app.signedIn("yincheng-clerk").post("/admin/units/yincheng/disclosures/\(id)/submit", form: []).status
                    == .seeOther)
            let refused = try await app.signedIn("yincheng-supervisor").post("/admin/units/yincheng/disclosures/\(id)/approve", form: [])
            #expect(refused.status == .forbidden)
            #expect(refused.text.contains("不能审核自己起草、修改或提交的内容"))
        }
    }

    @Test("verify names a swapped file, a version slipped in without an entry, and an entry with an unknown event")
    func verifyCatches() async throws {
        try await TestApp.run { app in
            let id = try await app.draft(
                try await app.signedIn("yinnan-clerk"), in: "yinnan", item: "major-matter", title: "通知", body: "正文",
                files: [(field: "files", name: "scan.png", bytes: TestApp.png)])
            try await app.publishThroughReview(id, in: "yinnan")
            let check = { try await LedgerVerification(database: app.database, files: app.services.files).run().problem }
            #expect(try await check() == nil)

            let sha = try await app.disclosure(id).content.attachments[0].sha256
            let path = app.services.files.url(sha)
            let original = try Data(contentsOf: path)
            try Data(TestApp.png + [0]).write(to: path)
            #expect(try await check() == .init(sequence: 0, kind: .fileAltered(sha256: sha)))
            try original.write(to: path)

            let event = try #require(try await app.services.ledger.entry(sequence: 1)).event.rawValue
            try await app.database.sql.raw("UPDATE ledger_entries SET event = 'published' WHERE sequence = 1").run()
            #expect(try await check() == .init(sequence: 1, kind: .entryChanged))
            try await app.database.sql.raw("UPDATE ledger_entries SET event = \(bind: event) WHERE sequence = 1").run()

            try await app.database.sql.raw(
                """
                INSERT INTO disclosure_versions (disclosure_id, number, title, body, period, fields, reason, field_specs, salt, unit_slug, item_code, published_at, published_by_id, published_by)
                SELECT disclosure_id, 2, title, '悄悄加的一版', period, fields, reason, field_specs, salt, unit_slug, item_code, published_at, published_by_id, published_by
                FROM disclosure_versions WHERE disclosure_id = \(bind: id)
                """
            ).run()
            let published = try #require(try await app.services.ledger.entries(disclosureID: id).last).sequence
            #expect(
                try await check() == .init(sequence: published, kind: .stateDiffers(kind: "disclosure", id: id, fields: ["version.2.part"]))
            )
        }
    }

    @Test("Hostile text cannot exhaust the server: deep quotes, runs of brackets, huge corrections")
    func hostileText() {
        let quotes = String(repeating: ">", count: 20_000) + " 引用"
        #expect(Markdown.html(quotes).components(separatedBy: "<blockquote>").count - 1 == Markdown.maximumQuoteDepth)
        #expect(Markdown.html(String(repeating: "[", count: 20_000)).count > 20_000)
        #expect(!Markdown.html("[x](/\\evil.example)").contains("<a "))
        let old = (0..<20_000).map { "第\($0)行" }.joined(separator: "\n")
        let new = (0..<20_000).map { "第\($0 + 1)行改" }.joined(separator: "\n")
        let diff = TextDiff.lines(from: old, to: new)
        #expect(diff.count == 40_000)
        // Shared beginnings and ends stay shared however long the texts.
        let long = (0..<30_000).map { "行\($0)" }
        let edited = long.enumerated().map { $0.offset == 15_000 ? "改过的一行" : $0.element }
        let lines = TextDiff.lines(from: long.joined(separator: "\n"), to: edited.joined(separator: "\n"))
        #expect(lines.filter { if case .same = $0 { false } else { true } } == [.removed("行15000"), .added("改过的一行")])
    }

    @Test("A catalog item cannot have two fields with one label")
    func duplicateLabels() {
        #expect(throws: ValidationFailure.self) {
            try CatalogItemInput(code: "twice", title: "两个金额", boardSection: "finance", fields: "a | 金额 | 金额\nb | 金额 | 金额").validated(
                ownerUnitID: 1)
        }
    }

    @Test("Odd query strings are refused, not crashed on")
    func oddQueries() async throws {
        try await TestApp.run { app in
            #expect(try await app.browser().get("/api/v1/units/yincheng/disclosures?per_page=abc").status == .badRequest)
            #expect(try await app.browser().get("/api/v1/units/yincheng/disclosures?page=0").status == .badRequest)
            let admin = try await app.signedIn("admin")
            let far = try await admin.get("/admin/audit?until=9999-12-31&from=0001-01-01")
            #expect(far.status == .badRequest)
            #expect(CalendarDate("9999-12-31")!.adding(days: 1) == CalendarDate.latest)
            // No one but signed-in staff makes the server read an upload.
            let anonymous = try await app.browser().postMultipart("/admin/login", fields: [("username", "x"), ("password", "y")])
            #expect(anonymous.status == .badRequest)
        }
    }

    @Test("The board shows each periodic item's latest period, however long ago it was published")
    func oldPeriodicItems() async throws {
        try await TestApp.run { app in
            let id = try await app.draft(
                try await app.signedIn("yinxin-clerk"), in: "yinxin", item: "dibao-review", title: "2025年度低保复审情况", period: "2025",
                fields: ["reviewed": "20", "continued": "18", "adjusted": "1", "cancelled": "1"])
            try await app.publishThroughReview(id, in: "yinxin")
            for index in 0..<110 {
                try await app.publishDirectly(in: "yinxin", item: "major-matter", title: "通知\(index)")
            }
            let board = try await app.browser().get("/units/yinxin").text
            #expect(board.contains("<a href=\"/disclosures/\(id)\">2025年</a>"))
        }
    }
}
