import Foundation
import SQLKit
import SunboardCore

/// `open-data.zip`: every public record of a unit (an office: of the office
/// and all its communities) as the ledger chained it, one CSV (UTF-8 with a
/// BOM, for Excel) and one JSON file per kind, with a README of the columns
/// and the ledger's head when it was made. Read from the chained versions,
/// so what it holds is what `verify` checks.
struct OpenData {
    let database: Database

    static let readmeName = "README.md"

    /// The last chained version of every record shown on these units'
    /// boards, removals left out, by kind and id.
    func records(units: [Int]) async throws -> [RecordStore.Stored] {
        guard !units.isEmpty else { return [] }
        let rows = try await database.sql.raw(
            """
            SELECT v.kind, v.record_id, v.version, v.unit_id, v.sequence, v.fields, v.recorded_at FROM record_versions v
            WHERE v.unit_id IN (\(binds: units)) AND v.version = (
                SELECT MAX(w.version) FROM record_versions w WHERE w.kind = v.kind AND w.record_id = v.record_id)
            ORDER BY v.kind, v.record_id
            """
        ).all()
        return try rows.map(RecordStore.stored).filter { !$0.isRemoval }
    }

    /// The archive's bytes.
    func archive(for unit: Unit, units: [Unit], at now: Date) async throws -> [UInt8] {
        let head = try await LedgerRepository.head(on: database.sql)
        let records = try await records(units: units.map(\.id))
        let slugs = Dictionary(uniqueKeysWithValues: units.map { ($0.id, $0.slug) })
        var zip = ZipArchive(modified: now)
        var kinds: [(kind: String, count: Int, columns: [String])] = []
        let fixedColumns = ["kind", "id", "unit", "ledger_version", "ledger_sequence", "recorded_at"]
        for (kind, group) in Dictionary(grouping: records, by: \.kind).sorted(by: { $0.key < $1.key }) {
            var rows: [[String: RecordValue]] = []
            for record in group {
                let fixed: [String: RecordValue] = [
                    "kind": .text(kind), "id": .number(record.recordID),
                    "unit": record.unitID.flatMap { slugs[$0] }.map(RecordValue.text) ?? .null,
                    "ledger_version": .number(record.version), "ledger_sequence": .number(record.sequence),
                    "recorded_at": .text(ShanghaiTime.iso8601(Date(unixSeconds: record.recordedAt))),
                ]
                var row = fixed.merging(record.fields.values) { fixed, _ in fixed }
                // A record that names its documents by hash (a disclosure's versions): the latest one's words, in clear.
                if record.fields.values.keys.contains(where: { $0.hasSuffix(".part") }), let type = RecordKinds.named(kind) {
                    // Only the documents this version names: a newer one chained since is not this row's.
                    let named = Set(record.fields.values.keys.filter { $0.hasSuffix(".part") })
                    let parts = try await type.parts(id: record.recordID, on: database.sql).filter { named.contains($0.key) }
                    if let latest = parts.max(by: { Self.partNumber($0.key) < Self.partNumber($1.key) }) {
                        row.merge(Self.content(of: latest.value)) { kept, _ in kept }
                    }
                }
                rows.append(row)
            }
            let fieldNames = Set(rows.flatMap(\.keys)).subtracting(fixedColumns).sorted()
            let columns = fixedColumns + fieldNames
            var csv = CSV.line(columns)
            for row in rows { csv += CSV.line(columns.map { row[$0]?.text ?? "" }) }
            zip.add("\(kind).csv", [0xEF, 0xBB, 0xBF] + Array(csv.utf8))
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            zip.add("\(kind).json", Array(try encoder.encode(rows)))
            kinds.append((kind, group.count, fieldNames))
        }
        zip.add(Self.readmeName, Array(readme(for: unit, units: units, kinds: kinds, head: head, at: now).utf8))
        return zip.bytes
    }

    /// `version.3.part` → 3.
    static func partNumber(_ key: String) -> Int {
        key.split(separator: ".").dropFirst().first.flatMap { Int($0) } ?? 0
    }

    /// A chained document's lines (`title: "…"`, docs/LEDGER.md) as `content.title` and so on.
    static func content(of document: String) -> [String: RecordValue] {
        var values: [String: RecordValue] = [:]
        for line in document.split(separator: "\n").dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon]
            let literal = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            guard let value = try? JSONDecoder().decode(RecordValue.self, from: Data(literal.utf8)) else { continue }
            values["content." + name] = value
        }
        return values
    }

    private func readme(
        for unit: Unit, units: [Unit], kinds: [(kind: String, count: Int, columns: [String])], head: (sequence: Int, hash: String)?,
        at now: Date
    ) -> String {
        var text = """
            # \(unit.name) 公开数据 / Open data of \(unit.name)

            生成时间 Made at: \(ShanghaiTime.iso8601(now))
            单位 Units: \(units.map { "\($0.name)（\($0.slug)）" }.joined(separator: "、"))

            """
        if let head {
            text += """
                账本核对码 Ledger head at export: 第 \(head.sequence) 条 / entry \(head.sequence), \(head.hash)
                核对 Check: `sunboard verify --remote <site> --head \(head.sequence):\(head.hash)`, or /ledger/check

                """
        }
        text += """

            每类公开记录一份 CSV（UTF-8，带 BOM，可直接用 Excel 打开）和一份 JSON，内容相同：账本登记的每条记录的最新版本。
            Each kind of public record comes as CSV (UTF-8 with a BOM, opens in Excel) and as JSON with the same rows: the
            latest version of each record as the ledger chained it (docs/LEDGER.md, GET /api/v1/records/{kind}/{id}).

            Columns every file has / 每个文件都有的列:
            - `kind` 记录种类 the record's kind; `id` its id; `unit` 所属单位 the unit's slug
            - `ledger_version` 第几版 its version in the ledger; `ledger_sequence` 账本条目序号 the entry that chained it
            - `recorded_at` 登记时间 when it was chained (Asia/Shanghai)
            - other columns are the record's fields as chained; a value `sha256:…` is a salted digest of a value that is not
              public (其余各列是记录的字段；以 sha256: 开头的是不公开内容的加盐摘要，不是内容本身)
            - in the CSV only, a value starting with = + - or @ (a negative number, say) begins with an apostrophe, so a
              spreadsheet does not run it as a formula; the JSON has every value exactly (CSV 中以 = + - @ 开头的值前面加了
              单引号，防止表格软件当作公式；JSON 里是原值)
            - `content.…` columns: the words of the record's latest version (a disclosure's title, body, fields), from the
              document its `version.N.part` field names by hash (正文各列：最新一版的标题、正文等)

            ## Files / 文件

            """
        for kind in kinds {
            text += "- `\(kind.kind).csv`, `\(kind.kind).json` — \(RecordKindName.chinese(kind.kind)), \(kind.count) 条 records"
            text += "; fields 字段: " + (kind.columns.isEmpty ? "—" : kind.columns.map { "`\($0)`" }.joined(separator: ", ")) + "\n"
        }
        return text
    }
}
