import Foundation
import SQLKit
import SunboardCore

/// Archives notices whose notice period (公示期) has ended: from then on
/// their personal details leave public view, and the audit log says when.
///
/// Pages already hide those details by the date alone; archiving records
/// the moment and renews the community's cached pages.
struct NoticeArchiver {
    let services: AppServices

    /// Archives every notice that ended before today; returns how many.
    @discardableResult
    func run() async throws -> Int {
        let now = services.clock.now
        let today = CalendarDate(now).description
        let due = try await services.database.sql.select().columns("id", "unit_id", "title").from("disclosures")
            .where("notice_ends", .lessThan, today).where("archived_at", .is, SQLLiteral.null)
            .where("published_version", .greaterThan, 0)
            .all()
        let audit = services.audit
        for row in due {
            let id = try row.decode(column: "id", as: Int.self)
            let unitID = try row.decode(column: "unit_id", as: Int.self)
            let title = try row.decode(column: "title", as: String.self)
            try await services.database.transaction { sql in
                let archived = try await sql.update("disclosures").set("archived_at", to: now.unixSeconds)
                    .where("id", .equal, id).where("archived_at", .is, SQLLiteral.null).returning("id").all()
                guard !archived.isEmpty else { return }  // another instance got there first
                try await BoardVersion.renew(unitID: unitID, on: sql)
                try await audit.record(
                    .init(
                        actorID: nil, actorName: "系统", action: "disclosure.archive", unitID: unitID, subject: title,
                        detail: "公示期满，个人信息不再公开", address: "system", object: ("disclosure", id)),
                    at: now, on: sql)
            }
        }
        return due.count
    }
}
