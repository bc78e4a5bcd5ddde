import Foundation
import SQLKit
import SunboardCore

/// A resident's message as staff see it; the public sees less (`publicText`).
public struct FeedbackItem: Sendable {
    public var kind: FeedbackKind
    public var id: Int
    public var text: String
    public var name: String
    public var contact: String
    public var sentOn: CalendarDate
    public var reply: String?
    public var repliedBy: String?
    public var repliedOn: CalendarDate?
    public var showsText: Bool
    /// The notice an objection is about.
    public var disclosureID: Int?
    public var disclosureTitle: String?
    /// Whether the notice still shows its personal details (an objection's
    /// reply speaks of the person, so it goes when they do).
    public var noticeShowsPersonalDetails = false

    public var due: CalendarDate { ReplyDeadline.due(sentOn: sentOn) }

    /// The resident's words as the public page shows them: only once
    /// answered, only if staff did not withhold them, and never an
    /// objection's (it is about a person on notice).
    public var publicText: String? {
        guard kind != .objection, reply != nil, showsText else { return nil }
        return text
    }

    /// The reply as the public page shows it.
    public var publicReply: String? {
        kind == .objection && !noticeShowsPersonalDetails ? nil : reply
    }
}

/// Suggestions, complaints and objections of a community, and the replies.
public struct FeedbackRepository: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    package func add(unitID: Int, input: (kind: FeedbackKind, text: String, name: String, contact: String), address: String, at now: Date)
        async throws
    {
        let kind = database.kind
        try await database.transaction { sql in
            try await MessageQuota.check(address: address, at: now, database: kind, on: sql)
            let id = try await sql.insert(into: "feedback")
                .columns("unit_id", "kind", "text", "name", "contact", "address", "sent_on", "created_at", "shows_text")
                .values(
                    SQLBind(unitID), SQLBind(input.kind.rawValue), SQLBind(input.text), SQLBind(input.name), SQLBind(input.contact),
                    SQLBind(address), SQLBind(CalendarDate(now).description), SQLBind(now.unixSeconds), SQLBind(false)
                )
                .returning("id").first()!.decode(column: "id", as: Int.self)
            // The public list shows it (as waiting for a reply) at once.
            try await PublicChange(FeedbackRecord.self, id: id, audit: nil).apply(at: now, database: kind, on: sql)
        }
    }

    /// Whether a community has any message at all, for its board.
    public func hasAny(unitID: Int) async throws -> Bool {
        try await database.sql.select().column("id").from("feedback").where("unit_id", .equal, SQLBind(unitID)).first() != nil
    }

    /// A community's messages of every kind, newest first: two queries.
    public func items(unitID: Int, limit: Int = 200, now: Date) async throws -> [FeedbackItem] {
        let feedback = try await database.sql.raw(
            """
            SELECT id, kind, text, name, contact, sent_on, reply, replied_by, replied_on, shows_text, created_at
            FROM feedback WHERE unit_id = \(bind: unitID) ORDER BY created_at DESC, id DESC LIMIT \(unsafeRaw: String(limit))
            """
        ).all()
        let objections = try await database.sql.raw(
            """
            SELECT o.id, o.text, o.name, o.contact, o.reply, o.replied_by, o.replied_on, o.created_at, d.id AS disclosure_id, v.title,
                   d.notice_ends, d.withdrawn_at
            FROM objections o JOIN disclosures d ON d.id = o.disclosure_id
            JOIN disclosure_versions v ON v.disclosure_id = d.id AND v.number = d.published_version
            WHERE d.unit_id = \(bind: unitID) ORDER BY o.created_at DESC, o.id DESC LIMIT \(unsafeRaw: String(limit))
            """
        ).all()
        let today = CalendarDate(now)
        var items: [(Int, FeedbackItem)] = []
        for row in feedback {
            guard let kind = FeedbackKind(rawValue: try row.decode(column: "kind", as: String.self)),
                let sent = CalendarDate(try row.decode(column: "sent_on", as: String.self))
            else { continue }
            items.append(
                (
                    try row.decode(column: "created_at", as: Int.self),
                    FeedbackItem(
                        kind: kind, id: try row.decode(column: "id", as: Int.self), text: try row.decode(column: "text", as: String.self),
                        name: try row.decode(column: "name", as: String.self), contact: try row.decode(column: "contact", as: String.self),
                        sentOn: sent, reply: try row.decode(column: "reply", as: String?.self),
                        repliedBy: try row.decode(column: "replied_by", as: String?.self),
                        repliedOn: try row.decode(column: "replied_on", as: String?.self).flatMap(CalendarDate.init),
                        showsText: try row.decode(column: "shows_text", as: Bool.self), disclosureID: nil, disclosureTitle: nil)
                ))
        }
        for row in objections {
            let created = try row.decode(column: "created_at", as: Int.self)
            let noticeEnds = try row.decode(column: "notice_ends", as: String?.self).flatMap(CalendarDate.init)
            let withdrawn = try row.decode(column: "withdrawn_at", as: Int?.self) != nil
            var item = FeedbackItem(
                kind: .objection, id: try row.decode(column: "id", as: Int.self),
                text: try row.decode(column: "text", as: String.self),
                name: try row.decode(column: "name", as: String.self), contact: try row.decode(column: "contact", as: String.self),
                sentOn: CalendarDate(Date(unixSeconds: created)), reply: try row.decode(column: "reply", as: String?.self),
                repliedBy: try row.decode(column: "replied_by", as: String?.self),
                repliedOn: try row.decode(column: "replied_on", as: String?.self).flatMap(CalendarDate.init), showsText: false,
                disclosureID: try row.decode(column: "disclosure_id", as: Int.self),
                disclosureTitle: try row.decode(column: "title", as: String.self))
            item.noticeShowsPersonalDetails = !withdrawn && noticeEnds.map { today <= $0 } == true
            items.append((created, item))
        }
        return items.sorted { $0.0 > $1.0 }.prefix(limit).map(\.1)
    }

    /// Answers a message once; the reply is public. Refused for another
    /// community's message or one already answered.
    public func reply(
        kind: FeedbackKind, id: Int, unit: Unit, text: String, showsText: Bool, actor: StaffActor, at now: Date
    ) async throws {
        guard actor.permissions.contains(.draftDisclosures) else { throw CommonError.forbidden }
        let text = text.trimmed
        guard (5...FeedbackInput.maxText).contains(text.count) else {
            throw ValidationFailure([
                .init(
                    field: "reply", message: "答复至少 5 个字，最多 \(FeedbackInput.maxText) 个字。",
                    englishMessage: "reply must be 5 to 2000 characters.")
            ])
        }
        // The message must be this community's, and still unanswered.
        let owner: SQLQueryString =
            kind == .objection
            ? "SELECT o.reply FROM objections o JOIN disclosures d ON d.id = o.disclosure_id WHERE o.id = \(bind: id) AND d.unit_id = \(bind: unit.id)"
            : "SELECT reply FROM feedback WHERE id = \(bind: id) AND unit_id = \(bind: unit.id) AND kind = \(bind: kind.rawValue)"
        guard let row = try await database.sql.raw(owner).first() else { throw CommonError.notFound }
        guard try row.decode(column: "reply", as: String?.self) == nil else {
            throw ValidationFailure([.init(field: "reply", message: "这条意见已经答复过了。", englishMessage: "already answered.")])
        }
        let database = database.kind
        try await self.database.transaction { sql in
            var update = sql.update(kind == .objection ? "objections" : "feedback").set("reply", to: SQLBind(text))
                .set("replied_by", to: SQLBind(actor.name)).set("replied_on", to: SQLBind(CalendarDate(now).description))
                .set("replied_at", to: SQLBind(now.unixSeconds))
            if kind != .objection { update = update.set("shows_text", to: SQLBind(showsText)) }
            // Someone else may have answered meanwhile: then nothing changes.
            guard try await update.where("id", .equal, SQLBind(id)).where("reply", .is, SQLLiteral.null).returning("id").all().count == 1
            else {
                throw ValidationFailure([.init(field: "reply", message: "这条意见已经答复过了。", englishMessage: "already answered.")])
            }
            try await PublicChange(
                kind == .objection ? ObjectionRecord.self : FeedbackRecord.self, id: id,
                audit: AuditLog.Entry(
                    actorID: actor.id, actorName: actor.name, action: "feedback.reply", unitID: unit.id, subject: "\(kind.chinese) #\(id)",
                    detail: "答复居民\(kind.chinese)", address: actor.address, object: (kind == .objection ? "objection" : "feedback", id))
            ).apply(at: now, database: database, on: sql)
        }
    }
}
