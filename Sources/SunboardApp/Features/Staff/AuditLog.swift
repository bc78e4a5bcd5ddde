import Foundation
import SQLKit
import SunboardCore

/// Appends to the audit log. There is deliberately no update or delete.
public struct AuditLog: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// One change: who made it, what it was, in which unit, from where.
    public struct Entry: Sendable {
        public var actorID: Int?
        public var actorName: String
        /// A stable verb such as `login`, `unit.profile.update`.
        public var action: String
        public var unitID: Int?
        /// What was changed, e.g. a user name or a disclosure title.
        public var subject: String
        /// Human-readable detail, in Chinese.
        public var detail: String
        public var address: String
        /// The record the action was about, e.g. (`disclosure`, 12).
        public var object: (kind: String, id: Int)?

        public init(
            actorID: Int?, actorName: String, action: String, unitID: Int? = nil,
            subject: String = "", detail: String = "", address: String, object: (kind: String, id: Int)? = nil
        ) {
            self.actorID = actorID
            self.actorName = actorName
            self.action = action
            self.unitID = unitID
            self.subject = subject
            self.detail = detail
            self.address = address
            self.object = object
        }
    }

    public func record(_ entry: Entry, at now: Date, on sql: (any SQLDatabase)? = nil) async throws {
        try await Self.insert(entry, at: now, on: sql ?? database.sql)
    }

    /// Appends inside the caller's transaction.
    static func insert(_ entry: Entry, at now: Date, on sql: any SQLDatabase) async throws {
        try await sql.insert(into: "audit_log")
            .columns(
                "occurred_at", "actor_id", "actor_name", "action", "unit_id", "subject", "detail", "address", "object_kind", "object_id"
            )
            .values(
                SQLBind(now.unixSeconds), SQLBind(entry.actorID), SQLBind(entry.actorName), SQLBind(entry.action),
                SQLBind(entry.unitID), SQLBind(entry.subject), SQLBind(entry.detail), SQLBind(entry.address),
                SQLBind(entry.object?.kind), SQLBind(entry.object?.id)
            )
            .run()
    }

    /// Which entries to read: all of them, or narrowed down.
    public struct Filter: Sendable {
        public var unitIDs: [Int]?
        /// With `unitIDs`: also entries that belong to no unit (logins,
        /// password changes) made by people who hold a role in those units;
        /// another office's people's are not this office's to read.
        public var includeUnitless: Bool
        public var actorName: String?
        public var action: String?
        public var object: (kind: String, id: Int)?
        /// Entries at or after this instant.
        public var from: Date?
        /// Entries before this instant.
        public var until: Date?
        /// Entries older than this id, for paging back.
        public var before: Int?

        public init(
            unitIDs: [Int]? = nil, includeUnitless: Bool = false, actorName: String? = nil, action: String? = nil,
            object: (kind: String, id: Int)? = nil,
            from: Date? = nil, until: Date? = nil, before: Int? = nil
        ) {
            self.unitIDs = unitIDs
            self.includeUnitless = includeUnitless
            self.actorName = actorName
            self.action = action
            self.object = object
            self.from = from
            self.until = until
            self.before = before
        }
    }

    /// The newest entries matching `filter`, newest first.
    public func recent(limit: Int = 50, filter: Filter = .init()) async throws -> [RecordedEntry] {
        var query = database.sql.select()
            .columns(
                "id", "occurred_at", "actor_id", "actor_name", "action", "unit_id", "subject", "detail", "address", "object_kind",
                "object_id"
            )
            .from("audit_log")
        if let ids = filter.unitIDs {
            let inUnits =
                ids.isEmpty ? SQLRaw("1 = 0") as any SQLExpression : SQLBinaryExpression(SQLColumn("unit_id"), .in, SQLBind.group(ids))
            if filter.includeUnitless && !ids.isEmpty {
                let staffThere = SQLSubquery.select {
                    $0.column("user_id").from("role_grants").where("unit_id", .in, SQLBind.group(ids))
                }
                query = query.where {
                    $0.where(inUnits).orWhere { $0.where("unit_id", .is, SQLLiteral.null).where("actor_id", .in, staffThere) }
                }
            } else {
                query = query.where(inUnits)
            }
        }
        if let name = filter.actorName { query = query.where("actor_name", .equal, name) }
        if let action = filter.action { query = query.where("action", .equal, action) }
        if let object = filter.object {
            query = query.where("object_kind", .equal, object.kind).where("object_id", .equal, object.id)
        }
        if let from = filter.from { query = query.where("occurred_at", .greaterThanOrEqual, from.unixSeconds) }
        if let until = filter.until { query = query.where("occurred_at", .lessThan, until.unixSeconds) }
        if let before = filter.before { query = query.where("id", .lessThan, before) }
        return try await query.orderBy("id", .descending).limit(limit)
            .all(decoding: RecordedEntry.self, keyDecodingStrategy: .convertFromSnakeCase)
    }

    /// The distinct actions recorded, for the filter's choices.
    public func actions() async throws -> [String] {
        try await database.sql.select().distinct().column("action").from("audit_log").orderBy("action").all()
            .map { try $0.decode(column: "action", as: String.self) }
    }

    /// An entry as stored.
    public struct RecordedEntry: Codable, Sendable {
        public var id: Int
        public var occurredAt: Int
        public var actorId: Int?
        public var actorName: String
        public var action: String
        public var unitId: Int?
        public var subject: String
        public var detail: String
        public var address: String
        public var objectKind: String?
        public var objectId: Int?
    }
}
