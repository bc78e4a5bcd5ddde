import Foundation
import HTTPTypes
import HummingbirdTesting
import SQLKit
import SunboardCore
import Testing

@testable import SunboardApp

@Suite("Continuity: obligations, the office's matrix, public records, reminders and the assessment")
struct ComplianceTests {
    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    static func obligation(_ body: [String: Any], community: String, item: String) -> [String: Any]? {
        let communities = body["communities"] as? [[String: Any]] ?? []
        let line = communities.first { $0["unit"] as? String == community }
        return (line?["obligations"] as? [[String: Any]])?.first { $0["item"] as? String == item }
    }

    @Test("The demo year: exemplary, late, missing and new communities in the matrix, the API, CSV, public records and the ranking")
    func demoYear() async throws {
        try await TestApp.run(demo: .year) { app in
            let resident = app.browser()
            // October's office funds were due on 10 November.
            let office = try Self.json(try await resident.get("/api/v1/units/yinzhou/compliance?period=2026-10").text)
            #expect(office["total_communities"] as? Int == 4)
            let yincheng = try #require(Self.obligation(office, community: "yincheng", item: "office-funds"))
            #expect(yincheng["status"] as? String == "on_time" && yincheng["due"] as? String == "2026-11-10")
            #expect(yincheng["published_on"] as? String == "2026-11-05" && yincheng["disclosure_id"] as? Int != nil)
            // 银南's October statement was sent back in review: missing; its September one came late.
            let yinnan = try #require(Self.obligation(office, community: "yinnan", item: "office-funds"))
            #expect(yinnan["status"] as? String == "missing" && yinnan["days"] as? Int == 8)
            let september = try Self.json(try await resident.get("/api/v1/units/yinzhou/compliance?period=2026-09").text)
            let late = try #require(Self.obligation(september, community: "yinnan", item: "office-funds"))
            #expect(late["status"] as? String == "late" && late["days"] as? Int == 17 && late["published_on"] as? String == "2026-10-27")
            let items = office["items"] as? [[String: Any]] ?? []
            #expect(items.contains { $0["item"] as? String == "office-funds" && $0["period"] as? String == "2026-10" })
            // The totals count only communities that owed the period: 银新 was set up after 2026's plan began.
            let plan = try #require(items.first { $0["item"] as? String == "annual-plan" })
            #expect((plan["counts"] as? [String: Int])?["due"] == 3)
            // A community's own item appears for it alone, its owner named.
            #expect(items.first { $0["item"] as? String == "yinbei-party-group-meetings" }?["community"] as? String == "yinbei")
            #expect(Self.obligation(office, community: "yinbei", item: "yinbei-party-group-meetings") != nil)
            #expect(Self.obligation(office, community: "yincheng", item: "yinbei-party-group-meetings") == nil)

            // 银新 began in April: nothing owed for March.
            let march = try Self.json(try await resident.get("/api/v1/units/yinxin/compliance?period=2026-03").text)
            #expect(Self.obligation(march, community: "yinxin", item: "office-funds") == nil)
            let may = try Self.json(try await resident.get("/api/v1/units/yinxin/compliance?period=2026-05").text)
            #expect(Self.obligation(may, community: "yinxin", item: "office-funds") != nil)
            #expect((may["communities"] as? [Any])?.count == 1)

            // Bad periods and years: plain words in both languages, no 500.
            for path in [
                "/api/v1/units/yinzhou/compliance?period=2026-13", "/api/v1/units/yinzhou/compliance?period='",
                "/api/v1/units/yinzhou/compliance",
                "/api/v1/units/yinzhou/assessment?year=20x6", "/api/v1/units/yinzhou/assessment",
            ] {
                let refused = try await resident.get(path)
                #expect(refused.status == .badRequest, "\(path)")
                #expect(refused.text.contains("invalid_input") && (refused.text.contains("期次") || refused.text.contains("年份")))
            }
            #expect(try await resident.get("/api/v1/units/nowhere/compliance?period=2026-10").status == .notFound)

            // Residents see every community's record.
            let home = try await resident.get("/").text
            #expect(home.contains("近 12 个月按时公开"))
            let record = try await resident.get("/units/yinbei/record").text
            #expect(record.contains("缺报") && record.contains("应公开日期"))
            let board = try await resident.get("/units/yinnan").text
            #expect(board.contains("按时公开记录") && board.contains("迟报"))

            // The office's matrix, its drill-down and its CSV.
            let admin = try await app.signedIn("admin")
            let matrix = try await admin.get("/admin/units/yinzhou/compliance?period=2026-09")
            #expect(matrix.status == .ok)
            #expect(matrix.text.contains("银城社区") && matrix.text.contains("✓ 按时") && matrix.text.contains("迟 17 天"))
            #expect(matrix.text.contains("/admin/units/yinbei/compliance?period="))
            let csv = try await admin.get("/admin/units/yinzhou/compliance.csv?period=2026-09")
            #expect(csv.status == .ok && csv.text.contains("银南社区,办公经费使用情况,2026年9月,2026-10-10,迟报 17 天,17,2026-10-27"))
            #expect(try await admin.get("/admin/units/yinzhou/compliance?period=2026-1").status == .badRequest)
            // A community's staff see their own obligations, not the office's matrix.
            let clerk = try await app.signedIn("yinbei-clerk")
            #expect(try await clerk.get("/admin/units/yinzhou/compliance").status == .forbidden)
            // Nor a neighbour's.
            #expect(try await clerk.get("/admin/units/yinnan/compliance").status == .forbidden)
            #expect(try await clerk.get("/admin/units/yinzhou/assessment?year=2026").status == .forbidden)
            let own = try await clerk.get("/admin/units/yinbei/compliance?period=2026-10")
            #expect(own.status == .ok && own.text.contains("定期公开提醒"))

            // The assessment ranks 银城 first with its reasons; weights are the office's.
            var assessment = try Self.json(try await resident.get("/api/v1/units/yinzhou/assessment?year=2026").text)
            var ranking = assessment["communities"] as? [[String: Any]] ?? []
            #expect(ranking.first?["unit"] as? String == "yincheng" && ranking.first?["rank"] as? Int == 1)
            #expect((ranking.first?["notes"] as? [[String: Any]])?.first?["kind"] as? String == "reward")
            #expect((ranking.first?["parts"] as? [[String: Any]])?.count == 4)
            let scores = ranking.compactMap { $0["score"] as? Double }
            #expect(scores == scores.sorted(by: >))
            let own2026 = try Self.json(try await resident.get("/api/v1/units/yinbei/assessment?year=2026").text)
            #expect((own2026["communities"] as? [Any])?.count == 1)

            let page = try await admin.get("/admin/units/yinzhou/assessment?year=2026")
            #expect(page.status == .ok && page.text.contains("评为办事处居务公开示范社区"))
            let wrong = try await admin.post(
                "/admin/units/yinzhou/assessment/settings?year=2026",
                form: [("on_time", "50"), ("completeness", "30"), ("feedback", "20"), ("objections", "10"), ("reminder_days", "5")])
            #expect(wrong.status == .badRequest && wrong.text.contains("四项分值加起来要等于 100，现在是 110。"))
            #expect(
                try await admin.post(
                    "/admin/units/yinzhou/assessment/settings?year=2026",
                    form: [("on_time", "100"), ("completeness", "0"), ("feedback", "0"), ("objections", "0"), ("reminder_days", "7")]
                ).status == .seeOther)
            assessment = try Self.json(try await resident.get("/api/v1/units/yinzhou/assessment?year=2026").text)
            #expect((assessment["weights"] as? [String: Int])?["on_time"] == 100)
            ranking = assessment["communities"] as? [[String: Any]] ?? []
            for line in ranking {
                let onTime = (line["parts"] as? [[String: Any]])?.first { $0["key"] as? String == "on_time" }
                #expect(onTime?["points"] as? Double == line["score"] as? Double)
            }
            #expect(try await clerk.post("/admin/units/yinzhou/assessment/notes?year=2026", form: [("text", "x")]).status == .forbidden)
            // An empty note and an out-of-range reminder day are refused in plain words and change nothing.
            let notesBefore = try await app.count("assessment_notes")
            let emptyNote = try await admin.post(
                "/admin/units/yinzhou/assessment/notes?year=2026", form: [("unit_id", "1"), ("kind", "reward"), ("text", "  ")])
            #expect(emptyNote.status == .badRequest && emptyNote.text.contains("请选择社区和类别，并写下奖惩或说明"))
            #expect(try await app.count("assessment_notes") == notesBefore)
            let badDays = try await admin.post(
                "/admin/units/yinzhou/assessment/settings?year=2026",
                form: [("on_time", "40"), ("completeness", "30"), ("feedback", "20"), ("objections", "10"), ("reminder_days", "0")])
            #expect(badDays.status == .badRequest && badDays.text.contains("提前提醒的天数请填 1 到 60 的整数。"))
            let print = try await admin.get("/admin/units/yinzhou/assessment/print?year=2026")
            #expect(print.status == .ok && print.text.contains("年度居务公开考核结果"))
            let table = try await admin.get("/admin/units/yinzhou/assessment.csv?year=2026")
            #expect(table.text.contains("名次,社区,总分") && table.text.contains("银城社区"))
        }
    }

    @Test("A catalog change takes effect from its day and never rewrites the past; a past effective day is refused")
    func ruleChanges() async throws {
        let clock = TestClock()  // 2026-11-18
        try await TestApp.run(clock: clock) { app in
            let item = try await app.item("office-funds", in: "yincheng")
            let admin = try await app.signedIn("admin")
            var form: [(String, String)] = [
                ("title", item.title), ("description", item.description), ("scope", item.scope.rawValue), ("class", "periodic"),
                ("frequency", "monthly"), ("due_months_after", "1"), ("due_day", "20"), ("board_section", item.boardSection),
                ("fields", CatalogItemInput.format(item.fields)), ("notice_days", ""), ("retention_years", "30"), ("is_active", "1"),
            ]
            let refused = try await admin.post("/admin/units/yinzhou/catalog/\(item.id)", form: form + [("effective_from", "2026-11-01")])
            #expect(refused.status == .badRequest && refused.text.contains("生效日期不能早于今天"))
            form.append(("effective_from", "2026-12-01"))
            #expect(try await admin.post("/admin/units/yinzhou/catalog/\(item.id)", form: form).status == .seeOther)
            let resident = app.browser()
            let november = try Self.json(try await resident.get("/api/v1/units/yincheng/compliance?period=2026-11").text)
            #expect(Self.obligation(november, community: "yincheng", item: "office-funds")?["due"] as? String == "2026-12-10")
            let december = try Self.json(try await resident.get("/api/v1/units/yincheng/compliance?period=2026-12").text)
            #expect(Self.obligation(december, community: "yincheng", item: "office-funds")?["due"] as? String == "2027-01-20")
            let october = try Self.json(try await resident.get("/api/v1/units/yincheng/compliance?period=2026-10").text)
            #expect(Self.obligation(october, community: "yincheng", item: "office-funds")?["status"] as? String == "missing")
            // Until the day comes, the item is drafted under the rule it has.
            #expect(try await app.services.catalog.find(id: item.id)?.dueRule == DueRule(monthsAfter: 1, day: 10))

            // Quarterly becomes monthly from 1 December: the fourth quarter, begun under the old rule, is still owed and can still be filed.
            let bulletin = try await app.item("work-bulletin", in: "yincheng")
            #expect(bulletin.frequency == .quarterly)
            form = [
                ("title", bulletin.title), ("description", bulletin.description), ("scope", bulletin.scope.rawValue), ("class", "periodic"),
                ("frequency", "monthly"), ("due_months_after", "1"), ("due_day", "15"), ("board_section", bulletin.boardSection),
                ("fields", CatalogItemInput.format(bulletin.fields)), ("notice_days", ""), ("retention_years", "10"), ("is_active", "1"),
                ("effective_from", "2026-12-01"),
            ]
            #expect(try await admin.post("/admin/units/yinzhou/catalog/\(bulletin.id)", form: form).status == .seeOther)
            clock.advance(14 * 86_400)  // 2 December
            try await app.services.catalog.applyRulesInForce(at: clock.now)
            #expect(try await app.services.catalog.find(id: bulletin.id)?.frequency == .monthly)
            let clerk = try await app.signedIn("yincheng-clerk")
            _ = try await app.draft(clerk, in: "yincheng", item: "work-bulletin", title: "2026年第四季度社区工作简报", period: "2026-Q4")
            _ = try await app.draft(clerk, in: "yincheng", item: "work-bulletin", title: "2026年12月社区工作简报", period: "2026-12")
            // A month is no quarter: refused with the form's message.
            await #expect(throws: TestFailure.self) {
                _ = try await app.draft(clerk, in: "yincheng", item: "work-bulletin", title: "2026年简报", period: "2026")
            }
        }
    }

    @Test("Reminders: once before the due date and once after it is missed, only to subscriptions that asked, on every run and instance")
    func reminders() async throws {
        // 2026-12-07 10:00 Shanghai: November's office funds are due on 10 December.
        let clock = TestClock(CalendarDate(year: 2026, month: 12, day: 7)!.startInstant.addingTimeInterval(10 * 3600))
        try await TestApp.run(clock: clock) { app in
            let director = try await app.signedIn("yinnan-director")
            for (name, reminders) in [("工作人员群", true), ("居民群", false)] {
                var form = [("name", name), ("format", "json"), ("url", "https://hooks.example.cn/\(name)"), ("backfill", "0")]
                if reminders { form.append(("reminders", "on")) }
                #expect(try await director.post("/admin/units/yinnan/webhooks", form: form).status == .seeOther)
            }
            let reminders = ObligationReminders(services: app.services)
            try await reminders.run()
            try await reminders.run()  // again: nothing new
            func queued() async throws -> [WebhookMessage] {
                try await app.database.sql.select().column("message").from("webhook_outbox").orderBy("id").all()
                    .map { try WebhookOutbox.decode(try $0.decode(column: "message", as: String.self)) }
                    .filter { $0.unitSlug == "yinnan" }
            }
            var messages = try await queued()
            let funds = messages.filter { $0.title.hasPrefix("办公经费使用情况（2026年11月）") }
            #expect(funds.count == 1)
            #expect(funds.first?.event == .reminder && funds.first?.note?.contains("还有 3 天") == true)
            let subscriptions = try await app.services.webhooks.subscriptions(unitID: try await app.unit("yinnan").id)
            #expect(
                Set(
                    try await app.database.sql.select().column("subscription_id").from("webhook_outbox").all().map {
                        try $0.decode(column: "subscription_id", as: Int.self)
                    })
                    == [subscriptions.first { $0.name == "工作人员群" }!.id])
            // The staff see it in the admin area too.
            #expect(try await director.get("/admin/units/yinnan/compliance").text.contains("办公经费使用情况"))

            // Missed: one more, saying so.
            clock.advance(4 * 86_400)
            try await reminders.run()
            try await reminders.run()
            messages = try await queued()
            let overdue = messages.filter { $0.title.hasPrefix("办公经费使用情况（2026年11月）") && $0.note?.contains("逾期") == true }
            #expect(overdue.count == 1)
            // Later runs add nothing for it.
            clock.advance(86_400)
            try await reminders.run()
            #expect(try await queued().filter { $0.title.hasPrefix("办公经费使用情况（2026年11月）") }.count == 2)
            let yinnanReminders = try await app.database.sql.select().column("kind").from("reminders_sent")
                .where("unit_id", .equal, SQLBind(try await app.unit("yinnan").id)).all()
            #expect(yinnanReminders.count == messages.count)
        }
    }
}
