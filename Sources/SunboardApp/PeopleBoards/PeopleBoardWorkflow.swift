import Foundation
import SQLKit
import SunboardCore

/// Every step of a card's life, each checked here (whatever page or API
/// asks) and carried out in one transaction with its history and audit
/// entries. A change to what the public board shows raises the community's
/// board version, so no cached page outlives it.
public struct PeopleBoardWorkflow: Sendable {
    let services: AppServices

    public typealias Actor = DisclosureWorkflow.Actor

    /// The catalog items the 低保 board publishes through.
    public static let noticeItem = "dibao-applicants"
    public static let reviewItem = "dibao-review"

    // MARK: Adding people

    /// Adds an applicant (低保) or a person on the roster (the other boards);
    /// returns the card's id.
    @discardableResult
    public func add(
        board: PeopleBoard, input: CardInput, relatedToStaff: Bool, relation: String, unit: Unit, actor: Actor, at now: Date
    ) async throws -> Int {
        guard actor.permissions.contains(.keepRosters) else { throw BoardError.notAllowed("登记公示对象") }
        let visibilities = try await services.peopleBoards.visibilities(unitID: unit.id, board: board)
        let values = try input.validated(for: board, visibilities: visibilities)
        let relation = relation.trimmed
        if relatedToStaff && relation.isEmpty {
            throw ValidationFailure([
                .init(field: "relation", message: "请写明与哪位工作人员是什么关系。", englishMessage: "relation is required when related to staff.")
            ])
        }
        let status: CardStatus = board.takesApplications ? .applicant : .onRoster
        return try await services.database.transaction { sql in
            let id = try await Self.insert(
                board: board, status: status, values: values, relatedToStaff: relatedToStaff, relation: relation, unitID: unit.id,
                by: actor.id, at: now, on: sql)
            try await Self.record(
                card: id, unitID: unit.id, board: board, kind: board.takesApplications ? .applied : .added,
                amountAfter: board.takesApplications ? nil : values[PeopleBoard.benefitKey].flatMap(Int.init), actor: actor, at: now,
                on: sql)
            if status == .onRoster { try await UnitRepository.touchBoard(unitID: unit.id, on: sql) }
            try await services.audit.record(
                entry(
                    actor, "board.card.add", unit: unit, card: id, subject: values[PeopleBoard.nameKey] ?? "", detail: "\(board.title)：登记"),
                at: now, on: sql)
            return id
        }
    }

    /// Corrects a card's details. A benefit on the roster changes only by an
    /// adjustment, which the public board shows.
    public func edit(_ card: BoardCard, input: CardInput, unit: Unit, actor: Actor, at now: Date) async throws {
        guard actor.permissions.contains(.keepRosters) else { throw BoardError.notAllowed("修改公示对象的信息") }
        guard card.status == .applicant || card.status == .onRoster else { throw BoardError.wrongState(card.status, "修改") }
        let visibilities = try await services.peopleBoards.visibilities(unitID: unit.id, board: card.board)
        var values = try input.validated(for: card.board, visibilities: visibilities)
        if card.status == .onRoster, let benefit = card.values[PeopleBoard.benefitKey] { values[PeopleBoard.benefitKey] = benefit }
        // A masked ID number shown again in the form is kept as it was.
        if let old = card.values["id_number"], (input.values["id_number"] ?? "").contains("*") { values["id_number"] = old }
        let changed = values
        try await services.database.transaction { sql in
            try await sql.update("board_cards").set("field_values", to: SQLBind(BoardCardRow.encode(changed)))
                .set("name", to: SQLBind(changed[PeopleBoard.nameKey] ?? card.name)).set("updated_at", to: SQLBind(now.unixSeconds))
                .where("id", .equal, SQLBind(card.id)).run()
            try await Self.record(card: card.id, unitID: unit.id, board: card.board, kind: .edited, actor: actor, at: now, on: sql)
            try await UnitRepository.touchBoard(unitID: unit.id, on: sql)
            try await services.audit.record(
                entry(actor, "board.card.edit", unit: unit, card: card.id, subject: card.name, detail: "\(card.board.title)：修改信息"), at: now,
                on: sql)
        }
    }

    // MARK: 低保: notice and decision

    /// Drafts the 7-day notice from the card's public fields and submits it
    /// for review; publication then goes through the disclosure workflow.
    @discardableResult
    public func startNotice(_ card: BoardCard, unit: Unit, lineage: [Unit], actor: Actor, at now: Date) async throws -> Int {
        guard actor.permissions.contains(.keepRosters), actor.permissions.contains(.draftDisclosures) else {
            throw BoardError.notAllowed("提交公示")
        }
        guard card.board.takesApplications, card.status == .applicant else { throw BoardError.wrongState(card.status, "提交公示") }
        if let existing = card.noticeDisclosureID, let notice = try await services.disclosures.find(id: existing), notice.withdrawnAt == nil
        {
            throw BoardError.wrongState(card.status, "再次提交公示（已有公示）")
        }
        let catalog = try await services.catalog.effective(lineage: lineage)
        guard let item = catalog.first(where: { $0.code == Self.noticeItem }) else { throw DisclosureError.unknownItem(Self.noticeItem) }
        let visibilities = try await services.peopleBoards.visibilities(unitID: unit.id, board: card.board)
        var fields: [String: String] = [
            "applicant": card.name,
            "household_size": card.values["household_size"] ?? "",
            "monthly_benefit": card.benefit?.plainYuan ?? "",
        ]
        // Only what the board publishes goes on the notice.
        if visibilities["hardship"] == .public, let hardship = card.values["hardship"] { fields["hardship"] = hardship }
        let phone = unit.profile.phone.isEmpty ? "" : "（电话 \(unit.profile.phone)）"
        let input = DisclosureInput(
            title: "新申请城市低保家庭公示",
            body: """
                经入户调查和民主评议，以下家庭申请城市低保，现予公示，公示期 7 天。

                对公示对象有异议的，请在公示期内通过本页的“提出异议”向社区反映，也可到社区居委会\(phone)或向社区监委会反映。社区对反映人的信息保密。

                公示期满后，申请人姓名、拟保障金额和困难情况不再公开。
                """,
            period: "", fields: fields)
        let disclosureID = try await services.workflow.create(unit: unit, item: item, input: input, uploads: [], actor: actor, at: now)
        guard let draft = try await services.disclosures.find(id: disclosureID) else { throw CommonError.notFound }
        try await services.workflow.submit(draft, unit: unit, actor: actor, at: now)
        try await services.database.transaction { sql in
            try await sql.update("board_cards").set("notice_disclosure_id", to: SQLBind(disclosureID))
                .set("updated_at", to: SQLBind(now.unixSeconds)).where("id", .equal, SQLBind(card.id)).run()
            try await Self.record(
                card: card.id, unitID: unit.id, board: card.board, kind: .noticeStarted, note: "公示稿已提交审核", actor: actor, at: now, on: sql)
        }
        return disclosureID
    }

    /// Where an application's notice stands, for the card page and the decision.
    public struct NoticeState: Sendable {
        public var disclosure: Disclosure?
        public var objections: [ObjectionRepository.Objection]

        public var isPublished: Bool { (disclosure?.publishedVersion ?? 0) > 0 && disclosure?.withdrawnAt == nil }
    }

    public func notice(of card: BoardCard) async throws -> NoticeState {
        guard let id = card.noticeDisclosureID, let disclosure = try await services.disclosures.find(id: id) else {
            return NoticeState(disclosure: nil, objections: [])
        }
        return NoticeState(disclosure: disclosure, objections: try await services.objections.list(disclosureID: id))
    }

    /// Approves (with the monthly benefit) or turns down an application once
    /// its notice is over. Objections must be answered in the note.
    public func decide(
        _ card: BoardCard, approve: Bool, amount: String, note: String, unit: Unit, roles: Set<Role>, actor: Actor, at now: Date
    ) async throws {
        guard actor.permissions.contains(.decideRosters) else { throw BoardError.notAllowed("审批低保申请") }
        guard card.status == .applicant else { throw BoardError.wrongState(card.status, "审批") }
        if card.relatedToStaff && !roles.contains(.officeLeader) { throw BoardError.separateHandling }
        let state = try await notice(of: card)
        guard state.isPublished, let disclosure = state.disclosure, let ends = disclosure.noticeEnds else {
            throw BoardError.noticeNotStarted
        }
        guard CalendarDate(now) > ends else { throw BoardError.noticeRunning(ends: ends.chinese) }
        let note = note.trimmed
        if note.isEmpty && (!approve || !state.objections.isEmpty) {
            throw ValidationFailure([
                .init(
                    field: "note",
                    message: state.objections.isEmpty ? "不予批准须写明理由。" : "公示期间收到 \(state.objections.count) 条异议，请写明核实和处理情况。",
                    englishMessage: "a note is required.")
            ])
        }
        var benefit = card.benefit
        if approve {
            guard let fen = Fen(yuan: amount.isEmpty ? (card.benefit?.plainYuan ?? "") : amount), fen.value > 0, fen.value <= 100_000_00
            else {
                throw ValidationFailure([
                    .init(field: "amount", message: "请填写月保障金额（元），大于 0，最多两位小数。", englishMessage: "amount must be a positive amount in yuan.")
                ])
            }
            benefit = fen
        }
        var values = card.values
        if let benefit { values[PeopleBoard.benefitKey] = String(benefit.value) }
        let stored = values
        let decided = benefit
        try await services.database.transaction { sql in
            try await sql.update("board_cards").set("status", to: SQLBind((approve ? CardStatus.onRoster : .rejected).rawValue))
                .set("field_values", to: SQLBind(BoardCardRow.encode(stored))).set("updated_at", to: SQLBind(now.unixSeconds))
                .where("id", .equal, SQLBind(card.id)).where("status", .equal, SQLBind(CardStatus.applicant.rawValue)).run()
            try await Self.record(
                card: card.id, unitID: unit.id, board: card.board, kind: approve ? .approved : .rejected,
                amountAfter: approve ? decided?.value : nil, note: note, actor: actor, at: now, on: sql)
            try await UnitRepository.touchBoard(unitID: unit.id, on: sql)
            try await services.audit.record(
                entry(
                    actor, approve ? "board.card.approve" : "board.card.reject", unit: unit, card: card.id, subject: card.name,
                    detail: approve ? "批准低保，月保障金 \(decided?.yuan ?? "")" : "不予批准"), at: now, on: sql)
        }
    }

    // MARK: On the roster

    /// Changes a family's benefit, optionally as the outcome of a year's review.
    public func adjust(_ card: BoardCard, amount: String, note: String, reviewYear: Int? = nil, unit: Unit, actor: Actor, at now: Date)
        async throws
    {
        guard actor.permissions.contains(.decideRosters) else { throw BoardError.notAllowed("调整保障金") }
        guard card.board.takesApplications, card.status == .onRoster else { throw BoardError.wrongState(card.status, "调整保障金") }
        guard let fen = Fen(yuan: amount), fen.value > 0, fen.value <= 100_000_00 else {
            throw ValidationFailure([
                .init(field: "amount", message: "请填写新的月保障金额（元），大于 0，最多两位小数。", englishMessage: "amount must be a positive amount in yuan.")
            ])
        }
        guard !note.trimmed.isEmpty else { throw BoardError.reasonRequired }
        var values = card.values
        values[PeopleBoard.benefitKey] = String(fen.value)
        let stored = values
        try await services.database.transaction { sql in
            if let reviewYear, try await PeopleBoardRepository.reviewed(cardID: card.id, year: reviewYear, on: sql) {
                throw BoardError.alreadyReviewed(reviewYear)
            }
            try await sql.update("board_cards").set("field_values", to: SQLBind(BoardCardRow.encode(stored)))
                .set("updated_at", to: SQLBind(now.unixSeconds)).where("id", .equal, SQLBind(card.id)).run()
            try await Self.record(
                card: card.id, unitID: unit.id, board: card.board, kind: .adjusted, reviewYear: reviewYear,
                amountBefore: card.benefit?.value,
                amountAfter: fen.value, note: note.trimmed, actor: actor, at: now, on: sql)
            try await UnitRepository.touchBoard(unitID: unit.id, on: sql)
            try await services.audit.record(
                entry(
                    actor, "board.card.adjust", unit: unit, card: card.id, subject: card.name,
                    detail: "保障金 \(card.benefit?.yuan ?? "—") → \(fen.yuan)"), at: now, on: sql)
        }
    }

    /// Takes a card off the roster (停止享受, moved away, …) with a reason.
    public func remove(_ card: BoardCard, note: String, reviewYear: Int? = nil, unit: Unit, actor: Actor, at now: Date) async throws {
        let needed: Permission = card.board.takesApplications ? .decideRosters : .keepRosters
        guard actor.permissions.contains(needed) else { throw BoardError.notAllowed("把人移出名册") }
        guard card.status == .onRoster else { throw BoardError.wrongState(card.status, "移出名册") }
        guard !note.trimmed.isEmpty else { throw BoardError.reasonRequired }
        try await services.database.transaction { sql in
            if let reviewYear, try await PeopleBoardRepository.reviewed(cardID: card.id, year: reviewYear, on: sql) {
                throw BoardError.alreadyReviewed(reviewYear)
            }
            try await sql.update("board_cards").set("status", to: SQLBind(CardStatus.removed.rawValue))
                .set("updated_at", to: SQLBind(now.unixSeconds)).where("id", .equal, SQLBind(card.id)).run()
            try await Self.record(
                card: card.id, unitID: unit.id, board: card.board, kind: .removed, reviewYear: reviewYear,
                amountBefore: card.benefit?.value,
                note: note.trimmed, actor: actor, at: now, on: sql)
            try await UnitRepository.touchBoard(unitID: unit.id, on: sql)
            try await services.audit.record(
                entry(actor, "board.card.remove", unit: unit, card: card.id, subject: card.name, detail: "\(card.board.title)：移出名册"),
                at: now,
                on: sql)
        }
    }

    /// Records a family's yearly review (复审): continued, adjusted or stopped.
    public func review(
        _ card: BoardCard, year: Int, outcome: ReviewOutcome, amount: String, note: String, unit: Unit, actor: Actor, at now: Date
    ) async throws {
        guard actor.permissions.contains(.decideRosters) else { throw BoardError.notAllowed("记录复审结果") }
        guard card.board.takesApplications, card.status == .onRoster else { throw BoardError.wrongState(card.status, "复审") }
        guard (2000...(CalendarDate(now).year)).contains(year) else {
            throw ValidationFailure([.init(field: "year", message: "复审年度不对。", englishMessage: "year is out of range.")])
        }
        switch outcome {
        case .adjusted: try await adjust(card, amount: amount, note: note, reviewYear: year, unit: unit, actor: actor, at: now)
        case .cancelled: try await remove(card, note: note, reviewYear: year, unit: unit, actor: actor, at: now)
        case .continued:
            try await services.database.transaction { sql in
                if try await PeopleBoardRepository.reviewed(cardID: card.id, year: year, on: sql) { throw BoardError.alreadyReviewed(year) }
                try await Self.record(
                    card: card.id, unitID: unit.id, board: card.board, kind: .reviewed, reviewYear: year, amountBefore: card.benefit?.value,
                    amountAfter: card.benefit?.value, note: note.trimmed, actor: actor, at: now, on: sql)
                try await services.audit.record(
                    entry(actor, "board.card.review", unit: unit, card: card.id, subject: card.name, detail: "\(year) 年复审：继续享受"), at: now,
                    on: sql)
            }
        }
    }

    /// Drafts the year's 低保人员复审情况 from the recorded reviews (or brings
    /// an unpublished draft up to date); returns the disclosure's id.
    @discardableResult
    public func draftReviewDisclosure(year: Int, unit: Unit, lineage: [Unit], actor: Actor, at now: Date) async throws -> Int {
        let catalog = try await services.catalog.effective(lineage: lineage)
        guard let item = catalog.first(where: { $0.code == Self.reviewItem }) else { throw DisclosureError.unknownItem(Self.reviewItem) }
        let counts = try await services.peopleBoards.reviewCounts(unitID: unit.id, year: year)
        let reviewed = counts.values.reduce(0, +)
        guard reviewed > 0 else {
            throw ValidationFailure([
                .init(field: "year", message: "\(year) 年还没有记录任何复审结果。", englishMessage: "no reviews are recorded for \(year).")
            ])
        }
        let input = DisclosureInput(
            title: "\(unit.name)\(year)年度城市低保复审情况",
            body: """
                \(year) 年度共复审城市低保家庭 \(reviewed) 户：继续享受 \(counts[.continued] ?? 0) 户，调整保障金 \(counts[.adjusted] ?? 0) 户，停止享受 \(counts[.cancelled] ?? 0) 户。

                调整和停止的家庭见本社区“插卡式公示”栏的变动情况。对复审结果有异议的，可向社区居委会或监委会反映。
                """,
            period: String(year),
            fields: [
                "reviewed": String(reviewed), "continued": String(counts[.continued] ?? 0), "adjusted": String(counts[.adjusted] ?? 0),
                "cancelled": String(counts[.cancelled] ?? 0),
            ])
        let existing = try await services.database.sql.select().column("id").from("disclosures")
            .where("unit_id", .equal, SQLBind(unit.id)).where("catalog_item_id", .equal, SQLBind(item.id))
            .where("period", .equal, SQLBind(String(year))).where("withdrawn_at", .is, SQLLiteral.null)
            .orderBy("id", .descending).first()?.decode(column: "id", as: Int.self)
        if let existing, let disclosure = try await services.disclosures.find(id: existing) {
            guard disclosure.publishedVersion == 0, disclosure.status == .draft || disclosure.status == .returned else {
                throw ValidationFailure([
                    .init(
                        field: "year", message: "\(year) 年的复审情况已经提交或发布；如需更改，请在公开事项里更正。",
                        englishMessage: "this year's review is already submitted or published.")
                ])
            }
            try await services.workflow.update(
                disclosure, unit: unit, item: item, input: input, uploads: [], removing: [], actor: actor, at: now)
            return disclosure.id
        }
        return try await services.workflow.create(unit: unit, item: item, input: input, uploads: [], actor: actor, at: now)
    }

    // MARK: Import and settings

    /// Reads a roster file; when every row is good, puts them all on the
    /// roster in one transaction. Returns the reading, with what was imported.
    public func importRoster(board: PeopleBoard, bytes: [UInt8], unit: Unit, actor: Actor, at now: Date) async throws -> RosterCSV.Reading {
        guard actor.permissions.contains(.keepRosters) else { throw BoardError.notAllowed("导入名册") }
        let visibilities = try await services.peopleBoards.visibilities(unitID: unit.id, board: board)
        let reading = RosterCSV.read(bytes, board: board, visibilities: visibilities)
        guard reading.isClean else { return reading }
        try await services.database.transaction { sql in
            for (_, values) in reading.cards {
                let id = try await Self.insert(
                    board: board, status: .onRoster, values: values, relatedToStaff: false, relation: "", unitID: unit.id, by: actor.id,
                    at: now,
                    on: sql)
                try await Self.record(
                    card: id, unitID: unit.id, board: board, kind: .imported, amountAfter: values[PeopleBoard.benefitKey].flatMap(Int.init),
                    actor: actor, at: now, on: sql)
            }
            try await UnitRepository.touchBoard(unitID: unit.id, on: sql)
            try await services.audit.record(
                AuditLog.Entry(
                    actorID: actor.id, actorName: actor.name, action: "board.import", unitID: unit.id, subject: board.title,
                    detail: "导入名册 \(reading.cards.count) 人", address: actor.address), at: now, on: sql)
        }
        return reading
    }

    /// Saves which optional fields a community publishes.
    public func saveSettings(board: PeopleBoard, choices: [String: BoardVisibility], unit: Unit, actor: Actor, at now: Date) async throws {
        guard actor.permissions.contains(.manageCatalog) else { throw BoardError.notAllowed("设置公示内容") }
        try board.check(choices)
        let chosen = choices.filter { board.field($0.key)?.isChoosable == true }
        try await services.database.transaction { sql in
            try await sql.delete(from: "board_field_settings").where("unit_id", .equal, SQLBind(unit.id))
                .where("board", .equal, SQLBind(board.code)).run()
            for (key, visibility) in chosen.sorted(by: { $0.key < $1.key }) {
                try await sql.insert(into: "board_field_settings").columns("unit_id", "board", "field", "visibility")
                    .values(SQLBind(unit.id), SQLBind(board.code), SQLBind(key), SQLBind(visibility.rawValue)).run()
            }
            try await UnitRepository.touchBoard(unitID: unit.id, on: sql)
            let published = chosen.filter { $0.value == .public }.keys.compactMap { board.field($0)?.label }.sorted()
            try await services.audit.record(
                AuditLog.Entry(
                    actorID: actor.id, actorName: actor.name, action: "board.settings", unitID: unit.id, subject: board.title,
                    detail: published.isEmpty ? "只公开规定的基本项" : "另外公开：\(published.joined(separator: "、"))", address: actor.address),
                at: now, on: sql)
        }
    }

    // MARK: Storage

    static func insert(
        board: PeopleBoard, status: CardStatus, values: [String: String], relatedToStaff: Bool, relation: String, unitID: Int,
        by userID: Int,
        at now: Date, on sql: any SQLDatabase
    ) async throws -> Int {
        let row = try await sql.insert(into: "board_cards")
            .columns(
                "unit_id", "board", "status", "name", "field_values", "related_to_staff", "relation_note", "created_by", "created_at",
                "updated_at"
            )
            .values(
                SQLBind(unitID), SQLBind(board.code), SQLBind(status.rawValue), SQLBind(values[PeopleBoard.nameKey] ?? ""),
                SQLBind(BoardCardRow.encode(values)), SQLBind(relatedToStaff), SQLBind(relatedToStaff ? relation : nil), SQLBind(userID),
                SQLBind(now.unixSeconds), SQLBind(now.unixSeconds)
            )
            .returning("id").first()
        return try row!.decode(column: "id", as: Int.self)
    }

    static func record(
        card: Int, unitID: Int, board: PeopleBoard, kind: CardEventKind, reviewYear: Int? = nil, amountBefore: Int? = nil,
        amountAfter: Int? = nil, note: String = "", actor: Actor, at now: Date, on sql: any SQLDatabase
    ) async throws {
        try await sql.insert(into: "board_card_events")
            .columns(
                "card_id", "unit_id", "board", "kind", "review_year", "amount_before", "amount_after", "note", "actor_id", "actor_name",
                "happened_at"
            )
            .values(
                SQLBind(card), SQLBind(unitID), SQLBind(board.code), SQLBind(kind.rawValue), SQLBind(reviewYear), SQLBind(amountBefore),
                SQLBind(amountAfter), SQLBind(String(note.prefix(1000))), SQLBind(actor.id), SQLBind(actor.name), SQLBind(now.unixSeconds)
            )
            .run()
    }

    private func entry(_ actor: Actor, _ action: String, unit: Unit, card: Int, subject: String, detail: String) -> AuditLog.Entry {
        AuditLog.Entry(
            actorID: actor.id, actorName: actor.name, action: action, unitID: unit.id, subject: subject, detail: detail,
            address: actor.address, object: ("board_card", card))
    }
}
