import Foundation
import HummingbirdTesting
import SQLKit
import SunboardCore
import Testing

@testable import SunboardApp

/// One of every kind of public record, made the way staff and residents
/// make them — through the pages — so that every table a public page reads
/// has rows to change behind the system's back.
extension TestApp {
    /// What the fixture made, by name.
    struct PublicRecords: Sendable {
        var disclosures: [Int]
        var corrected: Int
        var financeLine: Int
        var incomeLine: Int
        var card: Int
        var notice: Int
        var guide: Int
        var election: Int
        var project: Int
    }

    private func expectRedirect(_ response: TestResponse, _ what: String) throws {
        guard response.status == .seeOther else { throw TestFailure("\(what) answered \(response.status): \(response.text.prefix(400))") }
    }

    /// The clock moves 8 days on (a notice runs its course).
    func seedEveryPublicRecord() async throws -> PublicRecords {
        // Disclosures: published, one withdrawn, one with a file and a correction.
        let disclosures = try await LedgerIntegrityTests.seeded(self)
        let clerk = try await signedIn("yincheng-clerk")
        let corrected = try await draft(
            clerk, in: "yincheng", item: "major-matter", title: "文化广场改造方案", body: "方案见附件。",
            files: [(field: "files", name: "方案.pdf", bytes: Self.pdf)])
        try await publishThroughReview(corrected, in: "yincheng")
        let director = try await signedIn("yincheng-director")
        try expectRedirect(
            try await director.post("/admin/units/yincheng/disclosures/\(corrected)/correct", form: [("reason", "补充施工时间")]),
            "correction")
        try expectRedirect(
            try await clerk.postMultipart(
                "/admin/units/yincheng/disclosures/\(corrected)/edit", fields: [("title", "文化广场改造方案"), ("body", "方案见附件，12 月施工。")]),
            "correction edit")
        try await publishThroughReview(corrected, in: "yincheng")

        // The books: a posted expense with its receipt and five signatures, an income line, the office's chain.
        let admin = try await signedIn("admin")
        try expectRedirect(
            try await admin.post(
                "/admin/units/yinzhou/finance/chain",
                form: [
                    ("role_secretary", "always"), ("role_director", "always"), ("role_supervision_chair", "always"),
                    ("role_liaison", "always"),
                    ("role_office_leader", "above"), ("above_office_leader", "5000"),
                ]), "chain")
        let financeLine = try await RemoteVerificationTests.postedLine(self)
        try expectRedirect(
            try await clerk.post(
                FinanceTests.base + "/income",
                form: [
                    ("kind", "income"), ("fund", "office"), ("date", "2026-11-02"), ("amount", "2500"), ("category", "上级拨款"),
                    ("summary", "11月办公经费"),
                ]), "income")
        let incomeLine = try #require(
            try await database.sql.select().column("id").from("finance_entries").where("kind", .equal, "income").first()?
                .decode(column: "id", as: Int.self))

        // Boards: the office brings 银南's roster over once; 银城 settles what it shows and takes an application through its notice.
        let roster = "户主姓名,家庭人口,月保障金\r\n刘桂香,3,720\r\n"
        try expectRedirect(
            try await admin.postMultipart(
                "/admin/units/yinnan/boards/dibao/import", fields: [], files: [(field: "file", name: "名册.csv", bytes: Array(roster.utf8))]),
            "import")
        try expectRedirect(
            try await director.post(PeopleBoardTests.base + "/settings", form: [("v_age", "public"), ("v_hardship", "public")]), "settings")
        let card = try await PeopleBoardTests.add(clerk)
        try expectRedirect(try await clerk.post(PeopleBoardTests.base + "/cards/\(card)/notice", form: []), "notice")
        let notice = try #require(try await services.peopleBoards.card(id: card)?.noticeDisclosureID)
        try await PeopleBoardTests.approveAndPublish(self, notice)
        let resident = browser()
        _ = try await resident.get("/disclosures/\(notice)/objection")
        try expectRedirect(try await resident.post("/disclosures/\(notice)/objection", form: [("text", "请核实家庭收入。")]), "objection")

        // Service boards: a cadre with a photo, a directory line, the office's guide with its form.
        try expectRedirect(
            try await clerk.postMultipart(
                "/admin/units/yincheng/cadres", fields: [("name", "周海涛"), ("post", "居委会副主任"), ("duties", "综治"), ("phone", "13991234103")],
                files: [(field: "photo", name: "周海涛.png", bytes: Self.png)]), "cadre")
        try expectRedirect(
            try await clerk.post(
                "/admin/units/yincheng/directory", form: [("category", "fire"), ("name", "县消防救援大队"), ("phone", "119"), ("hours", "24 小时")]),
            "directory")
        try expectRedirect(
            try await admin.postMultipart(
                "/admin/units/yinzhou/guides", fields: ServiceBoardTests.guide, files: [(field: "forms", name: "申请表.pdf", bytes: Self.pdf)]),
            "guide")
        let guide = try #require(try await services.serviceBoards.guides(lineage: [try await unit("yinzhou")]).first?.id)

        // A resident's suggestion, answered in public.
        _ = try await resident.get(FeedbackTests.form)
        try expectRedirect(
            try await resident.post(FeedbackTests.form, form: [("kind", "suggestion"), ("text", "建议晚上路灯延长到十点。")]), "feedback")
        let feedback = try #require(
            try await database.sql.select().column("id").from("feedback").first()?.decode(column: "id", as: Int.self))
        try expectRedirect(
            try await director.post(
                "/admin/units/yincheng/feedback/suggestion/\(feedback)/reply", form: [("reply", "已延长到 22:00。"), ("shows_text", "on")]),
            "reply")

        // Civic steps: an election's announcement, a meeting's agenda, a hearing's record, a project's progress with a photo.
        let election = try CivicTests.created(
            try await clerk.post(
                "/admin/units/yincheng/civic/elections", form: [("kind", "committee"), ("title", "换届选举"), ("vote_on", "2026-12-20")]))
        try await publishThroughReview(
            try CivicTests.drafted(
                try await clerk.post(
                    "/admin/units/yincheng/civic/elections/\(election)/stage", form: [("stage", "announcement"), ("details", "投票站设在服务中心。")])
            ),
            in: "yincheng")
        let meeting = try CivicTests.created(
            try await clerk.post(
                "/admin/units/yincheng/civic/meetings",
                form: [("kind", "regular"), ("title", "第四季度代表大会"), ("starts_at", "2026-11-25T15:00"), ("place", "会议室")]))
        try await publishThroughReview(
            try CivicTests.drafted(
                try await clerk.post("/admin/units/yincheng/civic/meetings/\(meeting)/agenda", form: [("agenda", "1. 清雪方案")])),
            in: "yincheng")
        let hearing = try CivicTests.created(
            try await clerk.post(
                "/admin/units/yincheng/civic/hearings", form: [("topic", "停车管理"), ("held_on", "2026-11-10"), ("place", "会议室")]))
        try await publishThroughReview(
            try CivicTests.drafted(
                try await clerk.post(
                    "/admin/units/yincheng/civic/hearings/\(hearing)/record",
                    form: [("participants", "居民代表 12 人"), ("decision", "施划停车位"), ("actions", "施划车位｜刘建军｜2026-12-20｜办理中")])),
            in: "yincheng")
        let project = try CivicTests.created(
            try await clerk.post(
                "/admin/units/yincheng/civic/projects",
                form: [("year", "2026"), ("name", "下水管道改造"), ("budget", "120000"), ("funding", "县财政"), ("summary", "老旧小区")]))
        try expectRedirect(
            try await clerk.post(
                "/admin/units/yincheng/civic/projects/\(project)/milestones",
                form: [
                    ("name_0", "开挖沟槽"), ("planned_start_0", "2026-06-01"), ("planned_end_0", "2026-06-10"), ("status_0", "in_progress"),
                    ("percent_0", "50"),
                ]), "milestones")
        try await publishThroughReview(
            try CivicTests.drafted(
                try await clerk.postMultipart(
                    "/admin/units/yincheng/civic/projects/\(project)/update", fields: [("note", "开工")],
                    files: [(field: "photos", name: "现场.jpg", bytes: try CivicTests.photo)])),
            in: "yincheng")

        // The office's assessment, the catalog and a community's profile.
        try expectRedirect(
            try await admin.post(
                "/admin/units/yinzhou/assessment/settings?year=2026",
                form: [("on_time", "40"), ("completeness", "30"), ("feedback", "20"), ("objections", "10"), ("reminder_days", "5")]),
            "weights")
        let yincheng = try await unit("yincheng")
        try expectRedirect(
            try await admin.post(
                "/admin/units/yinzhou/assessment/notes?year=2026",
                form: [("unit_id", String(yincheng.id)), ("kind", "reward"), ("text", "评为示范社区")]), "note")
        let item = try await self.item("office-funds", in: "yincheng")
        try expectRedirect(
            try await admin.post(
                "/admin/units/yinzhou/catalog/\(item.id)",
                form: [
                    ("title", item.title), ("description", item.description), ("scope", item.scope.rawValue), ("class", "periodic"),
                    ("frequency", "monthly"), ("due_months_after", "1"), ("due_day", "20"), ("board_section", item.boardSection),
                    ("fields", CatalogItemInput.format(item.fields)), ("notice_days", ""), ("retention_years", "30"), ("is_active", "1"),
                    ("effective_from", "2026-12-01"),
                ]), "rule")
        try expectRedirect(
            try await director.post(
                "/admin/units/yincheng/profile",
                form: [("population", "16820"), ("households", "5230"), ("address", "解放路 26 号"), ("phone", "0912-3210101")]),
            "profile")

        // The notice runs its course; the director decides, answering the objection.
        clock.advance(8 * 86_400)
        try expectRedirect(
            try await signedIn("yincheng-director").post(
                PeopleBoardTests.base + "/cards/\(card)/decide", form: [("decision", "approve"), ("amount", "650"), ("note", "经核实，同意。")]),
            "decision")
        return PublicRecords(
            disclosures: disclosures, corrected: corrected, financeLine: financeLine, incomeLine: incomeLine, card: card, notice: notice,
            guide: guide, election: Int(election)!, project: Int(project)!)
    }
}
