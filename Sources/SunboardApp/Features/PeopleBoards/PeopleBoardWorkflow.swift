import Foundation
import SQLKit
import SunboardCore

/// Every step of a card's life, each checked here (whatever page or API
/// asks) and carried out in one transaction with its history and audit
/// entries. A change to what the public board shows raises the community's
/// board version, so no cached page outlives it.
public struct PeopleBoardWorkflow: Sendable {
    let database: Database
    let catalog: CatalogRepository
    let disclosures: DisclosureRepository
    let objections: ObjectionRepository
    let peopleBoards: PeopleBoardRepository
    let workflow: DisclosureWorkflow

    /// The catalog items the 低保 board publishes through.
    public static let noticeItem = "dibao-applicants"
    public static let reviewItem = "dibao-review"

    // MARK: Adding and correcting

    /// Adds an applicant (低保) or a person on the roster (the other boards);
    /// returns the card's id.
    @discardableResult
    public func add(
        board: PeopleBoard, input: CardInput, relatedToStaff: Bool, relation: String, unit: Unit, actor: StaffActor, at now: Date
    ) async throws -> Int {
        guard actor.permissions.contains(.keepRosters) else { throw BoardError.notAllowed("登记公示对象") }
        let visibilities = try await peopleBoards.visibilities(unitID: unit.id, board: board)
        let values = try input.validated(for: board, visibilities: visibilities)
        let relation = relation.trimmed
        if relatedToStaff && relation.isEmpty {
            throw ValidationFailure([
                .init(field: "relation", message: "请写明与哪位工作人员是什么关系。", englishMessage: "relation is required when related to staff.")
            ])
        }
        let status: CardStatus = board.takesApplications ? .applicant : .onRoster
        let kind = database.kind
        return try await database.transaction { sql in
            let id = try await Self.insert(
                board: board, status: status, values: values, relatedToStaff: relatedToStaff, relation: relation, unitID: unit.id,
                by: actor.id, at: now, on: sql)
            try await Self.record(
                card: id, unitID: unit.id, board: board, kind: board.takesApplications ? .applied : .added, actor: actor, at: now, on: sql)
            // An applicant is public only through the notice; a card on the roster at once.
            try await PublicChange(
                BoardCardRecord.self, id: id,
                audit: entry(actor, "board.card.add", unit: unit, board: board, card: id, name: values[PeopleBoard.nameKey], detail: "登记")
            ).apply(at: now, database: kind, on: sql)
            return id
        }
    }

    /// Corrects a card's details. A benefit on the roster changes only by an
    /// adjustment, which the public board shows; an application cannot change
    /// once its notice is drafted, since residents judge what the notice says.
    public func edit(_ card: BoardCard, input: CardInput, unit: Unit, actor: StaffActor, at now: Date) async throws {
        guard actor.permissions.contains(.keepRosters) else { throw BoardError.notAllowed("修改公示对象的信息") }
        guard card.status == .applicant || card.status == .onRoster else { throw BoardError.wrongState(card.status, "修改") }
        if card.status == .applicant, try await notice(of: card).disclosure.map({ $0.withdrawnAt == nil }) == true {
            throw BoardError.wrongState(card.status, "修改（已经提交公示，须撤回公示后才能修改）")
        }
        let visibilities = try await peopleBoards.visibilities(unitID: unit.id, board: card.board)
        // The form shows a stored ID number masked; sent back unchanged, it is kept as it was.
        var input = input
        let keepsID = input.values["id_number"]?.contains("*") == true
        if keepsID { input.values["id_number"] = nil }
        var values = try input.validated(for: card.board, visibilities: visibilities)
        if keepsID, let old = card.values["id_number"] { values["id_number"] = old }
        if card.status == .onRoster, let benefit = card.values[PeopleBoard.benefitKey] { values[PeopleBoard.benefitKey] = benefit }
        let changed = values
        let kind = database.kind
        try await database.transaction { sql in
            // Only from the state it was read in: an application decided meanwhile is not edited.
            let updated = try await sql.update("board_cards").set("field_values", to: SQLBind(BoardCardRow.encode(changed)))
                .set("name", to: SQLBind(changed[PeopleBoard.nameKey] ?? card.name)).set("updated_at", to: SQLBind(now.unixSeconds))
                .where("id", .equal, SQLBind(card.id)).where("status", .equal, SQLBind(card.status.rawValue)).returning("id").all()
            guard updated.count == 1 else { throw BoardError.wrongState(card.status, "修改，它刚被别人处理过，请刷新页面") }
            try await Self.record(card: card.id, unitID: unit.id, board: card.board, kind: .edited, actor: actor, at: now, on: sql)
            try await PublicChange(
                BoardCardRecord.self, id: card.id,
                audit: entry(actor, "board.card.edit", unit: unit, board: card.board, card: card.id, name: card.name, detail: "修改信息")
            ).apply(at: now, database: kind, on: sql)
        }
    }

    // MARK: 低保: notice and decision

    /// Drafts the 7-day notice from the card's public fields and submits it
    /// for review; publication then goes through the disclosure workflow.
    @discardableResult
    public func startNotice(_ card: BoardCard, unit: Unit, lineage: [Unit], actor: StaffActor, at now: Date) async throws -> Int {
        guard actor.permissions.contains(.keepRosters), actor.permissions.contains(.draftDisclosures) else {
            throw BoardError.notAllowed("提交公示")
        }
        guard card.board.takesApplications, card.status == .applicant else { throw BoardError.wrongState(card.status, "提交公示") }
        if try await notice(of: card).disclosure.map({ $0.withdrawnAt == nil }) == true {
            throw BoardError.wrongState(card.status, "再次提交公示（已有公示）")
        }
        let catalog = try await catalog.effective(lineage: lineage)
        guard let item = catalog.first(where: { $0.code == Self.noticeItem }) else { throw DisclosureError.unknownItem(Self.noticeItem) }
        let visibilities = try await peopleBoards.visibilities(unitID: unit.id, board: card.board)
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

                公示期满后，本页不再显示申请人的姓名、拟保障金额和困难情况；经批准的家庭列入本社区“插卡式公示”栏的低保名单。
                """,
            period: "", fields: fields)
        let disclosureID = try await workflow.create(unit: unit, item: item, input: input, uploads: [], actor: actor, at: now)
        guard let draft = try await disclosures.find(id: disclosureID) else { throw CommonError.notFound }
        try await workflow.submit(draft, unit: unit, actor: actor, at: now)
        try await database.transaction { sql in
            // Linked only if no other notice was linked meanwhile (a second click).
            let linked = try await sql.update("board_cards").set("notice_disclosure_id", to: SQLBind(disclosureID))
                .set("updated_at", to: SQLBind(now.unixSeconds)).where("id", .equal, SQLBind(card.id))
                .where {
                    $0.where("notice_disclosure_id", .is, SQLLiteral.null).orWhere(
                        "notice_disclosure_id", .equal, SQLBind(card.noticeDisclosureID))
                }
                .returning("id").all()
            guard linked.count == 1 else { throw BoardError.wrongState(card.status, "再次提交公示（已有公示）") }
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
        guard let id = card.noticeDisclosureID, let disclosure = try await disclosures.find(id: id) else {
            return NoticeState(disclosure: nil, objections: [])
        }
        return NoticeState(disclosure: disclosure, objections: try await objections.list(disclosureID: id))
    }

    /// Who decides on a 低保 family: the community's director, or the office's
    /// leader when the family is related to the committee's staff (回避).
    public static func checkDecider(_ card: BoardCard, roles: Set<Role>, actor: StaffActor, _ what: String) throws(BoardError) {
        guard actor.permissions.contains(.decideRosters) else { throw .notAllowed(what) }
        if card.relatedToStaff {
            guard roles.contains(.officeLeader) else { throw .separateHandling }
        } else {
            guard roles.contains(.director) else { throw .notAllowed(what) }
        }
    }

    /// Approves (with the monthly benefit) or turns down an application once
    /// its notice is over. Objections must be answered in the note.
    public func decide(
        _ card: BoardCard, approve: Bool, amount: String, note: String, unit: Unit, roles: Set<Role>, actor: StaffActor, at now: Date
    ) async throws {
        try Self.checkDecider(card, roles: roles, actor: actor, "审批低保申请")
        guard card.status == .applicant else { throw BoardError.wrongState(card.status, "审批") }
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
        var values = card.values
        var benefit: Fen?
        if approve {
            let fen = try Self.amount(amount.isEmpty ? (card.benefit?.plainYuan ?? "") : amount)
            values[PeopleBoard.benefitKey] = String(fen.value)
            benefit = fen
        }
        let stored = values
        let decided = benefit
        let kind = database.kind
        try await database.transaction { sql in
            try await Self.move(card, to: approve ? .onRoster : .rejected, at: now, on: sql) {
                $0.set("field_values", to: SQLBind(BoardCardRow.encode(stored)))
            }
            try await Self.record(
                card: card.id, unitID: unit.id, board: card.board, kind: approve ? .approved : .rejected, amountAfter: decided?.value,
                note: note,
                actor: actor, at: now, on: sql)
            try await PublicChange(
                BoardCardRecord.self, id: card.id,
                audit: entry(
                    actor, approve ? "board.card.approve" : "board.card.reject", unit: unit, board: card.board, card: card.id,
                    name: card.name,
                    detail: approve ? "批准低保，月保障金 \(decided?.yuan ?? "")" : "不予批准")
            ).apply(at: now, database: kind, on: sql)
        }
    }

    // MARK: On the roster

    /// Changes a family's benefit, optionally as the outcome of a year's review.
    public func adjust(
        _ card: BoardCard, amount: String, note: String, reviewYear: Int? = nil, unit: Unit, roles: Set<Role>, actor: StaffActor,
        at now: Date
    ) async throws {
        try Self.checkDecider(card, roles: roles, actor: actor, "调整保障金")
        guard card.board.takesApplications, card.status == .onRoster else { throw BoardError.wrongState(card.status, "调整保障金") }
        let fen = try Self.amount(amount)
        guard !note.trimmed.isEmpty else { throw BoardError.reasonRequired }
        var values = card.values
        values[PeopleBoard.benefitKey] = String(fen.value)
        let stored = values
        let kind = database.kind
        try await database.transaction { sql in
            try await Self.move(card, to: .onRoster, at: now, on: sql) { $0.set("field_values", to: SQLBind(BoardCardRow.encode(stored))) }
            try await Self.record(
                card: card.id, unitID: unit.id, board: card.board, kind: .adjusted, reviewYear: reviewYear,
                amountBefore: card.benefit?.value,
                amountAfter: fen.value, note: note.trimmed, actor: actor, at: now, on: sql)
            try await PublicChange(
                BoardCardRecord.self, id: card.id,
                audit: entry(
                    actor, "board.card.adjust", unit: unit, board: card.board, card: card.id, name: card.name,
                    detail: "保障金 \(card.benefit?.yuan ?? "—") → \(fen.yuan)")
            ).apply(at: now, database: kind, on: sql)
        }
    }

    /// Takes a card off the roster (停止享受, moved away, …) with a reason.
    public func remove(
        _ card: BoardCard, note: String, reviewYear: Int? = nil, unit: Unit, roles: Set<Role>, actor: StaffActor, at now: Date
    ) async throws {
        if card.board.takesApplications {
            try Self.checkDecider(card, roles: roles, actor: actor, "停止低保")
        } else {
            guard actor.permissions.contains(.keepRosters) else { throw BoardError.notAllowed("把人移出名册") }
        }
        guard card.status == .onRoster else { throw BoardError.wrongState(card.status, "移出名册") }
        guard !note.trimmed.isEmpty else { throw BoardError.reasonRequired }
        let kind = database.kind
        try await database.transaction { sql in
            try await Self.move(card, to: .removed, at: now, on: sql) { $0 }
            try await Self.record(
                card: card.id, unitID: unit.id, board: card.board, kind: .removed, reviewYear: reviewYear,
                amountBefore: card.benefit?.value,
                note: note.trimmed, actor: actor, at: now, on: sql)
            try await PublicChange(
                BoardCardRecord.self, id: card.id,
                audit: entry(actor, "board.card.remove", unit: unit, board: card.board, card: card.id, name: card.name, detail: "移出名册")
            ).apply(at: now, database: kind, on: sql)
        }
    }

    /// Records a family's yearly review (复审): continued, adjusted or stopped.
    /// The database holds one review per family and year.
    public func review(
        _ card: BoardCard, year: Int, outcome: ReviewOutcome, amount: String, note: String, unit: Unit, roles: Set<Role>, actor: StaffActor,
        at now: Date
    ) async throws {
        try Self.checkDecider(card, roles: roles, actor: actor, "记录复审结果")
        guard card.board.takesApplications, card.status == .onRoster else { throw BoardError.wrongState(card.status, "复审") }
        guard (2000...(CalendarDate(now).year)).contains(year) else {
            throw ValidationFailure([.init(field: "year", message: "复审年度不对。", englishMessage: "year is out of range.")])
        }
        guard try await !peopleBoards.reviewed(cardID: card.id, year: year) else { throw BoardError.alreadyReviewed(year) }
        do {
            switch outcome {
            case .adjusted:
                try await adjust(card, amount: amount, note: note, reviewYear: year, unit: unit, roles: roles, actor: actor, at: now)
            case .cancelled:
                try await remove(card, note: note, reviewYear: year, unit: unit, roles: roles, actor: actor, at: now)
            case .continued:
                let kind = database.kind
                try await database.transaction { sql in
                    try await Self.record(
                        card: card.id, unitID: unit.id, board: card.board, kind: .reviewed, reviewYear: year,
                        amountBefore: card.benefit?.value,
                        amountAfter: card.benefit?.value, note: note.trimmed, actor: actor, at: now, on: sql)
                    try await PublicChange(
                        BoardCardRecord.self, id: card.id,
                        audit: entry(
                            actor, "board.card.review", unit: unit, board: card.board, card: card.id, name: card.name,
                            detail: "\(year) 年复审：继续享受")
                    ).apply(at: now, database: kind, on: sql)
                }
            }
        } catch {
            // Someone recorded it first: the unique index refused the second.
            if try await peopleBoards.reviewed(cardID: card.id, year: year) { throw BoardError.alreadyReviewed(year) }
            throw error
        }
    }

    /// Drafts the year's 低保人员复审情况 from the recorded reviews (or brings
    /// an unpublished draft up to date); returns the disclosure's id.
    @discardableResult
    public func draftReviewDisclosure(year: Int, unit: Unit, lineage: [Unit], actor: StaffActor, at now: Date) async throws -> Int {
        let catalog = try await catalog.effective(lineage: lineage)
        guard let item = catalog.first(where: { $0.code == Self.reviewItem }) else { throw DisclosureError.unknownItem(Self.reviewItem) }
        let counts = try await peopleBoards.reviewCounts(unitID: unit.id, year: year)
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
        let existing = try await database.sql.select().column("id").from("disclosures")
            .where("unit_id", .equal, SQLBind(unit.id)).where("catalog_item_id", .equal, SQLBind(item.id))
            .where("period", .equal, SQLBind(String(year))).where("withdrawn_at", .is, SQLLiteral.null)
            .orderBy("id", .descending).first()?.decode(column: "id", as: Int.self)
        if let existing, let disclosure = try await disclosures.find(id: existing) {
            guard disclosure.publishedVersion == 0, disclosure.status == .draft || disclosure.status == .returned else {
                throw ValidationFailure([
                    .init(
                        field: "year", message: "\(year) 年的复审情况已经提交或发布；如需更改，请在公开事项里更正。",
                        englishMessage: "this year's review is already submitted or published.")
                ])
            }
            try await workflow.update(
                disclosure, unit: unit, item: item, input: input, uploads: [], removing: [], actor: actor, at: now)
            return disclosure.id
        }
        return try await workflow.create(unit: unit, item: item, input: input, uploads: [], actor: actor, at: now)
    }

    // MARK: Import and settings

    /// Who may import a roster: the office, since bringing families onto a
    /// board skips their notice and its 新增 — importing is only for bringing
    /// an existing roster over, once, when a community starts to use the system.
    public static func mayImport(roles: Set<Role>) -> Bool {
        roles.contains(.officeAdmin)
    }

    /// Reads a roster file; when every row is good and the board is still
    /// empty, puts them all on the roster in one transaction, and the board
    /// says so in public (迁入既有名单，N 户). Returns the reading, with what
    /// was imported or every problem by line.
    public func importRoster(
        board: PeopleBoard, bytes: [UInt8], unit: Unit, roles: Set<Role>, actor: StaffActor, at now: Date
    ) async throws -> RosterCSV.Reading {
        guard Self.mayImport(roles: roles) else { throw BoardError.notAllowed("导入名册（只有办事处能把既有名单迁入一次）") }
        let visibilities = try await peopleBoards.visibilities(unitID: unit.id, board: board)
        var reading = RosterCSV.read(bytes, board: board, visibilities: visibilities)
        guard reading.isClean else { return reading }
        if try await !peopleBoards.cards(unitID: unit.id, board: board, statuses: CardStatus.allCases).isEmpty {
            reading.fileProblem = "“\(board.title)”已经有记录了：名单只能在开始使用时迁入一次，以后的每一户都要逐一登记、公示。"
            return reading
        }
        // The same person (name and ID number) once in a file.
        var seen = Set<String>()
        for (line, values) in reading.cards {
            guard let id = values["id_number"], let name = values[PeopleBoard.nameKey] else { continue }
            if !seen.insert("\(name)|\(id)").inserted {
                reading.problems.append(.init(line: line, messages: ["\(name)（\(id)）在文件里出现了两次。"]))
            }
        }
        guard reading.problems.isEmpty else { return reading }
        let kind = database.kind
        try await database.transaction { [reading] sql in
            // Checked again where it counts: two imports at once cannot both find the board empty.
            let started = try await sql.select().column("id").from("board_cards").where("unit_id", .equal, SQLBind(unit.id))
                .where("board", .equal, SQLBind(board.code)).limit(1).first()
            guard started == nil else { throw BoardError.wrongState(.onRoster, "导入（名单已经迁入过）") }
            for (_, values) in reading.cards {
                let id = try await Self.insert(
                    board: board, status: .onRoster, values: values, relatedToStaff: false, relation: "", unitID: unit.id, by: actor.id,
                    at: now,
                    on: sql)
                try await Self.record(
                    card: id, unitID: unit.id, board: board, kind: .imported, amountAfter: values[PeopleBoard.benefitKey].flatMap(Int.init),
                    actor: actor, at: now, on: sql)
                try await PublicChange(BoardCardRecord.self, id: id, audit: nil).apply(at: now, database: kind, on: sql)
            }
            let importID = try await sql.insert(into: "board_imports")
                .columns("unit_id", "board", "cards", "actor_id", "actor_name", "happened_at")
                .values(
                    SQLBind(unit.id), SQLBind(board.code), SQLBind(reading.cards.count), SQLBind(actor.id), SQLBind(actor.name),
                    SQLBind(now.unixSeconds)
                )
                .returning("id").first()!.decode(column: "id", as: Int.self)
            try await PublicChange(
                BoardImportRecord.self, id: importID,
                audit: AuditLog.Entry(
                    actorID: actor.id, actorName: actor.name, action: "board.import", unitID: unit.id, subject: board.title,
                    detail: "迁入既有名单 \(reading.cards.count) 户", address: actor.address, object: (BoardImportRecord.name, importID))
            ).apply(at: now, database: kind, on: sql)
        }
        return reading
    }

    /// Saves what a community publishes, keeps for its staff, or does not
    /// keep at all; a field no longer kept is erased from every card.
    public func saveSettings(board: PeopleBoard, choices: [String: BoardVisibility], unit: Unit, actor: StaffActor, at now: Date)
        async throws
    {
        guard actor.permissions.contains(.manageCatalog) else { throw BoardError.notAllowed("设置公示内容") }
        try board.check(choices)
        let chosen = choices.filter { choice in board.field(choice.key).map { $0.visibility != choice.value } ?? false }
        let dropped = board.fields.filter { choices[$0.key] == .notStored }.map(\.key)
        let cards =
            dropped.isEmpty ? [] : try await peopleBoards.cards(unitID: unit.id, board: board, statuses: CardStatus.allCases)
        let kind = database.kind
        try await database.transaction { sql in
            try await sql.delete(from: "board_field_settings").where("unit_id", .equal, SQLBind(unit.id))
                .where("board", .equal, SQLBind(board.code)).run()
            for (key, visibility) in chosen.sorted(by: { $0.key < $1.key }) {
                try await sql.insert(into: "board_field_settings").columns("unit_id", "board", "field", "visibility")
                    .values(SQLBind(unit.id), SQLBind(board.code), SQLBind(key), SQLBind(visibility.rawValue)).run()
            }
            for card in cards where dropped.contains(where: { card.values[$0] != nil }) {
                let kept = card.values.filter { !dropped.contains($0.key) }
                try await sql.update("board_cards").set("field_values", to: SQLBind(BoardCardRow.encode(kept)))
                    .where("id", .equal, SQLBind(card.id)).run()
            }
            let described = chosen.sorted { $0.key < $1.key }.compactMap { key, visibility in
                board.field(key).map { "\($0.label)：\(visibility.chinese)" }
            }
            try await PublicChange(
                BoardSettingsRecord.self, id: unit.id,
                audit: AuditLog.Entry(
                    actorID: actor.id, actorName: actor.name, action: "board.settings", unitID: unit.id, subject: board.title,
                    detail: described.isEmpty ? "按规定的默认设置" : described.joined(separator: "；"), address: actor.address)
            ).apply(at: now, database: kind, on: sql)
            // What each card shows has changed with the settings: each is chained anew.
            for card in try await sql.select().column("id").from("board_cards").where("unit_id", .equal, SQLBind(unit.id))
                .where("board", .equal, SQLBind(board.code)).orderBy("id").all()
            {
                try await PublicChange(BoardCardRecord.self, id: try card.decode(column: "id", as: Int.self), audit: nil)
                    .apply(at: now, database: kind, on: sql)
            }
        }
    }

    // MARK: Storage

    /// A monthly amount in yuan: more than zero, at most ¥100,000.
    static func amount(_ text: String) throws(ValidationFailure) -> Fen {
        guard let fen = Fen(yuan: text), fen.value > 0, fen <= CardInput.maxAmount else {
            throw ValidationFailure([
                .init(field: "amount", message: "请填写月保障金额（元），大于 0，最多两位小数。", englishMessage: "amount must be a positive amount in yuan.")
            ])
        }
        return fen
    }

    /// Moves a card from the state it was read in, refusing if someone moved it first.
    private static func move(
        _ card: BoardCard, to status: CardStatus, at now: Date, on sql: any SQLDatabase, _ changes: (SQLUpdateBuilder) -> SQLUpdateBuilder
    ) async throws {
        let update = sql.update("board_cards").set("status", to: SQLBind(status.rawValue)).set("updated_at", to: SQLBind(now.unixSeconds))
            .where("id", .equal, SQLBind(card.id)).where("status", .equal, SQLBind(card.status.rawValue))
        guard try await changes(update).returning("id").all().count == 1 else {
            throw BoardError.wrongState(card.status, "继续，它刚被别人处理过，请刷新页面")
        }
    }

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
        amountAfter: Int? = nil, note: String = "", actor: StaffActor, at now: Date, on sql: any SQLDatabase
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

    /// The audit entry of a step. The log names the person only on boards
    /// that publish names; elsewhere it names the card.
    private func entry(
        _ actor: StaffActor, _ action: String, unit: Unit, board: PeopleBoard, card: Int, name: String?, detail: String
    ) -> AuditLog.Entry {
        let named = board.field(PeopleBoard.nameKey)?.visibility == .public
        return AuditLog.Entry(
            actorID: actor.id, actorName: actor.name, action: action, unitID: unit.id,
            subject: named ? (name ?? "") : "\(board.title) #\(card)", detail: "\(board.title)：\(detail)", address: actor.address,
            object: ("board_card", card))
    }
}
