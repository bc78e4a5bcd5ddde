import Foundation
import SQLKit
import SunboardCore

/// The state of a kind whose record is one row: its columns copied as
/// fields, the unit named by slug, and whatever rows belong to it added by
/// the kind. Most kinds are this.
struct RowProjection: Sendable {
    enum Column: Sendable {
        /// Text (or nothing), as stored.
        case text(String)
        /// A whole number (or nothing), as stored.
        case number(String)
        /// `BOOLEAN` on PostgreSQL, 0/1 on SQLite: written 1 or 0.
        case flag(String)
        /// Text never public: kept as a salted digest.
        case secret(String)
    }

    var table: String
    var columns: [Column]
    /// The column naming the unit whose board shows the row; `nil` when the kind finds it itself.
    var unitColumn: String? = "unit_id"
    /// Narrows the rows to those residents can see.
    var visible: @Sendable (SQLSelectBuilder) -> SQLSelectBuilder = { $0 }

    func ids(after: Int, limit: Int, on sql: any SQLDatabase) async throws -> [Int] {
        try await visible(sql.select().column(SQLColumn("id", table: table)).from(table))
            .page(SQLColumn("id", table: table), after: after, limit: limit).all().map { try $0.decode(column: "id", as: Int.self) }
    }

    /// Each visible row's fields (with `extra` added) and unit.
    func states(
        ids: [Int], kind: String, on sql: any SQLDatabase,
        extra: (_ id: Int, _ fields: inout RecordFields) throws -> Void = { _, _ in }
    ) async throws -> [Int: RecordState] {
        guard !ids.isEmpty else { return [:] }
        var names = [SQLColumn("id", table: table)]
        if let unitColumn { names.append(SQLColumn(unitColumn, table: table)) }
        for column in columns {
            switch column {
            case .text(let name), .number(let name), .flag(let name), .secret(let name): names.append(SQLColumn(name, table: table))
            }
        }
        let rows = try await visible(sql.select().columns(names).from(table)).where(SQLColumn("id", table: table), .in, SQLBind.group(ids))
            .all()
        let unitIDs = try rows.compactMap { row in try unitColumn.flatMap { try row.decode(column: $0, as: Int?.self) } }
        let units = try await UnitRecord.slugs(ids: unitIDs, on: sql)
        let secret = columns.contains { if case .secret = $0 { true } else { false } }
        let salts = secret ? try await RecordSalts.salts(kind: kind, ids: ids, on: sql) : [:]
        var states: [Int: RecordState] = [:]
        for row in rows {
            let id = try row.decode(column: "id", as: Int.self)
            let unitID = try unitColumn.flatMap { try row.decode(column: $0, as: Int?.self) }
            var fields = RecordFields()
            if unitColumn != nil { fields.set("unit", unitID.flatMap { units[$0] }) }
            for column in columns {
                switch column {
                case .text(let name): fields.set(name, try row.decode(column: name, as: String?.self))
                case .number(let name): fields.set(name, try row.decode(column: name, as: Int?.self))
                case .flag(let name): fields.set(name, try row.decode(column: name, as: Bool.self))
                case .secret(let name): fields.secret(name, try row.decode(column: name, as: String?.self), salt: salts[id] ?? "")
                }
            }
            try extra(id, &fields)
            states[id] = RecordState(unitID: unitID, fields: fields)
        }
        return states
    }

}

extension SQLSelectBuilder {
    /// Rows that have a published, not withdrawn, civic post naming them.
    func withPublishedPost(kinds: [CivicPost.Kind], table: String) -> Self {
        self.where(
            SQLRaw(
                """
                EXISTS (SELECT 1 FROM civic_posts p JOIN disclosures d ON d.id = p.disclosure_id
                WHERE p.record_id = \(table).id AND p.kind IN (\(kinds.map { "'\($0.rawValue)'" }.joined(separator: ", ")))
                AND d.first_published_at IS NOT NULL AND d.withdrawn_at IS NULL)
                """))
    }
}
