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

        public init(
            actorID: Int?, actorName: String, action: String, unitID: Int? = nil,
            subject: String = "", detail: String = "", address: String
        ) {
            self.actorID = actorID
            self.actorName = actorName
            self.action = action
            self.unitID = unitID
            self.subject = subject
            self.detail = detail
            self.address = address
        }
    }

    public func record(_ entry: Entry, at now: Date, on sql: (any SQLDatabase)? = nil) async throws {
        try await (sql ?? database.sql).insert(into: "audit_log")
            .columns("occurred_at", "actor_id", "actor_name", "action", "unit_id", "subject", "detail", "address")
            .values(
                SQLBind(now.unixSeconds), SQLBind(entry.actorID), SQLBind(entry.actorName), SQLBind(entry.action),
                SQLBind(entry.unitID), SQLBind(entry.subject), SQLBind(entry.detail), SQLBind(entry.address)
            )
            .run()
    }

    /// The newest entries, newest first.
    public func recent(limit: Int = 50, unitID: Int? = nil) async throws -> [RecordedEntry] {
        var query = database.sql.select()
            .columns("id", "occurred_at", "actor_id", "actor_name", "action", "unit_id", "subject", "detail", "address")
            .from("audit_log")
        if let unitID { query = query.where("unit_id", .equal, unitID) }
        return try await query.orderBy("id", .descending).limit(limit)
            .all(decoding: RecordedEntry.self, keyDecodingStrategy: .convertFromSnakeCase)
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
    }
}
