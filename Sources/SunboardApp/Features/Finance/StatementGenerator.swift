import Foundation
import SQLKit
import SunboardCore

/// Makes the 办公经费使用情况 disclosure of a period from the books: every
/// line with its receipts and signers, the opening and closing balances.
/// The draft then goes through review and publication like any other.
public struct StatementGenerator: Sendable {
    let database: Database
    let catalog: CatalogRepository
    let disclosures: DisclosureRepository
    let workflow: DisclosureWorkflow

    /// The catalog item statements are made for.
    public static let itemCode = "office-funds"

    /// Creates the period's statement draft, or brings an unsubmitted one up
    /// to date with the books; returns the disclosure's id.
    @discardableResult
    public func generate(unit: Unit, period: Period, lineage: [Unit], actor: StaffActor, at now: Date) async throws -> Int {
        let catalog = try await catalog.effective(lineage: lineage)
        guard let item = catalog.first(where: { $0.code == Self.itemCode }) else { throw DisclosureError.unknownItem(Self.itemCode) }
        guard item.fields.contains(where: { $0.kind == .ledgerLines }) else { throw FinanceError.noStatementField }
        guard period.firstDay <= CalendarDate(now) else {
            throw ValidationFailure([
                .init(field: "period", message: "\(period.chinese)还没有开始。", englishMessage: "the period has not started.")
            ])
        }
        let statement = try await self.statement(unitID: unit.id, period: period)
        let input = DisclosureInput(
            title: "\(period.chinese)办公经费使用情况", body: Self.body(statement, period: period), period: period.description,
            fields: statement.fields.mapValues { $0 })
        // Money fields are typed in yuan; the lines are stored as they are.
        var typed = input
        for key in [Statement.Key.opening, Statement.Key.income, Statement.Key.expense, Statement.Key.closing] {
            typed.fields[key] = Fen(Int(input.fields[key] ?? "0") ?? 0).plainYuan
        }
        let existing = try await database.sql.select().column("id").from("disclosures")
            .where("unit_id", .equal, SQLBind(unit.id)).where("catalog_item_id", .equal, SQLBind(item.id))
            .where("period", .equal, SQLBind(period.description)).where("withdrawn_at", .is, SQLLiteral.null)
            .orderBy("id", .descending).first()?.decode(column: "id", as: Int.self)
        if let existing, let disclosure = try await disclosures.find(id: existing) {
            guard disclosure.publishedVersion == 0 else {
                throw ValidationFailure([
                    .init(
                        field: "period", message: "\(period.chinese)的收支情况已经发布，账目已结，不能重新生成。",
                        englishMessage: "this period's statement is already published.")
                ])
            }
            try await workflow.update(
                disclosure, unit: unit, item: item, input: typed, uploads: [], removing: [], actor: actor, at: now)
            return disclosure.id
        }
        return try await workflow.create(unit: unit, item: item, input: typed, uploads: [], actor: actor, at: now)
    }

    /// The office fund's statement for a period, from the books.
    public func statement(unitID: Int, period: Period) async throws -> Statement {
        try await Self.statement(unitID: unitID, period: period, on: database.sql)
    }

    static func statement(unitID: Int, period: Period, on sql: any SQLDatabase) async throws -> Statement {
        let before = try await FinanceRepository.balances(unitID: unitID, before: period.firstDay, on: sql)[.office] ?? .zero
        let entries = try await FinanceRepository.entries(unitID: unitID, from: period.firstDay, to: period.lastDay, fund: .office, on: sql)
        return Statement(
            opening: FundTotals(before: before, lines: entries.map(\.line)).opening,
            lines: entries.filter { $0.line.kind != .opening }.map(Self.line))
    }

    /// A statement's lines are the books' own, never typed: each names a
    /// line of the unit's books and says exactly what that line says, and
    /// the office funds' statement is its whole period, opening balance and
    /// all. Checked when a draft is saved and again as it is published.
    static func checkAgainstBooks(_ content: DisclosureContent, item: CatalogItem, unitID: Int, on sql: any SQLDatabase) async throws {
        guard let spec = item.fields.first(where: { $0.kind == .ledgerLines }), let text = content.fields[spec.key] else { return }
        let refused = ValidationFailure([
            .init(
                field: spec.key,
                message: "“\(spec.label)”只能从账目生成，不能手填或改动；账目有变化的，请在“收支情况”页面重新生成。",
                englishMessage: "\(spec.key) must be generated from the books, line by line, and match them.")
        ])
        let lines = Statement.lines(from: text) ?? []
        if item.code == itemCode, let period = content.period {
            let books = try await statement(unitID: unitID, period: period, on: sql)
            guard books.linesText == text, content.fields[Statement.Key.opening] == books.opening.description else { throw refused }
            return
        }
        let ids = lines.compactMap(\.entry)
        guard ids.count == lines.count, Set(ids).count == ids.count else { throw refused }
        let entries = try await FinanceRepository.entries(ids: ids, unitID: unitID, on: sql)
        guard lines.allSatisfy({ line in entries[line.entry!].map(Self.line) == line }) else { throw refused }
    }

    static func line(_ entry: FinanceEntry) -> Statement.Line {
        var line = Statement.Line(
            entry: entry.id, date: entry.line.date, kind: entry.line.kind, category: entry.line.category, summary: entry.line.summary,
            counterparty: entry.line.counterparty, handler: entry.line.handler, amount: entry.line.amount,
            receipts: entry.receipts.map(\.sha256), signers: entry.signers.map(\.name))
        line.reverses = entry.correction?.reversing
        line.replaces = entry.correction?.replacing
        line.reason = entry.correction?.reason
        return line
    }

    /// A short text before the generated table.
    static func body(_ statement: Statement, period: Period) -> String {
        // A corrected line and its reversal cancel out: each correction counts once, as the line it should have been.
        let counted = statement.lines.filter { $0.reverses == nil && !$0.correctedLater(in: statement.lines) }
        let expenses = counted.filter { $0.kind == .expense }
        let incomes = counted.filter { $0.kind == .income }
        let corrections = statement.lines.filter { $0.reverses != nil }.count
        return """
            \(period.chinese)办公经费上期结余 \(statement.opening.yuan)，本期收入 \(incomes.count) 笔共 \(statement.income.yuan)，\
            支出 \(expenses.count) 笔共 \(statement.expense.yuan)，期末结余 \(statement.closing.yuan)。\
            \(corrections > 0 ? "其中有 \(corrections) 笔记错后按规定冲销更正，原记录、冲销和更正后的记录都列在下表。" : "")

            下表由账目逐笔生成。每一笔支出都经报账签字流程全部签字后才由报账员过账，点开每一笔可以看到原始单据和签字人。对账目有疑问的，可向社区监委会反映。
            """
    }
}
