import Foundation
import HTTPTypes
import HummingbirdTesting
import SQLKit
import SunboardCore
import Testing

@testable import SunboardApp

@Suite("People boards: the 低保 lifecycle, the card view, import, and refusals that change nothing")
struct PeopleBoardTests {
    static let base = "/admin/units/yincheng/boards/dibao"

    /// A made-up ID number with a correct check digit.
    static func idNumber(_ first17: String = "61272219580312002") -> String {
        first17 + String(IDNumber.checkCharacter(first17.map { Int(String($0))! }))
    }

    static let applicant: [(String, String)] = [
        ("name", "马兰花"), ("id_number", idNumber()), ("household_size", "2"), ("monthly_benefit", "650"), ("age", "68"),
        ("hardship", "老伴去世，独自照顾患病的儿子。"), ("public_work", "年老体弱，免于参加"), ("lane", "文化巷"),
        ("health", "糖尿病，每月透析"), ("phone", "13991230001"),
    ]

    /// Adds an applicant as the clerk; returns the card's id.
    static func add(_ clerk: Browser, _ fields: [(String, String)] = applicant) async throws -> Int {
        let response = try await clerk.post(base + "/cards", form: fields)
        guard response.status == .seeOther, let location = response.location,
            let id = location.split(separator: "/").last.flatMap({ Int($0.split(separator: "?").first ?? "") })
        else { throw TestFailure("adding answered \(response.status): \(response.text.prefix(600))") }
        return id
    }

    /// The notice the clerk submitted, approved by the supervisor and published by the director.
    static func approveAndPublish(_ app: TestApp, _ id: Int) async throws {
        for (username, step) in [("yincheng-supervisor", "approve"), ("yincheng-director", "publish")] {
            let response = try await app.signedIn(username).post("/admin/units/yincheng/disclosures/\(id)/\(step)", form: [])
            guard response.status == .seeOther else {
                throw TestFailure("\(step) answered \(response.status): \(response.text.prefix(400))")
            }
        }
    }

    @Test("Applied → noticed 7 days with an objection → decided after the notice → on the public board with public fields only")
    func lifecycle() async throws {
        let clock = TestClock()
        try await TestApp.run(clock: clock) { app in
            let clerk = try await app.signedIn("yincheng-clerk")
            let id = try await Self.add(clerk)
            let card = try #require(try await app.services.peopleBoards.card(id: id))
            #expect(card.status == .applicant)
            // The ID number is kept masked only; health details are kept for staff.
            #expect(card.values["id_number"] == "612722********" + String(Self.idNumber().suffix(4)))
            #expect(
                !(try await app.database.sql.select().column("field_values").from("board_cards").first()!
                    .decode(column: "field_values", as: String.self)).contains("19580312"))

            // Not on the public board while applying, and no decision before a notice.
            #expect(!(try await app.browser().get("/units/yincheng/boards/dibao").text.contains("马兰花")))
            let director = try await app.signedIn("yincheng-director")
            let early = try await director.post(Self.base + "/cards/\(id)/decide", form: [("decision", "approve"), ("amount", "650")])
            #expect(early.status == .conflict)
            #expect(early.text.contains("还没有公示"))

            // The notice: drafted from the public fields, reviewed, published.
            #expect(try await clerk.post(Self.base + "/cards/\(id)/notice", form: []).status == .seeOther)
            let noticeID = try #require(try await app.services.peopleBoards.card(id: id)?.noticeDisclosureID)
            let draft = try await app.disclosure(noticeID)
            #expect(draft.status == .submitted)
            #expect(draft.content.fields["applicant"] == "马兰花")
            #expect(draft.content.fields["monthly_benefit"] == "65000")  // money is kept in fen
            #expect(draft.content.fields["hardship"] == nil)  // not public on this board
            #expect(!draft.content.body.contains("糖尿病") && !draft.content.fields.values.contains { $0.contains("糖尿病") })
            try await Self.approveAndPublish(app, noticeID)

            // A resident objects during the notice; the director still has to wait.
            let resident = app.browser()
            _ = try await resident.get("/disclosures/\(noticeID)/objection")
            #expect(
                try await resident.post("/disclosures/\(noticeID)/objection", form: [("text", "她儿子在外地打工，每月寄钱回家，请核实。")]).status
                    == .seeOther)
            let running = try await director.post(Self.base + "/cards/\(id)/decide", form: [("decision", "approve"), ("amount", "650")])
            #expect(running.status == .conflict)
            #expect(running.text.contains("公示期满后才能决定"))
            let cardPage = try await director.get(Self.base + "/cards/\(id)")
            #expect(cardPage.text.contains("她儿子在外地打工"))

            // After the notice: an objection must be answered in the note.
            clock.advance(8 * 86_400)
            let director2 = try await app.signedIn("yincheng-director")
            let silent = try await director2.post(Self.base + "/cards/\(id)/decide", form: [("decision", "approve"), ("amount", "650")])
            #expect(silent.status == .badRequest)
            #expect(silent.text.contains("1 条异议"))
            #expect(try await app.services.peopleBoards.card(id: id)?.status == .applicant)
            let decided = try await director2.post(
                Self.base + "/cards/\(id)/decide",
                form: [("decision", "approve"), ("amount", "620.50"), ("note", "经入户核实，儿子打工收入不稳定，同意。")])
            #expect(decided.status == .seeOther)
            #expect(try await app.services.peopleBoards.card(id: id)?.benefit == Fen(62_050))

            // The public card: name, household, benefit; never the ID, health, phone or lane.
            let board = try await app.browser().get("/units/yincheng/boards/dibao?period=2026")
            #expect(board.status == .ok)
            #expect(board.text.contains("马兰花") && board.text.contains("¥620.50"))
            #expect(board.text.contains("新增"))
            for secret in ["糖尿病", "13991230001", "文化巷", "612722", "老伴去世"] { #expect(!board.text.contains(secret)) }
            let json = try await app.browser().get("/api/v1/units/yincheng/boards/dibao?period=2026-11")
            #expect(json.text.contains("\"monthly_benefit\":62050"))
            #expect(json.text.contains("马兰花") && !json.text.contains("糖尿病") && !json.text.contains("13991230001"))

            // The steps are in the card's history and the audit log.
            let events = try await app.services.peopleBoards.events(cardID: id).map(\.kind)
            #expect(events == [.applied, .noticeStarted, .approved])
            #expect(try await app.count("audit_log") > 0)
        }
    }

    @Test("A community publishes more where the rules allow, never an ID number, health or phone, and may keep less")
    func settings() async throws {
        try await TestApp.run { app in
            let director = try await app.signedIn("yincheng-director")
            let file = "户主姓名,家庭人口,月保障金,户主年龄,困难情况,健康状况,联系电话\r\n马兰花,2,650,68,老伴去世，独自照顾儿子。,糖尿病,13991230001\r\n"
            let imported = try await app.signedIn("admin").postMultipart(
                Self.base + "/import", fields: [], files: [(field: "file", name: "名册.csv", bytes: Array(file.utf8))])
            #expect(imported.status == .seeOther)
            // The settings form refuses what may never be public, and saves nothing.
            let refused = try await director.post(Self.base + "/settings", form: [("v_health", "public"), ("v_age", "public")])
            #expect(refused.status == .badRequest)
            #expect(refused.text.contains("“健康状况”按规定不能公开"))
            #expect(try await app.count("board_field_settings") == 0)
            #expect(try await director.post(Self.base + "/settings", form: [("v_name", "not_stored")]).status == .badRequest)
            #expect(
                try await director.post(
                    Self.base + "/settings", form: [("v_age", "public"), ("v_hardship", "public"), ("v_phone", "not_stored")]
                )
                .status == .seeOther)
            let board = try await app.browser().get("/units/yincheng/boards/dibao")
            #expect(board.text.contains("老伴去世") && board.text.contains("68"))
            #expect(!board.text.contains("糖尿病"))
            // A field no longer kept is erased from the cards, and the form stops asking for it.
            let unit = try await app.unit("yincheng")
            let card = try #require(try await app.services.peopleBoards.cards(unitID: unit.id, board: .dibao, statuses: [.onRoster]).first)
            #expect(card.values["phone"] == nil && card.values["health"] == "糖尿病")
            #expect(!(try await app.signedIn("yincheng-clerk").get(Self.base + "/new").text.contains("f-phone")))
            // A clerk may not change what is published; a neighbour's director may not either.
            let clerk = try await app.signedIn("yincheng-clerk")
            #expect(try await clerk.post(Self.base + "/settings", form: [("v_lane", "public")]).status == .forbidden)
            let neighbour = try await app.signedIn("yinnan-director")
            #expect(try await neighbour.post(Self.base + "/settings", form: [("v_lane", "public")]).status == .forbidden)
        }
    }

    @Test("Bad input gets a clear message and changes nothing: invalid ID, empty name, negative household size")
    func badInput() async throws {
        try await TestApp.run { app in
            let clerk = try await app.signedIn("yincheng-clerk")
            var fields = Self.applicant
            fields[1] = ("id_number", "612722195803120024")  // wrong check digit
            fields[0] = ("name", "  ")
            fields[2] = ("household_size", "-2")
            let response = try await clerk.post(Self.base + "/cards", form: fields)
            #expect(response.status == .badRequest)
            #expect(response.text.contains("请填写“户主姓名”"))
            #expect(response.text.contains("校验码"))
            #expect(response.text.contains("不小于 0 的整数"))
            // The full number is never echoed back.
            #expect(!response.text.contains("612722195803120024"))
            #expect(try await app.count("board_cards") == 0)
            #expect(try await app.count("board_card_events") == 0)
            // Related to staff without saying how.
            let related = try await clerk.post(Self.base + "/cards", form: Self.applicant + [("related_to_staff", "on")])
            #expect(related.status == .badRequest)
            #expect(try await app.count("board_cards") == 0)
            // The API says the same in English.
            let api = try await app.browser().get("/api/v1/units/yincheng/boards/dibao?period=2026-13")
            #expect(api.status == .badRequest)
            #expect(try await app.browser().get("/api/v1/units/yincheng/boards/nosuch").status == .notFound)
        }
    }

    @Test(
        "The office brings an existing GB18030 roster over once, in public; a broken row imports nothing and says which line; no second import, nobody else"
    )
    func importRoster() async throws {
        try await TestApp.run { app in
            let clerk = try await app.signedIn("admin")
            let header = "户主姓名,身份证号,家庭人口,月保障金（元）,户主年龄,困难情况,所在巷道\r\n"
            let good = "张秀兰,\(Self.idNumber("61272219490101001")),1,420,77,独居,钟楼巷\r\n王有福,,3,1080.5,52,下岗,东大街\r\n"
            let broken = good + "李四,612722194901010011,0,abc,,,\r\n"
            let bad = try #require(TextEncoding.gb18030Bytes(header + broken))
            let refused = try await clerk.postMultipart(
                Self.base + "/import", fields: [], files: [(field: "file", name: "低保名册.csv", bytes: bad)])
            #expect(refused.status == .badRequest)
            #expect(refused.text.contains("第 4 行"))
            #expect(refused.text.contains("至少是 1 人") && refused.text.contains("校验码"))
            #expect(!refused.text.contains("612722194901010011"))
            #expect(refused.text.contains("GB18030"))
            #expect(try await app.count("board_cards") == 0)

            let clean = try #require(TextEncoding.gb18030Bytes(header + good))
            let imported = try await clerk.postMultipart(
                Self.base + "/import", fields: [], files: [(field: "file", name: "低保名册.csv", bytes: clean)])
            #expect(imported.status == .seeOther)
            let unit = try await app.unit("yincheng")
            let roster = try await app.services.peopleBoards.cards(unitID: unit.id, board: .dibao, statuses: [.onRoster])
            #expect(roster.map(\.name).sorted() == ["张秀兰", "王有福"].sorted())
            #expect(roster.first { $0.name == "王有福" }?.benefit == Fen(108_050))
            // The board says so in public, once, not as two 新增 families; the chain has the import and each card.
            let board = try await app.browser().get("/units/yincheng/boards/dibao")
            #expect(board.text.contains("迁入既有名单") && board.text.contains("2 户"))
            #expect(!board.text.contains("新增"))
            #expect(try await app.services.ledger.entries(kind: "board_import", id: 1).map(\.event) == [.create])
            for card in roster { #expect(try await app.services.ledger.entries(kind: "board_card", id: card.id).count == 1) }
            #expect(try await LedgerVerification(database: app.database).run().problem == nil)
            // Once: a later family is registered and noticed like any other, not imported.
            let more = try #require(TextEncoding.gb18030Bytes(header + "赵六,,2,500,60,下岗,东大街\r\n"))
            let again = try await clerk.postMultipart(
                Self.base + "/import", fields: [], files: [(field: "file", name: "b.csv", bytes: more)])
            #expect(again.status == .badRequest)
            #expect(again.text.contains("只能在开始使用时迁入一次"))
            #expect(try await app.count("board_cards") == 2)
            // Only the office: not the community's director or supervisor; anonymous visitors are sent to log in.
            for username in ["yincheng-director", "yincheng-supervisor"] {
                let refused = try await app.signedIn(username).postMultipart(
                    Self.base + "/import", fields: [], files: [(field: "file", name: "a.csv", bytes: more)])
                #expect(refused.status == .forbidden)
            }
            #expect(try await app.browser().post(Self.base + "/cards", form: Self.applicant).status == .found)
        }
    }

    @Test("An applicant related to staff is decided by the office, not the community; reviews adjust and stop benefits in public")
    func separateHandlingAndReview() async throws {
        let clock = TestClock()
        try await TestApp.run(clock: clock) { app in
            let clerk = try await app.signedIn("yincheng-clerk")
            let id = try await Self.add(clerk, Self.applicant + [("related_to_staff", "on"), ("relation", "委员陈晓燕的舅母")])
            // Staff see the flag; the public never does.
            #expect(try await clerk.get(Self.base).text.contains("办事处单独审核"))
            #expect(try await clerk.post(Self.base + "/cards/\(id)/notice", form: []).status == .seeOther)
            let noticeID = try #require(try await app.services.peopleBoards.card(id: id)?.noticeDisclosureID)
            try await Self.approveAndPublish(app, noticeID)
            #expect(!(try await app.browser().get("/disclosures/\(noticeID)").text.contains("陈晓燕的舅母")))
            clock.advance(8 * 86_400)
            let director = try await app.signedIn("yincheng-director")
            let refused = try await director.post(Self.base + "/cards/\(id)/decide", form: [("decision", "approve"), ("amount", "600")])
            #expect(refused.status == .forbidden)
            #expect(refused.text.contains("办事处领导单独审核"))
            let leader = try await app.signedIn("yinzhou-leader")
            #expect(
                try await leader.post(
                    Self.base + "/cards/\(id)/decide", form: [("decision", "approve"), ("amount", "600"), ("note", "回避后审核")]
                ).status
                    == .seeOther)
            // Everything after stays with the office too.
            #expect(
                try await director.post(Self.base + "/cards/\(id)/adjust", form: [("amount", "650"), ("note", "调整")]).status == .forbidden)

            // Yearly review: adjusted, and a second review for the same year is refused.
            #expect(
                try await leader.post(
                    Self.base + "/cards/\(id)/review",
                    form: [("year", "2026"), ("outcome", "adjusted"), ("amount", "680"), ("note", "儿子病情加重")]
                ).status == .seeOther)
            let again = try await leader.post(Self.base + "/cards/\(id)/review", form: [("year", "2026"), ("outcome", "continued")])
            #expect(again.status == .conflict)
            let unit = try await app.unit("yincheng")
            #expect(try await app.services.peopleBoards.reviewCounts(unitID: unit.id, year: 2026) == [.adjusted: 1])
            let changes = try await app.browser().get("/units/yincheng/boards/dibao?period=2026-11")
            #expect(changes.text.contains("调整") && changes.text.contains("¥600.00 → ¥680.00"))
            #expect(!changes.text.contains("儿子病情加重"))  // reasons stay with the staff

            // The review disclosure draft is built from the recorded reviews.
            let clerk2 = try await app.signedIn("yincheng-clerk")
            let drafted = try await clerk2.post(Self.base + "/review-disclosure", form: [("year", "2026")])
            #expect(drafted.status == .seeOther)
            let reviewDraft = try #require(
                try await app.services.disclosures.working(unitID: unit.id, limit: 50).first { $0.title.contains("2026年度城市低保复审情况") })
            let disclosure = try await app.disclosure(reviewDraft.id)
            #expect(disclosure.content.fields["adjusted"] == "1" && disclosure.content.fields["reviewed"] == "1")

            let before = try await app.browser().get("/api/v1/units/yincheng/boards/dibao?period=2026")
            #expect(before.text.contains("\"on_roster\":1"))

            // Stopped: off the roster, listed as a change; twice is refused.
            #expect(try await clerk2.post(Self.base + "/cards/\(id)/remove", form: [("note", "迁出")]).status == .forbidden)
            #expect(try await director.post(Self.base + "/cards/\(id)/remove", form: [("note", "迁出")]).status == .forbidden)
            #expect(try await leader.post(Self.base + "/cards/\(id)/remove", form: [("note", "")]).status == .badRequest)
            #expect(try await leader.post(Self.base + "/cards/\(id)/remove", form: [("note", "迁往外地")]).status == .seeOther)
            #expect(try await leader.post(Self.base + "/cards/\(id)/remove", form: [("note", "迁往外地")]).status == .conflict)
            let after = try await app.browser().get("/units/yincheng/boards/dibao?period=2026")
            #expect(after.text.contains("停止"))
            #expect(try await app.services.peopleBoards.rosterCounts(unitID: unit.id)["dibao"] == nil)
            // The JSON is kept in memory too, and a change retires it.
            let json = try await app.browser().get("/api/v1/units/yincheng/boards/dibao?period=2026")
            #expect(json.headers[.contentType] == "application/json; charset=utf-8")
            #expect(json.text.contains("\"change\":\"removed\"") && json.text.contains("\"on_roster\":0"))
        }
    }

    @Test("Cards are for the community's own staff: the office admin opens none, the office leader only those it must decide")
    func whoSeesCards() async throws {
        try await TestApp.run { app in
            let clerk = try await app.signedIn("yincheng-clerk")
            let plain = try await Self.add(clerk)
            var related = Self.applicant
            related[0] = ("name", "白玉兰")
            let flagged = try await Self.add(clerk, related + [("related_to_staff", "on"), ("relation", "主任王建国的岳母")])
            let admin = try await app.signedIn("admin")
            // The office's administrator opens the board to import a roster, and sees no one on it.
            let board = try await admin.get(Self.base)
            #expect(board.status == .ok && board.text.contains("导入名册") && board.text.contains("名册里的个人信息只有本社区的工作人员能看"))
            #expect(!board.text.contains("马兰花") && !board.text.contains("白玉兰"))
            #expect(try await admin.get(Self.base + "/cards/\(plain)").status == .forbidden)
            let leader = try await app.signedIn("yinzhou-leader")
            #expect(try await leader.get(Self.base + "/cards/\(plain)").status == .forbidden)
            let page = try await leader.get(Self.base + "/cards/\(flagged)")
            #expect(page.status == .ok && page.text.contains("主任王建国的岳母"))
            let list = try await leader.get(Self.base)
            #expect(list.text.contains("白玉兰") && !list.text.contains("马兰花"))
            // The community's supervisor, one of its own staff, reads both.
            let supervisor = try await app.signedIn("yincheng-supervisor")
            #expect(try await supervisor.get(Self.base + "/cards/\(plain)").status == .ok)
        }
    }

    @Test("Correcting a card keeps its masked ID number; an application cannot change once its notice is drafted")
    func editing() async throws {
        try await TestApp.run { app in
            let clerk = try await app.signedIn("yincheng-clerk")
            let id = try await Self.add(clerk)
            let masked = try #require(try await app.services.peopleBoards.card(id: id)?.values["id_number"])
            let form = try await clerk.get(Self.base + "/cards/\(id)/edit")
            #expect(form.text.contains("value=\"\(masked)\""))
            var fields = Self.applicant
            fields[1] = ("id_number", masked)
            fields[2] = ("household_size", "3")
            #expect(try await clerk.post(Self.base + "/cards/\(id)/edit", form: fields).status == .seeOther)
            let card = try #require(try await app.services.peopleBoards.card(id: id))
            #expect(card.values["id_number"] == masked && card.values["household_size"] == "3")
            #expect(try await clerk.post(Self.base + "/cards/\(id)/notice", form: []).status == .seeOther)
            // A second click does not start a second notice.
            #expect(try await clerk.post(Self.base + "/cards/\(id)/notice", form: []).status == .conflict)
            let refused = try await clerk.post(Self.base + "/cards/\(id)/edit", form: fields)
            #expect(refused.status == .conflict)
            #expect(refused.text.contains("已经提交公示"))
        }
    }

    @Test("Floating population and party boards show counts unless names are published")
    func countsBoards() async throws {
        try await TestApp.run { app in
            let clerk = try await app.signedIn("yincheng-clerk")
            for (name, lane) in [("甲某", "东大街"), ("乙某", "东大街"), ("丙某", "文化巷")] {
                let response = try await clerk.post(
                    "/admin/units/yincheng/boards/floating/cards",
                    form: [("name", name), ("lane", lane), ("origin", "山西省吕梁市"), ("reason", "务工")])
                #expect(response.status == .seeOther)
            }
            let board = try await app.browser().get("/units/yincheng/boards/floating")
            #expect(board.text.contains("东大街") && board.text.contains("<td>2</td>"))
            #expect(!board.text.contains("甲某") && !board.text.contains("吕梁"))
            let json = try await app.browser().get("/api/v1/units/yincheng/boards/floating")
            #expect(json.text.contains("\"shows_cards\":false") && !json.text.contains("甲某"))
            let list = try await app.browser().get("/api/v1/units/yincheng/boards")
            #expect(list.text.contains("\"on_roster\":3"))
        }
    }
}
