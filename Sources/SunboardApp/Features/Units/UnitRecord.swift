import Foundation
import SQLKit
import SunboardCore

/// A unit as residents read it: its name and address on the tree, its
/// 基本概况 and the day from which it owes its periodic disclosures.
enum UnitRecord: ProjectedRecordKind {
    static let name = "unit"

    static let projection = RowProjection(
        table: "units",
        columns: [
            .text("slug"), .text("name"), .text("kind"), .number("parent_id"), .number("position"), .number("area_m2"),
            .number("population"),
            .number("households"), .number("institutions"), .number("businesses"), .text("address"), .text("phone"), .text("office_hours"),
            .text("introduction"), .text("obligations_since"),
        ],
        unitColumn: "id")

    /// Units' slugs by id, for the records that name their unit; optionally of one kind.
    static func slugs(ids: [Int], kind: UnitKind? = nil, on sql: any SQLDatabase) async throws -> [Int: String] {
        guard !ids.isEmpty else { return [:] }
        var query = sql.select().columns("id", "slug").from("units").where("id", .in, SQLBind.group(Array(Set(ids))))
        if let kind { query = query.where("kind", .equal, kind.rawValue) }
        var slugs: [Int: String] = [:]
        for row in try await query.all() {
            slugs[try row.decode(column: "id", as: Int.self)] = try row.decode(column: "slug", as: String.self)
        }
        return slugs
    }
}
