import Foundation
import SQLKit
import SunboardCore

/// Every step of a disclosure's life, each checked and carried out in one
/// transaction with its audit entry, and for publications and withdrawals
/// its ledger entry: a step happens whole or not at all.
public struct DisclosureWorkflow: Sendable {
    let database: Database
    let files: FileStore
    let audit: AuditLog
    let completeness: Completeness

    public init(database: Database, files: FileStore, audit: AuditLog, completeness: Completeness = .init()) {
        self.database = database
        self.files = files
        self.audit = audit
        self.completeness = completeness
    }

    /// A file as uploaded, before it is checked.
    public struct Upload: Sendable {
        public var name: String
        public var bytes: [UInt8]

        public init(name: String, bytes: [UInt8]) {
            self.name = name
            self.bytes = bytes
        }
    }

    // MARK: Drafting

    /// Starts a draft; returns its id. `then` writes what belongs with the
    /// draft (a civic post) in the same transaction.
    public func create(
        unit: Unit, item: CatalogItem, input: DisclosureInput, uploads: [Upload], actor: StaffActor, at now: Date,
        then: (@Sendable (_ id: Int, _ attachments: [AttachmentRef], _ sql: any SQLDatabase) async throws -> Void)? = nil
    ) async throws -> Int {
        guard actor.permissions.contains(.draftDisclosures) else { throw DisclosureError.notAllowed(.edit) }
        guard item.isActive else { throw DisclosureError.itemInactive(item.title) }
        _ = try input.validated(for: item)  // refuse bad input before any photo is decoded or file stored
        let attachments = try await store(try await Self.prepare(uploads), at: now)
        let content = try input.validated(for: item, attachments: attachments)
        return try await database.transaction { sql in
            try await StatementGenerator.checkAgainstBooks(content, item: item, unitID: unit.id, on: sql)
            let id = try await DisclosureRepository.insert(
                unitID: unit.id, itemID: item.id, content: content, createdBy: actor.id, at: now, on: sql)
            try await then?(id, attachments, sql)
            try await audit.record(
                entry(actor, "disclosure.create", unit: unit, id: id, title: content.title, detail: "新建草稿：\(item.title)"), at: now, on: sql)
            return id
        }
    }

    /// Saves changes to a draft: new text and fields, new files, files
    /// removed. `then` rewrites what belongs with the draft (its civic post)
    /// in the same transaction.
    public func update(
        _ disclosure: Disclosure, unit: Unit, item: CatalogItem, input: DisclosureInput, uploads: [Upload], removing: Set<String>,
        actor: StaffActor, at now: Date,
        then: (@Sendable (_ attachments: [AttachmentRef], _ sql: any SQLDatabase) async throws -> Void)? = nil
    ) async throws {
        let status = try DisclosureLifecycle.next(
            after: .edit, from: disclosure.lifecycleState, permissions: actor.permissions, actor: actor.id)
        _ = try input.validated(for: item)
        let kept = disclosure.content.attachments.filter { !removing.contains($0.sha256) }
        let added = try await store(try await Self.prepare(uploads), at: now)
        let content = try input.validated(for: item, attachments: kept + added.filter { new in !kept.contains { $0.sha256 == new.sha256 } })
        // What a published disclosure fulfils is fixed: the compliance matrix and the scores read it.
        if disclosure.publishedVersion > 0, content.period != disclosure.content.period {
            throw ValidationFailure([
                .init(
                    field: "period", message: "已公开的内容不能改所属期间。如果期间发错了，请撤回这条，再按正确的期间重新发布。",
                    englishMessage: "the period of a published disclosure cannot change; withdraw it and publish again.")
            ])
        }
        try await database.transaction { sql in
            guard try await DisclosureRepository.transition(id: disclosure.id, from: status, to: status, at: now, on: sql) else {
                throw DisclosureError.wrongState(.edit, disclosure.status)
            }
            try await StatementGenerator.checkAgainstBooks(content, item: item, unitID: unit.id, on: sql)
            try await DisclosureRepository.updateWorkingCopy(id: disclosure.id, content: content, editor: actor.id, at: now, on: sql)
            try await then?(content.attachments, sql)
            try await audit.record(
                entry(actor, "disclosure.update", unit: unit, id: disclosure.id, title: content.title, detail: "修改草稿"), at: now, on: sql)
        }
    }

    // MARK: Review

    public func submit(_ disclosure: Disclosure, unit: Unit, actor: StaffActor, at now: Date) async throws {
        try await step(.submit, disclosure, unit: unit, actor: actor, at: now, detail: "提交审核") { update in
            update.set("submitted_by", to: SQLBind(actor.id))
        }
    }

    public func approve(_ disclosure: Disclosure, unit: Unit, actor: StaffActor, at now: Date) async throws {
        try await step(.approve, disclosure, unit: unit, actor: actor, at: now, detail: "审核通过") { update in
            update.set("review_comment", to: SQLBind(String?.none))
        }
    }

    public func returnForChanges(_ disclosure: Disclosure, unit: Unit, comment: String, actor: StaffActor, at now: Date) async throws {
        let comment = comment.trimmed
        guard !comment.isEmpty else { throw DisclosureError.commentRequired }
        try await step(.returnForChanges, disclosure, unit: unit, actor: actor, at: now, detail: "退回修改：\(comment)") { update in
            update.set("review_comment", to: SQLBind(String(comment.prefix(2000))))
        }
    }

    /// Opens a published disclosure for a correction; the public keeps
    /// seeing the last version until the correction is published.
    public func startCorrection(_ disclosure: Disclosure, unit: Unit, reason: String, actor: StaffActor, at now: Date) async throws {
        let reason = reason.trimmed
        guard !reason.isEmpty else { throw DisclosureError.reasonRequired(.startCorrection) }
        try await step(.startCorrection, disclosure, unit: unit, actor: actor, at: now, detail: "开始更正：\(reason)") { update in
            update.set("correction_reason", to: SQLBind(String(reason.prefix(1000)))).set("submitted_by", to: SQLBind(Int?.none))
        }
    }

    private func step(
        _ action: DisclosureAction, _ disclosure: Disclosure, unit: Unit, actor: StaffActor, at now: Date, detail: String,
        _ changes: @escaping @Sendable (SQLUpdateBuilder) -> SQLUpdateBuilder
    ) async throws {
        let next = try DisclosureLifecycle.next(
            after: action, from: disclosure.lifecycleState, permissions: actor.permissions, actor: actor.id)
        let entry = entry(
            actor, "disclosure.\(action.rawValue)", unit: unit, id: disclosure.id, title: disclosure.content.title, detail: detail)
        try await database.transaction { sql in
            guard try await DisclosureRepository.transition(id: disclosure.id, from: disclosure.status, to: next, at: now, on: sql, changes)
            else {
                throw DisclosureError.wrongState(action, disclosure.status)
            }
            try await audit.record(entry, at: now, on: sql)
        }
    }

    // MARK: Publication

    /// Publishes the approved working copy as the next version: refused
    /// with every missing field named when it is incomplete. Writes the
    /// version and chains the disclosure's new state with its audit entry
    /// and its chat-group message, all together.
    @discardableResult
    public func publish(_ disclosure: Disclosure, unit: Unit, item: CatalogItem, actor: StaffActor, at now: Date) async throws
        -> PublishedVersion
    {
        // Refused early with the clearest reason; decided again below on the row as it stands.
        _ = try DisclosureLifecycle.next(after: .publish, from: disclosure.lifecycleState, permissions: actor.permissions, actor: actor.id)
        try completeness.check(disclosure.content, item: item)
        try PersonalDetails.check(disclosure.content, item: item)
        // A civic step keeps its process's rules at publication too: no agenda after the meeting, no result before the vote.
        if disclosure.publishedVersion == 0 { try await CivicRules.checkPublishing(disclosureID: disclosure.id, at: now, on: database.sql) }
        let kind = database.kind
        let completeness = completeness
        let audit = { @Sendable (number: Int, current: Disclosure) in
            self.entry(
                actor, "disclosure.\(number == 1 ? "publish" : "correct")", unit: unit, id: current.id, title: current.content.title,
                detail: number == 1 ? "发布第 1 版" : "发布第 \(number) 版（更正）：\(current.correctionReason ?? "")")
        }
        return try await database.transaction { sql in
            // Another director may have published it, or the clerk reopened it, since the page was read.
            guard let current = try await DisclosureRepository.find(id: disclosure.id, on: sql) else {
                throw DisclosureError.wrongState(.publish, disclosure.status)
            }
            _ = try DisclosureLifecycle.next(after: .publish, from: current.lifecycleState, permissions: actor.permissions, actor: actor.id)
            try completeness.check(current.content, item: item)
            try PersonalDetails.check(current.content, item: item)
            try await StatementGenerator.checkAgainstBooks(current.content, item: item, unitID: unit.id, on: sql)
            let number = current.publishedVersion + 1
            // The notice period starts at the first publication; corrections keep it.
            let notice =
                number == 1 ? item.noticeDays.map { NoticePeriod.dates(publishedOn: CalendarDate(now), days: $0) } : current.notice
            var version = PublishedVersion(
                id: 0, disclosureID: current.id, number: number, content: current.content,
                reason: number > 1 ? current.correctionReason : nil, unitSlug: unit.slug, itemCode: item.code,
                publishedAt: now, publishedByID: actor.id, publishedBy: actor.name, fieldSpecs: item.fields, salt: Self.newSalt()
            )
            let moved = try await DisclosureRepository.transition(id: current.id, from: .approved, to: .published, at: now, on: sql) {
                update in
                var update =
                    update
                    .set("published_version", to: SQLBind(number))
                    .set("last_published_at", to: SQLBind(now.unixSeconds))
                    .set("correction_reason", to: SQLBind(String?.none))
                    .set("review_comment", to: SQLBind(String?.none))
                if number == 1 {
                    update = update.set("first_published_at", to: SQLBind(now.unixSeconds))
                    if let notice {
                        update = update.set("notice_starts", to: SQLBind(notice.starts.description)).set(
                            "notice_ends", to: SQLBind(notice.ends.description))
                    }
                }
                return update
            }
            guard moved else { throw DisclosureError.wrongState(.publish, current.status) }
            version.id = try await DisclosureRepository.insertVersion(version, on: sql)
            // A corrected civic step's data becomes what residents read, with the words that say it.
            try await CivicRepository.publishDraftPost(disclosureID: current.id, on: sql)
            // Chat groups hear of it exactly when it is public, never before, never not.
            try await PublicChange(
                DisclosureRecord.self, id: current.id, event: number == 1 ? .publish : .correct, audit: audit(number, current),
                messages: [(WebhookOutbox.message(publishing: version, unit: unit, item: item, notice: notice), unit.id)]
            ).apply(at: now, database: kind, on: sql)
            try await CivicRepository.chainRecord(ofDisclosure: current.id, at: now, database: kind, on: sql)
            return version
        }
    }

    /// Takes a published disclosure down. The record, its versions and the
    /// reason stay public; the ledger records the withdrawal.
    public func withdraw(_ disclosure: Disclosure, unit: Unit, reason: String, actor: StaffActor, at now: Date) async throws {
        let reason = String(reason.trimmed.prefix(1000))
        guard !reason.isEmpty else { throw DisclosureError.reasonRequired(.withdraw) }
        _ = try DisclosureLifecycle.next(after: .withdraw, from: disclosure.lifecycleState, permissions: actor.permissions, actor: actor.id)
        let kind = database.kind
        let entry = entry(
            actor, "disclosure.withdraw", unit: unit, id: disclosure.id, title: disclosure.content.title, detail: "撤回：\(reason)")
        try await database.transaction { sql in
            guard let current = try await DisclosureRepository.find(id: disclosure.id, on: sql) else {
                throw DisclosureError.wrongState(.withdraw, disclosure.status)
            }
            _ = try DisclosureLifecycle.next(
                after: .withdraw, from: current.lifecycleState, permissions: actor.permissions, actor: actor.id)
            let moved = try await DisclosureRepository.transition(id: current.id, from: current.status, to: .withdrawn, at: now, on: sql) {
                update in
                update.set("withdrawn_at", to: SQLBind(now.unixSeconds)).set("withdraw_reason", to: SQLBind(reason))
                    .set("withdrawn_by", to: SQLBind(actor.name))
            }
            guard moved else { throw DisclosureError.wrongState(.withdraw, current.status) }
            let message = try await WebhookOutbox.message(withdrawing: current, unit: unit, reason: reason, at: now, on: sql)
            try await PublicChange(DisclosureRecord.self, id: current.id, event: .withdraw, audit: entry, messages: [(message, unit.id)])
                .apply(at: now, database: kind, on: sql)
            try await CivicRepository.chainRecord(ofDisclosure: current.id, at: now, database: kind, on: sql)
        }
    }

    // MARK: Helpers

    /// 16 random bytes from the system's secure generator, as hex.
    static func newSalt() -> String {
        var generator = SystemRandomNumberGenerator()
        return CanonicalForm.hex((0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) })
    }

    /// Checks every upload, reporting all refused files at once; photos
    /// come back upright and without their metadata.
    static func prepare(_ uploads: [Upload]) async throws -> [PreparedUpload] {
        try await UploadPreparation.prepare(uploads.map { ($0.name, $0.bytes) }, field: "attachments")
    }

    private func store(_ uploads: [PreparedUpload], at now: Date) async throws -> [AttachmentRef] {
        var stored: [AttachmentRef] = []
        for upload in uploads {
            stored.append(try await files.save(upload.bytes, name: upload.name, kind: upload.kind, at: now))
        }
        return stored
    }

    private func entry(_ actor: StaffActor, _ action: String, unit: Unit, id: Int, title: String, detail: String) -> AuditLog.Entry {
        AuditLog.Entry(
            actorID: actor.id, actorName: actor.name, action: action, unitID: unit.id, subject: title, detail: detail,
            address: actor.address, object: ("disclosure", id))
    }
}
