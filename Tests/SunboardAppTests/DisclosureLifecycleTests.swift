import Foundation
import HTTPTypes
import HummingbirdTesting
import SQLKit
import SunboardCore
import Testing

@testable import SunboardApp

@Suite("Disclosures from draft to publication")
struct DisclosureLifecycleTests {
    @Test("Clerk drafts with a receipt, supervisor approves, director publishes; residents read it and the ledger records it")
    func happyPath() async throws {
        try await TestApp.run { app in
            let clerk = try await app.signedIn("yincheng-clerk")
            let id = try await app.draft(
                clerk, in: "yincheng", item: "works", title: "银城社区文化广场开工", body: "经成员代表大会审议通过，文化广场于 4 月 8 日开工。",
                fields: ["project": "银城社区文化广场", "budget": "142,000", "contractor": "县第二建筑公司", "progress": "已开工"],
                files: [(field: "files", name: "预算表.pdf", bytes: TestApp.pdf), (field: "files", name: "收据.png", bytes: TestApp.png)])
            var disclosure = try await app.disclosure(id)
            #expect(disclosure.status == .draft)
            #expect(disclosure.content.fields["budget"] == "14200000")
            #expect(disclosure.content.attachments.map(\.kind) == [.pdf, .png])

            // Not public yet.
            #expect(try await app.browser().get("/disclosures/\(id)").status == .notFound)
            let sha = disclosure.content.attachments[0].sha256
            #expect(try await app.browser().get("/files/\(sha)").status == .notFound)
            // The unit's staff can open the draft's files.
            #expect(try await clerk.get("/admin/units/yincheng/files/\(sha)").status == .ok)

            try await app.publishThroughReview(id, in: "yincheng")
            disclosure = try await app.disclosure(id)
            #expect(disclosure.status == .published)
            #expect(disclosure.publishedVersion == 1)

            let page = try await app.browser().get("/disclosures/\(id)")
            #expect(page.status == .ok)
            #expect(page.text.contains("银城社区文化广场开工"))
            #expect(page.text.contains("¥142,000.00"))
            #expect(page.text.contains("预算表.pdf"))
            #expect(page.text.contains("黄德明") == false)
            #expect(page.text.contains("王建国"))  // the director who published it
            let file = try await app.browser().get("/files/\(sha)")
            #expect(file.status == .ok)
            #expect(file.headers[.contentType] == "application/pdf")
            // A notice's file can leave public view, so a copy kept by a phone or a proxy is checked each time.
            #expect(file.headers[.cacheControl] == "public, no-cache")
            #expect(file.headers[.eTag] == "\"\(sha)\"")
            let again = try await app.browser().get("/files/\(sha)", headers: [.ifNoneMatch: "\"\(sha)\""])
            #expect(again.status == .notModified && again.text.isEmpty)

            // On the board, in its section and among the latest notices.
            let board = try await app.browser().get("/units/yincheng").text
            #expect(board.contains("/disclosures/\(id)"))

            let entries = try await app.services.ledger.entries(disclosureID: id)
            #expect(entries.map(\.event) == [.publish])
            #expect(entries[0].disclosureID == id)
            #expect(entries[0].sequence == (try await app.services.ledger.count()))
            #expect(try await LedgerVerification(database: app.database).run().problem == nil)
            let actions = try await app.services.audit.recent(filter: .init(object: ("disclosure", id))).map(\.action)
            #expect(actions == ["disclosure.publish", "disclosure.approve", "disclosure.submit", "disclosure.create"])

            // The same scan attached again is stored once.
            _ = try await app.draft(
                clerk, in: "yincheng", item: "major-matter", title: "再用一次", body: "x",
                files: [(field: "files", name: "同一张收据.png", bytes: TestApp.png)])
            #expect(try await app.count("stored_files") == 2)
        }
    }

    @Test("Each role is held to its step: a supervisor cannot publish, a clerk cannot approve, a director cannot review")
    func roleBoundaries() async throws {
        try await TestApp.run { app in
            let clerk = try await app.signedIn("yinnan-clerk")
            let id = try await app.draft(clerk, in: "yinnan", item: "major-matter", title: "关于更换社区大门的通知", body: "下周更换社区大门。")
            let supervisor = try await app.signedIn("yinnan-supervisor")
            let director = try await app.signedIn("yinnan-director")

            let early = try await supervisor.post("/admin/units/yinnan/disclosures/\(id)/approve", form: [])
            #expect(early.status == .conflict)
            #expect(early.text.contains("这条公开内容现在是“草稿”，不能“审核通过”"))
            #expect(try await supervisor.post("/admin/units/yinnan/disclosures/\(id)/submit", form: []).status == .forbidden)
            #expect(try await clerk.post("/admin/units/yinnan/disclosures/\(id)/submit", form: []).status == .seeOther)

            let clerkApproves = try await clerk.post("/admin/units/yinnan/disclosures/\(id)/approve", form: [])
            #expect(clerkApproves.status == .forbidden)
            #expect(clerkApproves.text.contains("您的角色不能“审核通过”这条公开内容"))
            #expect(try await director.post("/admin/units/yinnan/disclosures/\(id)/approve", form: []).status == .forbidden)
            #expect(try await supervisor.post("/admin/units/yinnan/disclosures/\(id)/approve", form: []).status == .seeOther)
            #expect(try await supervisor.post("/admin/units/yinnan/disclosures/\(id)/publish", form: []).status == .forbidden)
            #expect(try await clerk.post("/admin/units/yinnan/disclosures/\(id)/publish", form: []).status == .forbidden)
            #expect(try await app.disclosure(id).status == .approved)
            #expect(try await director.post("/admin/units/yinnan/disclosures/\(id)/publish", form: []).status == .seeOther)
        }
    }

    @Test("Another community's staff can do nothing with a disclosure, and an anonymous visitor is sent to log in")
    func neighbours() async throws {
        try await TestApp.run { app in
            let id = try await app.draft(
                try await app.signedIn("yincheng-clerk"), in: "yincheng", item: "major-matter", title: "银城的草稿", body: "内容")
            let before = try await app.disclosure(id)
            for username in ["yinnan-clerk", "yinnan-supervisor", "yinnan-director"] {
                let neighbour = try await app.signedIn(username)
                #expect(try await neighbour.get("/admin/units/yincheng/disclosures/\(id)").status == .forbidden)
                #expect(try await neighbour.get("/admin/units/yincheng/disclosures").status == .forbidden)
                for step in ["submit", "approve", "publish", "withdraw", "edit"] {
                    #expect(
                        try await neighbour.post("/admin/units/yincheng/disclosures/\(id)/\(step)", form: [("reason", "x")]).status
                            == .forbidden)
                }
                // Through their own community's address, the disclosure does not exist.
                #expect(try await neighbour.get("/admin/units/yinnan/disclosures/\(id)").status == .notFound)
                #expect(try await neighbour.post("/admin/units/yinnan/disclosures/\(id)/submit", form: []).status == .notFound)
            }
            let anonymous = app.browser()
            #expect(try await anonymous.get("/admin/units/yincheng/disclosures/\(id)").status == .found)
            #expect(try await anonymous.post("/admin/units/yincheng/disclosures/\(id)/submit", form: []).status == .found)
            let after = try await app.disclosure(id)
            #expect(after.status == before.status)
            #expect(after.content == before.content)
        }
    }

    @Test("Bad input gets a clear message and changes nothing")
    func badInput() async throws {
        try await TestApp.run { app in
            let clerk = try await app.signedIn("yincheng-clerk")
            let item = try await app.item("office-funds", in: "yincheng")
            let post = { (fields: [(String, String)], files: [(field: String, name: String, bytes: [UInt8])]) in
                try await clerk.postMultipart(
                    "/admin/units/yincheng/disclosures", fields: [("item_id", String(item.id))] + fields, files: files)
            }
            let empty = try await post([("title", "  "), ("period", "2026-13")], [])
            #expect(empty.status == .badRequest)
            #expect(empty.text.contains("请填写标题"))
            #expect(empty.text.contains("“所属期间”请写成 2026-10 这样的格式"))

            let money = try await post([("title", "十月经费"), ("field_income_total", "两千元")], [])
            #expect(money.status == .badRequest)
            #expect(money.text.contains("“本期收入”请填写金额（元）"))

            let disguised = try await post(
                [("title", "十月经费")], [(field: "files", name: "收据.jpg", bytes: Array("<html>not an image</html>".utf8))])
            #expect(disguised.status == .badRequest)
            #expect(disguised.text.contains("文件“收据.jpg”不是 JPEG、PNG 图片或 PDF 文件"))

            let oversized = try await post(
                [("title", "十月经费")],
                [(field: "files", name: "大扫描件.pdf", bytes: TestApp.pdf + [UInt8](repeating: 32, count: AttachmentKind.maximumSize))])
            #expect(oversized.status == .badRequest)
            #expect(oversized.text.contains("超过了 10 MB 的上限"))

            #expect(try await app.count("disclosures") == 0)
            #expect(try await app.count("stored_files") == 0)

            // Markup in the text is kept as typed and shown as text.
            let id = try await app.draft(
                clerk, in: "yincheng", item: "major-matter", title: "<b>通知</b>", body: "<script>alert('x')</script>")
            try await app.publishThroughReview(id, in: "yincheng")
            let html = try await app.browser().get("/disclosures/\(id)").text
            #expect(!html.contains("<script>alert"))
            #expect(html.contains("&lt;script&gt;alert("))
            #expect(html.contains("&lt;b&gt;通知&lt;/b&gt;"))
        }
    }

    @Test("Publishing an incomplete disclosure is refused with every missing field named")
    func completeness() async throws {
        try await TestApp.run { app in
            let clerk = try await app.signedIn("yinbei-clerk")
            let id = try await app.draft(clerk, in: "yinbei", item: "assembly-agenda", title: "第四季度成员代表大会", fields: ["place": "社区会议室"])
            for (username, step) in [("yinbei-clerk", "submit"), ("yinbei-supervisor", "approve")] {
                #expect(
                    try await app.signedIn(username).post("/admin/units/yinbei/disclosures/\(id)/\(step)", form: []).status == .seeOther)
            }
            let refused = try await app.signedIn("yinbei-director").post("/admin/units/yinbei/disclosures/\(id)/publish", form: [])
            #expect(refused.status == .badRequest)
            #expect(refused.text.contains("还缺少：所属期间、开会时间、议程。补齐后才能发布。"))
            #expect(try await app.disclosure(id).status == .approved)
            #expect(try await app.services.ledger.entries(disclosureID: id).isEmpty)
        }
    }

    @Test("A returned draft carries the supervisor's comment back to the clerk")
    func returned() async throws {
        try await TestApp.run { app in
            let clerk = try await app.signedIn("yinxin-clerk")
            let id = try await app.draft(clerk, in: "yinxin", item: "major-matter", title: "物业交接", body: "内容")
            _ = try await clerk.post("/admin/units/yinxin/disclosures/\(id)/submit", form: [])
            let supervisor = try await app.signedIn("yinxin-supervisor")
            let noComment = try await supervisor.post("/admin/units/yinxin/disclosures/\(id)/return", form: [("comment", " ")])
            #expect(noComment.status == .badRequest)
            #expect(noComment.text.contains("退回时请写明需要修改什么"))
            #expect(
                try await supervisor.post("/admin/units/yinxin/disclosures/\(id)/return", form: [("comment", "请补上交接的时间和参加人")]).status
                    == .seeOther)
            let page = try await clerk.get("/admin/units/yinxin/disclosures/\(id)")
            #expect(page.text.contains("监委会退回意见：请补上交接的时间和参加人"))
            #expect(page.text.contains("修改"))
            #expect(try await app.disclosure(id).status == .returned)
        }
    }

    @Test("Personal details written into the title are refused at publication")
    func personalDetailsInTitle() async throws {
        try await TestApp.run { app in
            let clerk = try await app.signedIn("yincheng-clerk")
            let id = try await app.draft(
                clerk, in: "yincheng", item: "dibao-applicants", title: "刘桂芳申请低保公示",
                fields: ["applicant": "刘桂芳", "household_size": "2", "monthly_benefit": "385", "hardship": "丈夫瘫痪在床"])
            for (username, step) in [("yincheng-clerk", "submit"), ("yincheng-supervisor", "approve")] {
                _ = try await app.signedIn(username).post("/admin/units/yincheng/disclosures/\(id)/\(step)", form: [])
            }
            let refused = try await app.signedIn("yincheng-director").post("/admin/units/yincheng/disclosures/\(id)/publish", form: [])
            #expect(refused.status == .badRequest)
            #expect(refused.text.contains("标题或正文里写了“申请人”的内容"))
        }
    }
}
