import Foundation
import SQLKit
import SunboardCore

/// The office's note on a community's year (reward, penalty or remark),
/// which the published assessment shows beside its score.
enum AssessmentNoteRecord: ProjectedRecordKind {
    static let name = "assessment_note"
    static let projection = RowProjection(
        table: "assessment_notes", columns: [.number("year"), .text("kind"), .text("text"), .text("created_by"), .number("created_at")])

    static func states(ids: [Int], on sql: any SQLDatabase) async throws -> [Int: RecordState] {
        let states = try await projection.states(ids: ids, kind: name, on: sql)
        // The assessment is the office's page: its board is the one that moves.
        let units = try await UnitRepository.parents(of: Array(Set(states.values.compactMap(\.unitID))), on: sql)
        return states.mapValues { RecordState(unitID: $0.unitID.flatMap { units[$0] ?? nil } ?? $0.unitID, fields: $0.fields) }
    }
}

/// The weights the office scores its communities by: what makes a score.
enum AssessmentWeightsRecord: RecordKind {
    static let name = "assessment_weights"
    static func publicIDs(after: Int, limit: Int, on sql: any SQLDatabase) async throws -> [Int] {
        try await sql.select().column("office_id").from("compliance_settings").page(SQLColumn("office_id"), after: after, limit: limit)
            .all()
            .map { try $0.decode(column: "office_id", as: Int.self) }
    }

    static func states(ids: [Int], on sql: any SQLDatabase) async throws -> [Int: RecordState] {
        guard !ids.isEmpty else { return [:] }
        // The table is keyed by the office: read it by that key.
        let rows = try await sql.select().columns(
            "office_id", "weight_on_time", "weight_completeness", "weight_feedback", "weight_objections"
        )
        .from("compliance_settings").where("office_id", .in, SQLBind.group(ids)).all()
        let slugs = try await UnitRecord.slugs(ids: ids, on: sql)
        var states: [Int: RecordState] = [:]
        for row in rows {
            let id = try row.decode(column: "office_id", as: Int.self)
            var fields = RecordFields()
            fields.set("unit", slugs[id])
            for column in ["weight_on_time", "weight_completeness", "weight_feedback", "weight_objections"] {
                fields.set(column, try row.decode(column: column, as: Int.self))
            }
            states[id] = RecordState(unitID: id, fields: fields)
        }
        return states
    }
}
