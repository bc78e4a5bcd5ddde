import Foundation
import SQLKit
import SunboardCore
import Testing

@testable import SunboardApp

@Suite("A civic record's facts are corrected by a new version of the record, not only of its words")
struct CivicCorrectionTests {
    @Test("A meeting's vote counts: the decisions reopened, drafted again, public only once the correction is published, and chained")
    func voteCounts() async throws {
        let clock = TestClock()
        try await TestApp.run(clock: clock) { app in
            var clerk = try await app.signedIn("yincheng-clerk")
            let meeting = try CivicTests.created(
                try await clerk.post(
                    "/admin/units/yincheng/civic/meetings",
                    form: [("kind", "regular"), ("title", "第四季度代表大会"), ("starts_at", "2026-11-25T15:00"), ("place", "会议室")]))
            let base = "/admin/units/yincheng/civic/meetings/\(meeting)"
            try await app.publishThroughReview(
                try CivicTests.drafted(try await clerk.post("\(base)/agenda", form: [("agenda", "清雪方案")])), in: "yincheng")
            clock.advance(8 * 86_400)
            clerk = try await app.signedIn("yincheng-clerk")
            let decisions = try CivicTests.drafted(
                try await clerk.post("\(base)/decisions", form: [("members", "46"), ("present", "40"), ("decisions", "同意清雪方案｜38｜1｜1")]))
            try await app.publishThroughReview(decisions, in: "yincheng")
            // Published: drafting it again is refused until it is reopened.
            #expect(
                try await clerk.post("\(base)/decisions", form: [("members", "46"), ("present", "40"), ("decisions", "同意｜35｜4｜1")]).status
                    == .conflict)

            let director = try await app.signedIn("yincheng-director")
            #expect(
                try await director.post("/admin/units/yincheng/disclosures/\(decisions)/correct", form: [("reason", "赞成票数统计有误")]).status
                    == .seeOther)
            #expect(try await clerk.get(base).text.contains("同意清雪方案｜38｜1｜1"))  // the form opens again, filled in
            #expect(
                try CivicTests.drafted(
                    try await clerk.post("\(base)/decisions", form: [("members", "46"), ("present", "40"), ("decisions", "同意清雪方案｜36｜3｜1")]))
                    == decisions)
            // Residents still read what was published; the reviewer reads the new figures.
            let api = "/api/v1/units/yincheng/meetings/\(meeting)"
            #expect(try await app.browser().get(api).text.contains("\"votes_for\":38"))
            #expect(try await app.signedIn("yincheng-supervisor").get("/admin/units/yincheng/disclosures/\(decisions)").text.contains("36"))
            #expect(try await LedgerVerification(database: app.database).run().problem == nil)
            try await app.publishThroughReview(decisions, in: "yincheng")
            let now = try await app.browser().get(api).text
            #expect(now.contains("\"votes_for\":36") && !now.contains("\"votes_for\":38"))
            let versions = try await app.services.ledger.entries(kind: "disclosure", id: decisions)
            #expect(versions.last?.event == .correct)
            let first = try #require(try await RecordStore.version(kind: "disclosure", id: decisions, version: 1, on: app.database.sql))
            let last = try #require(try await RecordStore.latest(kind: "disclosure", ids: [decisions], on: app.database.sql)[decisions])
            #expect(first.fields.differences(from: last.fields).contains("post.payload"))
            #expect(try await LedgerVerification(database: app.database).run().problem == nil)
        }
    }

    @Test("A project's budget: freely fixed before it is public; after, only by the director with a reason, as a new chained version")
    func projectBudget() async throws {
        try await TestApp.run { app in
            let clerk = try await app.signedIn("yinbei-clerk")
            let project = try CivicTests.created(
                try await clerk.post(
                    "/admin/units/yinbei/civic/projects",
                    form: [("year", "2026"), ("name", "楼道照明"), ("budget", "12000"), ("funding", "县财政")]))
            let correct = "/admin/units/yinbei/civic/projects/\(project)/correct"
            let facts = [("year", "2026"), ("name", "楼道照明"), ("funding", "县财政"), ("contractor", ""), ("weight", "1"), ("summary", "")]
            #expect(try await clerk.post(correct, form: facts + [("budget", "15000"), ("reason", "")]).status == .seeOther)
            #expect(try await app.services.ledger.entries(kind: "project", id: Int(project)!).isEmpty)  // nothing public yet

            #expect(
                try await clerk.post(
                    "/admin/units/yinbei/civic/projects/\(project)/milestones",
                    form: [
                        ("name_0", "安装灯具"), ("planned_start_0", "2026-10-01"), ("planned_end_0", "2026-12-01"), ("status_0", "in_progress"),
                    ]
                ).status == .seeOther)
            try await app.publishThroughReview(
                try CivicTests.drafted(
                    try await clerk.postMultipart("/admin/units/yinbei/civic/projects/\(project)/update", fields: [("note", "开工")])),
                in: "yinbei")
            #expect(try await app.browser().get("/units/yinbei/projects/\(project)").text.contains("¥15,000.00"))

            let byClerk = try await clerk.post(correct, form: facts + [("budget", "18000"), ("reason", "追加预算")])
            #expect(byClerk.status == .forbidden && byClerk.text.contains("要由居委会主任操作"))
            let director = try await app.signedIn("yinbei-director")
            let noReason = try await director.post(correct, form: facts + [("budget", "18000"), ("reason", " ")])
            #expect(noReason.status == .badRequest && noReason.text.contains("写明更正的原因"))
            #expect(try await director.post(correct, form: facts + [("budget", "18000"), ("reason", "追加预算，县财政批复")]).status == .seeOther)

            #expect(try await app.browser().get("/units/yinbei/projects/\(project)").text.contains("¥18,000.00"))
            let entries = try await app.services.ledger.entries(kind: "project", id: Int(project)!)
            #expect(entries.map(\.event) == [.create, .change])
            let log = try await app.database.sql.select().column("detail").from("audit_log").where("action", .equal, "civic.correct").all()
                .map { try $0.decode(column: "detail", as: String.self) }
            #expect(log.contains("更正基本信息：追加预算，县财政批复"))
            #expect(try await LedgerVerification(database: app.database).run().problem == nil)
        }
    }
}
