import Foundation
import HTTPTypes
import HummingbirdTesting
import SQLKit
import SunboardCore
import Testing

@testable import SunboardApp

@Suite("Finance: reimbursements through the signature chain, the public board, statements, CSV")
struct FinanceTests {
    static let base = "/admin/units/yincheng/finance"

    /// Files a request as `browser`; returns its id.
    static func file(
        _ browser: Browser, amount: String = "1585.10", summary: String = "购买冬季取暖用煤",
        receipts: [(field: String, name: String, bytes: [UInt8])] = [(field: "receipts", name: "发票.png", bytes: TestApp.png)]
    ) async throws -> Int {
        let response = try await browser.postMultipart(
            base + "/reimbursements",
            fields: [
                ("summary", summary), ("amount", amount), ("spent_on", "2026-11-16"), ("category", "水电取暖"), ("fund", "office"),
                ("payee", "银州煤炭经销部"),
            ], files: receipts)
        guard response.status == .seeOther, let location = response.location,
            let id = location.split(separator: "/").last.flatMap({ Int($0.split(separator: "?").first ?? "") })
        else { throw TestFailure("filing answered \(response.status): \(response.text.prefix(400))") }
        return id
    }

    static func sign(_ app: TestApp, _ id: Int, as usernames: [String]) async throws {
        for username in usernames {
            let response = try await app.signedIn(username).post(base + "/reimbursements/\(id)/sign", form: [])
            guard response.status == .seeOther else { throw TestFailure("\(username) could not sign: \(response.text.prefix(400))") }
        }
    }

    static let fourSigners = ["yincheng-secretary", "yincheng-director", "yincheng-supervisor", "yincheng-liaison"]

    @Test("The last two signers signing at the same moment complete the sheet, and the clerk can post it")
    func lastSignersAtOnce() async throws {
        try await TestApp.run { app in
            let unit = try await app.unit("yincheng")
            var signers: [(StaffActor, Set<Role>)] = []
            for username in Self.fourSigners.suffix(2) {
                let user = try #require(try await app.services.users.find(username: username))
                let roles = Set(try await app.services.users.grants(userID: user.id).filter { $0.unitID == unit.id }.map(\.role))
                let permissions = roles.reduce(into: Set<Permission>()) { $0.formUnion($1.permissions) }
                signers.append((StaffActor(id: user.id, name: user.displayName, address: "test", permissions: permissions), roles))
            }
            let workflow = app.services.financeWorkflow
            for _ in 0..<5 {
                let id = try await Self.file(try await app.signedIn("yincheng-worker1"))
                try await Self.sign(app, id, as: Array(Self.fourSigners.prefix(2)))
                let request = try #require(try await app.services.finance.reimbursement(id: id))
                let now = app.clock.now
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for (actor, roles) in signers {
                        group.addTask { try await workflow.sign(request, unit: unit, roles: roles, actor: actor, at: now) }
                    }
                    try await group.waitForAll()
                }
                let signed = try #require(try await app.services.finance.reimbursement(id: id))
                #expect(signed.sheet.isComplete)
                #expect(signed.status == .signed)
                let posted = try await app.signedIn("yincheng-clerk").post(Self.base + "/reimbursements/\(id)/post", form: [])
                #expect(posted.status == .seeOther)
            }
        }
    }

    @Test("Five people sign, the clerk posts; the line, its receipt and the signers appear in public, the API and the CSV")
    func fullChain() async throws {
        try await TestApp.run { app in
            let worker = try await app.signedIn("yincheng-worker1")
            let id = try await Self.file(worker)
            let clerk = try await app.signedIn("yincheng-clerk")
            // Not postable before the chain is complete.
            #expect(try await clerk.post(Self.base + "/reimbursements/\(id)/post", form: []).status == .conflict)
            try await Self.sign(app, id, as: Array(Self.fourSigners.prefix(3)))
            #expect(try await clerk.post(Self.base + "/reimbursements/\(id)/post", form: []).status == .conflict)
            #expect(try await app.count("finance_entries") == 0)
            let receipt = try await app.services.finance.reimbursement(id: id)!.receipts[0].sha256
            #expect(try await app.browser().get("/files/\(receipt)").status == .notFound)  // not public before posting
            try await Self.sign(app, id, as: [Self.fourSigners[3]])

            let request = try await app.services.finance.reimbursement(id: id)!
            #expect(request.status == .signed)
            #expect(Set(request.sheet.signatures.map(\.userID)).count == 5)
            #expect(try await clerk.post(Self.base + "/reimbursements/\(id)/post", form: []).status == .seeOther)

            let board = try await app.browser().get("/units/yincheng/finance?period=2026-11")
            #expect(board.status == .ok)
            #expect(board.text.contains("购买冬季取暖用煤"))
            #expect(board.text.contains("¥1,585.10"))
            #expect(board.text.contains("李秀英、王建国、张桂兰、刘志强") || board.text.contains("周海涛"))
            #expect(board.text.contains("/files/\(receipt)"))
            let receiptFile = try await app.browser().get("/files/\(receipt)")
            #expect(receiptFile.status == .ok)
            // A posted line's receipt stays public for good.
            #expect(receiptFile.headers[.cacheControl] == "public, max-age=31536000, immutable")

            let entryID = try await app.services.finance.reimbursement(id: id)!.entryID!
            let page = try await app.browser().get("/units/yincheng/finance/entries/\(entryID)")
            for name in ["李秀英", "王建国", "张桂兰", "刘志强", "周海涛", "监委会主任", "经办人"] { #expect(page.text.contains(name)) }
            // Another community's address for the same line: not found.
            #expect(try await app.browser().get("/units/yinnan/finance/entries/\(entryID)").status == .notFound)

            let api = try await app.browser().get("/api/v1/units/yincheng/finance/entries?period=2026-Q4")
            let json = try JSONSerialization.jsonObject(with: Data(api.text.utf8)) as! [String: Any]
            let entries = json["entries"] as! [[String: Any]]
            #expect(entries.count == 1)
            #expect(entries[0]["amount_fen"] as? Int == 158_510)
            #expect((entries[0]["receipts"] as! [[String: Any]])[0]["url"] as? String == "/files/\(receipt)")
            #expect((entries[0]["signatures"] as! [[String: Any]]).count == 5)
            let office = (json["balances"] as! [[String: Any]]).first { $0["fund"] as? String == "office" }!
            #expect(office["closing_fen"] as? Int == -158_510)

            let csv = try await app.browser().get("/units/yincheng/finance/ledger.csv?period=2026-11")
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
            let reading = LedgerCSV.read(Array(csv.body.readableBytesView), today: CalendarDate(app.clock.now))
            #expect(reading.lines.map(\.value.amount) == [Fen(158_510)])

            let log = try await app.database.sql.select().column("action").from("audit_log").where("object_kind", .equal, "reimbursement")
                .all().map { try $0.decode(column: "action", as: String.self) }
            #expect(log.filter { $0 == "reimbursement.sign" }.count == 4)
            #expect(log.contains("reimbursement.file") && log.contains("reimbursement.post"))
        }
    }

    @Test("Refused with a clear message, changing nothing: no receipt, not an image, a bad amount, signing twice, no role, a neighbour")
    func refusals() async throws {
        try await TestApp.run { app in
            let worker = try await app.signedIn("yincheng-worker1")
            for (amount, receipts, message) in [
                ("1585.10", [(field: String, name: String, bytes: [UInt8])](), "请至少上传一张原始单据"),
                ("1585.10", [(field: "receipts", name: "发票.png", bytes: Array("MZ not an image".utf8))], "原始单据"),
                ("-50", [(field: "receipts", name: "发票.png", bytes: TestApp.png)], "必须大于 0"),
                ("12.345", [(field: "receipts", name: "发票.png", bytes: TestApp.png)], "最多两位小数"),
            ] {
                let response = try await worker.postMultipart(
                    Self.base + "/reimbursements",
                    fields: [("summary", "买煤"), ("amount", amount), ("spent_on", "2026-11-16"), ("category", "水电取暖")],
                    files: receipts)
                #expect(response.status == .badRequest)
                #expect(response.text.contains(message))
            }
            #expect(try await app.count("reimbursements") == 0)
            #expect(try await app.count("stored_files") == 0)

            let id = try await Self.file(worker)
            try await Self.sign(app, id, as: ["yincheng-secretary"])
            let secretary = try await app.signedIn("yincheng-secretary")
            let twice = try await secretary.post(Self.base + "/reimbursements/\(id)/sign", form: [])
            #expect(twice.status == .forbidden)
            #expect(twice.text.contains("同一人不能签两次"))
            let clerk = try await app.signedIn("yincheng-clerk")
            let noRole = try await clerk.post(Self.base + "/reimbursements/\(id)/sign", form: [])
            #expect(noRole.status == .forbidden)
            #expect(noRole.text.contains("不担任"))
            // The handler cannot sign again in another slot.
            #expect(try await worker.post(Self.base + "/reimbursements/\(id)/sign", form: []).status == .forbidden)
            // Another community's director holds the role, but not here.
            let neighbour = try await app.signedIn("yinnan-director")
            #expect(try await neighbour.post(Self.base + "/reimbursements/\(id)/sign", form: []).status == .forbidden)
            #expect(try await neighbour.get(Self.base + "/reimbursements/\(id)").status == .forbidden)
            // Nobody signed in: sent to the login page.
            #expect(try await app.browser().post(Self.base + "/reimbursements/\(id)/sign", form: []).status == .found)
            // A form without its token is refused.
            let director = try await app.signedIn("yincheng-director")
            #expect(try await director.post(Self.base + "/reimbursements/\(id)/sign", form: [], token: .some(nil)).status == .forbidden)
            #expect(try await app.services.finance.reimbursement(id: id)!.sheet.signatures.count == 2)
            // Only the clerk keeps the books: a worker cannot record income or post.
            #expect(try await worker.post(Self.base + "/income", form: [("kind", "income"), ("amount", "10")]).status == .forbidden)
        }
    }

    @Test("Any signer may reject with a reason; a rejected request can be neither signed nor posted")
    func rejection() async throws {
        try await TestApp.run { app in
            let id = try await Self.file(try await app.signedIn("yincheng-worker1"))
            let chair = try await app.signedIn("yincheng-supervisor")
            let empty = try await chair.post(Self.base + "/reimbursements/\(id)/reject", form: [("reason", " ")])
            #expect(empty.status == .badRequest)
            #expect(empty.text.contains("请写明理由"))
            #expect(try await chair.post(Self.base + "/reimbursements/\(id)/reject", form: [("reason", "收据没有盖章")]).status == .seeOther)
            let request = try await app.services.finance.reimbursement(id: id)!
            #expect(request.status == .rejected)
            #expect(request.rejectReason == "收据没有盖章")
            #expect(
                try await app.signedIn("yincheng-director").post(Self.base + "/reimbursements/\(id)/sign", form: []).status == .conflict)
            #expect(try await app.signedIn("yincheng-clerk").post(Self.base + "/reimbursements/\(id)/post", form: []).status == .conflict)
        }
    }

    @Test("Above the office's threshold the office leader must sign too; a chain without enough signers cannot be saved")
    func threshold() async throws {
        try await TestApp.run { app in
            let admin = try await app.signedIn("admin")
            // Only the office sets the rule.
            #expect(try await app.signedIn("yincheng-director").post("/admin/units/yinzhou/finance/chain", form: []).status == .forbidden)
            let weak = try await admin.post("/admin/units/yinzhou/finance/chain", form: [("role_director", "always")])
            #expect(weak.status == .badRequest)
            #expect(weak.text.contains("至少还要有两个职务"))
            let form = [
                ("role_secretary", "always"), ("role_director", "always"), ("role_supervision_chair", "always"), ("role_liaison", "always"),
                ("role_office_leader", "above"), ("above_office_leader", "2000"),
            ]
            #expect(try await admin.post("/admin/units/yinzhou/finance/chain", form: form).status == .seeOther)

            let small = try await Self.file(try await app.signedIn("yincheng-worker1"), amount: "2000")
            let large = try await Self.file(try await app.signedIn("yincheng-worker1"), amount: "2000.01")
            #expect(try await app.services.finance.reimbursement(id: small)!.sheet.slots.count == 5)
            #expect(try await app.services.finance.reimbursement(id: large)!.sheet.slots.contains(.role(.officeLeader)))
            #expect(try await app.services.finance.reimbursement(id: large)!.sheet.slots.count == 6)
            try await Self.sign(app, large, as: Self.fourSigners)
            #expect(try await app.services.finance.reimbursement(id: large)!.status == .signing)
            try await Self.sign(app, large, as: ["yinzhou-leader"])
            #expect(try await app.services.finance.reimbursement(id: large)!.status == .signed)
        }
    }

    @Test(
        "A statement is generated from the books, itemized; its totals cannot be edited apart from its lines; once public the period is closed"
    )
    func statements() async throws {
        try await TestApp.run { app in
            let clerk = try await app.signedIn("yincheng-clerk")
            #expect(
                try await clerk.post(
                    Self.base + "/income",
                    form: [
                        ("kind", "income"), ("fund", "office"), ("date", "2026-11-02"), ("amount", "2500"), ("category", "上级拨款"),
                        ("summary", "11月办公经费"),
                    ]
                ).status == .seeOther)
            let id = try await Self.file(try await app.signedIn("yincheng-worker1"))
            try await Self.sign(app, id, as: Self.fourSigners)
            #expect(try await clerk.post(Self.base + "/reimbursements/\(id)/post", form: []).status == .seeOther)

            let generated = try await clerk.post(Self.base + "/statements", form: [("period", "2026-11")])
            #expect(generated.status == .seeOther)
            let disclosureID = Int(generated.location!.split(separator: "/").last!.split(separator: "?").first!)!
            let disclosure = try await app.disclosure(disclosureID)
            #expect(disclosure.content.fields["income_total"] == "250000")
            #expect(disclosure.content.fields["expense_total"] == "158510")
            #expect(disclosure.content.fields["balance"] == "91490")
            #expect(Statement.lines(from: disclosure.content.fields["lines"]!)?.count == 2)

            // Typing a different total beside the lines cannot be saved.
            let item = try await app.item("office-funds", in: "yincheng")
            let edit = try await clerk.postMultipart(
                "/admin/units/yincheng/disclosures/\(disclosureID)/edit",
                fields: [
                    ("item_id", String(item.id)), ("title", disclosure.content.title), ("period", "2026-11"), ("body", "x"),
                    ("field_opening_balance", "0"), ("field_income_total", "2500"), ("field_expense_total", "1000"),
                    ("field_balance", "1500"),
                ])
            #expect(edit.status == .badRequest)
            #expect(edit.text.contains("明细合计是 ¥1,585.10"))

            try await app.publishThroughReview(disclosureID, in: "yincheng")
            let page = try await app.browser().get("/disclosures/\(disclosureID)")
            #expect(page.text.contains("收支明细"))
            #expect(page.text.contains("购买冬季取暖用煤"))
            // The books of a published period are closed.
            let late = try await clerk.post(
                Self.base + "/income",
                form: [
                    ("kind", "income"), ("fund", "office"), ("date", "2026-11-05"), ("amount", "10"), ("category", "其他收入"),
                    ("summary", "补记"),
                ])
            #expect(late.status == .badRequest)
            #expect(late.text.contains("账目已结"))
            #expect(try await clerk.post(Self.base + "/statements", form: [("period", "2026-11")]).status == .badRequest)

            let statements = try await app.browser().get("/api/v1/units/yincheng/finance/statements")
            let json = try JSONSerialization.jsonObject(with: Data(statements.text.utf8)) as! [[String: Any]]
            #expect(json.count == 1)
            #expect(json[0]["closing_fen"] as? Int == 91_490)
            #expect((json[0]["lines"] as! [Any]).count == 2)
        }
    }

    @Test("A total-only 办公经费 disclosure typed by hand cannot be published")
    func totalOnly() async throws {
        try await TestApp.run { app in
            let clerk = try await app.signedIn("yincheng-clerk")
            let id = try await app.draft(
                clerk, in: "yincheng", item: "office-funds", title: "10月经费", period: "2026-10",
                fields: ["opening_balance": "0", "income_total": "2500", "expense_total": "2000", "balance": "500"])
            #expect(try await clerk.post("/admin/units/yincheng/disclosures/\(id)/submit", form: []).status == .seeOther)
            #expect(
                try await app.signedIn("yincheng-supervisor").post("/admin/units/yincheng/disclosures/\(id)/approve", form: []).status
                    == .seeOther)
            let publish = try await app.signedIn("yincheng-director").post("/admin/units/yincheng/disclosures/\(id)/publish", form: [])
            #expect(publish.status == .badRequest)
            #expect(publish.text.contains("收支明细"))
        }
    }

    @Test(
        "A statement's lines come from the books only: lines typed into the form are refused, and lines the books no longer match cannot be published"
    )
    func linesFromTheBooks() async throws {
        try await TestApp.run { app in
            let clerk = try await app.signedIn("yincheng-clerk")
            let line = try await RemoteVerificationTests.postedLine(app)
            let books = try #require(try await app.services.finance.entry(id: line))
            // A line that adds up, typed by hand: it names no line of the books, or says other than the line it names.
            var typed = StatementGenerator.line(books)
            typed.entry = nil
            for lines in [
                [typed],
                [StatementGenerator.line(books)].map {
                    var copy = $0; copy.amount = Fen(100_000); return copy
                },
            ] {
                let text = Statement(opening: .zero, lines: lines).linesText
                let total = lines.reduce(Fen.zero) { $0 + $1.amount }
                let before = try await app.count("disclosures")
                let item = try await app.item("office-funds", in: "yincheng")
                let response = try await clerk.postMultipart(
                    "/admin/units/yincheng/disclosures",
                    fields: [
                        ("item_id", String(item.id)), ("title", "11月经费"), ("period", "2026-11"), ("body", "x"),
                        ("field_opening_balance", "0"),
                        ("field_income_total", "0"), ("field_expense_total", total.plainYuan),
                        ("field_balance", (Fen.zero - total).plainYuan),
                        ("field_lines", text),
                    ])
                #expect(response.status == .badRequest)
                #expect(response.text.contains("只能从账目生成"))
                #expect(try await app.count("disclosures") == before)
            }

            // Generated, then the books move on before it is published: regenerate first.
            let generated = try await clerk.post(Self.base + "/statements", form: [("period", "2026-11")])
            let id = Int(generated.location!.split(separator: "/").last!.split(separator: "?").first!)!
            #expect(try await clerk.post("/admin/units/yincheng/disclosures/\(id)/submit", form: []).status == .seeOther)
            #expect(
                try await app.signedIn("yincheng-supervisor").post("/admin/units/yincheng/disclosures/\(id)/approve", form: []).status
                    == .seeOther)
            #expect(
                try await clerk.post(
                    Self.base + "/income",
                    form: [
                        ("kind", "income"), ("fund", "office"), ("date", "2026-11-03"), ("amount", "300"), ("category", "上级拨款"),
                        ("summary", "补拨"),
                    ]
                ).status == .seeOther)
            let stale = try await app.signedIn("yincheng-director").post("/admin/units/yincheng/disclosures/\(id)/publish", form: [])
            #expect(stale.status == .badRequest && stale.text.contains("只能从账目生成"))
            #expect(try await app.disclosure(id).publishedVersion == 0)
        }
    }

    @Test("A GB18030 file with one broken row imports nothing and names the row; a clean one imports income and turns expenses into drafts")
    func importCSV() async throws {
        try await TestApp.run { app in
            let clerk = try await app.signedIn("yincheng-clerk")
            let header = "日期,类型,资金,类别,摘要,对方单位或个人,经办人,金额（元）\r\n"
            let good = "2026-11-02,收入,办公经费,上级拨款,办事处拨付11月办公经费,银州镇办事处,,2500.00\r\n2026-11-05,支出,办公经费,办公用品,打印纸,文具店,赵丽萍,210.50\r\n"
            let broken = TextEncoding.gb18030Bytes(header + good + "2026-11-06,收入,办公经费,上级拨款,拨款,办事处,,1.005\r\n")!
            let refused = try await clerk.postMultipart(
                Self.base + "/import", fields: [], files: [(field: "file", name: "账目.csv", bytes: broken)])
            #expect(refused.status == .badRequest)
            #expect(refused.text.contains("第 4 行"))
            #expect(refused.text.contains("GB18030"))
            #expect(try await app.count("finance_entries") == 0)
            #expect(try await app.count("reimbursements") == 0)

            let accepted = try await clerk.postMultipart(
                Self.base + "/import", fields: [],
                files: [(field: "file", name: "账目.csv", bytes: TextEncoding.gb18030Bytes(header + good)!)])
            #expect(accepted.status == .ok)
            #expect(try await app.count("finance_entries") == 1)
            let drafts = try await app.services.finance.reimbursements(unitID: try await app.unit("yincheng").id, statuses: [.draft])
            #expect(drafts.map(\.amount) == [Fen(21_050)])
            // The draft enters the chain only once its 经办人 attaches a receipt.
            let worker = try await app.signedIn("yincheng-worker2")
            let noReceipt = try await worker.postMultipart(Self.base + "/reimbursements/\(drafts[0].id)/file", fields: [])
            #expect(noReceipt.status == .badRequest)
            #expect(
                try await worker.postMultipart(
                    Self.base + "/reimbursements/\(drafts[0].id)/file", fields: [],
                    files: [(field: "receipts", name: "收据.pdf", bytes: TestApp.pdf)]
                ).status == .seeOther)
            let filed = try await app.services.finance.reimbursement(id: drafts[0].id)!
            #expect(filed.status == .signing)
            #expect(filed.handlerName == "赵丽萍")
        }
    }

    @Test("Bad periods and funds in the API and on the board get a clear message")
    func badQueries() async throws {
        try await TestApp.run { app in
            let api = try await app.browser().get("/api/v1/units/yincheng/finance/entries?period=2026-13")
            #expect(api.status == .badRequest)
            #expect(api.text.contains("period must look like"))
            #expect(try await app.browser().get("/units/yincheng/finance?fund=secret").status == .badRequest)
            #expect(try await app.browser().get("/units/yinzhou/finance").status == .notFound)
            #expect(try await app.browser().get("/units/yincheng/finance").status == .ok)
        }
    }
}
