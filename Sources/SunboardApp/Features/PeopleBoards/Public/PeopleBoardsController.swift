import Foundation
import Hummingbird
import SunboardCore

/// The public people boards (插卡式公示); their JSON is `PeopleBoardsAPIController`. Everything shown
/// goes through `PublicBoard`, which keeps only the fields public for the
/// board in this community.
struct PeopleBoardsController {
    let services: AppServices

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get(SiteURL.peopleBoards(.list(.key)).route, use: boards)
        router.get(SiteURL.peopleBoards(.board(.key, .key)).route, use: board)
    }

    func board(_ context: AppRequestContext) throws -> PeopleBoard {
        let code = try context.parameters.require("board")
        guard let board = PeopleBoard.find(code) else { throw BoardError.unknownBoard(code) }
        return board
    }

    /// `period` (default: this year), or a clear error.
    func period(_ request: Request) throws -> Period {
        guard let text = request.queryDictionary["period"], !text.isEmpty else { return .year(CalendarDate(services.clock.now).year) }
        guard let period = Period(text) else {
            throw ValidationFailure([
                .init(
                    field: "period", message: "“period”请写成 2026-10、2026-Q3 或 2026。",
                    englishMessage: "period must look like 2026-10, 2026-Q3 or 2026.")
            ])
        }
        let range = PeriodRange(today: CalendarDate(services.clock.now))
        guard range.contains(period) else { throw range.refusal(text) }
        return period
    }

    func content(unit: Unit, board: PeopleBoard, period: Period) async throws -> PublicBoard {
        let visibilities = try await services.peopleBoards.visibilities(unitID: unit.id, board: board)
        let roster = try await services.peopleBoards.cards(unitID: unit.id, board: board, statuses: [.onRoster])
        let (from, to) = (period.firstDay.startInstant, period.lastDay.adding(days: 1).startInstant)
        let changes = try await services.peopleBoards.changes(unitID: unit.id, board: board, from: from, to: to)
        let imports = try await services.peopleBoards.imports(unitID: unit.id, board: board, from: from, to: to)
        return PublicBoard(board: board, visibilities: visibilities, roster: roster, period: period, changes: changes, imports: imports)
    }

    @Sendable func boards(_ request: Request, context: AppRequestContext) async throws -> HTML {
        let (unit, lineage) = try await services.community(context)
        let counts = try await services.peopleBoards.rosterCounts(unitID: unit.id)
        let crumbs = Frame.Crumb.trail(to: unit, parent: lineage.dropFirst().first)
        let model = BoardsPage(
            frame: Frame(title: "插卡式公示 · \(unit.name)", crumbs: crumbs, assets: services.renderer.assets), unitName: unit.name,
            rows: PeopleBoard.all.map {
                .init(
                    title: $0.title, summary: $0.summary, count: counts[$0.code] ?? 0,
                    url: SiteURL.peopleBoards(.board(unit.slug, $0.code)).path)
            })
        return HTML(try services.renderer.render("public/boards", model), caching: .publicRevalidate)
    }

    @Sendable func board(_ request: Request, context: AppRequestContext) async throws -> HTML {
        let (unit, lineage) = try await services.community(context)
        let board = try board(context)
        let period = try period(request)
        let today = CalendarDate(services.clock.now)
        let key = "board:\(board.code):\(today):\(period):" + lineage.versionKey
        if let page = services.pages.cached(key) { return page }
        let content = try await content(unit: unit, board: board, period: period)
        let notices = board.takesApplications ? SiteURL.disclosures(.list(unit.slug)).path + "?section=rosters" : nil
        return try services.pages.page(for: key) {
            let model = BoardPage(
                unit: unit, parent: lineage.dropFirst().first, content: content, today: today, noticesURL: notices,
                assets: services.renderer.assets)
            return HTML(try services.renderer.render("public/board", model), caching: .publicRevalidate)
        }
    }
}
