import Foundation
import SQLKit
import SunboardCore

/// Reads and writes the disclosure catalog.
public struct CatalogRepository: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// The catalog that applies in a unit: the items of every unit above it
    /// (the office's defaults) followed by its own 细则, each in its order.
    /// `lineage` is the unit first, then its parents.
    public func effective(lineage: [Unit], includeInactive: Bool = false) async throws -> [CatalogItem] {
        guard !lineage.isEmpty else { return [] }
        var query = select().where("owner_unit_id", .in, SQLBind.group(lineage.map(\.id)))
        if !includeInactive { query = query.where("is_active", .equal, SQLBind(true)) }
        let items = try await query.orderBy("position").orderBy("id")
            .all(decoding: CatalogRow.self, keyDecodingStrategy: .convertFromSnakeCase).map(\.item)
        let depth = Dictionary(uniqueKeysWithValues: lineage.enumerated().map { ($0.element.id, $0.offset) })
        // Stable sort: the top of the tree first, each owner's items in their own order.
        return items.enumerated().sorted { a, b in
            let (da, db) = (depth[a.element.ownerUnitID] ?? 0, depth[b.element.ownerUnitID] ?? 0)
            return da != db ? da > db : a.offset < b.offset
        }.map(\.element)
    }

    /// Items owned by one unit, active or not.
    public func owned(by unitID: Int) async throws -> [CatalogItem] {
        try await select().where("owner_unit_id", .equal, unitID).orderBy("position").orderBy("id")
            .all(decoding: CatalogRow.self, keyDecodingStrategy: .convertFromSnakeCase).map(\.item)
    }

    public func find(id: Int) async throws -> CatalogItem? {
        try await select().where("id", .equal, id)
            .first(decoding: CatalogRow.self, keyDecodingStrategy: .convertFromSnakeCase)?.item
    }

    /// Adds an item at the end of its owner's list; fails when the code is
    /// taken in that catalog.
    @discardableResult
    public func create(_ item: CatalogItem, at now: Date, on sql: (any SQLDatabase)? = nil) async throws -> CatalogItem {
        let sql = sql ?? database.sql
        let taken = try await sql.select().column("id").from("catalog_items")
            .where("owner_unit_id", .equal, item.ownerUnitID).where("code", .equal, item.code).first()
        if taken != nil { throw CatalogError.codeTaken(item.code) }
        let position =
            try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("catalog_items")
            .where("owner_unit_id", .equal, item.ownerUnitID).first()?.decode(column: "n", as: Int.self) ?? 0
        let row = try await sql.insert(into: "catalog_items")
            .columns(
                "owner_unit_id", "code", "title", "description", "scope", "class", "frequency", "due_months_after", "due_day",
                "board_section", "fields", "notice_days", "retention_years", "position", "is_active", "created_at", "updated_at"
            )
            .values(
                SQLBind(item.ownerUnitID), SQLBind(item.code), SQLBind(item.title), SQLBind(item.description),
                SQLBind(item.scope.rawValue), SQLBind(item.disclosureClass.rawValue), SQLBind(item.frequency?.rawValue),
                SQLBind(item.dueRule?.monthsAfter), SQLBind(item.dueRule?.day), SQLBind(item.boardSection),
                SQLBind(CatalogRow.encodeFields(item.fields)), SQLBind(item.noticeDays), SQLBind(item.retentionYears),
                SQLBind(position), SQLBind(item.isActive), SQLBind(now.unixSeconds), SQLBind(now.unixSeconds)
            )
            .returning("id")
            .first()
        var created = item
        created.id = try row!.decode(column: "id", as: Int.self)
        return created
    }

    /// Replaces an item's definition. Its code and owner never change:
    /// disclosures and the ledger refer to them.
    public func update(_ item: CatalogItem, at now: Date, on sql: any SQLDatabase) async throws {
        try await sql.update("catalog_items")
            .set("title", to: item.title)
            .set("description", to: item.description)
            .set("scope", to: item.scope.rawValue)
            .set("class", to: item.disclosureClass.rawValue)
            .set("frequency", to: SQLBind(item.frequency?.rawValue))
            .set("due_months_after", to: SQLBind(item.dueRule?.monthsAfter))
            .set("due_day", to: SQLBind(item.dueRule?.day))
            .set("board_section", to: item.boardSection)
            .set("fields", to: CatalogRow.encodeFields(item.fields))
            .set("notice_days", to: SQLBind(item.noticeDays))
            .set("retention_years", to: SQLBind(item.retentionYears))
            .set("is_active", to: SQLBind(item.isActive))
            .set("updated_at", to: now.unixSeconds)
            .where("id", .equal, item.id)
            .run()
    }

    /// Seeds the default catalog into a unit (the office), once.
    public func seedDefaults(ownerUnitID: Int, at now: Date) async throws {
        let existing = Set(try await owned(by: ownerUnitID).map(\.code))
        for var item in DefaultCatalog.items where !existing.contains(item.code) {
            item.ownerUnitID = ownerUnitID
            try await create(item, at: now)
        }
    }

    private func select() -> SQLSelectBuilder {
        database.sql.select().columns(CatalogRow.columns).from("catalog_items")
    }
}
