import Foundation
import HTTPTypes
import HummingbirdTesting
import SQLKit
import SunboardCore
import Testing

@testable import SunboardApp
@testable import SunboardDemo

@Suite("Civic processes: elections, meetings, hearings, projects, bulletins, honors, albums and appraisals")
struct CivicTests {
    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// The draft a civic form made: the redirect goes to its admin page.
    static func drafted(_ response: TestResponse) throws -> Int {
        guard response.status == .seeOther, let location = response.location, location.contains("/disclosures/"),
            let id = Int(location.split(separator: "/").last?.split(separator: "?").first ?? "")
        else { throw TestFailure("expected a draft, got \(response.status): \(response.text.prefix(400))") }
        return id
    }

    /// The record a create form made, from its redirect.
    static func created(_ response: TestResponse) throws -> String {
        guard response.status == .seeOther, let location = response.location else {
            throw TestFailure("expected a record, got \(response.status): \(response.text.prefix(400))")
        }
        return String(location.split(separator: "/").last!)
    }

    static var photo: [UInt8] {
        get throws { try #require(DemoFiles.upload("photos/plaza.jpg", name: "plaza.jpg")).bytes }
    }

    @Test("An election goes stage by stage: out of order refused, each stage public only once published, a missed deadline shown")
    func election() async throws {
        try await TestApp.run { app in
            let clerk = try await app.signedIn("yincheng-clerk")
            // Today is 18 November: a vote on 20 December wants the announcement by 20 November, the voter list by 30 November.
            let id = try Self.created(
                try await clerk.post(
                    "/admin/units/yincheng/civic/elections",
                    form: [("kind", "committee"), ("title", "2026年银城社区居民委员会换届选举"), ("vote_on", "2026-12-20")]))
            let stage = "/admin/units/yincheng/civic/elections/\(id)/stage"
            let early = try await clerk.post(stage, form: [("stage", "voterList"), ("details", "选民名单已张贴"), ("count", "16820")])
            #expect(early.status == .conflict)
            #expect(early.text.contains("还不能“公布选民名单”：要先完成“选举公告”"))
            let announced = try Self.drafted(
                try await clerk.post(stage, form: [("stage", "announcement"), ("details", "选举日为 12 月 20 日，投票站设在社区服务中心。")]))
            // Drafted again before review, the stage's draft is replaced, not doubled; once in review it is refused.
            let again = try Self.drafted(
                try await clerk.post(stage, form: [("stage", "announcement"), ("details", "选举日为 12 月 20 日，投票站设在社区服务中心和文化广场。")]))
            #expect(again == announced)
            #expect((try await app.disclosure(announced)).content.body.contains("文化广场"))
            #expect(try await clerk.post("/admin/units/yincheng/disclosures/\(announced)/submit", form: []).status == .seeOther)
            let twice = try await clerk.post(stage, form: [("stage", "announcement"), ("details", "again")])
            #expect(twice.status == .conflict && twice.text.contains("已经提交审核"))
            // Its figures are the process's: the ordinary edit form keeps them, and shows the reviewer what will be public.
            let supervisor = try await app.signedIn("yincheng-supervisor")
            #expect(try await supervisor.get("/admin/units/yincheng/disclosures/\(announced)").text.contains("居务进程数据"))
            #expect(
                try await supervisor.post("/admin/units/yincheng/disclosures/\(announced)/return", form: [("comment", "请写明投票时间")]).status
                    == .seeOther)
            let edited = try await clerk.postMultipart(
                "/admin/units/yincheng/disclosures/\(announced)/edit",
                fields: [("title", "2026年银城社区居民委员会换届选举公告"), ("body", "选举日为 12 月 20 日上午 8 时至下午 5 时。"), ("field_stage", "选举结果")])
            #expect(edited.status == .seeOther)
            let kept = try await app.disclosure(announced)
            #expect(kept.content.fields["stage"] == "选举公告" && kept.content.body.contains("上午 8 时"))
            let photo = try await clerk.postMultipart(
                "/admin/units/yincheng/disclosures/\(announced)/edit", fields: [("title", "公告"), ("body", "正文")],
                files: [(field: "files", name: "a.png", bytes: TestApp.png)])
            #expect(photo.status == .badRequest && photo.text.contains("照片和数据请在居务进程页面重新生成"))
            #expect(try await clerk.post("/admin/units/yincheng/disclosures/\(announced)/submit", form: []).status == .seeOther)
            // The ordinary form cannot start an election notice at all.
            let notice = try await app.item("election-notice", in: "yincheng")
            let direct = try await clerk.get("/admin/units/yincheng/disclosures/new?item=\(notice.id)")
            #expect(direct.status == .conflict && direct.text.contains("要在“居务进程”页面起草"))
            #expect(!(try await clerk.get("/admin/units/yincheng/disclosures/new").text.contains("item=\(notice.id)\"")))
            // Not public until published.
            let resident = app.browser()
            #expect(!(try await resident.get("/units/yincheng/elections").text.contains("2026年银城社区居民委员会换届选举")))
            #expect(try await resident.get("/units/yincheng/elections/\(id)").status == .notFound)
            for (username, step) in [("yincheng-supervisor", "approve"), ("yincheng-director", "publish")] {
                #expect(
                    try await app.signedIn(username).post("/admin/units/yincheng/disclosures/\(announced)/\(step)", form: []).status
                        == .seeOther)
            }
            let page = try await resident.get("/units/yincheng/elections/\(id)").text
            #expect(page.contains("2026年11月18日完成") && page.contains("下一步：公布选民名单，2026年11月30日前完成"))
            #expect(page.contains("投票站设在社区服务中心"))
            // The stage went out as an election-notice disclosure.
            let disclosure = try await app.disclosure(announced)
            #expect(disclosure.content.fields["stage"] == "选举公告")

            // Nobody posts the voter list; two days after its deadline the timeline says so.
            app.clock.advance(14 * 86400)
            let late = try Self.json(try await resident.get("/api/v1/units/yincheng/elections/\(id)").text)
            let stages = try #require(late["stages"] as? [[String: Any]])
            #expect(stages.map { $0["state"] as? String } == ["done", "overdue", "later", "later", "later", "later"])
            #expect(stages[1]["state_text"] as? String == "已过期限 2 天，尚未完成")
            #expect(late["missed_deadline"] as? Bool == true)
            #expect((stages[0]["disclosure"] as? [String: Any])?["disclosure_id"] as? Int == announced)
            #expect(try await resident.get("/units/yincheng/elections").text.contains("已过期限 2 天"))
            let list = try Self.json(try await resident.get("/api/v1/units/yincheng/elections").text)
            #expect((list["items"] as? [Any])?.count == 1)
            #expect(try await resident.get("/api/v1/units/yincheng/elections/999").status == .notFound)
        }
    }

    @Test("A meeting's agenda only before it, decisions only after it with votes that add up; both public with their counts")
    func meeting() async throws {
        try await TestApp.run { app in
            var clerk = try await app.signedIn("yincheng-clerk")
            let id = try Self.created(
                try await clerk.post(
                    "/admin/units/yincheng/civic/meetings",
                    form: [
                        ("kind", "regular"), ("title", "2026年第四季度社区成员代表大会"), ("starts_at", "2026-11-25T15:00"),
                        ("place", "社区服务中心二楼会议室"),
                    ]))
            let base = "/admin/units/yincheng/civic/meetings/\(id)"
            let early = try await clerk.post(
                "\(base)/decisions", form: [("members", "46"), ("present", "40"), ("decisions", "同意增设儿童游乐设施｜38｜1｜1")])
            #expect(early.status == .conflict && early.text.contains("会议还没有召开"))
            let agenda = try Self.drafted(try await clerk.post("\(base)/agenda", form: [("agenda", "1. 审议冬季清雪方案\n2. 通报换届选举安排")]))
            try await app.publishThroughReview(agenda, in: "yincheng")
            #expect((try await app.disclosure(agenda)).content.period?.description == "2026-Q4")

            app.clock.advance(8 * 86400)  // 26 November: the meeting was yesterday
            clerk = try await app.signedIn("yincheng-clerk")  // a week later: a new session
            let after = try await clerk.post("\(base)/agenda", form: [("agenda", "补充议程")])
            #expect(after.status == .conflict && after.text.contains("议程要在会前公开"))
            let tooMany = try await clerk.post(
                "\(base)/decisions", form: [("members", "46"), ("present", "40"), ("decisions", "同意清雪方案｜38｜2｜1")])
            #expect(tooMany.status == .badRequest && tooMany.text.contains("第 1 行的票数合计（41）多于实到代表（40）"))
            let typo = try await clerk.post("\(base)/decisions", form: [("members", "46"), ("present", "50"), ("decisions", "同意｜x｜1｜1")])
            #expect(typo.text.contains("实到代表（50）不能多于应到代表（46）") && typo.text.contains("第 1 行的票数请填写整数"))
            let decisions = try Self.drafted(
                try await clerk.post(
                    "\(base)/decisions", form: [("members", "46"), ("present", "40"), ("decisions", "同意清雪方案｜38｜1｜1\n同意收取清雪费｜12｜25｜3")])
            )
            try await app.publishThroughReview(decisions, in: "yincheng")
            let page = try await app.browser().get("/units/yincheng/meetings/\(id)").text
            #expect(page.contains("应到代表 46 人，实到 40 人") && page.contains("审议冬季清雪方案"))
            #expect(page.contains("<td>同意清雪方案</td><td>38</td><td>1</td><td>1</td><td class=\"passed\">通过</td>"))
            #expect(page.contains("<td>同意收取清雪费</td><td>12</td><td>25</td><td>3</td><td class=\"failed\">未通过</td>"))
            let api = try Self.json(try await app.browser().get("/api/v1/units/yincheng/meetings/\(id)").text)
            let votes = try #require((api["decisions"] as? [String: Any])?["decisions"] as? [[String: Any]])
            #expect(votes.first?["votes_for"] as? Int == 38 && api["kind"] as? String == "regular")
        }
    }

    @Test("A hearing's actions stay visible until done; an overdue one is marked in words; a bad status is refused")
    func hearing() async throws {
        try await TestApp.run { app in
            var clerk = try await app.signedIn("yinnan-clerk")
            let id = try Self.created(
                try await clerk.post(
                    "/admin/units/yinnan/civic/hearings", form: [("topic", "南关三巷停车管理"), ("held_on", "2026-11-10"), ("place", "社区会议室")]))
            let record = "/admin/units/yinnan/civic/hearings/\(id)/record"
            let bad = try await clerk.post(
                record, form: [("participants", "居民代表 12 人"), ("decision", "划定停车位"), ("actions", "施划车位｜刘建军｜2026-11-20｜搞定了")])
            #expect(bad.status == .badRequest && bad.text.contains("第 1 行的状态请写“未开始”“办理中”或“已办结”"))
            let first = try Self.drafted(
                try await clerk.post(
                    record,
                    form: [
                        ("participants", "居民代表 12 人、楼院长 4 人、监委会"), ("decision", "在南关三巷东侧施划停车位 24 个，夜间禁止在消防通道停车。"),
                        ("actions", "施划停车位｜刘建军｜2026-11-20｜办理中\n安装禁停标志｜社区居委会｜2026-12-15｜未开始\n通知沿街商户｜王淑芬｜2026-11-15｜已办结｜2026-11-14"),
                    ]))
            try await app.publishThroughReview(first, in: "yinnan")
            app.clock.advance(5 * 86400)  // 23 November
            clerk = try await app.signedIn("yinnan-clerk")  // days later: a new session
            let api = try Self.json(try await app.browser().get("/api/v1/units/yinnan/hearings/\(id)").text)
            #expect(api["overdue_actions"] as? Int == 1)
            let actions = try #require(api["actions"] as? [[String: Any]])
            #expect(actions.map { $0["overdue"] as? Bool } == [true, false, false])
            #expect(actions[2]["done_on"] as? String == "2026-11-14")
            let page = try await app.browser().get("/units/yinnan/hearings/\(id)").text
            #expect(page.contains("办理中，已逾期 3 天") && page.contains("逾期未办结 1 项"))
            // An update: the parking spaces are done, late.
            let update = try Self.drafted(
                try await clerk.post(
                    record,
                    form: [
                        ("participants", "居民代表 12 人、楼院长 4 人、监委会"), ("decision", "在南关三巷东侧施划停车位 24 个，夜间禁止在消防通道停车。"),
                        (
                            "actions",
                            "施划停车位｜刘建军｜2026-11-20｜已办结｜2026-11-22\n安装禁停标志｜社区居委会｜2026-12-15｜办理中\n通知沿街商户｜王淑芬｜2026-11-15｜已办结｜2026-11-14"
                        ),
                        ("note", "停车位已施划完毕。"),
                    ]))
            #expect((try await app.disclosure(update)).content.title.contains("落实情况"))
            try await app.publishThroughReview(update, in: "yinnan")
            let now = try await app.browser().get("/units/yinnan/hearings/\(id)").text
            #expect(now.contains("已办结（2026年11月22日），超过期限") && !now.contains("逾期未办结"))
        }
    }

    @Test(
        "A project's progress comes from its steps, a parent's from its children by weight; bad steps are refused; photos are phone-sized")
    func projects() async throws {
        try await TestApp.run { app in
            let clerk = try await app.signedIn("yinbei-clerk")
            func project(_ name: String, parent: String = "", weight: String = "1") async throws -> String {
                try Self.created(
                    try await clerk.post(
                        "/admin/units/yinbei/civic/projects",
                        form: [
                            ("year", "2026"), ("name", name), ("budget", "120000"), ("funding", "县财政专项资金"), ("contractor", "银州市政工程有限公司"),
                            ("parent", parent), ("weight", weight), ("summary", "北关街老旧小区改造"),
                        ]))
            }
            let parent = try await project("北关街老旧小区改造")
            let pipes = try await project("下水管道改造", parent: parent, weight: "3")
            let lights = try await project("楼道照明", parent: parent, weight: "1")
            let refusedBudget = try await clerk.post(
                "/admin/units/yinbei/civic/projects", form: [("year", "2026"), ("name", "x"), ("budget", "十万"), ("funding", "县财政")])
            #expect(refusedBudget.status == .badRequest && refusedBudget.text.contains("预算请填写金额"))

            let steps = "/admin/units/yinbei/civic/projects/\(pipes)/milestones"
            // A step ending before it starts, and progress above 100, are refused with their row named.
            let bad = try await clerk.post(
                steps,
                form: [
                    ("name_0", "开挖沟槽"), ("planned_start_0", "2026-06-10"), ("planned_end_0", "2026-06-01"), ("status_0", "not_started"),
                    ("name_1", "更换管道"), ("planned_start_1", "2026-06-10"), ("planned_end_1", "2026-07-10"), ("status_1", "in_progress"),
                    ("percent_1", "150"),
                ])
            #expect(bad.status == .badRequest)
            #expect(bad.text.contains("第 1 个节点：计划完成日期（2026年6月1日）不能早于计划开始日期（2026年6月10日）"))
            #expect(bad.text.contains("第 2 个节点：进度请填 0 到 100 之间的数（现在是 150）"))
            #expect(bad.text.contains("value=\"开挖沟槽\""))  // the form keeps what was typed
            #expect(try await app.count("project_milestones") == 0)
            // An update without steps is refused.
            let empty = try await clerk.postMultipart("/admin/units/yinbei/civic/projects/\(pipes)/update", fields: [("note", "开工")])
            #expect(empty.status == .conflict && empty.text.contains("请先填写工程节点"))

            let saved = try await clerk.post(
                steps,
                form: [
                    ("name_0", "开挖沟槽"), ("planned_start_0", "2026-06-01"), ("planned_end_0", "2026-06-10"),
                    ("actual_start_0", "2026-06-02"),
                    ("actual_end_0", "2026-06-12"), ("status_0", "done"), ("weight_0", "1"),
                    ("name_1", "更换管道"), ("planned_start_1", "2026-06-10"), ("planned_end_1", "2026-07-10"), ("status_1", "in_progress"),
                    ("percent_1", "50"), ("weight_1", "2"),
                    ("name_2", "回填恢复路面"), ("planned_start_2", "2026-07-10"), ("planned_end_2", "2026-12-20"), ("weight_2", "1"),
                ])
            #expect(saved.status == .seeOther)
            // A fake photo is refused by its content; a real one is kept with a phone-sized copy.
            let fake = try await clerk.postMultipart(
                "/admin/units/yinbei/civic/projects/\(pipes)/update", fields: [("note", "进展")],
                files: [(field: "photos", name: "现场.jpg", bytes: Array("not a photo".utf8))])
            #expect(fake.status == .badRequest && fake.text.contains("“现场.jpg”不是照片"))
            let broken = try await clerk.postMultipart(
                "/admin/units/yinbei/civic/projects/\(pipes)/update", fields: [("note", "进展")],
                files: [(field: "photos", name: "半张.jpg", bytes: Array(try Self.photo.prefix(4000)))])
            #expect(broken.status == .badRequest && broken.text.contains("照片“半张.jpg”无法读取"))
            let update = try Self.drafted(
                try await clerk.postMultipart(
                    "/admin/units/yinbei/civic/projects/\(pipes)/update", fields: [("note", "沟槽开挖完成，正在更换管道。")],
                    files: [(field: "photos", name: "现场.jpg", bytes: try Self.photo)]))
            #expect((try await app.disclosure(update)).content.fields["progress"] == "50%")  // (1×100 + 2×50 + 1×0) / 4
            // Not public before publication.
            #expect(try await app.browser().get("/units/yinbei/projects/\(pipes)").status == .notFound)
            try await app.publishThroughReview(update, in: "yinbei")

            let page = try await app.browser().get("/units/yinbei/projects/\(pipes)").text
            #expect(page.contains("<progress max=\"100\" value=\"50\"") && page.contains("2026-06-02 至 2026-06-12"))
            #expect(page.contains("<dt>已支出</dt><dd>未关联账目</dd>"))  // no ledger line linked is not “¥0 spent”
            let src = try #require(
                page.range(of: #"/files/[0-9a-f]{64}\?size=phone"#, options: .regularExpression).map { String(page[$0]) })
            let phone = try await app.browser().get(src)
            #expect(phone.status == .ok && phone.headers[.contentType] == "image/jpeg")
            let size = try #require(PhotoScaler.size(of: phone.body.getBytes(at: 0, length: phone.body.readableBytes) ?? []))
            #expect(max(size.width, size.height) == PhotoScaler.phoneSide)
            #expect(phone.body.readableBytes < (try Self.photo).count)
            // The kept photo is re-encoded at its own size, without the camera's metadata.
            let original = try await app.browser().get(String(src.dropLast("?size=phone".count)))
            let kept = try #require(PhotoScaler.size(of: original.body.getBytes(at: 0, length: original.body.readableBytes) ?? []))
            #expect(kept.width == 1600 && kept.height == 1200)

            // Residents see only reviewed parts: the lights, registered but never updated, are not public yet.
            let first = try Self.json(try await app.browser().get("/api/v1/units/yinbei/projects").text)
            let before = try #require((first["items"] as? [[String: Any]])?.first)
            #expect(before["name"] as? String == "北关街老旧小区改造" && before["progress"] as? Int == 50)
            #expect((before["children"] as? [[String: Any]])?.map { $0["name"] as? String } == ["下水管道改造"])
            // The whole's update rolls up every part by weight: pipes 50% × 3, lights 0% × 1; published, residents see both.
            let parentUpdate = try Self.drafted(
                try await clerk.postMultipart("/admin/units/yinbei/civic/projects/\(parent)/update", fields: [("note", "总体进展")]))
            #expect((try await app.disclosure(parentUpdate)).content.fields["progress"] == "37%")
            try await app.publishThroughReview(parentUpdate, in: "yinbei")
            let list = try Self.json(try await app.browser().get("/api/v1/units/yinbei/projects").text)
            let top = try #require((list["items"] as? [[String: Any]])?.first)
            #expect(top["progress"] as? Int == 37 && top["summary"] as? String == "北关街老旧小区改造")
            #expect((top["children"] as? [[String: Any]])?.map { $0["progress"] as? Int } == [50, 0])
            #expect((top["children"] as? [[String: Any]])?.last?["id"] as? Int == Int(lights))
        }
    }

    @Test("Honors, albums and appraisals: bad lines refused in plain words; an album's photos checked by content and served phone-sized")
    func honorsAlbumsAppraisals() async throws {
        try await TestApp.run { app in
            let clerk = try await app.signedIn("yinxin-clerk")
            let badHonors = try await clerk.post("/admin/units/yinxin/civic/honors", form: [("year", "2026"), ("entries", "刘玉兰｜志愿者")])
            #expect(badHonors.status == .badRequest && badHonors.text.contains("第 1 行应写成“姓名｜类别｜事迹”"))
            let honors = try Self.drafted(
                try await clerk.post(
                    "/admin/units/yinxin/civic/honors", form: [("year", "2026"), ("entries", "刘玉兰｜红袖章巡逻队｜两会期间每天巡逻两次。")]))
            try await app.publishThroughReview(honors, in: "yinxin")
            #expect(try await app.browser().get("/units/yinxin/honors").text.contains("两会期间每天巡逻两次"))

            let noPhoto = try await clerk.postMultipart(
                "/admin/units/yinxin/civic/albums", fields: [("title", "重阳节走访"), ("held_on", "2026-10-29"), ("place", "各楼院")],
                files: [(field: "photos", name: "说明.pdf", bytes: TestApp.pdf)])
            #expect(noPhoto.status == .badRequest && noPhoto.text.contains("“说明.pdf”不是照片"))
            let album = try Self.drafted(
                try await clerk.postMultipart(
                    "/admin/units/yinxin/civic/albums",
                    fields: [("title", "重阳节走访高龄老人"), ("held_on", "2026-10-29"), ("place", "各楼院"), ("captions", "给 90 岁的张大爷送去慰问品")],
                    files: [(field: "photos", name: "走访.jpg", bytes: try Self.photo)]))
            try await app.publishThroughReview(album, in: "yinxin")
            let page = try await app.browser().get("/units/yinxin/albums/\(album)").text
            #expect(page.contains("alt=\"给 90 岁的张大爷送去慰问品\"") && page.contains("?size=phone"))
            #expect(try await app.browser().get("/units/yinxin/albums/\(album + 1000)").status == .notFound)

            let tooMany = try await clerk.post(
                "/admin/units/yinxin/civic/appraisals", form: [("year", "2025"), ("voters", "30"), ("results", "居委会班子｜班子整体｜25｜4｜2")])
            #expect(tooMany.status == .badRequest && tooMany.text.contains("票数合计（31）多于参加评议的人数（30）"))
            let appraisal = try Self.drafted(
                try await clerk.post(
                    "/admin/units/yinxin/civic/appraisals",
                    form: [("year", "2025"), ("voters", "30"), ("results", "居委会班子｜班子整体｜25｜4｜1\n马丽｜居委会主任｜26｜3｜1")]))
            #expect((try await app.disclosure(appraisal)).content.fields["satisfied"] == "25")
            try await app.publishThroughReview(appraisal, in: "yinxin")
            let api = try Self.json(try await app.browser().get("/api/v1/units/yinxin/appraisals").text)
            let results = (((api["items"] as? [[String: Any]])?.first?["content"] as? [String: Any])?["results"] as? [[String: Any]]) ?? []
            #expect(results.map { $0["name"] as? String } == ["居委会班子", "马丽"])
        }
    }

    @Test("Rules hold at publication too: an agenda reviewed too late is not published; no bulletin for a quarter not over")
    func rulesAtPublication() async throws {
        try await TestApp.run { app in
            let clerk = try await app.signedIn("yinnan-clerk")
            let id = try Self.created(
                try await clerk.post(
                    "/admin/units/yinnan/civic/meetings",
                    form: [("kind", "temporary"), ("title", "成员代表大会临时会议"), ("starts_at", "2026-11-19T15:00"), ("place", "社区会议室")]))
            let agenda = try Self.drafted(
                try await clerk.post("/admin/units/yinnan/civic/meetings/\(id)/agenda", form: [("agenda", "审议停车收费方案")]))
            #expect(try await clerk.post("/admin/units/yinnan/disclosures/\(agenda)/submit", form: []).status == .seeOther)
            #expect(
                try await app.signedIn("yinnan-supervisor").post("/admin/units/yinnan/disclosures/\(agenda)/approve", form: []).status
                    == .seeOther)
            app.clock.advance(2 * 86400)  // the meeting began yesterday
            let late = try await app.signedIn("yinnan-director").post("/admin/units/yinnan/disclosures/\(agenda)/publish", form: [])
            #expect(late.status == .conflict && late.text.contains("议程要在会前公开"))
            #expect((try await app.disclosure(agenda)).status == .approved)

            let director = try await app.signedIn("yinnan-director")
            let current = try await director.post("/admin/units/yinnan/civic/bulletins", form: [("period", "2026-Q4")])
            #expect(current.status == .conflict && current.text.contains("2026年第四季度还没有结束"))
            let month = try await director.post("/admin/units/yinnan/civic/bulletins", form: [("period", "2026-10")])
            #expect(month.status == .conflict && month.text.contains("简报按季度编"))
            // Steps must be given; none at all is refused rather than wiping them.
            let project = try Self.created(
                try await director.post(
                    "/admin/units/yinnan/civic/projects",
                    form: [("year", "2026"), ("name", "南关三巷路灯"), ("budget", "8000"), ("funding", "办事处拨付")]))
            let empty = try await director.post("/admin/units/yinnan/civic/projects/\(project)/milestones", form: [("name_0", "")])
            #expect(empty.status == .badRequest && empty.text.contains("请至少填写一个工程节点"))
            // The office keeps no processes of its own: its staff read them on the communities' pages.
            #expect(try await app.signedIn("admin").get("/admin/units/yinzhou/civic").status == .notFound)
        }
    }

    @Test("Only the community's drafting staff may start a civic step; others are refused and nothing is made")
    func authorization() async throws {
        try await TestApp.run { app in
            let form = [("kind", "committee"), ("title", "选举"), ("vote_on", "2026-12-20")]
            let anonymous = try await app.browser().post("/admin/units/yincheng/civic/elections", form: form)
            #expect([.found, .seeOther].contains(anonymous.status) && anonymous.location?.contains("/admin/login") == true)
            let supervisor = try await app.signedIn("yincheng-supervisor")
            #expect(try await supervisor.get("/admin/units/yincheng/civic").status == .ok)
            #expect(try await supervisor.post("/admin/units/yincheng/civic/elections", form: form).status == .forbidden)
            let neighbour = try await app.signedIn("yinnan-clerk")
            #expect([.forbidden, .notFound].contains(try await neighbour.post("/admin/units/yincheng/civic/elections", form: form).status))
            let clerk = try await app.signedIn("yincheng-clerk")
            #expect(try await clerk.post("/admin/units/yincheng/civic/elections", form: form, token: .some(nil)).status == .forbidden)
            #expect(try await app.count("elections") == 0)
            let refused = try await clerk.post("/admin/units/yincheng/civic/elections", form: [("title", ""), ("vote_on", "12月20日")])
            #expect(refused.status == .badRequest && refused.text.contains("请填写“选举名称”") && refused.text.contains("投票日”请写成 2026-03-05"))
            #expect(try await app.count("elections") == 0)
            let meeting = try await clerk.post(
                "/admin/units/yincheng/civic/meetings", form: [("kind", "regular"), ("title", "例会"), ("starts_at", "下周三上午"), ("place", "")])
            #expect(
                meeting.status == .badRequest && meeting.text.contains("请填写开会时间，例如 2026-12-20 09:00") && meeting.text.contains("请填写“地点”"))
            let hearing = try await clerk.post(
                "/admin/units/yincheng/civic/hearings", form: [("topic", ""), ("held_on", "2026-13-01"), ("place", "会议室")])
            #expect(hearing.status == .badRequest && hearing.text.contains("请填写“听证事项”") && hearing.text.contains("“听证日期”请写成"))
            #expect(try await app.count("meetings") == 0)
            #expect(try await app.count("hearings") == 0)

            // A record belongs to its community: a neighbour reaches it neither through its slug nor through their own.
            let id = try Self.created(try await clerk.post("/admin/units/yincheng/civic/elections", form: form))
            let stage = [("stage", "announcement"), ("details", "选举公告")]
            #expect([.forbidden, .notFound].contains(try await neighbour.get("/admin/units/yincheng/civic/elections/\(id)").status))
            #expect(
                [.forbidden, .notFound].contains(
                    try await neighbour.post("/admin/units/yincheng/civic/elections/\(id)/stage", form: stage).status))
            #expect(try await neighbour.get("/admin/units/yinnan/civic/elections/\(id)").status == .notFound)
            #expect(try await neighbour.post("/admin/units/yinnan/civic/elections/\(id)/stage", form: stage).status == .notFound)
            #expect([.found, .seeOther].contains(try await app.browser().get("/admin/units/yincheng/civic/elections/\(id)").status))
            #expect(try await app.count("civic_posts") == 0)
        }
    }

    @Test("The demo year: an election in progress, meetings with votes, hearings, projects with ledger spending, compiled bulletins")
    func demoYear() async throws {
        try await TestApp.run(demo: .year) { app in
            let resident = app.browser()
            let election = try #require(
                (try Self.json(try await resident.get("/api/v1/units/yincheng/elections").text)["items"] as? [[String: Any]])?.first)
            let states = (election["stages"] as? [[String: Any]])?.map { $0["state"] as? String }
            #expect(states?.prefix(3) == ["done", "done", "done"])
            #expect(try await resident.get("/units/yincheng/elections").text.contains("公布正式候选人"))

            let meetings = try #require(
                try Self.json(try await resident.get("/api/v1/units/yincheng/meetings").text)["items"] as? [[String: Any]])
            #expect(meetings.contains { $0["kind"] as? String == "temporary" && $0["decisions"] is [String: Any] })

            let hearings = try #require(
                try Self.json(try await resident.get("/api/v1/units/yinnan/hearings").text)["items"] as? [[String: Any]])
            let statuses = Set((hearings.first?["actions"] as? [[String: Any]] ?? []).compactMap { $0["status"] as? String })
            #expect(statuses == ["open", "in_progress", "done"])

            // The plaza's spending comes from the books: its 工程建设 expenses, as posted.
            let projects = try #require(
                try Self.json(try await resident.get("/api/v1/units/yincheng/projects").text)["items"] as? [[String: Any]])
            let plaza = try #require(projects.first { ($0["name"] as? String)?.contains("文化广场") == true })
            #expect(plaza["progress"] as? Int == 100)
            let unit = try await app.unit("yincheng")
            let expected = try await app.services.finance.entries(
                unitID: unit.id, from: CalendarDate(year: 2026, month: 1, day: 1)!, to: CalendarDate(year: 2026, month: 12, day: 31)!
            ).filter { $0.line.kind == .expense && $0.line.category == "工程建设" && $0.line.summary.contains("文化广场") }
            #expect(!expected.isEmpty)
            #expect(plaza["spent_fen"] as? Int == expected.map(\.line.amount.value).reduce(0, +))
            #expect(Set(projects.compactMap { $0["progress"] as? Int }).count >= 3)  // projects at different stages

            // The third quarter's bulletin counts what was published in the quarter, independently counted here.
            let bulletins = try #require(
                try Self.json(try await resident.get("/api/v1/units/yincheng/bulletins").text)["items"] as? [[String: Any]])
            let q3 = try #require(bulletins.first { ($0["content"] as? [String: Any])?["period"] as? String == "2026-Q3" })
            let from = CalendarDate(year: 2026, month: 7, day: 1)!.startInstant.unixSeconds
            let until = CalendarDate(year: 2026, month: 10, day: 1)!.startInstant.unixSeconds
            let published = try await app.database.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(
                "disclosures"
            )
            .where("unit_id", .equal, unit.id).where("first_published_at", .greaterThanOrEqual, from).where(
                "first_published_at", .lessThan, until
            )
            .first()!.decode(column: "n", as: Int.self)
            let counted = ((q3["content"] as? [String: Any])?["disclosures"] as? [[String: Any]] ?? []).compactMap { $0["count"] as? Int }
            #expect(counted.reduce(0, +) == published && published > 0)
            let page = try await resident.get(try #require((q3["disclosure"] as? [String: Any])?["url"] as? String)).text
            #expect(page.contains("本季度共公开 \(published) 项"))
            #expect(try await resident.get("/units/yincheng/bulletins").text.contains("银城社区工作简报（2026年第三季度）"))
            // The office's bulletin puts the communities' published ones side by side, and names who has none.
            let office = try #require(
                try Self.json(try await resident.get("/api/v1/units/yinzhou/bulletins").text)["items"] as? [[String: Any]])
            let quarter = try #require(office.first { $0["period"] as? String == "2026-Q3" })
            let lines = try #require(quarter["communities"] as? [[String: Any]])
            #expect(lines.count == 4)
            let totals = lines.compactMap { (($0["bulletin"] as? [String: Any])?["content"] as? [String: Any])?["income"] as? Int }
            // 银南's third-quarter bulletin is still in review: not counted, shown as missing.
            #expect(quarter["income_fen"] as? Int == totals.reduce(0, +) && totals.count == 3)
            #expect(lines.first { $0["unit"] as? String == "yinnan" }?["bulletin"] is NSNull)
            let q2 = try await resident.get("/units/yinzhou/bulletins").text
            #expect(q2.contains("2026年第二季度") && q2.contains("银北社区本季度的简报还没有公开") && q2.contains("合计（3 个社区）"))
            for slug in ["yincheng", "yinnan", "yinbei", "yinxin"] {
                // 银北 and the new 银新 have no appraisal on the board yet.
                let pages = ["elections", "meetings", "hearings", "projects", "bulletins", "honors", "albums"]
                for page in pages + (["yincheng", "yinnan"].contains(slug) ? ["appraisals"] : []) {
                    let answer = try await resident.get("/units/\(slug)/\(page)")
                    #expect(answer.status == .ok, "\(slug)/\(page)")
                    #expect(!answer.text.contains("还没有公开"), "\(slug)/\(page) is empty")
                }
            }
        }
    }
}
