/// Rosters read from a CSV file as Excel in China saves it (GB18030) or as
/// UTF-8. The headings are the board's field labels, in any order; every
/// bad row is reported by its line, and nothing is imported unless all are
/// good. A message never repeats a full ID number.
public enum RosterCSV {
    public struct Reading: Sendable {
        public var encoding: TextEncoding?
        public var cards: [(line: Int, values: [String: String])]
        public var problems: [LedgerCSV.RowProblem]
        public var fileProblem: String?

        public init(
            encoding: TextEncoding?, cards: [(line: Int, values: [String: String])], problems: [LedgerCSV.RowProblem], fileProblem: String?
        ) {
            self.encoding = encoding
            self.cards = cards
            self.problems = problems
            self.fileProblem = fileProblem
        }

        public var isClean: Bool { fileProblem == nil && problems.isEmpty && !cards.isEmpty }
    }

    public static let maxRows = 5_000

    /// The headings a file should have, in the order of the board's fields.
    public static func headings(_ board: PeopleBoard, visibilities: [String: BoardVisibility]) -> [String] {
        board.fields.filter { visibilities[$0.key] != .notStored }.map(\.label)
    }

    public static func read(_ bytes: [UInt8], board: PeopleBoard, visibilities: [String: BoardVisibility]) -> Reading {
        guard let (text, encoding) = TextEncoding.decode(bytes) else {
            return Reading(
                encoding: nil, cards: [], problems: [],
                fileProblem: "文件编码无法识别。请在 Excel 中“另存为”CSV（逗号分隔）或 CSV UTF-8 格式后再上传。")
        }
        let rows = CSV.rows(text).filter { !$0.fields.allSatisfy { $0.trimmed.isEmpty } }
        guard let header = rows.first else { return Reading(encoding: encoding, cards: [], problems: [], fileProblem: "文件是空的。") }
        var positions: [String: Int] = [:]
        for (index, heading) in header.fields.enumerated() {
            let heading = heading.trimmed.replacing(" ", with: "").replacing("(", with: "（").replacing(")", with: "）")
            if let field = board.fields.first(where: { $0.label == heading || $0.label.hasPrefix(heading + "（") }),
                positions[field.key] == nil
            {
                positions[field.key] = index
            }
        }
        let absent = board.fields.filter { $0.required && positions[$0.key] == nil }
        guard absent.isEmpty else {
            return Reading(
                encoding: encoding, cards: [], problems: [],
                fileProblem: "第一行须是标题，缺少这些列：\(absent.map(\.label).joined(separator: "、"))。")
        }
        let body = rows.dropFirst()
        guard !body.isEmpty else { return Reading(encoding: encoding, cards: [], problems: [], fileProblem: "文件里只有标题，没有名单。") }
        guard body.count <= maxRows else {
            return Reading(encoding: encoding, cards: [], problems: [], fileProblem: "一次最多导入 \(maxRows) 行，请分成几个文件。")
        }
        var cards: [(Int, [String: String])] = []
        var problems: [LedgerCSV.RowProblem] = []
        for row in body {
            var values: [String: String] = [:]
            for (key, index) in positions where index < row.fields.count { values[key] = CSV.unprotect(row.fields[index]) }
            do {
                cards.append((row.line, try CardInput(values: values).validated(for: board, visibilities: visibilities)))
            } catch {
                problems.append(.init(line: row.line, messages: error.issues.map(\.message)))
            }
        }
        return Reading(encoding: encoding, cards: cards, problems: problems, fileProblem: nil)
    }
}
