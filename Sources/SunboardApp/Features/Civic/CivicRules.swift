import Foundation
import SQLKit
import SunboardCore

/// The process rules checked again when a civic step is published, since
/// time passes between the draft and its publication: an agenda drafted
/// before the meeting but published after it, a result before the vote,
/// a stage whose predecessor was withdrawn meanwhile.
enum CivicRules {
    static func checkPublishing(disclosureID: Int, at now: Date, on sql: any SQLDatabase) async throws {
        guard
            let row = try await sql.select().columns("record_id", "payload").from("civic_posts")
                .where("disclosure_id", .equal, SQLBind(disclosureID)).first()
        else { return }
        let post = try JSONDecoder().decode(CivicPost.self, from: Data(try row.decode(column: "payload", as: String.self).utf8))
        guard let recordID = try row.decode(column: "record_id", as: Int?.self) else { return }
        switch post {
        case .meetingAgenda:
            let startsAt = try await sql.select().column("starts_at").from("meetings").where("id", .equal, SQLBind(recordID))
                .first(decodingColumn: "starts_at", as: Int.self)
            if let startsAt, now >= Date(unixSeconds: startsAt) { throw CivicError.agendaAfterMeeting }
        case .electionStage(let stage):
            let voteOn = try await sql.select().column("vote_on").from("elections").where("id", .equal, SQLBind(recordID))
                .first(decodingColumn: "vote_on", as: String.self).flatMap(CalendarDate.init)
            if let voteOn { try ElectionTimeline.checkVoteDay(stage.stage, voteOn: voteOn, today: CalendarDate(now)) }
            try ElectionTimeline.check(
                publishing: stage.stage, done: try await CivicRepository.stagesPublished(electionID: recordID, on: sql))
        default:
            return
        }
    }
}
