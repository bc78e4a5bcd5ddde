import Foundation
import SQLKit
import SunboardCore

/// A civic record's own facts — an election's name or voting day, a
/// meeting's time or place, a hearing's topic, a project's budget — are
/// corrected in place, and once the record is public that is a new version
/// of it in the chain: made by the director who publishes, with a reason
/// the log keeps. (A step's data is corrected with its disclosure: the
/// director reopens it, the step is drafted again, and the new data goes
/// public only when the correction is published.)
extension CivicWorkflow {
    public func correctElection(
        _ election: Election, title: String, voteOn: String, reason: String, unit: Unit, actor: StaffActor, at now: Date
    )
        async throws
    {
        let (title, day) = try Self.election(title: title, voteOn: voteOn)
        try await correct(ElectionRecord.self, id: election.id, reason: reason, subject: title, unit: unit, actor: actor, at: now) { sql in
            try await sql.update("elections").set("title", to: SQLBind(title)).set("vote_on", to: SQLBind(day.description))
                .where("id", .equal, SQLBind(election.id)).run()
        }
    }

    public func correctMeeting(
        _ meeting: Meeting, title: String, startsAt: String, place: String, reason: String, unit: Unit, actor: StaffActor, at now: Date
    ) async throws {
        let (title, start, place) = try Self.meeting(title: title, startsAt: startsAt, place: place)
        try await correct(MeetingRecord.self, id: meeting.id, reason: reason, subject: title, unit: unit, actor: actor, at: now) { sql in
            try await sql.update("meetings").set("title", to: SQLBind(title)).set("starts_at", to: SQLBind(start.unixSeconds))
                .set("place", to: SQLBind(place)).where("id", .equal, SQLBind(meeting.id)).run()
        }
    }

    public func correctHearing(
        _ hearing: Hearing, topic: String, heldOn: String, place: String, reason: String, unit: Unit, actor: StaffActor, at now: Date
    ) async throws {
        let (topic, day, place) = try Self.hearing(topic: topic, heldOn: heldOn, place: place)
        try await correct(HearingRecord.self, id: hearing.id, reason: reason, subject: topic, unit: unit, actor: actor, at: now) { sql in
            try await sql.update("hearings").set("topic", to: SQLBind(topic)).set("held_on", to: SQLBind(day.description))
                .set("place", to: SQLBind(place)).where("id", .equal, SQLBind(hearing.id)).run()
        }
    }

    /// Its year, name, words, budget, funding, contractor and weight; its place among the projects stays.
    public func correctProject(_ project: Project, input: ProjectInput, reason: String, unit: Unit, actor: StaffActor, at now: Date)
        async throws
    {
        var input = input
        input.parent = project.parentID.map(String.init) ?? ""
        let others = try await civic.projects(unitID: unit.id)
        let corrected = try input.validated(unitID: unit.id, parents: others)
        try await correct(ProjectRecord.self, id: project.id, reason: reason, subject: corrected.name, unit: unit, actor: actor, at: now) {
            sql in
            try await sql.update("projects").set("year", to: SQLBind(corrected.year)).set("name", to: SQLBind(corrected.name))
                .set("summary", to: SQLBind(corrected.summary)).set("budget", to: SQLBind(corrected.budget.value))
                .set("funding", to: SQLBind(corrected.funding)).set("contractor", to: SQLBind(corrected.contractor))
                .set("weight", to: SQLBind(corrected.weight)).where("id", .equal, SQLBind(project.id)).run()
        }
    }

    /// Before anything is public the clerk may fix a record freely; once it
    /// is, only the director, with a reason, and the change is chained.
    private func correct(
        _ kind: any RecordKind.Type, id: Int, reason: String, subject: String, unit: Unit, actor: StaffActor, at now: Date,
        write: @escaping @Sendable (any SQLDatabase) async throws -> Void
    ) async throws {
        guard actor.permissions.contains(.draftDisclosures) else { throw CommonError.forbidden }
        let reason = reason.trimmed
        let database = self.database
        let entry = AuditLog.Entry(
            actorID: actor.id, actorName: actor.name, action: "civic.correct", unitID: unit.id, subject: subject,
            detail: reason.isEmpty ? "修改基本信息" : "更正基本信息：\(reason)", address: actor.address, object: (kind.name, id))
        try await database.transaction { sql in
            // Decided on the rows as they stand: a step published meanwhile makes it public.
            if try await kind.state(id: id, on: sql) != nil {
                guard actor.permissions.contains(.publishDisclosures) else { throw CivicError.correctionByDirector }
                guard !reason.isEmpty, reason.count <= 500 else {
                    throw ValidationFailure([
                        .init(
                            field: "reason", message: "已公开的内容要写明更正的原因（500 字以内），会记入日志和公开账本的版本。",
                            englishMessage: "reason is required (up to 500 characters) to correct a public record.")
                    ])
                }
            }
            try await write(sql)
            try await PublicChange(kind, id: id, audit: entry).apply(at: now, database: database.kind, on: sql)
        }
    }
}
