import Foundation
import SQLKit
import SunboardCore

/// A catalog item (我们公开什么、何时公开) with every rule it has had and the
/// day each took effect, so what a community owed in any period — and so its
/// on-time record and assessment — cannot be changed unseen.
enum CatalogItemRecord: ProjectedRecordKind {
    static let name = "catalog_item"

    static let projection = RowProjection(
        table: "catalog_items",
        columns: [
            .text("code"), .text("title"), .text("description"), .text("scope"), .text("class"), .text("frequency"),
            .number("due_months_after"), .number("due_day"), .text("board_section"), .text("fields"), .number("notice_days"),
            .number("retention_years"), .number("position"), .flag("is_active"),
        ],
        unitColumn: "owner_unit_id")

    static func states(ids: [Int], on sql: any SQLDatabase) async throws -> [Int: RecordState] {
        guard !ids.isEmpty else { return [:] }
        let rules = try await sql.select().columns("item_id", "effective_from", "frequency", "due_months_after", "due_day", "is_active")
            .from("catalog_rules").where("item_id", .in, SQLBind.group(ids)).orderBy("item_id").orderBy("effective_from").orderBy("id")
            .all()
        var byItem: [Int: [any SQLRow]] = [:]
        for rule in rules { byItem[try rule.decode(column: "item_id", as: Int.self), default: []].append(rule) }
        return try await projection.states(ids: ids, kind: name, on: sql) { id, fields in
            for (index, rule) in (byItem[id] ?? []).enumerated() {
                let key = "rule.\(index + 1)"
                fields.set("\(key).from", try rule.decode(column: "effective_from", as: String.self))
                fields.set("\(key).frequency", try rule.decode(column: "frequency", as: String?.self))
                fields.set("\(key).due_months_after", try rule.decode(column: "due_months_after", as: Int?.self))
                fields.set("\(key).due_day", try rule.decode(column: "due_day", as: Int?.self))
                fields.set("\(key).active", try rule.decode(column: "is_active", as: Bool.self))
            }
        }
    }
}
