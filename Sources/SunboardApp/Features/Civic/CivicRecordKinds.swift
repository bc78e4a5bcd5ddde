import Foundation
import SQLKit
import SunboardCore

/// The civic records the public pages read from their own rows — an
/// election's name and voting day, a meeting's time and place, a hearing's
/// topic, a project's name, year and place among its parts — from the
/// first step published about them. What each step says is in its
/// disclosure's record (`DisclosureRecord`, `post.payload`).
enum ElectionRecord: ProjectedRecordKind {
    static let name = "election"
    static let projection = RowProjection(
        table: "elections", columns: [.text("kind"), .text("title"), .text("vote_on")],
        visible: { $0.withPublishedPost(kinds: [.electionStage], table: "elections") })
}

enum MeetingRecord: ProjectedRecordKind {
    static let name = "meeting"
    static let projection = RowProjection(
        table: "meetings", columns: [.text("kind"), .text("title"), .number("starts_at"), .text("place")],
        visible: { $0.withPublishedPost(kinds: [.meetingAgenda, .meetingDecisions], table: "meetings") })
}

enum HearingRecord: ProjectedRecordKind {
    static let name = "hearing"
    static let projection = RowProjection(
        table: "hearings", columns: [.text("topic"), .text("held_on"), .text("place")],
        visible: { $0.withPublishedPost(kinds: [.hearing], table: "hearings") })
}

/// A project (民生工程) whose progress, or whose whole's, has been published.
enum ProjectRecord: ProjectedRecordKind {
    static let name = "project"
    static let projection = RowProjection(
        table: "projects",
        columns: [
            .number("year"), .number("parent_id"), .text("name"), .text("summary"), .number("budget"), .text("funding"),
            .text("contractor"),
            .number("weight"),
        ],
        visible: { query in
            query.where(
                SQLRaw(
                    """
                    EXISTS (SELECT 1 FROM civic_posts p JOIN disclosures d ON d.id = p.disclosure_id
                    WHERE (p.record_id = projects.id OR p.record_id = projects.parent_id) AND p.kind = '\(CivicPost.Kind.projectUpdate.rawValue)'
                    AND d.first_published_at IS NOT NULL AND d.withdrawn_at IS NULL)
                    """))
        })
}

extension CivicRepository {
    /// After a step's disclosure is published or withdrawn: the record it is
    /// about (and a project's parts) may have become public or left view, so
    /// its state is chained too.
    static func chainRecord(ofDisclosure id: Int, at now: Date, database: DatabaseKind, on sql: any SQLDatabase) async throws {
        guard let post = try await storedPosts(disclosureIDs: [id], on: sql)[id], let recordID = post.recordID,
            let kind = CivicPost.Kind(rawValue: post.kind)
        else { return }
        var changes: [(any RecordKind.Type, Int)] = []
        switch kind {
        case .electionStage: changes = [(ElectionRecord.self, recordID)]
        case .meetingAgenda, .meetingDecisions: changes = [(MeetingRecord.self, recordID)]
        case .hearing: changes = [(HearingRecord.self, recordID)]
        case .projectUpdate:
            let parts = try await sql.select().column("id").from("projects").where("parent_id", .equal, SQLBind(recordID)).orderBy("id")
                .all()
            changes = [(ProjectRecord.self, recordID)] + (try parts.map { (ProjectRecord.self, try $0.decode(column: "id", as: Int.self)) })
        case .bulletin, .honors, .album, .appraisal: return
        }
        for (kind, id) in changes {
            try await PublicChange(kind, id: id, audit: nil).apply(at: now, database: database, on: sql)
        }
    }
}
