import Foundation
import SQLKit
import SunboardCore

/// Reads and writes the organization tree.
public struct UnitRepository: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// Every unit, parents before children in the order they were placed.
    public func all() async throws -> [Unit] {
        try await database.sql.select().columns(UnitRow.columns).from("units")
            .orderBy("position").orderBy("id")
            .all(decoding: UnitRow.self, keyDecodingStrategy: .convertFromSnakeCase)
            .map(\.unit)
    }

    public func find(slug: String) async throws -> Unit? {
        // A string that cannot be a slug names no unit: no need to ask.
        guard Slug.isValid(slug) else { return nil }
        return try await select().where("slug", .equal, slug).first(decoding: UnitRow.self, keyDecodingStrategy: .convertFromSnakeCase)?
            .unit
    }

    public func find(id: Int) async throws -> Unit? {
        try await select().where("id", .equal, id).first(decoding: UnitRow.self, keyDecodingStrategy: .convertFromSnakeCase)?.unit
    }

    /// The units with these ids, in tree order.
    public func find(ids: [Int]) async throws -> [Unit] {
        guard !ids.isEmpty else { return [] }
        return try await select().where("id", .in, SQLBind.group(ids))
            .orderBy("position").orderBy("id")
            .all(decoding: UnitRow.self, keyDecodingStrategy: .convertFromSnakeCase).map(\.unit)
    }

    /// Units without a parent: the top of the tree.
    public func roots() async throws -> [Unit] {
        try await select().where("parent_id", .is, SQLLiteral.null)
            .orderBy("position").orderBy("id")
            .all(decoding: UnitRow.self, keyDecodingStrategy: .convertFromSnakeCase).map(\.unit)
    }

    public func children(of id: Int) async throws -> [Unit] {
        try await select().where("parent_id", .equal, id)
            .orderBy("position").orderBy("id")
            .all(decoding: UnitRow.self, keyDecodingStrategy: .convertFromSnakeCase).map(\.unit)
    }

    /// The unit, its parent, and so on to the root, in one query.
    public func lineage(of id: Int) async throws -> [Unit] {
        let columns = UnitRow.columns.map { "u.\($0)" }.joined(separator: ", ")
        let rows = try await database.sql.raw(
            """
            WITH RECURSIVE up(id, depth) AS (
                SELECT id, 0 FROM units WHERE id = \(bind: id)
                UNION ALL
                SELECT u.parent_id, up.depth + 1 FROM units u JOIN up ON u.id = up.id
                WHERE u.parent_id IS NOT NULL AND up.depth < 32
            )
            SELECT \(unsafeRaw: columns) FROM up JOIN units u ON u.id = up.id ORDER BY up.depth
            """
        ).all(decoding: UnitRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        return rows.map(\.unit)
    }

    /// The given units and everything below them, each parent before its
    /// children, in one query.
    public func subtrees(of ids: [Int]) async throws -> [Unit] {
        guard !ids.isEmpty else { return [] }
        let rows = try await database.sql.raw(
            """
            WITH RECURSIVE down(id) AS (
                SELECT id FROM units WHERE id IN \(SQLBind.group(ids))
                UNION
                SELECT u.id FROM units u JOIN down ON u.parent_id = down.id
            )
            SELECT \(unsafeRaw: UnitRow.columns.joined(separator: ", ")) FROM units
            WHERE id IN (SELECT id FROM down) ORDER BY position, id
            """
        ).all(decoding: UnitRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        let tree = UnitTree(rows.map(\.unit))
        var seen: Set<Int> = []
        return ids.flatMap { tree.subtree(of: $0) }.filter { seen.insert($0.id).inserted }
    }

    private func select() -> SQLSelectBuilder {
        database.sql.select().columns(UnitRow.columns).from("units")
    }

    /// Adds a unit at the end of its parent's list; returns it with its id.
    /// Units are added by the demo and the office, one at a time: two added
    /// at the same moment may share a place, which only affects their order.
    @discardableResult
    public func create(
        slug: String, name: String, kind: UnitKind, parentID: Int?, profile: UnitProfile = .init(), at now: Date
    ) async throws -> Unit {
        guard Slug.isValid(slug) else {
            throw ValidationFailure([
                .init(
                    field: "slug",
                    message: "单位的网址名“\(slug)”不可用：只能用小写英文字母、数字和连字符，2 到 40 位，以字母开头。",
                    englishMessage: "slug must be 2–40 lowercase letters, digits and single hyphens, starting with a letter."
                )
            ])
        }
        let kindOfDatabase = database.kind
        return try await database.transaction { sql in
            let unit = try await Self.insert(slug: slug, name: name, kind: kind, parentID: parentID, profile: profile, at: now, on: sql)
            try await PublicChange(UnitRecord.self, id: unit.id, audit: nil).apply(at: now, database: kindOfDatabase, on: sql)
            if kind == .community {
                try await PublicChange(BoardSettingsRecord.self, id: unit.id, audit: nil).apply(at: now, database: kindOfDatabase, on: sql)
            }
            // The parent's pages list its units: they change too.
            if let parentID { try await BoardVersion.bump(unitID: parentID, on: sql) }
            return unit
        }
    }

    private static func insert(
        slug: String, name: String, kind: UnitKind, parentID: Int?, profile: UnitProfile, at now: Date, on sql: any SQLDatabase
    ) async throws -> Unit {
        let siblings = sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("units")
        let position =
            try await (parentID.map { siblings.where("parent_id", .equal, $0) } ?? siblings.where("parent_id", .is, SQLLiteral.null))
            .first()?.decode(column: "n", as: Int.self) ?? 0
        let row = try await sql.insert(into: "units")
            .columns(
                "slug", "name", "kind", "parent_id", "position", "area_m2", "population", "households",
                "institutions", "businesses", "address", "phone", "office_hours", "introduction",
                "board_version", "created_at", "updated_at", "obligations_since"
            )
            .values(
                SQLBind(slug), SQLBind(name), SQLBind(kind.rawValue), SQLBind(parentID), SQLBind(position),
                SQLBind(profile.areaSquareMetres), SQLBind(profile.population), SQLBind(profile.households),
                SQLBind(profile.institutions), SQLBind(profile.businesses), SQLBind(profile.address),
                SQLBind(profile.phone), SQLBind(profile.officeHours), SQLBind(profile.introduction),
                SQLBind(0), SQLBind(now.unixSeconds), SQLBind(now.unixSeconds),
                // A new community owes its periodic disclosures from the first period that starts after today.
                SQLBind(kind == .community ? CalendarDate(now).description : nil)
            )
            .returning("id")
            .first()
        let id = try row!.decode(column: "id", as: Int.self)
        return Unit(id: id, slug: slug, name: name, kind: kind, parentID: parentID, profile: profile)
    }

    /// Each unit's parent, if any.
    static func parents(of ids: [Int], on sql: any SQLDatabase) async throws -> [Int: Int?] {
        guard !ids.isEmpty else { return [:] }
        var parents: [Int: Int?] = [:]
        for row in try await sql.select().columns("id", "parent_id").from("units").where("id", .in, SQLBind.group(ids)).all() {
            parents[try row.decode(column: "id", as: Int.self)] = try row.decode(column: "parent_id", as: Int?.self)
        }
        return parents
    }

    /// Replaces a unit's 基本概况 and chains it, with the audit entry.
    public func updateProfile(unitID: Int, to profile: UnitProfile, audit: AuditLog.Entry, at now: Date) async throws {
        let kind = database.kind
        try await database.transaction { sql in
            try await Self.updateProfile(unitID: unitID, to: profile, at: now, on: sql)
            try await PublicChange(UnitRecord.self, id: unitID, audit: audit).apply(at: now, database: kind, on: sql)
        }
    }

    private static func updateProfile(unitID: Int, to profile: UnitProfile, at now: Date, on sql: any SQLDatabase) async throws {
        try await sql.update("units")
            .set("area_m2", to: SQLBind(profile.areaSquareMetres))
            .set("population", to: SQLBind(profile.population))
            .set("households", to: SQLBind(profile.households))
            .set("institutions", to: SQLBind(profile.institutions))
            .set("businesses", to: SQLBind(profile.businesses))
            .set("address", to: profile.address)
            .set("phone", to: profile.phone)
            .set("office_hours", to: profile.officeHours)
            .set("introduction", to: profile.introduction)
            .set("updated_at", to: now.unixSeconds)
            .where("id", .equal, unitID)
            .run()
    }
}
