import PropertyBased
import Testing

@testable import SunboardCore

@Suite("Money in the books: no fen lost or invented")
struct FinanceTests {
    static let today = CalendarDate("2026-11-27")!
    static let fen = Gen.int(in: 1...1_000_000_000)

    @Test("Every amount survives yuan text and back")
    func yuanRoundTrip() async {
        await propertyCheck(count: 500, input: Gen.int(in: -10_000_000_000...10_000_000_000)) { value in
            #expect(Fen(yuan: Fen(value).plainYuan) == Fen(value))
            #expect(Fen(yuan: Fen(value).yuan) == Fen(value))
        }
    }

    @Test("An amount split into lines adds back to itself, and a statement's balance follows")
    func splits() async {
        await propertyCheck(count: 300, input: Self.fen, Gen.int(in: 1...40), Gen.int(in: 0...100_000_000)) { total, parts, opening in
            // Cut `total` into `parts` positive pieces by a fixed rule.
            let count = min(parts, total)
            var pieces = Array(repeating: total / count, count: count)
            pieces[0] += total - pieces.reduce(0, +)
            let lines = pieces.enumerated().map { index, amount in
                Statement.Line(
                    entry: index, date: Self.today, kind: index % 2 == 0 ? .expense : .income, category: "其他支出", summary: "第\(index)笔",
                    counterparty: "", handler: "", amount: Fen(amount), receipts: [], signers: [])
            }
            let statement = Statement(opening: Fen(opening), lines: lines)
            #expect((statement.income + statement.expense).value == total)
            #expect(statement.closing == Fen(opening) + statement.income - statement.expense)
            // Stored and read back, the lines are the same lines, and they add up.
            #expect(Statement.lines(from: statement.linesText) == lines)
            #expect(Statement.inconsistencies(in: statement.fields).isEmpty)
        }
    }

    @Test("A statement whose totals do not match its lines is refused at saving")
    func inconsistentTotals() throws {
        let item = DefaultCatalog.items.first { $0.code == "office-funds" }!
        let line = Statement.Line(
            entry: 1, date: Self.today, kind: .expense, category: "办公用品", summary: "打印纸", counterparty: "文具店", handler: "周海涛",
            amount: Fen(12_345), receipts: [], signers: [])
        let statement = Statement(opening: Fen(100_000), lines: [line])
        var fields = [
            "opening_balance": "1000", "income_total": "0", "expense_total": "123.45", "balance": "876.55", "lines": statement.linesText,
        ]
        _ = try DisclosureInput(title: "10月", period: "2026-10", fields: fields).validated(for: item)
        fields["expense_total"] = "123.46"
        #expect(throws: ValidationFailure.self) {
            try DisclosureInput(title: "10月", period: "2026-10", fields: fields).validated(for: item)
        }
        fields["expense_total"] = "123.45"
        fields["balance"] = "900"
        #expect(throws: ValidationFailure.self) {
            try DisclosureInput(title: "10月", period: "2026-10", fields: fields).validated(for: item)
        }
        // A quarter is accepted as a summary of the monthly item.
        fields["balance"] = "876.55"
        _ = try DisclosureInput(title: "三季度", period: "2026-Q3", fields: fields).validated(for: item)
    }

    @Test("A total-only statement cannot be published")
    func totalOnly() throws {
        let item = DefaultCatalog.items.first { $0.code == "office-funds" }!
        let content = DisclosureContent(
            title: "10月", period: .month(year: 2026, month: 10),
            fields: ["opening_balance": "0", "income_total": "250000", "expense_total": "240000", "balance": "10000"])
        #expect(throws: DisclosureError.incomplete(["收支明细"])) { try Completeness().check(content, item: item) }
        var empty = content
        empty.fields = ["opening_balance": "0", "income_total": "0", "expense_total": "0", "balance": "0", "lines": "[]"]
        try Completeness().check(empty, item: item)  // nothing moved: nothing to itemize
    }

    static let summaries = ["=SUM(A1)", "购买“打印纸”, 墨盒", "line \"one\"\nline two", "缴纳电费", "+86 电话费", "@所有人 慰问"]

    static func makeLine(kind: Int, amount: Int, day: Int, fund: Int) -> FinanceLine {
        FinanceLine(
            kind: kind == 0 ? .income : .expense, fund: Fund.allCases[fund], date: CalendarDate("2025-11-27")!.adding(days: day),
            amount: Fen(amount), category: kind == 0 ? FinanceCategory.income[fund] : FinanceCategory.expense[fund],
            summary: summaries[day % summaries.count], counterparty: "银州, 文具店", handler: kind == 0 ? "" : "周海涛")
    }

    @Test("Lines exported to CSV and imported again are the same lines, in UTF-8 and in GB18030")
    func csvRoundTrip() async {
        let line = zip(Gen.int(in: 0...1), Gen.int(in: 1...1_000_000_000), Gen.int(in: 0...364), Gen.int(in: 0...2)).map {
            (kind: Int, amount: Int, day: Int, fund: Int) -> FinanceLine in Self.makeLine(kind: kind, amount: amount, day: day, fund: fund)
        }
        await propertyCheck(count: 100, input: line.array(of: 1...30)) { lines in
            let exported = LedgerCSV.export(lines.map { .init(line: $0, signers: ["党支部书记李秀英"], receipts: 1) })
            let reading = LedgerCSV.read(exported, today: Self.today)
            #expect(reading.isClean)
            #expect(reading.encoding == .utf8)
            #expect(reading.lines.map(\.value) == lines)
            #expect(reading.lines.map(\.value).reduce(Fen.zero) { $0 + $1.signedAmount } == lines.reduce(Fen.zero) { $0 + $1.signedAmount })

            let text = String(decoding: exported.dropFirst(3), as: UTF8.self)
            let gb = TextEncoding.gb18030Bytes(text)!
            let again = LedgerCSV.read(gb, today: Self.today)
            #expect(again.encoding == .gb18030)
            #expect(again.lines.map(\.value) == lines)
        }
    }

    @Test("Bad rows are reported by line with a plain message, and nothing is read from a file with any")
    func badRows() throws {
        let text = """
            日期,类型,资金,类别,摘要,对方单位或个人,经办人,金额（元）
            2026-10-02,收入,办公经费,上级拨款,办事处拨付10月办公经费,银州镇办事处,,2500.00
            2026-10-03,支出,办公经费,办公用品,打印纸,文具店,周海涛,-50
            2026-10-04,收入,办公经费,上级拨款,拨款,办事处,,12.345
            2026-13-01,收入,办公经费,上级拨款,拨款,办事处,,10
            2026-10-05,收入,办公经费,上级拨款,,办事处,,
            2026-10-06,收入,小金库,乱写,拨款,办事处,,10
            2026-12-25,收入,办公经费,上级拨款,拨款,办事处,,10
            """
        let reading = LedgerCSV.read(TextEncoding.gb18030Bytes(text)!, today: Self.today)
        #expect(reading.encoding == .gb18030)
        #expect(!reading.isClean)
        #expect(reading.problems.map(\.line) == [3, 4, 5, 6, 7, 8])
        #expect(reading.problems[0].messages == ["“金额”必须大于 0。"])
        #expect(reading.problems[1].messages[0].contains("最多两位小数"))
        #expect(reading.problems[2].messages[0].contains("日期"))
        #expect(reading.problems[3].messages.count == 2)  // no summary, no amount
        #expect(reading.problems[4].messages.count == 2)  // unknown fund and category
        #expect(reading.problems[5].messages[0].contains("不能晚于今天"))

        let missing = LedgerCSV.read(Array("日期,摘要\n2026-10-02,拨款\n".utf8), today: Self.today)
        #expect(missing.fileProblem?.contains("类型、类别、金额（元）") == true)
        #expect(LedgerCSV.read([0xFF, 0xFE, 0x00, 0x81], today: Self.today).fileProblem?.contains("编码") == true)
    }

    @Test("A quoted CSV field keeps commas, quotes and line breaks; formulas are defused")
    func csvQuoting() {
        let line = CSV.line(["a,b", "say \"hi\"", "one\ntwo", "=1+1", "-5"])
        #expect(line == "\"a,b\",\"say \"\"hi\"\"\",\"one\ntwo\",'=1+1,'-5\r\n")
        let rows = CSV.rows(line + "x,y\r\n")
        #expect(rows.map(\.line) == [1, 3])
        #expect(rows[0].fields.map(CSV.unprotect) == ["a,b", "say \"hi\"", "one\ntwo", "=1+1", "-5"])
    }
}
