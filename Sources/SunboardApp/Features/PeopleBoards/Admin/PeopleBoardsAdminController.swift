import Foundation
import Hummingbird
import SunboardCore

/// `/admin/units/{slug}/boards`: a community's people boards for its staff.
/// Every step is checked again by `PeopleBoardWorkflow`; the buttons shown
/// are a convenience.
struct PeopleBoardsAdminController {
    let services: AppServices

    func addRoutes(to group: RouterGroup<UnitAdminContext>) {
        group.get(SiteURL.peopleBoards(.adminList(.key)).route(under: .units(.admin(.key))), use: overview)
        group.get(SiteURL.peopleBoards(.admin(.key, .key)).route(under: .units(.admin(.key))), use: boardPage)
        group.get(SiteURL.peopleBoards(.newCard(.key, .key)).route(under: .units(.admin(.key))), use: newCard)
        group.post(SiteURL.peopleBoards(.cards(.key, .key)).route(under: .units(.admin(.key))), use: createCard)
        group.get(SiteURL.peopleBoards(.card(.key, .key, .key)).route(under: .units(.admin(.key))), use: show)
        group.get(SiteURL.peopleBoards(.cardStep(.key, .key, .key, "edit")).route(under: .units(.admin(.key))), use: editForm)
        // The router prefers the literal `edit` segment, so its POST is registered by name.
        group.post(SiteURL.peopleBoards(.cardStep(.key, .key, .key, "edit")).route(under: .units(.admin(.key))), use: step)
        group.post(SiteURL.peopleBoards(.cardStep(.key, .key, .key, .key)).route(under: .units(.admin(.key))), use: step)
        group.get(SiteURL.peopleBoards(.importRoster(.key, .key)).route(under: .units(.admin(.key))), use: importForm)
        group.post(SiteURL.peopleBoards(.importRoster(.key, .key)).route(under: .units(.admin(.key))), use: importFile)
        group.get(SiteURL.peopleBoards(.settings(.key, .key)).route(under: .units(.admin(.key))), use: settingsForm)
        group.post(SiteURL.peopleBoards(.settings(.key, .key)).route(under: .units(.admin(.key))), use: saveSettings)
        group.post(SiteURL.peopleBoards(.review(.key, .key)).route(under: .units(.admin(.key))), use: reviewDisclosure)
    }

    static let notices = Flash([
        "added": "已登记。", "edit": "已保存。", "notice": "公示稿已提交审核。审核通过并发布后开始 7 天公示。", "decide": "已审批，结果已记入档案。",
        "adjust": "保障金已调整，公开栏已显示变动。", "remove": "已移出名册，公开栏已显示变动。", "review": "复审结果已记录。", "settings": "公开设置已保存。",
    ])

    // MARK: Lists

    private func community(_ context: UnitAdminContext) throws -> Unit {
        guard context.unit.kind == .community else { throw CommonError.notFound }
        return context.unit
    }

    private func board(_ context: UnitAdminContext) throws -> PeopleBoard {
        let code = try context.parameters.require("board")
        guard let board = PeopleBoard.find(code) else { throw BoardError.unknownBoard(code) }
        return board
    }

    /// Whether the person is on the community's own staff (a role granted
    /// there): the cards' internal fields are theirs alone to see.
    private func isCommunityStaff(_ context: UnitAdminContext) -> Bool {
        context.user.access.grants.contains { $0.unitID == context.unit.id }
    }

    /// The office's leader sees only the applications they must decide.
    private func mayOpen(_ card: BoardCard, _ context: UnitAdminContext) -> Bool {
        isCommunityStaff(context) || (card.relatedToStaff && context.scope.roles.contains(.officeLeader))
    }

    /// Whether the person may open a board: its community's staff, the office's
    /// administrator (who imports rosters), a leader with an application to decide.
    private func mayOpen(_ board: PeopleBoard, cards: [BoardCard], _ context: UnitAdminContext) -> Bool {
        isCommunityStaff(context) || PeopleBoardWorkflow.mayImport(roles: context.scope.roles) || cards.contains { mayOpen($0, context) }
    }

    @Sendable func overview(_ request: Request, context: UnitAdminContext) async throws -> HTML {
        let unit = try community(context)
        let onRoster = try await services.peopleBoards.rosterCounts(unitID: unit.id)
        var rows: [AdminBoardsPage.Row] = []
        for board in PeopleBoard.all {
            let cards = try await services.peopleBoards.cards(unitID: unit.id, board: board, statuses: CardStatus.allCases)
            let url = mayOpen(board, cards: cards, context) ? SiteURL.peopleBoards(.admin(unit.slug, board.code)).path : nil
            let applicants = board.takesApplications ? cards.count { $0.status == .applicant } : 0
            rows.append(.init(title: board.title, url: url, onRoster: onRoster[board.code] ?? 0, applicants: applicants))
        }
        let model = AdminBoardsPage(
            frame: frame(context, "插卡式公示", []), unitName: unit.name, rows: rows, publicURL: SiteURL.peopleBoards(.list(unit.slug)).path)
        return HTML(try services.renderer.render("admin/boards", model))
    }

    @Sendable func boardPage(_ request: Request, context: UnitAdminContext) async throws -> HTML {
        try await boardPage(context, notice: Self.notices.message(for: request), error: nil, status: .ok)
    }

    private func boardPage(_ context: UnitAdminContext, notice: String?, error: String?, status: HTTPResponse.Status) async throws -> HTML {
        let unit = try community(context)
        let board = try board(context)
        let all = try await services.peopleBoards.cards(unitID: unit.id, board: board, statuses: CardStatus.allCases)
        let cards = all.filter { mayOpen($0, context) }
        guard mayOpen(board, cards: all, context) else { throw CommonError.forbidden }
        let visibilities = try await services.peopleBoards.visibilities(unitID: unit.id, board: board)
        let groups: [(String, (BoardCard) -> Bool)] = [
            ("需办事处单独审核（与工作人员有亲属关系）", { $0.status == .applicant && $0.relatedToStaff }),
            ("申请中", { $0.status == .applicant && !$0.relatedToStaff }),
            ("在册", { $0.status == .onRoster }),
            ("已停止、未批准", { $0.status == .removed || $0.status == .rejected }),
        ]
        let model = AdminBoardPage(
            frame: frame(context, board.title, [(board.title, SiteURL.peopleBoards(.admin(unit.slug, board.code)).path)]),
            title: board.title,
            summary: board.summary,
            groups: groups.compactMap { title, test in
                let rows = cards.filter(test).map { AdminCardRow($0, unitSlug: unit.slug) }
                return rows.isEmpty ? nil : .init(title: "\(title)（\(rows.count)）", rows: rows)
            },
            isEmpty: all.isEmpty, hidden: cards.isEmpty && !all.isEmpty ? "在册 \(all.count { $0.status == .onRoster }) 人" : nil,
            canKeep: context.can(.keepRosters),
            canImport: PeopleBoardWorkflow.mayImport(roles: context.scope.roles),
            canSettings: context.can(.manageCatalog),
            canReview: board.takesApplications && context.can(.draftDisclosures),
            newURL: SiteURL.peopleBoards(.newCard(unit.slug, board.code)).path,
            importURL: SiteURL.peopleBoards(.importRoster(unit.slug, board.code)).path,
            settingsURL: SiteURL.peopleBoards(.settings(unit.slug, board.code)).path,
            reviewURL: SiteURL.peopleBoards(.review(unit.slug, board.code)).path,
            publicURL: SiteURL.peopleBoards(.board(unit.slug, board.code)).path,
            publicLabels: board.fields.filter { visibilities[$0.key] == .public }.map(\.label).joined(separator: "、"),
            lastYear: CalendarDate(services.clock.now).year - 1, notice: notice, error: error)
        return HTML(try services.renderer.render("admin/board", model), status: status)
    }

    // MARK: Adding and correcting

    @Sendable func newCard(_ request: Request, context: UnitAdminContext) async throws -> HTML {
        try context.require(.keepRosters)
        return try await cardForm(context, card: nil, values: [:], related: false, relation: "", failure: nil)
    }

    @Sendable func createCard(_ request: Request, context: UnitAdminContext) async throws -> Response {
        let unit = try community(context)
        let board = try board(context)
        let form = context.staff.form
        let values = Dictionary(uniqueKeysWithValues: board.fields.map { ($0.key, form[$0.key]) })
        let related = form["related_to_staff"] == "on"
        do {
            let id = try await services.boardWorkflow.add(
                board: board, input: CardInput(values: values), relatedToStaff: related, relation: form["relation"], unit: unit,
                actor: context.actor, at: services.clock.now)
            return .redirect(to: SiteURL.peopleBoards(.card(unit.slug, board.code, id)).path + "?done=added", type: .normal)
        } catch let error as ValidationFailure {
            return try await cardForm(context, card: nil, values: values, related: related, relation: form["relation"], failure: error)
                .response(from: request, context: context)
        }
    }

    @Sendable func editForm(_ request: Request, context: UnitAdminContext) async throws -> HTML {
        try context.require(.keepRosters)
        let card = try await target(context)
        var values = card.values
        for field in card.board.fields where field.kind == .money {
            values[field.key] = values[field.key].flatMap(Int.init).map { Fen($0).plainYuan }
        }
        return try await cardForm(
            context, card: card, values: values, related: card.relatedToStaff, relation: card.relationNote ?? "", failure: nil)
    }

    private func cardForm(
        _ context: UnitAdminContext, card: BoardCard?, values: [String: String], related: Bool, relation: String,
        failure: (any SunboardError)?
    ) async throws -> HTML {
        let unit = try community(context)
        let board = try board(context)
        let visibilities = try await services.peopleBoards.visibilities(unitID: unit.id, board: board)
        let heading = card.map { "修改：\($0.name)" } ?? (board.takesApplications ? "登记低保申请" : "登记\(board.title)")
        let model = CardFormPage(
            frame: frame(context, heading, [(board.title, SiteURL.peopleBoards(.admin(unit.slug, board.code)).path)]), heading: heading,
            action: card.map { SiteURL.peopleBoards(.cardStep(unit.slug, board.code, $0.id, "edit")).path }
                ?? SiteURL.peopleBoards(.cards(unit.slug, board.code)).path,
            cancelURL: card.map { SiteURL.peopleBoards(.card(unit.slug, board.code, $0.id)).path }
                ?? SiteURL.peopleBoards(.admin(unit.slug, board.code)).path,
            board: board, visibilities: visibilities, values: values, relatedToStaff: related, relation: relation,
            asksRelation: board.takesApplications && card == nil, failure: failure)
        return HTML(try services.renderer.render("admin/card-form", model), status: failure == nil ? .ok : .badRequest)
    }

    // MARK: One card

    private func target(_ context: UnitAdminContext) async throws -> BoardCard {
        let board = try board(context)
        guard let id = context.parameters.get("id", as: Int.self), let card = try await services.peopleBoards.card(id: id),
            card.unitID == context.unit.id, card.board == board
        else { throw CommonError.notFound }
        guard mayOpen(card, context) else { throw CommonError.forbidden }
        return card
    }

    @Sendable func show(_ request: Request, context: UnitAdminContext) async throws -> HTML {
        let card = try await target(context)
        return try await page(context, card, notice: Self.notices.message(for: request), error: nil, status: .ok)
    }

    private func page(_ context: UnitAdminContext, _ card: BoardCard, notice: String?, error: String?, status: HTTPResponse.Status)
        async throws -> HTML
    {
        let unit = context.unit
        let board = card.board
        let visibilities = try await services.peopleBoards.visibilities(unitID: unit.id, board: board)
        let state = try await services.boardWorkflow.notice(of: card)
        let today = CalendarDate(services.clock.now)
        var noticeState: String?
        var blocked: String?
        if board.takesApplications && card.status == .applicant {
            if let disclosure = state.disclosure, disclosure.withdrawnAt == nil {
                if state.isPublished, let ends = disclosure.noticeEnds {
                    noticeState = today > ends ? "公示已于 \(ends.chinese) 期满" : "公示中，到 \(ends.chinese) 结束"
                    if today <= ends { blocked = BoardError.noticeRunning(ends: ends.chinese).message }
                } else {
                    noticeState = "公示稿\(disclosure.status.chinese)，发布后开始公示"
                    blocked = BoardError.noticeNotStarted.message
                }
            } else {
                noticeState = "还没有公示"
                blocked = BoardError.noticeNotStarted.message
            }
            if card.relatedToStaff && !context.scope.roles.contains(.officeLeader) { blocked = BoardError.separateHandling.message }
        }
        let slug = unit.slug
        let id = card.id
        let decides = (try? PeopleBoardWorkflow.checkDecider(card, roles: context.scope.roles, actor: context.actor, "")) != nil
        let model = AdminCardPage(
            frame: frame(
                context, card.name,
                [
                    (board.title, SiteURL.peopleBoards(.admin(slug, board.code)).path),
                    (card.name, SiteURL.peopleBoards(.card(slug, board.code, id)).path),
                ]),
            name: card.name, boardTitle: board.title, status: card.status.chinese,
            cells: board.fields.filter { visibilities[$0.key] != .notStored }.map { field in
                .init(
                    label: field.label, value: card.values[field.key].map { CardInput.display($0, field: field) } ?? "—",
                    visibility: (visibilities[field.key] ?? field.visibility).chinese)
            },
            relatedToStaff: card.relatedToStaff, relationNote: card.relationNote,
            history: try await services.peopleBoards.events(cardID: card.id).reversed().map { event in
                var what = event.kind.chinese
                if let year = event.reviewYear { what = "\(year) 年复审：" + (event.kind == .reviewed ? "继续享受" : what) }
                if let after = event.amountAfter { what += "（\(event.amountBefore.map { "\($0.yuan) → " } ?? "")\(after.yuan)）" }
                return .init(at: ShanghaiTime.dateTime(event.at), what: what, who: event.actorName, note: event.note)
            },
            noticeState: noticeState,
            noticeURL: state.disclosure.map { SiteURL.disclosures(.admin(slug, $0.id)).path },
            objections: state.objections.map {
                .init(at: ShanghaiTime.dateTime(Date(unixSeconds: $0.createdAt)), text: $0.text, from: $0.name.isEmpty ? "匿名" : $0.name)
            },
            hasObjections: !state.objections.isEmpty,
            canEdit: context.can(.keepRosters) && (card.status == .applicant || card.status == .onRoster),
            canStartNotice: board.takesApplications && card.status == .applicant && context.can(.keepRosters)
                && context.can(.draftDisclosures) && (state.disclosure == nil || state.disclosure?.withdrawnAt != nil),
            canDecide: board.takesApplications && card.status == .applicant && context.can(.decideRosters),
            decideBlocked: blocked,
            canManageRoster: board.takesApplications && card.status == .onRoster && decides,
            canRemove: card.status == .onRoster && (board.takesApplications ? decides : context.can(.keepRosters)),
            isDibao: board.takesApplications, benefit: card.benefit?.plainYuan ?? "", year: today.year,
            editURL: SiteURL.peopleBoards(.card(slug, board.code, id)).path + "/edit",
            noticeActionURL: SiteURL.peopleBoards(.cardStep(slug, board.code, id, "notice")).path,
            decideURL: SiteURL.peopleBoards(.cardStep(slug, board.code, id, "decide")).path,
            adjustURL: SiteURL.peopleBoards(.cardStep(slug, board.code, id, "adjust")).path,
            removeURL: SiteURL.peopleBoards(.cardStep(slug, board.code, id, "remove")).path,
            reviewURL: SiteURL.peopleBoards(.cardStep(slug, board.code, id, "review")).path,
            notice: notice, error: error)
        return HTML(try services.renderer.render("admin/card", model), status: status)
    }

    /// `edit`, `notice`, `decide`, `adjust`, `remove` or `review`.
    @Sendable func step(_ request: Request, context: UnitAdminContext) async throws -> Response {
        let card = try await target(context)
        let unit = try community(context)
        let now = services.clock.now
        let form = context.staff.form
        let name = context.parameters.get("step") ?? "edit"
        let workflow = services.boardWorkflow
        do {
            switch name {
            case "edit":
                let values = Dictionary(uniqueKeysWithValues: card.board.fields.map { ($0.key, form[$0.key]) })
                do {
                    try await workflow.edit(card, input: CardInput(values: values), unit: unit, actor: context.actor, at: now)
                } catch let error as ValidationFailure {
                    return try await cardForm(
                        context, card: card, values: values, related: card.relatedToStaff, relation: "", failure: error
                    )
                    .response(from: request, context: context)
                }
            case "notice":
                try await workflow.startNotice(card, unit: unit, lineage: context.scope.lineage, actor: context.actor, at: now)
            case "decide":
                try await workflow.decide(
                    card, approve: form["decision"] == "approve", amount: form["amount"], note: form["note"], unit: unit,
                    roles: context.scope.roles, actor: context.actor, at: now)
            case "adjust":
                try await workflow.adjust(
                    card, amount: form["amount"], note: form["note"], unit: unit, roles: context.scope.roles, actor: context.actor, at: now
                )
            case "remove":
                try await workflow.remove(card, note: form["note"], unit: unit, roles: context.scope.roles, actor: context.actor, at: now)
            case "review":
                guard let outcome = ReviewOutcome(rawValue: form["outcome"]) else {
                    throw ValidationFailure([.init(field: "outcome", message: "请选择复审结果。", englishMessage: "outcome is required.")])
                }
                try await workflow.review(
                    card, year: Int(form["year"]) ?? 0, outcome: outcome, amount: form["amount"], note: form["note"], unit: unit,
                    roles: context.scope.roles, actor: context.actor, at: now)
            default:
                throw CommonError.notFound
            }
        } catch let error as any SunboardError where !(error is CommonError) {
            let current = try await services.peopleBoards.card(id: card.id) ?? card
            return try await page(context, current, notice: nil, error: error.message, status: error.kind.status)
                .response(from: request, context: context)
        }
        return .redirect(to: SiteURL.peopleBoards(.card(unit.slug, card.board.code, card.id)).path + "?done=\(name)", type: .normal)
    }

    // MARK: Import, settings, review disclosure

    @Sendable func importForm(_ request: Request, context: UnitAdminContext) async throws -> HTML {
        guard PeopleBoardWorkflow.mayImport(roles: context.scope.roles) else { throw CommonError.forbidden }
        return try await importPage(context, reading: nil, status: .ok)
    }

    private func importPage(_ context: UnitAdminContext, reading: RosterCSV.Reading?, status: HTTPResponse.Status) async throws -> HTML {
        let unit = try community(context)
        let board = try board(context)
        let visibilities = try await services.peopleBoards.visibilities(unitID: unit.id, board: board)
        let model = BoardImportPage(
            frame: frame(context, "导入名册", [(board.title, SiteURL.peopleBoards(.admin(unit.slug, board.code)).path)]), title: board.title,
            action: SiteURL.peopleBoards(.importRoster(unit.slug, board.code)).path,
            cancelURL: SiteURL.peopleBoards(.admin(unit.slug, board.code)).path,
            headings: RosterCSV.headings(board, visibilities: visibilities).joined(separator: "，"),
            problems: (reading?.problems ?? []).map { .init(line: $0.line, messages: $0.messages.joined(separator: "；")) },
            hasProblems: !(reading?.problems.isEmpty ?? true), fileProblem: reading?.fileProblem,
            encoding: reading?.encoding?.chinese)
        return HTML(try services.renderer.render("admin/board-import", model), status: status)
    }

    @Sendable func importFile(_ request: Request, context: UnitAdminContext) async throws -> Response {
        let unit = try community(context)
        let board = try board(context)
        let bytes = context.staff.files.first { $0.field == "file" }?.bytes ?? []
        guard !bytes.isEmpty else {
            let reading = RosterCSV.Reading(encoding: nil, cards: [], problems: [], fileProblem: "请选择要导入的 CSV 文件。")
            return try await importPage(context, reading: reading, status: .badRequest).response(from: request, context: context)
        }
        let reading = try await services.boardWorkflow.importRoster(
            board: board, bytes: bytes, unit: unit, roles: context.scope.roles, actor: context.actor, at: services.clock.now)
        guard reading.isClean else {
            return try await importPage(context, reading: reading, status: .badRequest).response(from: request, context: context)
        }
        return .redirect(to: SiteURL.peopleBoards(.admin(unit.slug, board.code)).path + "?done=added", type: .normal)
    }

    @Sendable func settingsForm(_ request: Request, context: UnitAdminContext) async throws -> HTML {
        try context.require(.manageCatalog)
        return try await settingsPage(context, failure: nil)
    }

    private func settingsPage(_ context: UnitAdminContext, failure: (any SunboardError)?) async throws -> HTML {
        let unit = try community(context)
        let board = try board(context)
        let visibilities = try await services.peopleBoards.visibilities(unitID: unit.id, board: board)
        let model = BoardSettingsPage(
            frame: frame(context, "公开设置", [(board.title, SiteURL.peopleBoards(.admin(unit.slug, board.code)).path)]), title: board.title,
            action: SiteURL.peopleBoards(.settings(unit.slug, board.code)).path,
            cancelURL: SiteURL.peopleBoards(.admin(unit.slug, board.code)).path,
            fields: board.fields.map { field in
                let current = visibilities[field.key] ?? field.visibility
                return .init(
                    key: field.key, label: field.label,
                    options: field.allowed.map { .init(value: $0.rawValue, label: $0.chinese, selected: $0 == current) },
                    choosable: field.isChoosable, current: current.chinese,
                    reason: field.visibility == .public ? "按规定必须公开" : field.mayBePublic ? "必须保存" : "按规定不能公开")
            },
            failure: failure?.message)
        return HTML(try services.renderer.render("admin/board-settings", model), status: failure == nil ? .ok : .badRequest)
    }

    /// `v_<key>` = `public`, `internal` or `not_stored` for each field the community may choose.
    @Sendable func saveSettings(_ request: Request, context: UnitAdminContext) async throws -> Response {
        let unit = try community(context)
        let board = try board(context)
        var choices: [String: BoardVisibility] = [:]
        for field in board.fields {
            let text = context.staff.form["v_\(field.key)"]
            guard !text.isEmpty else { continue }
            guard let choice = BoardVisibility(rawValue: text) else {
                return try await settingsPage(
                    context,
                    failure: ValidationFailure([
                        .init(field: field.key, message: "“\(field.label)”的设置不对。", englishMessage: "unknown visibility.")
                    ])
                ).response(from: request, context: context)
            }
            choices[field.key] = choice
        }
        do {
            try await services.boardWorkflow.saveSettings(
                board: board, choices: choices, unit: unit, actor: context.actor, at: services.clock.now)
        } catch let error as ValidationFailure {
            return try await settingsPage(context, failure: error).response(from: request, context: context)
        }
        return .redirect(to: SiteURL.peopleBoards(.admin(unit.slug, board.code)).path + "?done=settings", type: .normal)
    }

    @Sendable func reviewDisclosure(_ request: Request, context: UnitAdminContext) async throws -> Response {
        let unit = try community(context)
        guard try board(context).takesApplications else { throw CommonError.notFound }
        do {
            let id = try await services.boardWorkflow.draftReviewDisclosure(
                year: Int(context.staff.form["year"]) ?? 0, unit: unit, lineage: context.scope.lineage, actor: context.actor,
                at: services.clock.now)
            return .redirect(to: SiteURL.disclosures(.admin(unit.slug, id)).path, type: .normal)
        } catch let error as any SunboardError where !(error is CommonError) {
            return try await boardPage(context, notice: nil, error: error.message, status: error.kind.status).response(
                from: request, context: context)
        }
    }

    // MARK: Shared

    private func frame(_ context: UnitAdminContext, _ title: String, _ crumbs: [(String, String)]) -> Frame {
        context.frame(
            title, section: .init(title: "插卡式公示", url: SiteURL.peopleBoards(.adminList(context.unit.slug)).path), crumbs: crumbs,
            assets: services.renderer.assets)
    }
}
