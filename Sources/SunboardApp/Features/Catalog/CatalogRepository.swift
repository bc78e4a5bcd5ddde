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
    /// A periodic item's rule holds from `effectiveFrom` (today by default):
    /// periods that began before are not owed.
    public func create(_ item: CatalogItem, at now: Date, effectiveFrom: CalendarDate? = nil, audit: AuditLog.Entry? = nil) async throws
        -> CatalogItem
    {
        let kind = database.kind
        return try await database.transaction { sql in
            let created = try await Self.insert(item, at: now, effectiveFrom: effectiveFrom, on: sql)
            var entry = audit
            entry?.object = (CatalogItemRecord.name, created.id)
            try await PublicChange(CatalogItemRecord.self, id: created.id, audit: entry).apply(at: now, database: kind, on: sql)
            return created
        }
    }

    private static func insert(_ item: CatalogItem, at now: Date, effectiveFrom: CalendarDate?, on sql: any SQLDatabase) async throws
        -> CatalogItem
    {
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
        try await Self.recordRule(of: created, from: effectiveFrom ?? CalendarDate(now), at: now, on: sql)
        return created
    }

    /// Replaces an item's definition. Its code and owner never change:
    /// disclosures and the ledger refer to them.
    /// A change to when the item is due (or whether it is) takes effect on
    /// `effectiveFrom`, today by default, and leaves earlier periods as they were.
    public func update(_ item: CatalogItem, at now: Date, effectiveFrom: CalendarDate? = nil, audit: AuditLog.Entry?) async throws {
        let kind = database.kind
        try await database.transaction { sql in
            try await Self.update(item, at: now, effectiveFrom: effectiveFrom, on: sql)
            try await PublicChange(CatalogItemRecord.self, id: item.id, audit: audit).apply(at: now, database: kind, on: sql)
        }
    }

    private static func update(_ item: CatalogItem, at now: Date, effectiveFrom: CalendarDate?, on sql: any SQLDatabase) async throws {
        let day = effectiveFrom ?? CalendarDate(now)
        try await Self.recordRule(of: item, from: day, at: now, on: sql)
        // A change for a later day waits for it (`applyRulesInForce`): until
        // then the item is drafted and listed under the rule it has now.
        var item = item
        if day > CalendarDate(now),
            let current = try await sql.select().columns(CatalogRow.columns).from("catalog_items")
                .where("id", .equal, item.id).first(decoding: CatalogRow.self, keyDecodingStrategy: .convertFromSnakeCase)?.item
        {
            item.frequency = current.frequency
            item.dueRule = current.dueRule
            item.isActive = current.isActive
            if item.disclosureClass == .periodic && current.disclosureClass != .periodic { item.disclosureClass = current.disclosureClass }
        }
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
            // The defaults are the rules communities have always worked under.
            try await create(item, at: now, effectiveFrom: ComplianceRepository.always)
        }
    }

    /// Brings each item's schedule to the rule in force on `day`: a change set
    /// for a later day takes effect when the day comes. Run by the
    /// maintenance service every 10 minutes (cheap: a few dozen items); idempotent.
    public func applyRulesInForce(at now: Date) async throws {
        let day = CalendarDate(now)
        let rules = try await database.sql.select().column("*").from("catalog_rules")
            .where("effective_from", .lessThanOrEqual, SQLBind(day.description)).orderBy("item_id").orderBy("effective_from").orderBy("id")
            .all()
        var inForce: [Int: any SQLRow] = [:]
        for row in rules { inForce[try row.decode(column: "item_id", as: Int.self)] = row }
        for (id, rule) in inForce {
            guard let item = try await find(id: id) else { continue }
            let frequency = try rule.decode(column: "frequency", as: String?.self).flatMap(Frequency.init(rawValue:))
            let months = try rule.decode(column: "due_months_after", as: Int?.self)
            let dueDay = try rule.decode(column: "due_day", as: Int?.self)
            let active = try rule.decode(column: "is_active", as: Bool.self)
            let scheduled = item.disclosureClass != .periodic || frequency != nil
            guard scheduled,
                item.frequency != frequency || item.dueRule?.monthsAfter != months || item.dueRule?.day != dueDay || item.isActive != active
            else { continue }
            let kind = database.kind
            try await database.transaction { sql in
                try await sql.update("catalog_items").set("frequency", to: SQLBind(frequency?.rawValue))
                    .set("due_months_after", to: SQLBind(months)).set("due_day", to: SQLBind(dueDay)).set("is_active", to: SQLBind(active))
                    .where("id", .equal, SQLBind(id)).run()
                try await PublicChange(
                    CatalogItemRecord.self, id: id,
                    audit: AuditLog.Entry(
                        actorID: nil, actorName: "系统", action: "catalog.rule", unitID: item.ownerUnitID, subject: item.title,
                        detail: "按此前设定，\(day.chinese)起的新规则生效", address: "system", object: (CatalogItemRecord.name, id))
                ).apply(at: now, database: kind, on: sql)
            }
        }
    }

    /// The item as it was for `period`: a period that began under an earlier
    /// rule (monthly before a switch to quarterly) is still owed, and so can
    /// still be drafted under that rule.
    public func item(_ item: CatalogItem, forPeriod text: String) async throws -> CatalogItem {
        guard let period = Period(text), period.frequency != item.frequency,
            let rule = try await database.sql.select().column("*").from("catalog_rules").where("item_id", .equal, SQLBind(item.id))
                .where("effective_from", .lessThanOrEqual, SQLBind(period.firstDay.description))
                .orderBy("effective_from", .descending).orderBy("id", .descending).first(),
            try rule.decode(column: "frequency", as: String?.self) == period.frequency.rawValue,
            let months = try rule.decode(column: "due_months_after", as: Int?.self),
            let day = try rule.decode(column: "due_day", as: Int?.self)
        else { return item }
        var then = item
        then.frequency = period.frequency
        then.dueRule = DueRule(monthsAfter: months, day: day)
        return then
    }

    /// Adds the item's rule from `day` when it differs from the one in force;
    /// a second change on the same day replaces the first.
    static func recordRule(of item: CatalogItem, from day: CalendarDate, at now: Date, on sql: any SQLDatabase) async throws {
        let frequency = item.disclosureClass == .periodic ? item.frequency : nil
        let dueRule = frequency == nil ? nil : item.dueRule
        let latest = try await sql.select().column("*").from("catalog_rules").where("item_id", .equal, SQLBind(item.id))
            .where("effective_from", .lessThanOrEqual, SQLBind(day.description))
            .orderBy("effective_from", .descending).orderBy("id", .descending).first()
        if let latest {
            let same =
                try latest.decode(column: "frequency", as: String?.self) == frequency?.rawValue
                && latest.decode(column: "due_months_after", as: Int?.self) == dueRule?.monthsAfter
                && latest.decode(column: "due_day", as: Int?.self) == dueRule?.day
                && latest.decode(column: "is_active", as: Bool.self) == item.isActive
            if same { return }
        } else if frequency == nil {
            return  // never periodic: nothing is owed
        }
        try await sql.delete(from: "catalog_rules").where("item_id", .equal, SQLBind(item.id))
            .where("effective_from", .equal, SQLBind(day.description)).run()
        try await sql.insert(into: "catalog_rules")
            .columns("item_id", "effective_from", "frequency", "due_months_after", "due_day", "is_active", "recorded_at")
            .values(
                SQLBind(item.id), SQLBind(day.description), SQLBind(frequency?.rawValue), SQLBind(dueRule?.monthsAfter),
                SQLBind(dueRule?.day),
                SQLBind(item.isActive), SQLBind(now.unixSeconds)
            )
            .run()
    }

    private func select() -> SQLSelectBuilder {
        database.sql.select().columns(CatalogRow.columns).from("catalog_items")
    }
}
