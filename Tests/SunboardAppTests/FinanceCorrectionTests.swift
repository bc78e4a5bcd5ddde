import Foundation
import HummingbirdTesting
import SQLKit
import SunboardCore
import Testing

@testable import SunboardApp

@Suite("A wrong line is reversed (红字冲销) and replaced, each signed like any expense, never edited")
struct FinanceCorrectionTests {
    static let base = FinanceTests.base

    /// The correcting requests the form made: the reversal, from the redirect, and the replacement beside it.
    static func requested(_ response: TestResponse, _ app: TestApp) async throws -> (reversal: Int, replacement: Int?) {
        guard response.status == .seeOther, let location = response.location,
            let id = Int(location.split(separator: "/").last?.split(separator: "?").first ?? "")
        else { throw TestFailure("correction answered \(response.status): \(response.text.prefix(400))") }
        let replacement = try await app.database.sql.select().column("id").from("reimbursements")
            .where("replaces_id", .isNot, SQLLiteral.null).where("id", .greaterThan, SQLBind(id)).first()?.decode(
                column: "id", as: Int.self)
        return (id, replacement)
    }

    static func post(_ app: TestApp, _ id: Int) async throws -> TestResponse {
        try await app.signedIn("yincheng-clerk").post(base + "/reimbursements/\(id)/post", form: [])
    }

    @Test("Reversed and replaced: both signed by the chain and posted; three lines linked in public with the reason; the books add up")
    func reverseAndReplace() async throws {
        try await TestApp.run { app in
            let wrong = try await RemoteVerificationTests.postedLine(app)  // ¥1,585.10, should have been ¥1,558.10
            let clerk = try await app.signedIn("yincheng-clerk")
            let form = try await clerk.get("/admin/units/yincheng/finance/entries/\(wrong)/correct")
            #expect(form.status == .ok && form.text.contains("购买冬季取暖用煤") && form.text.contains("value=\"1585.10\""))
            #expect(try await clerk.get(Self.base).text.contains("/finance/entries/\(wrong)/correct"))

            let (reversal, replacement) = try await Self.requested(
                try await clerk.postMultipart(
                    "/admin/units/yincheng/finance/entries/\(wrong)/correct",
                    fields: [
                        ("reason", "金额录错，发票金额为 1558.10 元"), ("mode", "replace"), ("summary", "购买冬季取暖用煤"), ("amount", "1558.10"),
                        ("spent_on", "2026-11-16"), ("category", "水电取暖"), ("fund", "office"), ("payee", "银州煤炭经销部"),
                    ]), app)
            let replacementID = try #require(replacement)
            // Its signers read what they sign for.
            let page = try await app.signedIn("yincheng-secretary").get(Self.base + "/reimbursements/\(reversal)")
            #expect(page.text.contains("冲销第 \(wrong) 笔") && page.text.contains("金额录错"))
            // Nothing moves before the signatures; the replacement waits for the reversal.
            #expect(try await Self.post(app, reversal).status == .conflict)
            try await FinanceTests.sign(app, reversal, as: FinanceTests.fourSigners)
            try await FinanceTests.sign(app, replacementID, as: FinanceTests.fourSigners)
            let early = try await Self.post(app, replacementID)
            #expect(early.status == .conflict && early.text.contains("请先把冲销第 \(wrong) 笔"))
            #expect(try await Self.post(app, reversal).status == .seeOther)
            #expect(try await Self.post(app, replacementID).status == .seeOther)

            let lines = try await app.services.finance.entries(
                unitID: try await app.unit("yincheng").id, from: CalendarDate("2026-11-01")!, to: CalendarDate("2026-11-30")!)
            #expect(lines.map(\.line.amount.value) == [158_510, -158_510, 155_810])
            #expect(lines.reduce(Fen.zero) { $0 + $1.line.signedAmount } == Fen(-155_810))
            let (original, reversed, replaced) = (lines[0], lines[1], lines[2])
            #expect(original.reversedBy == reversed.id && original.replacedBy == replaced.id)
            #expect(reversed.correction == FinanceCorrection(reversing: wrong, reason: "金额录错，发票金额为 1558.10 元"))
            #expect(replaced.correction?.replacing == wrong && replaced.receipts.map(\.sha256) == original.receipts.map(\.sha256))
            #expect(reversed.signers.count == 5 && replaced.signers.count == 5)

            let resident = app.browser()
            let board = try await resident.get("/units/yincheng/finance?period=2026-11").text
            #expect(board.contains("冲销第 \(wrong) 笔") && board.contains("金额录错") && board.contains("已由第 \(reversed.id) 笔冲销"))
            #expect(board.contains("+¥1,585.10") && board.contains("−¥1,558.10"))
            let originalPage = try await resident.get("/units/yincheng/finance/entries/\(wrong)").text
            #expect(originalPage.contains("/units/yincheng/finance/entries/\(reversed.id)") && originalPage.contains("原来的记录保留不改"))
            #expect(originalPage.contains("/ledger?after="))  // its ledger entry
            let json = try await resident.get("/api/v1/units/yincheng/finance/entries?period=2026-11").text
            #expect(
                json.contains("\"reverses\":\(wrong)") && json.contains("\"replaces\":\(wrong)")
                    && json.contains("\"reversed_by\":\(reversed.id)"))

            // The month's statement carries all three, the reversal below zero, and matches the books.
            let generated = try await clerk.post(Self.base + "/statements", form: [("period", "2026-11")])
            #expect(generated.status == .seeOther)
            let statementID = Int(generated.location!.split(separator: "/").last!.split(separator: "?").first!)!
            let statement = try await app.disclosure(statementID)
            #expect(statement.content.fields["expense_total"] == "155810")
            try await app.publishThroughReview(statementID, in: "yincheng")
            #expect(try await resident.get("/disclosures/\(statementID)").text.contains("冲销第 \(wrong) 笔：金额录错"))
            #expect(try await LedgerVerification(database: app.database, files: app.services.files).run().problem == nil)

            // Once reversed, never again; a correcting line is not itself reversed.
            let again = try await clerk.postMultipart(
                "/admin/units/yincheng/finance/entries/\(wrong)/correct", fields: [("reason", "再冲一次"), ("mode", "reverse")])
            #expect(again.status == .conflict && again.text.contains("已经冲销过"))
            let ofReversal = try await clerk.postMultipart(
                "/admin/units/yincheng/finance/entries/\(reversed.id)/correct", fields: [("reason", "冲错了"), ("mode", "reverse")])
            #expect(ofReversal.status == .conflict)
        }
    }

    @Test("Refused, changing nothing: no reason, a bad amount, a worker, a neighbour, a line that is not there")
    func refusals() async throws {
        try await TestApp.run { app in
            let wrong = try await RemoteVerificationTests.postedLine(app)
            let clerk = try await app.signedIn("yincheng-clerk")
            let path = "/admin/units/yincheng/finance/entries/\(wrong)/correct"
            let before = try await app.count("reimbursements")
            let empty = try await clerk.postMultipart(path, fields: [("reason", "  "), ("mode", "reverse")])
            #expect(empty.status == .badRequest && empty.text.contains("请写明冲销的原因"))
            let badAmount = try await clerk.postMultipart(
                path,
                fields: [
                    ("reason", "金额录错"), ("mode", "replace"), ("summary", "煤"), ("amount", "一千"), ("spent_on", "2026-11-16"),
                    ("category", "水电取暖"), ("fund", "office"), ("payee", "经销部"),
                ])
            #expect(badAmount.status == .badRequest && badAmount.text.contains("金额"))
            #expect(try await app.signedIn("yincheng-worker1").postMultipart(path, fields: [("reason", "x")]).status == .forbidden)
            #expect(
                try await app.signedIn("yinnan-clerk").postMultipart(
                    "/admin/units/yinnan/finance/entries/\(wrong)/correct", fields: [("reason", "x")]
                ).status == .notFound)
            #expect(try await clerk.get("/admin/units/yincheng/finance/entries/99999/correct").status == .notFound)
            #expect(try await app.count("reimbursements") == before)
        }
    }

    @Test("Two clerks asking to reverse the same line at once make one reversal")
    func twoAtOnce() async throws {
        try await TestApp.run { app in
            let wrong = try await RemoteVerificationTests.postedLine(app)
            let unit = try await app.unit("yincheng")
            let clerk = try #require(try await app.services.users.find(username: "yincheng-clerk"))
            let actor = StaffActor(
                id: clerk.id, name: clerk.displayName, address: "test", permissions: Role.clerk.permissions)
            let workflow = app.services.financeWorkflow
            let now = app.clock.now
            let outcomes = await withTaskGroup(of: Bool.self) { group in
                for _ in 0..<2 {
                    group.addTask {
                        (try? await workflow.requestCorrection(
                            of: wrong, reason: "重复记账", replacement: nil, uploads: [], unit: unit, actor: actor, at: now)) != nil
                    }
                }
                return await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 }.count == 1)
            #expect(try await app.count("reimbursements") == 2)  // the expense and one reversal
        }
    }
}
