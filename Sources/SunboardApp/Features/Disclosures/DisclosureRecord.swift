import Foundation
import SQLKit
import SunboardCore

/// A published disclosure as the chain keeps it: where and when it was
/// published, its notice period, its withdrawal, each of its versions as the
/// SHA-256 of that version's own canonical form (served as a part), and the
/// civic step it carries. Whatever a page, a score or a feed reads of it —
/// which community, which version is current, since when — is pinned here.
enum DisclosureRecord: RecordKind {
    static let name = LedgerEntry.disclosureKind

    /// Published, corrected or withdrawn: search finds its words as they are now.
    static func didChange(id: Int, database: DatabaseKind, on sql: any SQLDatabase) async throws {
        try await DisclosureSearchIndex.update(disclosureID: id, database: database, on: sql)
    }

    static func publicIDs(after: Int, limit: Int, on sql: any SQLDatabase) async throws -> [Int] {
        try await sql.select().column("id").from("disclosures").where("published_version", .greaterThan, SQLBind(0))
            .page(SQLColumn("id"), after: after, limit: limit).all().map { try $0.decode(column: "id", as: Int.self) }
    }

    static func states(ids: [Int], on sql: any SQLDatabase) async throws -> [Int: RecordState] {
        guard !ids.isEmpty else { return [:] }
        let rows = try await sql.select()
            .column(SQLColumn("id", table: "d")).column(SQLColumn("unit_id", table: "d"))
            .column(SQLColumn("slug", table: "u"), as: "unit").column(SQLColumn("code", table: "c"), as: "item")
            .columns(
                SQLColumn("first_published_at", table: "d"), SQLColumn("published_version", table: "d"), SQLColumn("period", table: "d"),
                SQLColumn("notice_starts", table: "d"), SQLColumn("notice_ends", table: "d"), SQLColumn("withdrawn_at", table: "d"),
                SQLColumn("withdraw_reason", table: "d"), SQLColumn("withdrawn_by", table: "d")
            )
            .from(SQLAlias(SQLIdentifier("disclosures"), as: SQLIdentifier("d")))
            .join(
                SQLAlias(SQLIdentifier("units"), as: SQLIdentifier("u")), on: SQLColumn("unit_id", table: "d"), .equal,
                SQLColumn("id", table: "u")
            )
            .join(
                SQLAlias(SQLIdentifier("catalog_items"), as: SQLIdentifier("c")), on: SQLColumn("catalog_item_id", table: "d"), .equal,
                SQLColumn("id", table: "c")
            )
            .where(SQLColumn("id", table: "d"), .in, SQLBind.group(ids)).where(
                SQLColumn("published_version", table: "d"), .greaterThan, SQLBind(0)
            )
            .all()
        let found = try rows.map { try $0.decode(column: "id", as: Int.self) }
        let versions = try await DisclosureRepository.versions(disclosureIDs: found, on: sql)
        let posts = try await CivicRepository.storedPosts(disclosureIDs: found, on: sql)
        let photos = versions.values.flatMap { $0.flatMap { $0.content.attachments.filter(\.kind.isImage).map(\.sha256) } }
        let phones = try await FileStore.phoneCopies(of: photos, on: sql)
        var states: [Int: RecordState] = [:]
        for row in rows {
            let id = try row.decode(column: "id", as: Int.self)
            let notice = try Self.notice(row)
            var fields = RecordFields()
            fields.set("unit", try row.decode(column: "unit", as: String.self))
            fields.set("item", try row.decode(column: "item", as: String.self))
            // Fixed once published (a correction cannot move it): what the compliance matrix reads.
            fields.set("period", try row.decode(column: "period", as: String?.self))
            fields.set("first_published_at", try row.decode(column: "first_published_at", as: Int?.self))
            fields.set("published_version", try row.decode(column: "published_version", as: Int.self))
            fields.set("notice_starts", notice?.starts.description)
            fields.set("notice_ends", notice?.ends.description)
            fields.set("withdrawn_at", try row.decode(column: "withdrawn_at", as: Int?.self))
            fields.set("withdraw_reason", try row.decode(column: "withdraw_reason", as: String?.self))
            fields.set("withdrawn_by", try row.decode(column: "withdrawn_by", as: String?.self))
            for version in versions[id] ?? [] {
                fields.set("version.\(version.number).part", version.record(notice: notice).sha256)
                for attachment in version.content.attachments {
                    if let phone = phones[attachment.sha256] { fields.set("phone.\(attachment.sha256).sha256", phone) }
                }
            }
            if let post = posts[id] {
                fields.set("post.kind", post.kind)
                fields.set("post.record", post.recordID)
                fields.set("post.payload", post.payload)
            }
            states[id] = RecordState(unitID: try row.decode(column: "unit_id", as: Int.self), fields: fields)
        }
        return states
    }

    /// Each version's canonical form (docs/LEDGER.md, “A published version”), by the key that names its hash.
    static func parts(id: Int, on sql: any SQLDatabase) async throws -> [String: String] {
        guard let disclosure = try await DisclosureRepository.find(id: id, on: sql) else { return [:] }
        let versions = try await DisclosureRepository.versions(disclosureIDs: [id], on: sql)[id] ?? []
        return Dictionary(
            uniqueKeysWithValues: versions.map { ("version.\($0.number).part", $0.record(notice: disclosure.notice).text) })
    }

    private static func notice(_ row: any SQLRow) throws -> (starts: CalendarDate, ends: CalendarDate)? {
        guard let starts = try row.decode(column: "notice_starts", as: String?.self).flatMap(CalendarDate.init),
            let ends = try row.decode(column: "notice_ends", as: String?.self).flatMap(CalendarDate.init)
        else { return nil }
        return (starts, ends)
    }
}
