import Foundation
import SQLKit
import SunboardCore

/// A published disclosure as lists show it: its latest public title, not
/// a correction still in progress.
public struct PublicListing: Sendable {
    public var id: Int
    public var itemID: Int
    public var title: String
    public var period: Period?
    public var version: Int
    public var firstPublishedAt: Date
    public var lastPublishedAt: Date
    public var noticeStarts: CalendarDate?
    public var noticeEnds: CalendarDate?
    public var withdrawn: Bool
}

/// A working copy as the admin list shows it.
public struct AdminListing: Sendable {
    public var id: Int
    public var itemID: Int
    public var title: String
    public var period: Period?
    public var status: DisclosureStatus
    public var publishedVersion: Int
    public var updatedAt: Date
}

extension DisclosureRepository {
    /// What the public may list.
    public struct PublicFilter: Sendable {
        public var itemIDs: [Int]?
        public var period: Period?

        public init(itemIDs: [Int]? = nil, period: Period? = nil) {
            self.itemIDs = itemIDs
            self.period = period
        }
    }

    /// Published disclosures of a unit, latest publication first: one query
    /// with the versions joined, whatever the number listed.
    public func published(unitID: Int, filter: PublicFilter = .init(), limit: Int, offset: Int = 0) async throws -> [PublicListing] {
        var query = SQLQueryString(
            """
            SELECT d.id, d.catalog_item_id, v.title, v.period, d.published_version, d.first_published_at, d.last_published_at,
                   d.notice_starts, d.notice_ends, d.withdrawn_at
            FROM disclosures d JOIN disclosure_versions v ON v.disclosure_id = d.id AND v.number = d.published_version
            WHERE d.unit_id = \(bind: unitID) AND d.published_version > 0
            """)
        query = Self.narrow(query, filter)
        query.appendInterpolation(unsafeRaw: " ORDER BY d.last_published_at DESC, d.id DESC")
        query.appendInterpolation(unsafeRaw: " LIMIT \(max(0, limit)) OFFSET \(max(0, offset))")
        return try await database.sql.raw(query).all().map(Self.listing)
    }

    /// The latest published period of each item (the latest publication
    /// for items without periods), whatever its age: one query, ranked by
    /// the database.
    public func latestPerItem(unitID: Int, itemIDs: [Int]) async throws -> [PublicListing] {
        guard !itemIDs.isEmpty else { return [] }
        return try await database.sql.raw(
            """
            SELECT * FROM (
                SELECT d.id, d.catalog_item_id, v.title, v.period, d.published_version, d.first_published_at, d.last_published_at,
                       d.notice_starts, d.notice_ends, d.withdrawn_at,
                       ROW_NUMBER() OVER (
                           PARTITION BY d.catalog_item_id ORDER BY (v.period IS NULL), v.period DESC, d.last_published_at DESC, d.id DESC
                       ) AS position
                FROM disclosures d JOIN disclosure_versions v ON v.disclosure_id = d.id AND v.number = d.published_version
                WHERE d.unit_id = \(bind: unitID) AND d.published_version > 0 AND d.withdrawn_at IS NULL
                  AND d.catalog_item_id IN \(SQLBind.group(itemIDs))
            ) ranked WHERE position = 1
            """
        ).all().map(Self.listing)
    }

    private static func listing(_ row: any SQLRow) throws -> PublicListing {
        PublicListing(
            id: try row.decode(column: "id", as: Int.self),
            itemID: try row.decode(column: "catalog_item_id", as: Int.self),
            title: try row.decode(column: "title", as: String.self),
            period: try row.decode(column: "period", as: String?.self).flatMap(Period.init),
            version: try row.decode(column: "published_version", as: Int.self),
            firstPublishedAt: Date(unixSeconds: try row.decode(column: "first_published_at", as: Int.self)),
            lastPublishedAt: Date(unixSeconds: try row.decode(column: "last_published_at", as: Int.self)),
            noticeStarts: try row.decode(column: "notice_starts", as: String?.self).flatMap(CalendarDate.init),
            noticeEnds: try row.decode(column: "notice_ends", as: String?.self).flatMap(CalendarDate.init),
            withdrawn: try row.decode(column: "withdrawn_at", as: Int?.self) != nil
        )
    }

    public func countPublished(unitID: Int, filter: PublicFilter = .init()) async throws -> Int {
        var query = SQLQueryString(
            """
            SELECT COUNT(*) AS n FROM disclosures d JOIN disclosure_versions v ON v.disclosure_id = d.id AND v.number = d.published_version
            WHERE d.unit_id = \(bind: unitID) AND d.published_version > 0
            """)
        query = Self.narrow(query, filter)
        return try await database.sql.raw(query).first()?.decode(column: "n", as: Int.self) ?? 0
    }

    private static func narrow(_ query: SQLQueryString, _ filter: PublicFilter) -> SQLQueryString {
        var query = query
        if let ids = filter.itemIDs {
            // No items means no rows, not all rows.
            let list = ids.isEmpty ? "NULL" : ids.map(String.init).joined(separator: ",")
            query.appendInterpolation(unsafeRaw: " AND d.catalog_item_id IN (\(list))")
        }
        if let period = filter.period {
            query.appendLiteral(" AND v.period = ")
            query.appendInterpolation(bind: period.description)
        }
        return query
    }

    /// Working copies of a unit, most recently changed first.
    public func working(unitID: Int, statuses: [DisclosureStatus]? = nil, limit: Int = 200) async throws -> [AdminListing] {
        var query = database.sql.select()
            .columns("id", "catalog_item_id", "title", "period", "status", "published_version", "updated_at")
            .from("disclosures").where("unit_id", .equal, unitID)
        if let statuses { query = query.where("status", .in, SQLBind.group(statuses.map(\.rawValue))) }
        return try await query.orderBy("updated_at", .descending).orderBy("id", .descending).limit(limit).all().map { row in
            AdminListing(
                id: try row.decode(column: "id", as: Int.self),
                itemID: try row.decode(column: "catalog_item_id", as: Int.self),
                title: try row.decode(column: "title", as: String.self),
                period: try row.decode(column: "period", as: String?.self).flatMap(Period.init),
                status: DisclosureStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .draft,
                publishedVersion: try row.decode(column: "published_version", as: Int.self),
                updatedAt: Date(unixSeconds: try row.decode(column: "updated_at", as: Int.self))
            )
        }
    }

    /// How many working copies wait in each status, for the admin tabs.
    public func statusCounts(unitID: Int) async throws -> [DisclosureStatus: Int] {
        let rows = try await database.sql.select().column("status").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .from("disclosures").where("unit_id", .equal, unitID).groupBy("status").all()
        var counts: [DisclosureStatus: Int] = [:]
        for row in rows {
            if let status = DisclosureStatus(rawValue: try row.decode(column: "status", as: String.self)) {
                counts[status] = try row.decode(column: "n", as: Int.self)
            }
        }
        return counts
    }
}

/// The public text of a standing item, shown inline on the board.
public struct StandingContent: Sendable {
    public var id: Int
    public var itemID: Int
    public var title: String
    public var body: String
    public var lastPublishedAt: Date
}

extension DisclosureRepository {
    /// The latest public text of each standing item of a unit, newest first.
    public func standing(unitID: Int, itemIDs: [Int]) async throws -> [StandingContent] {
        guard !itemIDs.isEmpty else { return [] }
        let rows = try await database.sql.raw(
            """
            SELECT d.id, d.catalog_item_id, v.title, v.body, d.last_published_at
            FROM disclosures d JOIN disclosure_versions v ON v.disclosure_id = d.id AND v.number = d.published_version
            WHERE d.unit_id = \(bind: unitID) AND d.published_version > 0 AND d.withdrawn_at IS NULL
              AND d.catalog_item_id IN \(SQLBind.group(itemIDs))
            ORDER BY d.last_published_at DESC, d.id DESC
            """
        ).all()
        return try rows.map { row in
            StandingContent(
                id: try row.decode(column: "id", as: Int.self),
                itemID: try row.decode(column: "catalog_item_id", as: Int.self),
                title: try row.decode(column: "title", as: String.self),
                body: try row.decode(column: "body", as: String.self),
                lastPublishedAt: Date(unixSeconds: try row.decode(column: "last_published_at", as: Int.self))
            )
        }
    }
}
