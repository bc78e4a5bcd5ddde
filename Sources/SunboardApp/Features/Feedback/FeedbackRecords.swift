import Foundation
import SQLKit
import SunboardCore

/// A resident's suggestion or complaint as the public list shows it: when it
/// came, its reply and the reply's day; the resident's words in clear only
/// once they were answered and chosen to be shown, never the name, contact
/// or address.
enum FeedbackRecord: ProjectedRecordKind {
    static let name = "feedback"
    static let keepsSecrets = true
    static let projection = RowProjection(
        table: "feedback",
        columns: [
            .text("kind"), .text("sent_on"), .number("created_at"), .flag("shows_text"), .text("reply"), .text("replied_on"),
            .number("replied_at"), .secret("replied_by"), .secret("name"), .secret("contact"), .secret("address"),
        ])

    static func states(ids: [Int], on sql: any SQLDatabase) async throws -> [Int: RecordState] {
        guard !ids.isEmpty else { return [:] }
        var texts: [Int: (text: String, shown: Bool)] = [:]
        for row in try await sql.select().columns("id", "text", "shows_text", "reply").from("feedback").where("id", .in, SQLBind.group(ids))
            .all()
        {
            let shown = try row.decode(column: "shows_text", as: Bool.self) && row.decode(column: "reply", as: String?.self) != nil
            texts[try row.decode(column: "id", as: Int.self)] = (try row.decode(column: "text", as: String.self), shown)
        }
        let salts = try await RecordSalts.salts(kind: name, ids: ids, on: sql)
        return try await projection.states(ids: ids, kind: name, on: sql) { id, fields in
            guard let text = texts[id] else { return }
            if text.shown { fields.set("text", text.text) } else { fields.secret("text", text.text, salt: salts[id] ?? "") }
        }
    }
}

/// An objection to a notice: that it came and when it was answered. Its
/// words and its reply are about a person, shown only while the notice
/// runs, and so kept as digests.
enum ObjectionRecord: ProjectedRecordKind {
    static let name = "objection"
    static let keepsSecrets = true
    static let projection = RowProjection(
        table: "objections",
        columns: [
            .number("disclosure_id"), .number("version"), .number("created_at"), .text("replied_on"), .number("replied_at"),
            .secret("reply"),
            .secret("replied_by"), .secret("text"), .secret("name"), .secret("contact"), .secret("address"),
        ],
        unitColumn: nil)

    static func states(ids: [Int], on sql: any SQLDatabase) async throws -> [Int: RecordState] {
        // The projection names the disclosure; the unit is the disclosure's.
        let states = try await projection.states(ids: ids, kind: name, on: sql)
        let disclosures = Set(
            states.values.compactMap { $0.fields["disclosure_id"].flatMap { if case .number(let id) = $0 { id } else { nil } } })
        var units: [Int: (id: Int, slug: String)] = [:]
        if !disclosures.isEmpty {
            for row in try await sql.select().column(SQLColumn("id", table: "d")).column(SQLColumn("unit_id", table: "d"))
                .column(SQLColumn("slug", table: "u")).from(SQLAlias(SQLIdentifier("disclosures"), as: SQLIdentifier("d")))
                .join(
                    SQLAlias(SQLIdentifier("units"), as: SQLIdentifier("u")), on: SQLColumn("unit_id", table: "d"), .equal,
                    SQLColumn("id", table: "u")
                )
                .where(SQLColumn("id", table: "d"), .in, SQLBind.group(Array(disclosures))).all()
            {
                units[try row.decode(column: "id", as: Int.self)] = (
                    try row.decode(column: "unit_id", as: Int.self), try row.decode(column: "slug", as: String.self)
                )
            }
        }
        return states.mapValues { state in
            var state = state
            let disclosure = state.fields["disclosure_id"].flatMap { if case .number(let id) = $0 { id } else { nil } }
            let unit = disclosure.flatMap { units[$0] }
            state.unitID = unit?.id
            state.fields.set("unit", unit?.slug)
            return state
        }
    }
}
