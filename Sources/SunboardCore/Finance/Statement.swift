import Foundation

/// A statement of one fund for one period (收支情况): the opening balance,
/// every line, the totals and the closing balance. It travels inside a
/// disclosure as its 收支明细 field, so the lines are reviewed, published,
/// compared between versions and hashed into the ledger with the totals.
public struct Statement: Sendable, Hashable {
    /// One line as published: the ledger line plus who signed it and the
    /// receipts residents can open.
    public struct Line: Sendable, Hashable, Codable {
        /// The ledger entry's number, for the link to its own page.
        public var entry: Int?
        public var date: String
        public var kind: EntryKind
        public var category: String
        public var summary: String
        public var counterparty: String
        public var handler: String
        public var amount: Fen
        /// SHA-256 of each receipt scan.
        public var receipts: [String]
        /// Names of those who signed, in the chain's order.
        public var signers: [String]
        /// A correcting line's: the line it reverses (its amount then carried
        /// back, below zero) or replaces, and why. Absent on other lines.
        public var reverses: Int?
        public var replaces: Int?
        public var reason: String?

        public init(
            entry: Int?, date: CalendarDate, kind: EntryKind, category: String, summary: String, counterparty: String, handler: String,
            amount: Fen, receipts: [String], signers: [String]
        ) {
            self.entry = entry
            self.date = date.description
            self.kind = kind
            self.category = category
            self.summary = summary
            self.counterparty = counterparty
            self.handler = handler
            self.amount = amount
            self.receipts = receipts
            self.signers = signers
        }

        /// Whether a later line of `lines` reverses this one.
        public func correctedLater(in lines: [Line]) -> Bool {
            guard let entry else { return false }
            return lines.contains { $0.reverses == entry }
        }

        /// “冲销第 12 笔：金额录错” or “更正第 12 笔：…”, for a correcting line.
        public var correction: String? {
            guard let reason else { return nil }
            if let reverses { return "冲销第 \(reverses) 笔：\(reason)" }
            if let replaces { return "更正第 \(replaces) 笔：\(reason)" }
            return nil
        }
    }

    public var opening: Fen
    public var lines: [Line]

    public init(opening: Fen, lines: [Line]) {
        self.opening = opening
        self.lines = lines
    }

    public var income: Fen { lines.filter { $0.kind == .income }.reduce(.zero) { $0 + $1.amount } }
    public var expense: Fen { lines.filter { $0.kind == .expense }.reduce(.zero) { $0 + $1.amount } }
    public var closing: Fen { opening + income - expense }

    /// The field keys a statement fills in on its catalog item.
    public enum Key {
        public static let opening = "opening_balance"
        public static let income = "income_total"
        public static let expense = "expense_total"
        public static let closing = "balance"
        public static let lines = "lines"
    }

    /// The totals as field values (fen), beside the lines.
    public var fields: [String: String] {
        [
            Key.opening: opening.description, Key.income: income.description, Key.expense: expense.description,
            Key.closing: closing.description, Key.lines: linesText,
        ]
    }

    /// The lines as stored in the field: JSON with sorted keys, so the same
    /// lines always give the same text and the same hash.
    public var linesText: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(lines)) ?? Data("[]".utf8), as: UTF8.self)
    }

    public static let maxLines = 2_000

    /// Reads stored or submitted lines; `nil` when they are not well formed.
    public static func lines(from text: String) -> [Line]? {
        guard let lines = try? JSONDecoder().decode([Line].self, from: Data(text.utf8)), lines.count <= maxLines,
            lines.allSatisfy({
                ($0.reverses == nil ? $0.amount.value > 0 : $0.amount.value < 0) && CalendarDate($0.date) != nil && $0.kind != .opening
            })
        else { return nil }
        return lines
    }

    /// Problems with a statement's fields: the lines must add up to the
    /// totals, and the balance must follow from them. A statement that does
    /// not add up cannot even be saved.
    public static func inconsistencies(in fields: [String: String]) -> [ValidationFailure.Issue] {
        guard let text = fields[Key.lines] else { return [] }
        guard let lines = lines(from: text) else {
            return [.init(field: Key.lines, message: "“收支明细”格式不对，请从账目重新生成。", englishMessage: "lines are malformed.")]
        }
        let statement = Statement(opening: Fen(Int(fields[Key.opening] ?? "") ?? 0), lines: lines)
        var issues: [ValidationFailure.Issue] = []
        func check(_ key: String, _ label: String, _ expected: Fen) {
            guard let raw = fields[key], let value = Int(raw), value != expected.value else { return }
            issues.append(
                .init(
                    field: key, message: "“\(label)”填的是 \(Fen(value).yuan)，但明细合计是 \(expected.yuan)，两者必须一致。",
                    englishMessage: "\(key) is \(value) fen but the lines add up to \(expected.value) fen."))
        }
        check(Key.income, "本期收入", statement.income)
        check(Key.expense, "本期支出", statement.expense)
        check(Key.closing, "期末结余", statement.closing)
        return issues
    }
}

/// An itemized statement may not be published as totals alone: the item's
/// 收支明细 must be there, with a line for every fen of its totals.
public struct ItemizedStatementRule: CompletenessRule {
    public init() {}

    public func missing(in content: DisclosureContent, item: CatalogItem) -> [String] {
        guard let spec = item.fields.first(where: { $0.kind == .ledgerLines }) else { return [] }
        let lines = content.fields[spec.key].flatMap(Statement.lines(from:)) ?? []
        let moved = [Statement.Key.income, Statement.Key.expense].contains { (Int(content.fields[$0] ?? "") ?? 0) != 0 }
        // A period with no money moving has nothing to itemize; any other needs its lines.
        return lines.isEmpty && (moved || content.fields[spec.key] == nil) ? [spec.label] : []
    }
}
