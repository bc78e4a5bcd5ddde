import Foundation
import HTTPTypes
import HummingbirdTesting
import SQLKit
import SunboardCore
import Testing

@testable import SunboardApp

@Suite("Corrections, withdrawals and notice periods")
struct DisclosureHistoryTests {
    @Test("A correction is a new version with a public reason; every version and the change stay readable")
    func correction() async throws {
        try await TestApp.run { app in
            let clerk = try await app.signedIn("yinnan-clerk")
            let id = try await app.draft(
                clerk, in: "yinnan", item: "works", title: "南关三巷路灯维修", body: "| 用途 | 金额 |\n|---|---|\n| 打印纸 | 480.00 |",
                fields: ["project": "南关三巷路灯维修", "budget": "2621.40", "contractor": "银州电力安装队", "progress": "已完工"])
            try await app.publishThroughReview(id, in: "yinnan")

            let director = try await app.signedIn("yinnan-director")
            let noReason = try await director.post("/admin/units/yinnan/disclosures/\(id)/correct", form: [("reason", "")])
            #expect(noReason.status == .badRequest)
            #expect(noReason.text.contains("“更正”需要写明理由"))
            #expect(
                try await director.post(
                    "/admin/units/yinnan/disclosures/\(id)/correct", form: [("reason", "第3笔支出金额录入错误，由 480 元更正为 408 元")]
                ).status == .seeOther)

            // While the correction is worked on, the public still sees version 1.
            let editForm = try await clerk.get("/admin/units/yinnan/disclosures/\(id)/edit")
            #expect(editForm.text.contains("第3笔支出金额录入错误"))
            let item = try await app.item("works", in: "yinnan")
            let saved = try await clerk.postMultipart(
                "/admin/units/yinnan/disclosures/\(id)/edit",
                fields: [
                    ("item_id", String(item.id)), ("title", "南关三巷路灯维修"),
                    ("body", "| 用途 | 金额 |\n|---|---|\n| 打印纸 | 408.00 |"), ("field_project", "南关三巷路灯维修"),
                    ("field_budget", "2549.40"), ("field_contractor", "银州电力安装队"), ("field_progress", "已完工"),
                ])
            #expect(saved.status == .seeOther)
            #expect(try await app.browser().get("/disclosures/\(id)").text.contains("480.00"))
            try await app.publishThroughReview(id, in: "yinnan")

            let page = try await app.browser().get("/disclosures/\(id)").text
            #expect(page.contains("本版更正理由：第3笔支出金额录入错误，由 480 元更正为 408 元"))
            #expect(page.contains("第 2 版"))
            #expect(page.contains("¥2,549.40"))
            #expect(page.contains("<del>¥2,621.40</del>"))
            #expect(page.contains("<ins>¥2,549.40</ins>"))
            #expect(page.contains("− | 打印纸 | 480.00 |"))
            #expect(page.contains("+ | 打印纸 | 408.00 |"))
            let first = try await app.browser().get("/disclosures/\(id)/versions/1")
            #expect(first.status == .ok)
            #expect(first.text.contains("这是第 1 版，不是最新内容"))
            #expect(first.text.contains("480.00"))
            #expect(try await app.browser().get("/disclosures/\(id)/versions/3").status == .notFound)
            #expect(try await app.services.ledger.entries(disclosureID: id).map(\.event) == [.publish, .correct])
            #expect(try await LedgerVerification(database: app.database).run().problem == nil)
        }
    }

    @Test("A withdrawal keeps the record and shows the reason; the content and its files leave public view")
    func withdrawal() async throws {
        try await TestApp.run { app in
            let id = try await app.draft(
                try await app.signedIn("yinbei-clerk"), in: "yinbei", item: "police-notice", title: "关于北环路电动车被盗的警情通报",
                body: "2 月 9 日夜间北环路发生一起电动车被盗。", fields: ["occurred_on": "2026-02-09", "area": "北环路"],
                files: [(field: "files", name: "现场.png", bytes: TestApp.png)])
            try await app.publishThroughReview(id, in: "yinbei")
            let sha = try await app.disclosure(id).content.attachments[0].sha256
            #expect(try await app.browser().get("/files/\(sha)").status == .ok)

            let director = try await app.signedIn("yinbei-director")
            #expect(try await director.post("/admin/units/yinbei/disclosures/\(id)/withdraw", form: [("reason", "")]).status == .badRequest)
            #expect(
                try await app.signedIn("yinbei-clerk").post("/admin/units/yinbei/disclosures/\(id)/withdraw", form: [("reason", "误报")])
                    .status == .forbidden)
            #expect(
                try await director.post("/admin/units/yinbei/disclosures/\(id)/withdraw", form: [("reason", "经核实为误报，撤回本通报")]).status
                    == .seeOther)

            let page = try await app.browser().get("/disclosures/\(id)")
            #expect(page.status == .ok)
            #expect(page.text.contains("撤回理由：经核实为误报，撤回本通报"))
            #expect(page.text.contains("关于北环路电动车被盗的警情通报"))
            #expect(!page.text.contains("电动车被盗。"))
            #expect(try await app.browser().get("/files/\(sha)").status == .notFound)
            // A phone that kept the file asks again and is told it is gone, not that its copy is good.
            #expect(try await app.browser().get("/files/\(sha)", headers: [.ifNoneMatch: "\"\(sha)\""]).status == .notFound)
            let json = try await app.browser().get("/api/v1/disclosures/\(id)").text
            #expect(json.contains("\"reason\":\"经核实为误报，撤回本通报\""))
            #expect(json.contains("\"body\":\"\""))
            #expect(try await app.services.ledger.entries(disclosureID: id).map(\.event) == [.publish, .withdraw])
            #expect(try await LedgerVerification(database: app.database).run().problem == nil)
            // Withdrawn is final.
            #expect(try await director.post("/admin/units/yinbei/disclosures/\(id)/withdraw", form: [("reason", "再撤")]).status == .conflict)
        }
    }

    @Test("A notice shows its period, takes objections while it runs, and hides personal details when it ends")
    func noticePeriod() async throws {
        let clock = TestClock()  // 2026-11-18
        try await TestApp.run(clock: clock) { app in
            let id = try await app.draft(
                try await app.signedIn("yincheng-clerk"), in: "yincheng", item: "dibao-applicants", title: "新申请城市低保家庭公示",
                body: "经民主评议，现予公示。",
                fields: ["applicant": "刘桂芳", "household_size": "2", "monthly_benefit": "385", "hardship": "丈夫瘫痪在床，需长期护理"])
            try await app.publishThroughReview(id, in: "yincheng")
            let disclosure = try await app.disclosure(id)
            #expect(disclosure.noticeStarts?.description == "2026-11-18")
            #expect(disclosure.noticeEnds?.description == "2026-11-24")

            let resident = app.browser()
            let open = try await resident.get("/disclosures/\(id)").text
            #expect(open.contains("2026年11月18日 至 2026年11月24日（公示中）"))
            #expect(open.contains("刘桂芳"))
            #expect(open.contains("提出异议"))
            #expect(try await resident.get("/units/yincheng").text.contains("公示中，至2026年11月24日"))

            // An anonymous objection, and bad ones.
            _ = try await resident.get("/disclosures/\(id)/objection")
            #expect(try await resident.post("/disclosures/\(id)/objection", form: [("text", "短")]).status == .badRequest)
            #expect(try await resident.post("/disclosures/\(id)/objection", form: [("text", "她家儿子在外地有稳定工作，收入情况需要核实。")]).status == .seeOther)
            #expect(
                try await resident.post("/disclosures/\(id)/objection", form: [("text", "我是机器人发的广告内容"), ("website", "http://spam")]).status
                    == .seeOther)
            #expect(try await app.count("objections") == 1)
            let staff = try await app.signedIn("yincheng-supervisor").get("/admin/units/yincheng/disclosures/\(id)").text
            #expect(staff.contains("她家儿子在外地有稳定工作"))
            #expect(staff.contains("匿名"))
            // Neighbours see nothing of it.
            #expect(try await app.signedIn("yinnan-director").get("/admin/units/yincheng/disclosures/\(id)").status == .forbidden)

            clock.advance(7 * 24 * 3600)  // 2026-11-25: the period is over
            let closed = try await resident.get("/disclosures/\(id)").text
            #expect(closed.contains("（已结束）"))
            #expect(!closed.contains("刘桂芳"))
            #expect(!closed.contains("丈夫瘫痪"))
            #expect(closed.contains("家庭人口"))
            #expect(closed.contains("公示期已满，申请人的姓名、收入等个人信息和附件已不再公开"))
            let json = try await resident.get("/api/v1/disclosures/\(id)").text
            #expect(!json.contains("刘桂芳"))
            #expect(json.contains("\"open\":false"))
            _ = try await resident.get("/disclosures/\(id)/objection")
            let late = try await resident.post("/disclosures/\(id)/objection", form: [("text", "公示期结束后才看到，有意见。")])
            #expect(late.status == .conflict)
            #expect(late.text.contains("公示期已结束"))

            #expect(try await NoticeArchiver(services: app.services).run() == 1)
            #expect(try await app.disclosure(id).archivedAt != nil)
            #expect(try await app.services.audit.recent().first?.action == "disclosure.archive")
            #expect(try await NoticeArchiver(services: app.services).run() == 0)
        }
    }

    @Test("Objections from one address are limited to a few an hour")
    func objectionFlood() async throws {
        try await TestApp.run { app in
            let id = try await app.draft(
                try await app.signedIn("yinxin-clerk"), in: "yinxin", item: "dibao-applicants", title: "新申请低保家庭公示",
                fields: ["applicant": "贺振东", "household_size": "3", "monthly_benefit": "420", "hardship": "因病致贫"])
            try await app.publishThroughReview(id, in: "yinxin")
            let resident = app.browser()
            _ = try await resident.get("/disclosures/\(id)/objection")
            for index in 0..<MessageQuota.perHour {
                #expect(
                    try await resident.post("/disclosures/\(id)/objection", form: [("text", "第 \(index) 条意见，请核实。")]).status == .seeOther)
            }
            let refused = try await resident.post("/disclosures/\(id)/objection", form: [("text", "再来一条意见，请核实。")])
            #expect(refused.status == .tooManyRequests)
            #expect(refused.text.contains("提交太频繁了"))
            // Without the form token nothing is taken.
            #expect(
                try await resident.post("/disclosures/\(id)/objection", form: [("text", "伪造的意见内容")], token: .some(nil)).status == .forbidden
            )
        }
    }

    @Test("Messages sent all at once from one address cannot pass the hour's limit together")
    func parallelMessages() async throws {
        try await TestApp.run { app in
            let id = try await app.draft(
                try await app.signedIn("yinxin-clerk"), in: "yinxin", item: "dibao-applicants", title: "新申请低保家庭公示",
                fields: ["applicant": "贺振东", "household_size": "3", "monthly_benefit": "420", "hardship": "因病致贫"])
            try await app.publishThroughReview(id, in: "yinxin")
            let client = app.client
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for index in 0..<12 {
                    group.addTask {
                        let resident = Browser(client: client)
                        if index.isMultiple(of: 2) {
                            _ = try await resident.get("/disclosures/\(id)/objection")
                            return try await resident.post("/disclosures/\(id)/objection", form: [("text", "第 \(index) 条意见，请核实。")]).status
                        }
                        _ = try await resident.get("/units/yinxin/feedback/new")
                        return try await resident.post(
                            "/units/yinxin/feedback/new", form: [("kind", "suggestion"), ("text", "第 \(index) 条建议，请考虑。")]
                        ).status
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == .seeOther }.count == MessageQuota.perHour)
            #expect(statuses.filter { $0 == .tooManyRequests }.count == 12 - MessageQuota.perHour)
            #expect(try await app.count("objections") + app.count("feedback") == MessageQuota.perHour)
        }
    }

    @Test(
        "A correction in progress changes nothing residents see: a project's updates and the year's plan keep their published titles; the period cannot move"
    )
    func correctionInProgress() async throws {
        try await TestApp.run { app in
            let clerk = try await app.signedIn("yincheng-clerk")
            let director = try await app.signedIn("yincheng-director")
            let plan = try await app.draft(clerk, in: "yincheng", item: "annual-plan", title: "2026年工作规划", body: "全年工作。", period: "2026")
            try await app.publishThroughReview(plan, in: "yincheng")
            let project = try CivicTests.created(
                try await clerk.post(
                    "/admin/units/yincheng/civic/projects",
                    form: [("year", "2026"), ("name", "道路硬化"), ("budget", "80000"), ("funding", "县财政")]))
            #expect(
                try await clerk.post(
                    "/admin/units/yincheng/civic/projects/\(project)/milestones",
                    form: [
                        ("name_0", "铺路"), ("planned_start_0", "2026-10-01"), ("planned_end_0", "2026-12-01"), ("status_0", "in_progress"),
                    ]
                ).status == .seeOther)
            let update = try CivicTests.drafted(
                try await clerk.postMultipart("/admin/units/yincheng/civic/projects/\(project)/update", fields: [("note", "开工")]))
            try await app.publishThroughReview(update, in: "yincheng")
            let published = try await app.disclosure(update).content.title

            for id in [update, plan] {
                #expect(
                    try await director.post("/admin/units/yincheng/disclosures/\(id)/correct", form: [("reason", "改标题")]).status
                        == .seeOther)
            }
            #expect(
                try await clerk.postMultipart(
                    "/admin/units/yincheng/disclosures/\(update)/edit", fields: [("title", "未经审核的标题"), ("body", "改过的说明。")]
                ).status == .seeOther)
            // The plan's period is what it fulfils: it cannot move; its title may be corrected.
            let moved = try await clerk.postMultipart(
                "/admin/units/yincheng/disclosures/\(plan)/edit", fields: [("title", "未经审核的规划"), ("body", "全年工作。"), ("period", "2027")])
            #expect(moved.status == .badRequest && moved.text.contains("已公开的内容不能改所属期间"))
            #expect(try await app.disclosure(plan).content.period?.description == "2026")
            #expect(
                try await clerk.postMultipart(
                    "/admin/units/yincheng/disclosures/\(plan)/edit", fields: [("title", "未经审核的规划"), ("body", "全年工作。"), ("period", "2026")]
                ).status == .seeOther)

            let resident = app.browser()
            for path in ["/units/yincheng/projects", "/units/yincheng/projects/\(project)", "/api/v1/units/yincheng/projects/\(project)"] {
                let page = try await resident.get(path).text
                #expect(!page.contains("未经审核"), "\(path) shows a title not yet reviewed")
            }
            #expect(try await resident.get("/units/yincheng/projects/\(project)").text.contains(published))
            #expect(try await resident.get("/units/yincheng/projects").text.contains("2026年工作规划"))
            #expect(try await LedgerVerification(database: app.database).run().problem == nil)
        }
    }
}

@Suite("Fields kept for the committee")
struct InternalFieldTests {
    @Test("A field marked 不公开 is seen by the unit's staff and appears in no public page, list or API")
    func internalNeverPublic() async throws {
        try await TestApp.run { app in
            let director = try await app.signedIn("yinnan-director")
            let saved = try await director.post(
                "/admin/units/yinnan/catalog/new",
                form: [
                    ("code", "hardship-visits"), ("title", "困难家庭走访情况"), ("scope", "affairs"), ("class", "immediate"),
                    ("board_section", "notices"), ("fields", "households | 走访户数 | 数字\nphone | 联系电话 | 文字 | 选填 | 不公开"),
                    ("retention_years", "10"), ("is_active", "1"),
                ])
            #expect(saved.status == .seeOther)
            let marker = "13800000000-INTERNAL-MARKER"
            let id = try await app.draft(
                try await app.signedIn("yinnan-clerk"), in: "yinnan", item: "hardship-visits", title: "十一月困难家庭走访",
                body: "本月走访困难家庭。", fields: ["households": "12", "phone": marker])
            try await app.publishThroughReview(id, in: "yinnan")
            #expect(try await app.signedIn("yinnan-supervisor").get("/admin/units/yinnan/disclosures/\(id)").text.contains(marker))
            let resident = app.browser()
            for path in [
                "/disclosures/\(id)", "/disclosures/\(id)/versions/1", "/api/v1/disclosures/\(id)", "/units/yinnan",
                "/units/yinnan/disclosures", "/api/v1/units/yinnan/disclosures", "/ledger", "/api/v1/ledger",
            ] {
                let response = try await resident.get(path)
                #expect(response.status == .ok, "\(path)")
                #expect(!response.text.contains(marker), "\(path) shows an internal field")
            }
            #expect(try await resident.get("/disclosures/\(id)").text.contains("走访户数"))
        }
    }
}
