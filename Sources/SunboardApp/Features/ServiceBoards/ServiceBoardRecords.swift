import Foundation
import SQLKit
import SunboardCore

/// A cadre on the 干部监督台: name, post, duties, alleys, phone and photo.
enum CadreRecord: ProjectedRecordKind {
    static let name = "cadre"
    static let projection = RowProjection(
        table: "cadres",
        columns: [
            .text("name"), .text("post"), .text("duties"), .text("lanes"), .text("phone"), .text("photo_sha256"), .number("position"),
        ])

    /// With the phone-sized copy of the photo, when it has one.
    static func states(ids: [Int], on sql: any SQLDatabase) async throws -> [Int: RecordState] {
        var states = try await projection.states(ids: ids, kind: name, on: sql)
        let photos = states.values.compactMap { $0.fields["photo_sha256"]?.text }
        let phones = try await FileStore.phoneCopies(of: photos, on: sql)
        for (id, state) in states {
            if let photo = state.fields["photo_sha256"]?.text, let phone = phones[photo] {
                states[id]?.fields.set("photo.phone_sha256", phone)
            }
        }
        return states
    }
}

/// A line of the 便民指示牌.
enum DirectoryEntryRecord: ProjectedRecordKind {
    static let name = "directory_entry"
    static let projection = RowProjection(
        table: "directory_entries", columns: [.text("category"), .text("name"), .text("address"), .text("phone"), .text("hours")])
}

/// A 办事指南 with its forms, each by the SHA-256 of its file.
enum GuideRecord: ProjectedRecordKind {
    static let name = "guide"
    static let projection = RowProjection(table: "guides", columns: [.text("title"), .text("content"), .number("position")])

    static func states(ids: [Int], on sql: any SQLDatabase) async throws -> [Int: RecordState] {
        guard !ids.isEmpty else { return [:] }
        var forms: [Int: [(sha256: String, name: String, kind: String)]] = [:]
        for row in try await sql.select().columns("guide_id", "sha256", "name", "kind").from("guide_forms")
            .where("guide_id", .in, SQLBind.group(ids)).orderBy("guide_id").orderBy("position").all()
        {
            forms[try row.decode(column: "guide_id", as: Int.self), default: []].append(
                (
                    try row.decode(column: "sha256", as: String.self), try row.decode(column: "name", as: String.self),
                    try row.decode(column: "kind", as: String.self)
                ))
        }
        return try await projection.states(ids: ids, kind: name, on: sql) { id, fields in
            for (index, form) in (forms[id] ?? []).enumerated() {
                fields.set("form.\(index + 1).sha256", form.sha256)
                fields.set("form.\(index + 1).name", form.name)
                fields.set("form.\(index + 1).kind", form.kind)
            }
        }
    }
}
