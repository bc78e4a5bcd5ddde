import Foundation
import SQLKit
import SunboardCore

/// A community as the compliance pages see it: since when it owes.
public struct ObligatedUnit: Sendable, Hashable {
    public var id: Int
    public var slug: String
    public var name: String
    public var since: CalendarDate
}

/// A periodic catalog item with its rule history.
public struct ComplianceItem: Sendable {
    public var id: Int
    public var ownerUnitID: Int
    public var code: String
    public var title: String
    public var rules: [CatalogRule]

    public func schedule(for unit: ObligatedUnit) -> ObligationSchedule {
        ObligationSchedule(itemID: id, rules: rules, since: unit.since)
    }

    /// Whether the item is the community's: the office's defaults and its own 细则.
    public func applies(to unitID: Int, officeID: Int) -> Bool { ownerUnitID == officeID || ownerUnitID == unitID }
}

/// A disclosure that fulfils an obligation: its id and first publication.
public struct Fulfilment: Sendable {
    public var disclosureID: Int
    public var publishedOn: CalendarDate
}

/// The office's settings for reminders and the assessment.
public struct ComplianceSettings: Sendable, Equatable {
    public var reminderDays: Int
    public var weights: AssessmentWeights
    public static let standard = ComplianceSettings(reminderDays: 5, weights: .standard)
}

/// A reward, penalty or remark the office writes beside a community's score.
public struct AssessmentNote: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case reward, penalty, note
        public var chinese: String {
            switch self {
            case .reward: "奖励"
            case .penalty: "扣罚"
            case .note: "说明"
            }
        }
    }

    public var id: Int
    public var unitID: Int
    public var year: Int
    public var kind: Kind
    public var text: String
    public var createdBy: String
    public var createdAt: Date
}

/// Reads what continuity needs: who owes what under which rules, which
/// disclosures fulfil it, and the office's settings and notes.
public struct ComplianceRepository: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// The day obligations begin when none is set.
    package static let always = CalendarDate(year: 2000, month: 1, day: 1)!

    // MARK: Who owes what

    /// The office's communities, in their order.
    public func communities(officeID: Int) async throws -> [ObligatedUnit] {
        try await database.sql.select().columns("id", "slug", "name", "obligations_since").from("units")
            .where("parent_id", .equal, SQLBind(officeID)).where("kind", .equal, SQLBind(UnitKind.community.rawValue))
            .orderBy("position").orderBy("id").all().map(Self.unit)
    }

    /// How many communities an office has, and the sum of their board
    /// versions: one row, for paging and, as a figure that grows with any
    /// change to any of them, for a report's key.
    public func communityVersions(officeID: Int) async throws -> (count: Int, sum: Int) {
        let row = try await database.sql.select()
            .column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            // Cast: PostgreSQL sums a bigint column as numeric.
            .column(SQLRaw("CAST(COALESCE(SUM(board_version), 0) AS BIGINT)"), as: "total")
            .from("units").where("parent_id", .equal, SQLBind(officeID)).where("kind", .equal, SQLBind(UnitKind.community.rawValue))
            .first()
        return (try row?.decode(column: "n", as: Int.self) ?? 0, try row?.decode(column: "total", as: Int.self) ?? 0)
    }

    public func community(id: Int) async throws -> ObligatedUnit? {
        try await database.sql.select().columns("id", "slug", "name", "obligations_since").from("units")
            .where("id", .equal, SQLBind(id)).first().map(Self.unit)
    }

    /// Sets the first day a community owes its periodic disclosures (a new community).
    /// The first day a unit owes its periodic disclosures: part of its
    /// public record, since every on-time score counts from it.
    public func setSince(_ day: CalendarDate, unitID: Int, audit: AuditLog.Entry? = nil, at now: Date) async throws {
        let kind = database.kind
        try await database.transaction { sql in
            try await sql.update("units").set("obligations_since", to: SQLBind(day.description)).where("id", .equal, SQLBind(unitID)).run()
            try await PublicChange(UnitRecord.self, id: unitID, audit: audit).apply(at: now, database: kind, on: sql)
        }
    }

    /// The periodic items of the office and of its communities (or of one), each with its rules.
    public func items(officeID: Int, communityID: Int? = nil) async throws -> [ComplianceItem] {
        let owners: any SQLExpression =
            communityID.map { SQLBind.group([$0]) }
            ?? SQLSubquery.select { $0.column("id").from("units").where("parent_id", .equal, SQLBind(officeID)) }
        let rows = try await database.sql.select()
            .column(SQLColumn("id", table: "i"), as: "item_id").column(SQLColumn("owner_unit_id", table: "i"), as: "owner_unit_id")
            .column(SQLColumn("code", table: "i"), as: "code").column(SQLColumn("title", table: "i"), as: "title")
            .column(SQLColumn("position", table: "i"), as: "position")
            .column(SQLColumn("effective_from", table: "r"), as: "effective_from").column(
                SQLColumn("frequency", table: "r"), as: "frequency"
            )
            .column(SQLColumn("due_months_after", table: "r"), as: "due_months_after").column(
                SQLColumn("due_day", table: "r"), as: "due_day"
            )
            .column(SQLColumn("is_active", table: "r"), as: "is_active")
            .from(SQLAlias(SQLIdentifier("catalog_items"), as: SQLIdentifier("i")))
            .join(
                SQLAlias(SQLIdentifier("catalog_rules"), as: SQLIdentifier("r")), on: SQLColumn("item_id", table: "r"), .equal,
                SQLColumn("id", table: "i")
            )
            .where {
                $0.where(SQLColumn("owner_unit_id", table: "i"), .equal, SQLBind(officeID))
                    .orWhere(SQLColumn("owner_unit_id", table: "i"), .in, owners)
            }
            .orderBy(SQLColumn("owner_unit_id", table: "i")).orderBy(SQLColumn("position", table: "i")).orderBy(SQLColumn("id", table: "i"))
            .all()
        var items: [ComplianceItem] = []
        var index: [Int: Int] = [:]
        for row in rows {
            let id = try row.decode(column: "item_id", as: Int.self)
            let frequency = try row.decode(column: "frequency", as: String?.self).flatMap(Frequency.init(rawValue:))
            let months = try row.decode(column: "due_months_after", as: Int?.self)
            let day = try row.decode(column: "due_day", as: Int?.self)
            let rule = CatalogRule(
                effectiveFrom: CalendarDate(try row.decode(column: "effective_from", as: String.self)) ?? Self.always, frequency: frequency,
                dueRule: months.flatMap { months in day.map { DueRule(monthsAfter: months, day: $0) } },
                isActive: try row.decode(column: "is_active", as: Bool.self))
            if let at = index[id] {
                items[at].rules.append(rule)
            } else {
                index[id] = items.count
                items.append(
                    ComplianceItem(
                        id: id, ownerUnitID: try row.decode(column: "owner_unit_id", as: Int.self),
                        code: try row.decode(column: "code", as: String.self),
                        title: try row.decode(column: "title", as: String.self), rules: [rule]))
            }
        }
        // The office's own first, as in the catalog.
        return items.sorted { ($0.ownerUnitID == officeID ? 0 : 1) < ($1.ownerUnitID == officeID ? 0 : 1) }
    }

    // MARK: What fulfils it

    public struct Key: Hashable, Sendable {
        public var unitID: Int
        public var itemID: Int
        public var period: String
    }

    /// Whose disclosures a query reads: a few communities by id, or all of an
    /// office's (a subquery, so no list of thousands of ids is bound).
    public enum Scope: Sendable {
        case units([Int])
        case office(Int)

        func condition(_ column: any SQLExpression) -> any SQLExpression {
            switch self {
            case .units(let ids): SQLBinaryExpression(column, .in, SQLBind.group(ids))
            case .office(let id):
                SQLBinaryExpression(
                    column, .in, SQLSubquery.select { $0.column("id").from("units").where("parent_id", .equal, SQLBind(id)) })
            }
        }

        var isEmpty: Bool {
            if case .units(let ids) = self { return ids.isEmpty }
            return false
        }
    }

    /// The first publication of each (community, item, period) among `periods`:
    /// withdrawn disclosures fulfil nothing.
    public func fulfilment(_ scope: Scope, periods: [String]) async throws -> [Key: Fulfilment] {
        guard !periods.isEmpty, !scope.isEmpty else { return [:] }
        let rows = try await database.sql.select()
            .column("unit_id").column("catalog_item_id").column("period")
            .column(SQLFunction("MIN", args: SQLColumn("first_published_at")), as: "first")
            .column(SQLFunction("MIN", args: SQLColumn("id")), as: "id")
            .from("disclosures")
            .where("period", .in, SQLBind.group(periods))
            .where(scope.condition(SQLColumn("unit_id")))
            .where("published_version", .greaterThan, SQLBind(0))
            .where("withdrawn_at", .is, SQLLiteral.null)
            .groupBy("unit_id").groupBy("catalog_item_id").groupBy("period")
            .all()
        var result: [Key: Fulfilment] = [:]
        for row in rows {
            guard let first = try row.decode(column: "first", as: Int?.self) else { continue }
            let key = Key(
                unitID: try row.decode(column: "unit_id", as: Int.self), itemID: try row.decode(column: "catalog_item_id", as: Int.self),
                period: try row.decode(column: "period", as: String.self))
            result[key] = Fulfilment(
                disclosureID: try row.decode(column: "id", as: Int.self), publishedOn: CalendarDate(Date(unixSeconds: first)))
        }
        return result
    }

    /// For all of an office's communities at once (or one): per item, how
    /// many communities that owe it published it for its period and how many
    /// by the due date; per community, the same summed over the items.
    /// Counted in the database, two passes over the periods' index entries.
    ///
    /// An office's items are published only by its communities, and a
    /// community's own only by it; so the communities that did not owe a
    /// period (set up after it began) are the only ones to leave out.
    public func counts(
        columns: [(id: Int, period: Period, due: CalendarDate)], communities: [ObligatedUnit], only: Int? = nil
    ) async throws -> (byItem: [Int: (published: Int, onTime: Int)], byUnit: [Int: (published: Int, onTime: Int)]) {
        guard !columns.isEmpty else { return ([:], [:]) }
        // The columns as a table: its number, item, period, the end of its due day, and who did not owe it. Every
        // value written into this SQL is an integer or a period the code formatted itself: none comes from a request.
        var values: [String] = []
        var exclusions: [String] = []
        for (k, column) in columns.enumerated() {
            values.append("(\(k), \(column.id), '\(column.period.description)', \(column.due.adding(days: 1).startInstant.unixSeconds))")
            let late = communities.filter { $0.since > column.period.firstDay }.map { String($0.id) }
            if !late.isEmpty { exclusions.append("(c.k = \(k) AND d.unit_id IN (\(late.joined(separator: ","))))") }
        }
        let notOwed = exclusions.isEmpty ? "" : " AND NOT (\(exclusions.joined(separator: " OR ")))"
        let unit = only.map { " AND d.unit_id = \($0)" } ?? ""
        let table = "WITH c(k, item, period, deadline) AS (VALUES \(values.joined(separator: ", ")))"
        let join = """
            FROM c JOIN disclosures d ON d.catalog_item_id = c.item AND d.period = c.period
            WHERE d.published_version > 0 AND d.withdrawn_at IS NULL\(unit)\(notOwed)
            """
        var byItem: [Int: (published: Int, onTime: Int)] = [:]
        var byUnit: [Int: (published: Int, onTime: Int)] = [:]
        /// Reads (id, published, on time) rows into `table`, or with a `per_unit` column set, into `byUnit`.
        func read(_ query: String, perUnit: Bool) async throws {
            try read(try await database.sql.raw(SQLQueryString(query)).all(), perUnit: perUnit)
        }
        func read(_ rows: [any SQLRow], perUnit: Bool) throws {
            for row in rows {
                let counts = (
                    published: try row.decode(column: "published", as: Int.self), onTime: try row.decode(column: "on_time", as: Int.self)
                )
                let id = try row.decode(column: "id", as: Int.self)
                let toUnit = row.contains(column: "per_unit") ? try row.decode(column: "per_unit", as: Int.self) == 1 : perUnit
                if toUnit { byUnit[id] = counts } else { byItem[id] = counts }
            }
        }
        switch database.kind {
        case .postgresql:
            // One pass: each community's period counted once (on time if any of its disclosures was), then
            // summed per item and per community together by grouping sets.
            let query = """
                \(table), p AS (SELECT d.unit_id AS unit_id, c.item AS item, c.k AS k, MIN(d.first_published_at) < MIN(c.deadline) AS on_time
                \(join) GROUP BY d.unit_id, c.item, c.k)
                SELECT GROUPING(item) AS per_unit, COALESCE(item, unit_id) AS id, COUNT(*) AS published,
                  SUM(CASE WHEN on_time THEN 1 ELSE 0 END) AS on_time
                FROM p GROUP BY GROUPING SETS ((item), (unit_id))
                """
            // The aggregation holds one entry per community and period: give it the memory to do so without
            // spilling to disk (PostgreSQL's default is 4 MB), for this statement only.
            let rows = try await database.transaction { sql in
                try await sql.raw("SET LOCAL work_mem = '64MB'").run()
                return try await sql.raw(SQLQueryString(query)).all()
            }
            try read(rows, perUnit: false)
        case .sqlite:
            // SQLite has no grouping sets; DISTINCT over the index's order is its fastest way: a second
            // disclosure of the same period counts once, on time if either was.
            try await read(
                """
                \(table) SELECT c.item AS id, COUNT(DISTINCT d.unit_id) AS published,
                  COUNT(DISTINCT CASE WHEN d.first_published_at < c.deadline THEN d.unit_id END) AS on_time \(join) GROUP BY c.item
                """, perUnit: false)
            try await read(
                """
                \(table) SELECT d.unit_id AS id, COUNT(DISTINCT c.k) AS published,
                  COUNT(DISTINCT CASE WHEN d.first_published_at < c.deadline THEN c.k END) AS on_time \(join) GROUP BY d.unit_id
                """, perUnit: true)
        }
        return (byItem, byUnit)
    }

    // MARK: Settings and notes

    public func settings(officeID: Int) async throws -> ComplianceSettings {
        guard
            let row = try await database.sql.select().column("*").from("compliance_settings").where("office_id", .equal, SQLBind(officeID))
                .first()
        else { return .standard }
        return ComplianceSettings(
            reminderDays: try row.decode(column: "reminder_days", as: Int.self),
            weights: AssessmentWeights(
                onTime: try row.decode(column: "weight_on_time", as: Int.self),
                completeness: try row.decode(column: "weight_completeness", as: Int.self),
                feedback: try row.decode(column: "weight_feedback", as: Int.self),
                objections: try row.decode(column: "weight_objections", as: Int.self)))
    }

    public func save(_ settings: ComplianceSettings, officeID: Int, actor: StaffActor, audit: AuditLog, at now: Date)
        async throws
    {
        let entry = AuditLog.Entry(
            actorID: actor.id, actorName: actor.name, action: "compliance.settings", unitID: officeID, subject: "考核设置",
            detail:
                "提前 \(settings.reminderDays) 天提醒；权重：按时 \(settings.weights.onTime)、完整 \(settings.weights.completeness)、答复 \(settings.weights.feedback)、异议 \(settings.weights.objections)",
            address: actor.address)
        let kind = database.kind
        try await database.transaction { sql in
            try await sql.delete(from: "compliance_settings").where("office_id", .equal, SQLBind(officeID)).run()
            try await sql.insert(into: "compliance_settings")
                .columns(
                    "office_id", "reminder_days", "weight_on_time", "weight_completeness", "weight_feedback", "weight_objections",
                    "updated_by",
                    "updated_at"
                )
                .values(
                    SQLBind(officeID), SQLBind(settings.reminderDays), SQLBind(settings.weights.onTime),
                    SQLBind(settings.weights.completeness),
                    SQLBind(settings.weights.feedback), SQLBind(settings.weights.objections), SQLBind(actor.name), SQLBind(now.unixSeconds)
                )
                .run()
            // The office's version moves, so answers computed with the old weights are not served again.
            if try await PublicChange(AssessmentWeightsRecord.self, id: officeID, audit: entry).apply(at: now, database: kind, on: sql)
                == nil
            {
                // Only the reminder days changed: nothing public, the staff's pages still move on.
                try await BoardVersion.renew(unitID: officeID, on: sql)
            }
        }
    }

    public func notes(_ scope: Scope, year: Int) async throws -> [AssessmentNote] {
        guard !scope.isEmpty else { return [] }
        return try await database.sql.select().column("*").from("assessment_notes").where(scope.condition(SQLColumn("unit_id")))
            .where("year", .equal, SQLBind(year)).orderBy("id").all().map { row in
                AssessmentNote(
                    id: try row.decode(column: "id", as: Int.self), unitID: try row.decode(column: "unit_id", as: Int.self),
                    year: try row.decode(column: "year", as: Int.self),
                    kind: AssessmentNote.Kind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .note,
                    text: try row.decode(column: "text", as: String.self), createdBy: try row.decode(column: "created_by", as: String.self),
                    createdAt: Date(unixSeconds: try row.decode(column: "created_at", as: Int.self)))
            }
    }

    public func addNote(
        unit: ObligatedUnit, officeID: Int, year: Int, kind: AssessmentNote.Kind, text: String, actor: StaffActor,
        audit: AuditLog,
        at now: Date
    ) async throws {
        let entry = AuditLog.Entry(
            actorID: actor.id, actorName: actor.name, action: "assessment.note", unitID: officeID, subject: unit.name,
            detail: "\(year) 年考核\(kind.chinese)：\(text)", address: actor.address)
        let database = database.kind
        try await self.database.transaction { sql in
            let id = try await sql.insert(into: "assessment_notes").columns("unit_id", "year", "kind", "text", "created_by", "created_at")
                .values(
                    SQLBind(unit.id), SQLBind(year), SQLBind(kind.rawValue), SQLBind(text), SQLBind(actor.name), SQLBind(now.unixSeconds)
                )
                .returning("id").first()!.decode(column: "id", as: Int.self)
            try await PublicChange(AssessmentNoteRecord.self, id: id, audit: entry).apply(at: now, database: database, on: sql)
        }
    }

    static func unit(_ row: any SQLRow) throws -> ObligatedUnit {
        ObligatedUnit(
            id: try row.decode(column: "id", as: Int.self), slug: try row.decode(column: "slug", as: String.self),
            name: try row.decode(column: "name", as: String.self),
            since: try row.decode(column: "obligations_since", as: String?.self).flatMap(CalendarDate.init) ?? always)
    }
}
