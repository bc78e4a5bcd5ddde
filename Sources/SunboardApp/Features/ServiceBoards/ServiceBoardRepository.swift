import Foundation
import SQLKit
import SunboardCore

/// The 干部监督台, 便民指示牌 and 办事指南: one query per list, and every
/// change checked, audited and raising the unit's board version.
public struct ServiceBoardRepository: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    // MARK: Reading

    public func cadres(unitID: Int) async throws -> [Cadre] {
        try await database.sql.select().columns(Cadre.columns).from("cadres").where("unit_id", .equal, SQLBind(unitID))
            .orderBy("position").orderBy("id").all(decoding: Cadre.self, keyDecodingStrategy: .convertFromSnakeCase)
    }

    public func cadre(id: Int) async throws -> Cadre? {
        try await database.sql.select().columns(Cadre.columns).from("cadres").where("id", .equal, SQLBind(id))
            .first(decoding: Cadre.self, keyDecodingStrategy: .convertFromSnakeCase)
    }

    /// The directory in the seed's order of categories, then by name.
    public func directory(unitID: Int) async throws -> [DirectoryEntry] {
        let rows = try await database.sql.select().columns(DirectoryEntry.columns).from("directory_entries")
            .where("unit_id", .equal, SQLBind(unitID)).orderBy("id")
            .all(decoding: DirectoryEntry.self, keyDecodingStrategy: .convertFromSnakeCase)
        let order = Dictionary(uniqueKeysWithValues: DirectoryCategory.allCases.enumerated().map { ($1, $0) })
        return rows.sorted { (order[$0.kind] ?? 99, $0.id) < (order[$1.kind] ?? 99, $1.id) }
    }

    public func directoryEntry(id: Int) async throws -> DirectoryEntry? {
        try await database.sql.select().columns(DirectoryEntry.columns).from("directory_entries").where("id", .equal, SQLBind(id))
            .first(decoding: DirectoryEntry.self, keyDecodingStrategy: .convertFromSnakeCase)
    }

    /// The guides that apply in a unit: its own and those of the units
    /// above it (the office writes the common matters once).
    public func guides(lineage: [Unit]) async throws -> [Guide] {
        let rows = try await database.sql.select().columns(GuideRow.columns).from("guides")
            .where("unit_id", .in, lineage.map(\.id)).orderBy("position").orderBy("id")
            .all(decoding: GuideRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        return try await withForms(rows.compactMap(\.guide))
    }

    public func guide(id: Int) async throws -> Guide? {
        guard
            let guide = try await database.sql.select().columns(GuideRow.columns).from("guides").where("id", .equal, SQLBind(id))
                .first(decoding: GuideRow.self, keyDecodingStrategy: .convertFromSnakeCase)?.guide
        else { return nil }
        return try await withForms([guide]).first
    }

    /// Fills in every guide's forms with one query.
    private func withForms(_ guides: [Guide]) async throws -> [Guide] {
        guard !guides.isEmpty else { return [] }
        let rows = try await database.sql.select().columns("guide_id", "sha256", "name", "kind").from("guide_forms")
            .where("guide_id", .in, guides.map(\.id)).orderBy("guide_id").orderBy("position")
            .all(decoding: GuideFormRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        let forms = Dictionary(grouping: rows, by: \.guideId)
        return guides.map { guide in
            var guide = guide
            guide.forms = (forms[guide.id] ?? []).compactMap(\.form)
            return guide
        }
    }

    /// How many cadres, directory lines and guides a community shows, for its board.
    public func counts(unitID: Int, lineage: [Unit]) async throws -> [String: Int] {
        func count(_ table: String, _ ids: [Int]) async throws -> Int {
            try await database.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(table)
                .where("unit_id", .in, ids).first()?.decode(column: "n", as: Int.self) ?? 0
        }
        return [
            "cadres": try await count("cadres", [unitID]), "directory": try await count("directory_entries", [unitID]),
            "guides": try await count("guides", lineage.map(\.id)),
        ]
    }

    /// Whether a stored file is a cadre's photo or a guide's form: both public.
    public func isPublicFile(_ sha256: String) async throws -> Bool {
        if try await database.sql.select().column("id").from("cadres").where("photo_sha256", .equal, SQLBind(sha256)).first() != nil {
            return true
        }
        return try await database.sql.select().column("guide_id").from("guide_forms").where("sha256", .equal, SQLBind(sha256)).first()
            != nil
    }

    // MARK: Cadres

    /// Adds (`id` nil) or changes a cadre; a new photo replaces the old.
    @discardableResult
    public func saveCadre(id: Int?, _ input: CadreInput, photo: AttachmentRef?, unit: Unit, actor: StaffActor, at now: Date) async throws
        -> Int
    {
        try require(actor)
        let valid = try input.validated()
        return try await database.transaction { sql in
            var cadreID = id ?? 0
            if let id {
                var update = sql.update("cadres").set("name", to: SQLBind(valid.name)).set("post", to: SQLBind(valid.post))
                    .set("duties", to: SQLBind(valid.duties)).set("lanes", to: SQLBind(valid.lanes)).set("phone", to: SQLBind(valid.phone))
                    .set("position", to: SQLBind(valid.position)).set("updated_at", to: SQLBind(now.unixSeconds))
                if let photo { update = update.set("photo_sha256", to: SQLBind(photo.sha256)) }
                try await update.where("id", .equal, SQLBind(id)).where("unit_id", .equal, SQLBind(unit.id)).run()
            } else {
                cadreID = try await sql.insert(into: "cadres")
                    .columns("unit_id", "name", "post", "duties", "lanes", "phone", "photo_sha256", "position", "updated_at")
                    .values(
                        SQLBind(unit.id), SQLBind(valid.name), SQLBind(valid.post), SQLBind(valid.duties), SQLBind(valid.lanes),
                        SQLBind(valid.phone), SQLBind(photo?.sha256), SQLBind(valid.position), SQLBind(now.unixSeconds)
                    )
                    .returning("id").first()!.decode(column: "id", as: Int.self)
            }
            try await self.changed(
                CadreRecord.self, cadreID, unit, actor, "cadre.save", subject: valid.name, detail: "干部监督台：\(valid.post)", at: now, on: sql)
            return cadreID
        }
    }

    public func deleteCadre(_ cadre: Cadre, unit: Unit, actor: StaffActor, at now: Date) async throws {
        try require(actor)
        try await database.transaction { sql in
            try await sql.delete(from: "cadres").where("id", .equal, SQLBind(cadre.id)).where("unit_id", .equal, SQLBind(unit.id)).run()
            try await self.changed(
                CadreRecord.self, cadre.id, unit, actor, "cadre.delete", subject: cadre.name, detail: "从干部监督台撤下", at: now, on: sql)
        }
    }

    // MARK: Directory

    @discardableResult
    public func saveDirectoryEntry(id: Int?, _ input: DirectoryEntryInput, unit: Unit, actor: StaffActor, at now: Date) async throws -> Int
    {
        try require(actor)
        let valid = try input.validated()
        return try await database.transaction { sql in
            var entryID = id ?? 0
            if let id {
                try await sql.update("directory_entries").set("category", to: SQLBind(valid.category.rawValue))
                    .set("name", to: SQLBind(valid.name)).set("address", to: SQLBind(valid.address)).set("phone", to: SQLBind(valid.phone))
                    .set("hours", to: SQLBind(valid.hours)).set("updated_at", to: SQLBind(now.unixSeconds))
                    .where("id", .equal, SQLBind(id)).where("unit_id", .equal, SQLBind(unit.id)).run()
            } else {
                entryID = try await sql.insert(into: "directory_entries")
                    .columns("unit_id", "category", "name", "address", "phone", "hours", "updated_at")
                    .values(
                        SQLBind(unit.id), SQLBind(valid.category.rawValue), SQLBind(valid.name), SQLBind(valid.address),
                        SQLBind(valid.phone),
                        SQLBind(valid.hours), SQLBind(now.unixSeconds)
                    )
                    .returning("id").first()!.decode(column: "id", as: Int.self)
            }
            try await self.changed(
                DirectoryEntryRecord.self, entryID, unit, actor, "directory.save", subject: valid.name,
                detail: "便民指示牌：\(valid.category.chinese)", at: now, on: sql)
            return entryID
        }
    }

    public func deleteDirectoryEntry(_ entry: DirectoryEntry, unit: Unit, actor: StaffActor, at now: Date) async throws {
        try require(actor)
        try await database.transaction { sql in
            try await sql.delete(from: "directory_entries").where("id", .equal, SQLBind(entry.id))
                .where("unit_id", .equal, SQLBind(unit.id)).run()
            try await self.changed(
                DirectoryEntryRecord.self, entry.id, unit, actor, "directory.delete", subject: entry.name, detail: "从便民指示牌撤下", at: now,
                on: sql)
        }
    }

    // MARK: Guides

    @discardableResult
    public func saveGuide(
        id: Int?, _ input: GuideInput, addingForms: [AttachmentRef], removingForms: Set<String>, unit: Unit, actor: StaffActor, at now: Date
    ) async throws -> Int {
        try require(actor)
        let content = try input.validated()
        let old = try await id.asyncMap { try await guide(id: $0) } ?? nil
        var forms = (old?.forms ?? []).filter { !removingForms.contains($0.sha256) }
        for form in addingForms where !forms.contains(where: { $0.sha256 == form.sha256 }) { forms.append(form) }
        let keptForms = forms
        return try await database.transaction { sql in
            var guideID = id ?? 0
            if let id {
                try await sql.update("guides").set("title", to: SQLBind(content.title)).set("content", to: SQLBind(GuideRow.json(content)))
                    .set("search_text", to: SQLBind(content.plainText)).set("updated_at", to: SQLBind(now.unixSeconds))
                    .where("id", .equal, SQLBind(id)).where("unit_id", .equal, SQLBind(unit.id)).run()
                try await sql.delete(from: "guide_forms").where("guide_id", .equal, SQLBind(id)).run()
            } else {
                let last =
                    try await sql.select().column(SQLRaw("COALESCE(MAX(position), 0)"), as: "p").from("guides")
                    .where("unit_id", .equal, SQLBind(unit.id)).first()?.decode(column: "p", as: Int.self) ?? 0
                guideID = try await sql.insert(into: "guides").columns(
                    "unit_id", "title", "content", "search_text", "position", "updated_at"
                )
                .values(
                    SQLBind(unit.id), SQLBind(content.title), SQLBind(GuideRow.json(content)), SQLBind(content.plainText),
                    SQLBind(last + 1), SQLBind(now.unixSeconds)
                )
                .returning("id").first()!.decode(column: "id", as: Int.self)
            }
            for (position, form) in keptForms.enumerated() {
                try await sql.insert(into: "guide_forms").columns("guide_id", "position", "sha256", "name", "kind")
                    .values(SQLBind(guideID), SQLBind(position), SQLBind(form.sha256), SQLBind(form.name), SQLBind(form.kind.rawValue))
                    .run()
            }
            try await self.changed(
                GuideRecord.self, guideID, unit, actor, "guide.save", subject: content.title, detail: "办事指南", at: now, on: sql)
            return guideID
        }
    }

    public func deleteGuide(_ guide: Guide, unit: Unit, actor: StaffActor, at now: Date) async throws {
        try require(actor)
        try await database.transaction { sql in
            try await sql.delete(from: "guide_forms").where("guide_id", .equal, SQLBind(guide.id)).run()
            try await sql.delete(from: "guides").where("id", .equal, SQLBind(guide.id)).where("unit_id", .equal, SQLBind(unit.id)).run()
            try await self.changed(
                GuideRecord.self, guide.id, unit, actor, "guide.delete", subject: guide.content.title, detail: "删除办事指南", at: now, on: sql)
        }
    }

    // MARK: Shared

    private func require(_ actor: StaffActor) throws {
        guard actor.permissions.contains(.manageServiceBoards) else { throw CommonError.forbidden }
    }

    /// Chains the record's new state (or its removal) with the audit entry.
    private func changed(
        _ kind: any RecordKind.Type, _ id: Int, _ unit: Unit, _ actor: StaffActor, _ action: String, subject: String, detail: String,
        at now: Date,
        on sql: any SQLDatabase
    ) async throws {
        try await PublicChange(
            kind, id: id,
            audit: AuditLog.Entry(
                actorID: actor.id, actorName: actor.name, action: action, unitID: unit.id, subject: subject, detail: detail,
                address: actor.address, object: (kind.name, id))
        ).apply(at: now, database: database.kind, on: sql)
    }
}

extension Optional {
    fileprivate func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        switch self {
        case .some(let value): try await transform(value)
        case .none: nil
        }
    }
}
