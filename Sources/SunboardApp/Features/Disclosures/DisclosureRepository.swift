import Foundation
import SQLKit
import SunboardCore

/// Reads and writes disclosures, their versions and their attachments.
/// Writes that belong to a workflow step take the step's transaction.
public struct DisclosureRepository: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    // MARK: Working copies

    public func find(id: Int) async throws -> Disclosure? {
        try await Self.find(id: id, on: database.sql)
    }

    static func find(id: Int, on sql: any SQLDatabase) async throws -> Disclosure? {
        guard
            let row = try await sql.select().columns(DisclosureRow.columns).from("disclosures").where("id", .equal, id)
                .first(decoding: DisclosureRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        else { return nil }
        return row.disclosure(
            attachments: try await attachments(table: "draft_attachments", owner: "disclosure_id", ids: [id], on: sql)[id] ?? [])
    }

    static func insert(unitID: Int, itemID: Int, content: DisclosureContent, createdBy: Int, at now: Date, on sql: any SQLDatabase)
        async throws -> Int
    {
        let row = try await sql.insert(into: "disclosures")
            .columns(
                "unit_id", "catalog_item_id", "status", "title", "body", "period", "fields", "created_by", "created_at", "updated_at",
                "published_version"
            )
            .values(
                SQLBind(unitID), SQLBind(itemID), SQLBind(DisclosureStatus.draft.rawValue), SQLBind(content.title), SQLBind(content.body),
                SQLBind(content.period?.description), SQLBind(FieldValues.encode(content.fields)), SQLBind(createdBy),
                SQLBind(now.unixSeconds), SQLBind(now.unixSeconds), SQLBind(0)
            )
            .returning("id")
            .first()
        let id = try row!.decode(column: "id", as: Int.self)
        try await replaceAttachments(table: "draft_attachments", owner: "disclosure_id", id: id, with: content.attachments, on: sql)
        return id
    }

    static func updateWorkingCopy(id: Int, content: DisclosureContent, editor: Int, at now: Date, on sql: any SQLDatabase) async throws {
        try await sql.update("disclosures")
            .set("edited_by", to: SQLBind(editor))
            .set("title", to: content.title)
            .set("body", to: content.body)
            .set("period", to: SQLBind(content.period?.description))
            .set("fields", to: FieldValues.encode(content.fields))
            .set("updated_at", to: now.unixSeconds)
            .where("id", .equal, id)
            .run()
        try await replaceAttachments(table: "draft_attachments", owner: "disclosure_id", id: id, with: content.attachments, on: sql)
    }

    /// Moves a disclosure from one status to another, only if it is still
    /// in the status the step was judged from; `false` when someone else
    /// moved it first.
    static func transition(
        id: Int, from: DisclosureStatus, to: DisclosureStatus, at now: Date, on sql: any SQLDatabase,
        _ changes: (SQLUpdateBuilder) -> SQLUpdateBuilder = { $0 }
    ) async throws -> Bool {
        let update = sql.update("disclosures")
            .set("status", to: to.rawValue)
            .set("updated_at", to: now.unixSeconds)
            .where("id", .equal, id)
            .where("status", .equal, from.rawValue)
        return try await changes(update).returning("id").all().count == 1
    }

    // MARK: Versions

    static func insertVersion(_ version: PublishedVersion, on sql: any SQLDatabase) async throws -> Int {
        let row = try await sql.insert(into: "disclosure_versions")
            .columns(
                "disclosure_id", "number", "title", "body", "period", "fields", "reason", "field_specs", "salt", "unit_slug", "item_code",
                "published_at", "published_by_id", "published_by"
            )
            .values(
                SQLBind(version.disclosureID), SQLBind(version.number), SQLBind(version.content.title), SQLBind(version.content.body),
                SQLBind(version.content.period?.description), SQLBind(FieldValues.encode(version.content.fields)), SQLBind(version.reason),
                SQLBind(CatalogRow.encodeFields(version.fieldSpecs)), SQLBind(version.salt),
                SQLBind(version.unitSlug), SQLBind(version.itemCode), SQLBind(version.publishedAt.unixSeconds),
                SQLBind(version.publishedByID), SQLBind(version.publishedBy)
            )
            .returning("id")
            .first()
        let id = try row!.decode(column: "id", as: Int.self)
        try await replaceAttachments(table: "version_attachments", owner: "version_id", id: id, with: version.content.attachments, on: sql)
        return id
    }

    /// Every version of a disclosure, oldest first.
    public func versions(of disclosureID: Int) async throws -> [PublishedVersion] {
        let rows = try await database.sql.select().columns(VersionRow.columns).from("disclosure_versions")
            .where("disclosure_id", .equal, disclosureID).orderBy("number")
            .all(decoding: VersionRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        return try await withAttachments(rows, on: database.sql)
    }

    /// Versions by (disclosure, number), for checking the ledger in batches.
    func versions(for keys: [(disclosureID: Int, number: Int)]) async throws -> [String: PublishedVersion] {
        guard !keys.isEmpty else { return [:] }
        let rows = try await database.sql.select().columns(VersionRow.columns).from("disclosure_versions")
            .where("disclosure_id", .in, SQLBind.group(Array(Set(keys.map(\.disclosureID)))))
            .all(decoding: VersionRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        let wanted = Set(keys.map { "\($0.disclosureID):\($0.number)" })
        let versions = try await withAttachments(rows.filter { wanted.contains("\($0.disclosureId):\($0.number)") }, on: database.sql)
        return Dictionary(uniqueKeysWithValues: versions.map { ("\($0.disclosureID):\($0.number)", $0) })
    }

    /// Every version of each disclosure, oldest first, read on `sql`.
    static func versions(disclosureIDs ids: [Int], on sql: any SQLDatabase) async throws -> [Int: [PublishedVersion]] {
        guard !ids.isEmpty else { return [:] }
        let rows = try await sql.select().columns(VersionRow.columns).from("disclosure_versions")
            .where("disclosure_id", .in, SQLBind.group(ids)).orderBy("disclosure_id").orderBy("number")
            .all(decoding: VersionRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        let attachments = try await attachments(table: "version_attachments", owner: "version_id", ids: rows.map(\.id), on: sql)
        return Dictionary(grouping: rows.map { $0.version(attachments: attachments[$0.id] ?? []) }, by: \.disclosureID)
    }

    private func withAttachments(_ rows: [VersionRow], on sql: any SQLDatabase) async throws -> [PublishedVersion] {
        let attachments = try await Self.attachments(table: "version_attachments", owner: "version_id", ids: rows.map(\.id), on: sql)
        return rows.map { $0.version(attachments: attachments[$0.id] ?? []) }
    }

    /// A disclosure's public side: its dates, notice and withdrawal, with
    /// the working copy left out, so no public page can show a draft.
    public func findPublicSide(id: Int) async throws -> Disclosure? {
        guard var disclosure = try await rows(ids: [id])[id] else { return nil }
        disclosure.content = DisclosureContent()
        return disclosure
    }

    /// Disclosures by id (no attachments), for checking withdrawals.
    func rows(ids: [Int]) async throws -> [Int: Disclosure] {
        guard !ids.isEmpty else { return [:] }
        let rows = try await database.sql.select().columns(DisclosureRow.columns).from("disclosures")
            .where("id", .in, SQLBind.group(Array(Set(ids))))
            .all(decoding: DisclosureRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        return Dictionary(uniqueKeysWithValues: rows.map { ($0.id, $0.disclosure(attachments: [])) })
    }

    // MARK: Attachments

    /// Whether a stored file is attached to a published version that is
    /// not withdrawn and, for a notice, whose notice period has not ended
    /// on `today`: only those files are public.
    public func isPublicFile(_ sha256: String, today: CalendarDate) async throws -> Bool {
        try await database.sql.select().column(SQLColumn("sha256", table: "version_attachments"))
            .from("version_attachments")
            .join(
                "disclosure_versions", on: SQLColumn("version_id", table: "version_attachments"), .equal,
                SQLColumn("id", table: "disclosure_versions")
            )
            .join(
                "disclosures", on: SQLColumn("disclosure_id", table: "disclosure_versions"), .equal, SQLColumn("id", table: "disclosures")
            )
            .where(SQLColumn("sha256", table: "version_attachments"), .equal, SQLBind(sha256))
            .where(SQLColumn("withdrawn_at", table: "disclosures"), .is, SQLLiteral.null)
            .where {
                $0.where(SQLColumn("notice_ends", table: "disclosures"), .is, SQLLiteral.null)
                    .orWhere(SQLColumn("notice_ends", table: "disclosures"), .greaterThanOrEqual, SQLBind(today.description))
            }
            .first() != nil
    }

    /// Whether a stored file is attached to any disclosure of a unit,
    /// draft or published: staff of that unit may open it.
    public func isFile(_ sha256: String, ofUnit unitID: Int) async throws -> Bool {
        let inDraft = try await database.sql.select().column(SQLColumn("sha256", table: "draft_attachments")).from("draft_attachments")
            .join("disclosures", on: SQLColumn("disclosure_id", table: "draft_attachments"), .equal, SQLColumn("id", table: "disclosures"))
            .where(SQLColumn("sha256", table: "draft_attachments"), .equal, SQLBind(sha256))
            .where(SQLColumn("unit_id", table: "disclosures"), .equal, SQLBind(unitID))
            .first()
        if inDraft != nil { return true }
        return try await database.sql.select().column(SQLColumn("sha256", table: "version_attachments")).from("version_attachments")
            .join(
                "disclosure_versions", on: SQLColumn("version_id", table: "version_attachments"), .equal,
                SQLColumn("id", table: "disclosure_versions")
            )
            .join(
                "disclosures", on: SQLColumn("disclosure_id", table: "disclosure_versions"), .equal, SQLColumn("id", table: "disclosures")
            )
            .where(SQLColumn("sha256", table: "version_attachments"), .equal, SQLBind(sha256))
            .where(SQLColumn("unit_id", table: "disclosures"), .equal, SQLBind(unitID))
            .first() != nil
    }

    private static func replaceAttachments(
        table: String, owner: String, id: Int, with attachments: [AttachmentRef], on sql: any SQLDatabase
    ) async throws {
        try await sql.delete(from: table).where(SQLColumn(owner), .equal, SQLBind(id)).run()
        guard !attachments.isEmpty else { return }
        var insert = sql.insert(into: table).columns(owner, "position", "sha256", "name")
        for (position, attachment) in attachments.enumerated() {
            insert = insert.values(SQLBind(id), SQLBind(position), SQLBind(attachment.sha256), SQLBind(attachment.name))
        }
        try await insert.run()
    }

    /// Attachments of many owners in one query, each owner's in order.
    private static func attachments(table: String, owner: String, ids: [Int], on sql: any SQLDatabase) async throws -> [Int:
        [AttachmentRef]]
    {
        guard !ids.isEmpty else { return [:] }
        let rows = try await sql.select()
            .column(SQLColumn(owner, table: table), as: "owner")
            .column(SQLColumn("sha256", table: table), as: "sha256")
            .column(SQLColumn("name", table: table), as: "name")
            .column(SQLColumn("kind", table: "stored_files"), as: "kind")
            .column(SQLColumn("size", table: "stored_files"), as: "size")
            .from(table)
            .join("stored_files", on: SQLColumn("sha256", table: table), .equal, SQLColumn("sha256", table: "stored_files"))
            .where(SQLColumn(owner, table: table), .in, SQLBind.group(ids))
            .orderBy(SQLColumn(owner, table: table)).orderBy(SQLColumn("position", table: table))
            .all()
        var result: [Int: [AttachmentRef]] = [:]
        for row in rows {
            let reference = AttachmentRef(
                sha256: try row.decode(column: "sha256", as: String.self), name: try row.decode(column: "name", as: String.self),
                kind: AttachmentKind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .pdf,
                size: try row.decode(column: "size", as: Int.self))
            result[try row.decode(column: "owner", as: Int.self), default: []].append(reference)
        }
        return result
    }
}
