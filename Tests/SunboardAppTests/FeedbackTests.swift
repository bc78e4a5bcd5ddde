import Foundation
import HTTPTypes
import HummingbirdTesting
import SQLKit
import SunboardCore
import Testing

@testable import SunboardApp

@Suite("Residents' feedback: suggestions, complaints, objections, replies and response times")
struct FeedbackTests {
    static let form = "/units/yincheng/feedback/new"

    @Test("An anonymous suggestion is answered in public with its due date; names and contacts stay with the staff")
    func suggestionAndReply() async throws {
        let clock = TestClock()
        try await TestApp.run(clock: clock) { app in
            let resident = app.browser()
            _ = try await resident.get(Self.form)
            let sent = try await resident.post(
                Self.form, form: [("kind", "suggestion"), ("text", "文化广场晚上路灯关得太早，建议延长到十点。"), ("name", "王大妈"), ("contact", "13991230009")])
            #expect(sent.status == .seeOther)
            let before = try await app.browser().get("/units/yincheng/feedback").text
            #expect(before.contains("待答复") && before.contains("应于 2026年11月28日 前答复"))
            #expect(!before.contains("路灯关得太早"))  // not shown until answered
            #expect(!before.contains("王大妈") && !before.contains("13991230009"))

            // Staff see who sent it; a neighbour's staff cannot answer it.
            let director = try await app.signedIn("yincheng-director")
            let staffPage = try await director.get("/admin/units/yincheng/feedback").text
            #expect(staffPage.contains("王大妈") && staffPage.contains("路灯关得太早"))
            let item = try #require(
                try await app.services.feedback.items(unitID: try await app.unit("yincheng").id, now: app.clock.now).first)
            let neighbour = try await app.signedIn("yinnan-director")
            #expect(
                try await neighbour.post("/admin/units/yincheng/feedback/suggestion/\(item.id)/reply", form: [("reply", "不归我们管")]).status
                    == .forbidden)
            let supervisor = try await app.signedIn("yincheng-supervisor")
            #expect(
                try await supervisor.post("/admin/units/yincheng/feedback/suggestion/\(item.id)/reply", form: [("reply", "监委会的答复")]).status
                    == .forbidden)
            #expect(
                try await director.post("/admin/units/yincheng/feedback/suggestion/\(item.id)/reply", form: [("reply", "")]).status
                    == .badRequest)

            clock.advance(3 * 86_400)
            let director2 = try await app.signedIn("yincheng-director")
            let replied = try await director2.post(
                "/admin/units/yincheng/feedback/suggestion/\(item.id)/reply",
                form: [("reply", "已商定 12 月 1 日起广场路灯延长到 22:00。"), ("shows_text", "on")])
            #expect(replied.status == .seeOther)
            let after = try await app.browser().get("/units/yincheng/feedback").text
            #expect(after.contains("已答复") && after.contains("路灯关得太早") && after.contains("延长到 22:00"))
            #expect(after.contains("已答复 1 条，其中按时（10 天内）1 条，平均 3.0 天答复"))
            #expect(!after.contains("王大妈") && !after.contains("13991230009"))
            // Answered once only.
            #expect(
                try await director2.post("/admin/units/yincheng/feedback/suggestion/\(item.id)/reply", form: [("reply", "再答复一次")]).status
                    == .badRequest)
        }
    }

    @Test("Empty or 10,000-character messages, floods and robots are refused and change nothing")
    func badInput() async throws {
        try await TestApp.run { app in
            let resident = app.browser()
            _ = try await resident.get(Self.form)
            let empty = try await resident.post(Self.form, form: [("kind", "complaint"), ("text", "  ")])
            #expect(empty.status == .badRequest)
            #expect(empty.text.contains("请写下您的意见"))
            let long = try await resident.post(Self.form, form: [("kind", "complaint"), ("text", String(repeating: "长", count: 10_000))])
            #expect(long.status == .badRequest)
            #expect(long.text.contains("最多 2000 个字，现在有 10000 个字"))
            let kind = try await resident.post(Self.form, form: [("kind", "objection"), ("text", "这是一条没有类型的意见")])
            #expect(kind.status == .badRequest)
            // Without the form token the post is refused.
            #expect(
                try await resident.post(Self.form, form: [("kind", "complaint"), ("text", "没有令牌的意见")], token: .some(nil)).status
                    == .forbidden)
            #expect(try await app.count("feedback") == 0)
            // A robot fills the hidden field: told all went well, nothing kept.
            let robot = try await resident.post(
                Self.form, form: [("kind", "complaint"), ("text", "买药请访问某某网站"), ("website", "http://spam")])
            #expect(robot.status == .seeOther)
            #expect(try await app.count("feedback") == 0)
            // Five an hour from one address, then a clear message.
            for number in 1...5 {
                #expect(
                    try await resident.post(Self.form, form: [("kind", "suggestion"), ("text", "第 \(number) 条建议：多放几个长椅")]).status
                        == .seeOther)
            }
            let flood = try await resident.post(Self.form, form: [("kind", "suggestion"), ("text", "第 6 条建议：多放几个长椅")])
            #expect(flood.status == .tooManyRequests)
            #expect(flood.text.contains("提交太频繁了"))
            #expect(try await app.count("feedback") == 5)
        }
    }

    @Test("An objection's reply is public only while its notice runs, never its text; overdue messages count against the record")
    func objectionAndRecord() async throws {
        let clock = TestClock()
        try await TestApp.run(clock: clock) { app in
            let clerk = try await app.signedIn("yincheng-clerk")
            let id = try await app.draft(
                clerk, in: "yincheng", item: "dibao-applicants", title: "新申请低保家庭公示",
                fields: ["applicant": "马兰花", "household_size": "2", "monthly_benefit": "650"])
            try await app.publishThroughReview(id, in: "yincheng")
            let resident = app.browser()
            _ = try await resident.get("/disclosures/\(id)/objection")
            #expect(try await resident.post("/disclosures/\(id)/objection", form: [("text", "她家儿子在外地有稳定工作，请核实。")]).status == .seeOther)
            _ = try await resident.get(Self.form)
            #expect(try await resident.post(Self.form, form: [("kind", "complaint"), ("text", "东大街垃圾两天没人清运。")]).status == .seeOther)
            // Sent messages show at once, waiting for a reply.
            #expect(try await app.browser().get("/units/yincheng/feedback").text.contains("待答复"))
            let director = try await app.signedIn("yincheng-director")
            let unit = try await app.unit("yincheng")
            let objection = try #require(
                try await app.services.feedback.items(unitID: unit.id, now: clock.now).first { $0.kind == .objection })
            #expect(
                try await director.post(
                    "/admin/units/yincheng/feedback/objection/\(objection.id)/reply", form: [("reply", "经入户核实，其子收入不稳定，情况属实。")]
                )
                .status == .seeOther)
            let during = try await app.browser().get("/units/yincheng/feedback").text
            #expect(during.contains("经入户核实") && !during.contains("在外地有稳定工作"))
            #expect(during.contains("新申请低保家庭公示"))
            // When the notice ends, the reply about the person goes with the person's details.
            clock.advance(12 * 86_400)
            let page = try await app.browser().get("/units/yincheng/feedback").text
            #expect(!page.contains("经入户核实") && page.contains("已答复"))
            #expect(page.contains("逾期未答复"))
            #expect(page.contains("收到 2 条，已答复 1 条，其中按时（10 天内）1 条，平均 0.0 天答复；逾期未答复 1 条"))
        }
    }
}
