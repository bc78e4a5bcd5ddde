import Foundation
import SQLKit
import SunboardCore

/// Reads and writes the civic records and their posts. Posts are only ever
/// inserted, with their disclosure's draft, in its transaction.
public struct CivicRepository: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    private static let encoder = JSONEncoder()
    private static let decoder = JSONDecoder()

    // MARK: Records

    public func createElection(unitID: Int, kind: ElectionKind, title: String, voteOn: CalendarDate, at now: Date) async throws -> Int {
        try await insert(
            "elections", ["unit_id", "kind", "title", "vote_on", "created_at"],
            [SQLBind(unitID), SQLBind(kind.rawValue), SQLBind(title), SQLBind(voteOn.description), SQLBind(now.unixSeconds)])
    }

    public func elections(unitID: Int) async throws -> [Election] {
        try await database.sql.select().columns("id", "unit_id", "kind", "title", "vote_on").from("elections")
            .where("unit_id", .equal, SQLBind(unitID)).orderBy("vote_on", .descending).orderBy("id", .descending).all()
            .map { row in
                Election(
                    id: try row.decode(column: "id", as: Int.self), unitID: try row.decode(column: "unit_id", as: Int.self),
                    kind: ElectionKind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .committee,
                    title: try row.decode(column: "title", as: String.self),
                    voteOn: CalendarDate(try row.decode(column: "vote_on", as: String.self)) ?? CalendarDate(year: 2000, month: 1, day: 1)!)
            }
    }

    public func createMeeting(unitID: Int, kind: Meeting.Kind, title: String, startsAt: Date, place: String, at now: Date) async throws
        -> Int
    {
        try await insert(
            "meetings", ["unit_id", "kind", "title", "starts_at", "place", "created_at"],
            [
                SQLBind(unitID), SQLBind(kind.rawValue), SQLBind(title), SQLBind(startsAt.unixSeconds), SQLBind(place),
                SQLBind(now.unixSeconds),
            ])
    }

    public func meetings(unitID: Int) async throws -> [Meeting] {
        try await database.sql.select().columns("id", "unit_id", "kind", "title", "starts_at", "place").from("meetings")
            .where("unit_id", .equal, SQLBind(unitID)).orderBy("starts_at", .descending).all()
            .map { row in
                Meeting(
                    id: try row.decode(column: "id", as: Int.self), unitID: try row.decode(column: "unit_id", as: Int.self),
                    kind: Meeting.Kind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .regular,
                    title: try row.decode(column: "title", as: String.self),
                    startsAt: Date(unixSeconds: try row.decode(column: "starts_at", as: Int.self)),
                    place: try row.decode(column: "place", as: String.self))
            }
    }

    public func createHearing(unitID: Int, topic: String, heldOn: CalendarDate, place: String, at now: Date) async throws -> Int {
        try await insert(
            "hearings", ["unit_id", "topic", "held_on", "place", "created_at"],
            [SQLBind(unitID), SQLBind(topic), SQLBind(heldOn.description), SQLBind(place), SQLBind(now.unixSeconds)])
    }

    public func hearings(unitID: Int) async throws -> [Hearing] {
        try await database.sql.select().columns("id", "unit_id", "topic", "held_on", "place").from("hearings")
            .where("unit_id", .equal, SQLBind(unitID)).orderBy("held_on", .descending).all()
            .map { row in
                Hearing(
                    id: try row.decode(column: "id", as: Int.self), unitID: try row.decode(column: "unit_id", as: Int.self),
                    topic: try row.decode(column: "topic", as: String.self),
                    heldOn: CalendarDate(try row.decode(column: "held_on", as: String.self)) ?? CalendarDate(year: 2000, month: 1, day: 1)!,
                    place: try row.decode(column: "place", as: String.self))
            }
    }

    public func createProject(_ project: Project, at now: Date) async throws -> Int {
        try await insert(
            "projects", ["unit_id", "year", "parent_id", "name", "summary", "budget", "funding", "contractor", "weight", "created_at"],
            [
                SQLBind(project.unitID), SQLBind(project.year), SQLBind(project.parentID), SQLBind(project.name), SQLBind(project.summary),
                SQLBind(project.budget.value), SQLBind(project.funding), SQLBind(project.contractor), SQLBind(project.weight),
                SQLBind(now.unixSeconds),
            ])
    }

    public func projects(unitID: Int) async throws -> [Project] {
        try await database.sql.select()
            .columns("id", "unit_id", "year", "parent_id", "name", "summary", "budget", "funding", "contractor", "weight")
            .from("projects").where("unit_id", .equal, SQLBind(unitID)).orderBy("year", .descending).orderBy("id").all()
            .map { row in
                Project(
                    id: try row.decode(column: "id", as: Int.self), unitID: try row.decode(column: "unit_id", as: Int.self),
                    year: try row.decode(column: "year", as: Int.self), parentID: try row.decode(column: "parent_id", as: Int?.self),
                    name: try row.decode(column: "name", as: String.self), summary: try row.decode(column: "summary", as: String.self),
                    budget: Fen(try row.decode(column: "budget", as: Int.self)),
                    funding: try row.decode(column: "funding", as: String.self),
                    contractor: try row.decode(column: "contractor", as: String.self),
                    weight: try row.decode(column: "weight", as: Int.self))
            }
    }

    /// The steps as they stand in the office, not yet necessarily published.
    public func milestones(projectID: Int) async throws -> [Milestone] {
        try await database.sql.select().column("*").from("project_milestones").where("project_id", .equal, SQLBind(projectID))
            .orderBy("position").all()
            .map { row in
                let date = { (column: String) throws -> CalendarDate? in
                    try row.decode(column: column, as: String?.self).flatMap(CalendarDate.init)
                }
                return Milestone(
                    name: try row.decode(column: "name", as: String.self), plannedStart: try date("planned_start")!,
                    plannedEnd: try date("planned_end")!, actualStart: try date("actual_start"), actualEnd: try date("actual_end"),
                    weight: try row.decode(column: "weight", as: Int.self),
                    status: Milestone.Status(rawValue: try row.decode(column: "status", as: String.self)) ?? .notStarted,
                    percent: try row.decode(column: "percent", as: Int.self))
            }
    }

    /// Replaces a project's steps with checked ones, in one transaction.
    public func replaceMilestones(projectID: Int, with milestones: [Milestone]) async throws {
        try await database.transaction { sql in
            try await sql.delete(from: "project_milestones").where("project_id", .equal, SQLBind(projectID)).run()
            for (position, step) in milestones.enumerated() {
                try await sql.insert(into: "project_milestones")
                    .columns(
                        "project_id", "position", "name", "planned_start", "planned_end", "actual_start", "actual_end", "weight", "status",
                        "percent"
                    )
                    .values(
                        SQLBind(projectID), SQLBind(position), SQLBind(step.name), SQLBind(step.plannedStart.description),
                        SQLBind(step.plannedEnd.description), SQLBind(step.actualStart?.description), SQLBind(step.actualEnd?.description),
                        SQLBind(step.weight), SQLBind(step.status.rawValue), SQLBind(step.percent)
                    ).run()
            }
        }
    }

    private func insert(_ table: String, _ columns: [String], _ values: [SQLBind]) async throws -> Int {
        try await database.sql.insert(into: table).columns(columns).values(values).returning("id").first(
            decodingColumn: "id", as: Int.self)!
    }

    // MARK: Posts

    static func insertPost(_ post: CivicPost, disclosureID: Int, unitID: Int, recordID: Int?, at now: Date, on sql: any SQLDatabase)
        async throws
    {
        let payload = String(decoding: try encoder.encode(post), as: UTF8.self)
        try await sql.insert(into: "civic_posts")
            .columns("disclosure_id", "unit_id", "kind", "record_id", "payload", "created_at")
            .values(
                SQLBind(disclosureID), SQLBind(unitID), SQLBind(post.kind.rawValue), SQLBind(recordID), SQLBind(payload),
                SQLBind(now.unixSeconds)
            ).run()
    }

    /// A unit's posts of some kinds, oldest first, with their disclosures'
    /// state; `publicOnly` keeps those residents may see, titled as
    /// published (a correction in progress changes nothing they see).
    public func posts(unitID: Int, kinds: [CivicPost.Kind], recordID: Int? = nil, publicOnly: Bool) async throws -> [CivicPostRecord] {
        try await posts(unitIDs: [unitID], kinds: kinds, recordID: recordID, publicOnly: publicOnly)
    }

    /// The same for several units at once (an office's communities), in one query.
    public func posts(unitIDs: [Int], kinds: [CivicPost.Kind], recordID: Int? = nil, publicOnly: Bool) async throws -> [CivicPostRecord] {
        guard !unitIDs.isEmpty else { return [] }
        var query = database.sql.select()
            .column(SQLColumn("disclosure_id", table: "p")).column(SQLColumn("unit_id", table: "p"))
            .column(SQLColumn("record_id", table: "p")).column(SQLColumn("payload", table: "p"))
            .column(SQLColumn("title", table: "d")).column(SQLColumn("title", table: "v"), as: "published_title")
            .column(SQLColumn("status", table: "d"))
            .column(SQLColumn("first_published_at", table: "d")).column(SQLColumn("withdrawn_at", table: "d"))
            .from(SQLAlias(SQLIdentifier("civic_posts"), as: SQLIdentifier("p")))
            .join(
                SQLAlias(SQLIdentifier("disclosures"), as: SQLIdentifier("d")), on: SQLColumn("id", table: "d"), .equal,
                SQLColumn("disclosure_id", table: "p")
            )
            .joinPublishedVersion(method: .left)
            .where(SQLColumn("unit_id", table: "p"), .in, SQLBind.group(unitIDs))
            .where(SQLColumn("kind", table: "p"), .in, SQLBind.group(kinds.map(\.rawValue)))
        if let recordID { query = query.where(SQLColumn("record_id", table: "p"), .equal, SQLBind(recordID)) }
        if publicOnly {
            query = query.where(SQLColumn("first_published_at", table: "d"), .isNot, SQLLiteral.null)
                .where(SQLColumn("withdrawn_at", table: "d"), .is, SQLLiteral.null)
        }
        return try await query.orderBy(SQLColumn("disclosure_id", table: "p")).all().map { row in
            let payload = try row.decode(column: "payload", as: String.self)
            return CivicPostRecord(
                disclosureID: try row.decode(column: "disclosure_id", as: Int.self),
                unitID: try row.decode(column: "unit_id", as: Int.self),
                recordID: try row.decode(column: "record_id", as: Int?.self),
                post: try Self.decoder.decode(CivicPost.self, from: Data(payload.utf8)),
                title: publicOnly
                    ? try row.decode(column: "published_title", as: String?.self) ?? "" : try row.decode(column: "title", as: String.self),
                status: DisclosureStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .draft,
                firstPublishedAt: try row.decode(column: "first_published_at", as: Int?.self).map(Date.init(unixSeconds:)),
                withdrawn: try row.decode(column: "withdrawn_at", as: Int?.self) != nil)
        }
    }

    /// The unit's published annual plans: (disclosure, title, year), as published.
    public func plans(unitID: Int) async throws -> [(id: Int, title: String, period: String)] {
        try await database.sql.select()
            .column(SQLColumn("id", table: "d")).column(SQLColumn("title", table: "v")).column(SQLColumn("period", table: "v"))
            .from(SQLAlias(SQLIdentifier("disclosures"), as: SQLIdentifier("d")))
            .joinPublishedVersion()
            .joinCatalogItem()
            .where(SQLColumn("unit_id", table: "d"), .equal, SQLBind(unitID)).where(
                SQLColumn("code", table: "c"), .equal, SQLBind("annual-plan")
            )
            .where(SQLColumn("first_published_at", table: "d"), .isNot, SQLLiteral.null)
            .where(SQLColumn("withdrawn_at", table: "d"), .is, SQLLiteral.null)
            .orderBy(SQLColumn("id", table: "d")).all()
            .map {
                (
                    try $0.decode(column: "id", as: Int.self), try $0.decode(column: "title", as: String.self),
                    try $0.decode(column: "period", as: String?.self) ?? ""
                )
            }
    }

    /// The stages of an election published and not withdrawn.
    static func stagesPublished(electionID: Int, on sql: any SQLDatabase) async throws -> Set<ElectionStage> {
        let rows = try await sql.select().column(SQLColumn("payload", table: "p"))
            .from(SQLAlias(SQLIdentifier("civic_posts"), as: SQLIdentifier("p")))
            .join(
                SQLAlias(SQLIdentifier("disclosures"), as: SQLIdentifier("d")), on: SQLColumn("id", table: "d"), .equal,
                SQLColumn("disclosure_id", table: "p")
            )
            .where(SQLColumn("record_id", table: "p"), .equal, SQLBind(electionID))
            .where(SQLColumn("kind", table: "p"), .equal, SQLBind(CivicPost.Kind.electionStage.rawValue))
            .where(SQLColumn("first_published_at", table: "d"), .isNot, SQLLiteral.null)
            .where(SQLColumn("withdrawn_at", table: "d"), .is, SQLLiteral.null).all()
        var stages: Set<ElectionStage> = []
        for row in rows {
            if case .electionStage(let post) = try decoder.decode(
                CivicPost.self, from: Data(try row.decode(column: "payload", as: String.self).utf8))
            {
                stages.insert(post.stage)
            }
        }
        return stages
    }

    /// Rewrites the post of a step drafted again: the post always says what
    /// the draft says. Of a published step reopened for correction, the new
    /// data waits beside the published one until the correction is published.
    static func replacePost(_ post: CivicPost, disclosureID: Int, published: Bool, on sql: any SQLDatabase) async throws {
        let payload = String(decoding: try encoder.encode(post), as: UTF8.self)
        try await sql.update("civic_posts").set(published ? "draft_payload" : "payload", to: SQLBind(payload))
            .where("disclosure_id", .equal, SQLBind(disclosureID)).run()
    }

    /// As a correction is published: its new data becomes the post's.
    static func publishDraftPost(disclosureID: Int, on sql: any SQLDatabase) async throws {
        try await sql.update("civic_posts").set("payload", to: SQLColumn("draft_payload")).set("draft_payload", to: SQLLiteral.null)
            .where("disclosure_id", .equal, SQLBind(disclosureID)).where("draft_payload", .isNot, SQLLiteral.null).run()
    }

    /// The posts these disclosures carry, as stored: what their chained records cover.
    static func storedPosts(disclosureIDs ids: [Int], on sql: any SQLDatabase) async throws
        -> [Int: (kind: String, recordID: Int?, payload: String)]
    {
        guard !ids.isEmpty else { return [:] }
        var posts: [Int: (kind: String, recordID: Int?, payload: String)] = [:]
        for row in try await sql.select().columns("disclosure_id", "kind", "record_id", "payload").from("civic_posts")
            .where("disclosure_id", .in, SQLBind.group(ids)).all()
        {
            posts[try row.decode(column: "disclosure_id", as: Int.self)] = (
                try row.decode(column: "kind", as: String.self), try row.decode(column: "record_id", as: Int?.self),
                try row.decode(column: "payload", as: String.self)
            )
        }
        return posts
    }

    /// The post a disclosure carries, if any.
    /// The post as its draft says it, for the staff: a correction's new data when there is one.
    public func post(disclosureID: Int) async throws -> CivicPost? {
        guard
            let row = try await database.sql.select().columns("payload", "draft_payload").from("civic_posts")
                .where("disclosure_id", .equal, SQLBind(disclosureID)).first()
        else { return nil }
        let payload = try row.decode(column: "draft_payload", as: String?.self) ?? row.decode(column: "payload", as: String.self)
        return try Self.decoder.decode(CivicPost.self, from: Data(payload.utf8))
    }
}
