/// The books as a CSV file a spreadsheet opens, and lines read back from
/// one. Amounts are written in yuan with two decimals, so every fen written
/// is read back as the same fen.
public enum LedgerCSV {
    /// The columns, in order. An import finds them by name, in any order.
    public enum Column: String, CaseIterable, Sendable {
        case date = "日期"
        case kind = "类型"
        case fund = "资金"
        case category = "类别"
        case summary = "摘要"
        case counterparty = "对方单位或个人"
        case handler = "经办人"
        case amount = "金额（元）"
        // Export only: what the board shows beside each line.
        case signers = "签字人"
        case receipts = "原始单据"
        case link = "网址"

        /// Other headings people write for the same column.
        var aliases: [String] {
            switch self {
            case .amount: ["金额", "金额(元)", "金额（元）", "金额/元"]
            case .counterparty: ["对方", "付款方", "收款方", "对方单位", "对方单位或个人"]
            case .fund: ["资金", "账户", "资金类别"]
            case .kind: ["类型", "收支"]
            default: [rawValue]
            }
        }
    }

    /// Columns an import must have.
    public static let required: [Column] = [.date, .kind, .category, .summary, .amount]

    /// One line to export, with what the board shows beside it.
    public struct ExportRow: Sendable, Hashable {
        public var line: FinanceLine
        public var signers: [String]
        public var receipts: Int
        public var link: String

        public init(line: FinanceLine, signers: [String] = [], receipts: Int = 0, link: String = "") {
            self.line = line
            self.signers = signers
            self.receipts = receipts
            self.link = link
        }
    }

    /// UTF-8 with a byte-order mark, so Excel in China shows the Chinese.
    public static func export(_ rows: [ExportRow]) -> [UInt8] {
        var text = CSV.line(Column.allCases.map(\.rawValue))
        for row in rows {
            let line = row.line
            text += CSV.line([
                line.date.description, line.kind.chinese, line.fund.chinese, line.category, line.summary, line.counterparty, line.handler,
                line.amount.plainYuan, row.signers.joined(separator: "、"), row.receipts > 0 ? "\(row.receipts) 张" : "", row.link,
            ])
        }
        return [0xEF, 0xBB, 0xBF] + Array(text.utf8)
    }

    /// A row that could not be read, by its line in the file.
    public struct RowProblem: Sendable, Equatable {
        public var line: Int
        public var messages: [String]

        public init(line: Int, messages: [String]) {
            self.line = line
            self.messages = messages
        }
    }

    /// What an import found: every line, or every problem. Nothing is
    /// imported unless `problems` is empty.
    public struct Reading: Sendable {
        public var encoding: TextEncoding?
        public var lines: [(line: Int, value: FinanceLine)]
        public var problems: [RowProblem]
        /// A problem with the file as a whole (encoding, headings).
        public var fileProblem: String?

        public init(encoding: TextEncoding?, lines: [(line: Int, value: FinanceLine)], problems: [RowProblem], fileProblem: String?) {
            self.encoding = encoding
            self.lines = lines
            self.problems = problems
            self.fileProblem = fileProblem
        }

        public var isClean: Bool { fileProblem == nil && problems.isEmpty && !lines.isEmpty }
    }

    public static let maxRows = 5_000

    /// Reads a file's bytes. Every row is checked; a bad row is reported by
    /// its line number with every problem it has.
    public static func read(_ bytes: [UInt8], today: CalendarDate) -> Reading {
        guard let (text, encoding) = TextEncoding.decode(bytes) else {
            return Reading(encoding: nil, lines: [], problems: [], fileProblem: "文件编码无法识别。请在 Excel 中“另存为”CSV（逗号分隔）或 CSV UTF-8 格式后再上传。")
        }
        let rows = CSV.rows(text)
        guard let header = rows.first else {
            return Reading(encoding: encoding, lines: [], problems: [], fileProblem: "文件是空的。")
        }
        var positions: [Column: Int] = [:]
        for (index, heading) in header.fields.enumerated() {
            let heading = heading.trimmed.replacing(" ", with: "")
            if let column = Column.allCases.first(where: { $0.aliases.contains(heading) }), positions[column] == nil {
                positions[column] = index
            }
        }
        let absent = required.filter { positions[$0] == nil }
        guard absent.isEmpty else {
            return Reading(
                encoding: encoding, lines: [], problems: [],
                fileProblem: "第一行须是标题，缺少这些列：\(absent.map(\.rawValue).joined(separator: "、"))。可以先导出一份账目作为模板。")
        }
        let body = rows.dropFirst()
        guard body.count <= maxRows else {
            return Reading(encoding: encoding, lines: [], problems: [], fileProblem: "一次最多导入 \(maxRows) 行，请分成几个文件。")
        }
        var lines: [(Int, FinanceLine)] = []
        var problems: [RowProblem] = []
        for row in body {
            func value(_ column: Column) -> String {
                guard let index = positions[column], index < row.fields.count else { return "" }
                return CSV.unprotect(row.fields[index])
            }
            let input = FinanceLineInput(
                kind: value(.kind), fund: value(.fund), date: value(.date), amount: value(.amount), category: value(.category),
                summary: value(.summary), counterparty: value(.counterparty), handler: value(.handler))
            do {
                lines.append((row.line, try input.validated(today: today)))
            } catch {
                problems.append(RowProblem(line: row.line, messages: error.issues.map(\.message)))
            }
        }
        return Reading(encoding: encoding, lines: lines, problems: problems, fileProblem: nil)
    }
}
