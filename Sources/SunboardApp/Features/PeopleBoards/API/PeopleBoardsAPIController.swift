import Foundation
import Hummingbird
import SunboardCore

/// The people boards as JSON, with only the fields public for each board in
/// the community, read and cached the way the board's page is.
struct PeopleBoardsAPIController {
    let services: AppServices
    var pages: PeopleBoardsController { PeopleBoardsController(services: services) }

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get(SiteURL.peopleBoards(.apiList(.key)).route, use: apiBoards)
        router.get(SiteURL.peopleBoards(.api(.key, .key)).route, use: apiBoard)
    }

    @Sendable func apiBoards(_ request: Request, context: AppRequestContext) async throws -> JSONBody<[BoardSummaryJSON]> {
        let (unit, _) = try await services.community(context)
        let counts = try await services.peopleBoards.rosterCounts(unitID: unit.id)
        let visibilities = try await services.peopleBoards.visibilities(unitID: unit.id)
        return JSONBody(
            PeopleBoard.all.map { board in
                let shown = visibilities[board.code] ?? board.visibilities([:])
                return BoardSummaryJSON(
                    code: board.code, title: board.title, summary: board.summary, onRoster: counts[board.code] ?? 0,
                    showsCards: board.showsCards(shown),
                    publicFields: board.fields.filter { shown[$0.key] == .public }.map(BoardFieldJSON.init),
                    url: SiteURL.peopleBoards(.board(unit.slug, board.code)).path,
                    api: SiteURL.peopleBoards(.api(unit.slug, board.code)).path)
            })
    }

    /// Kept in memory like the board's page, under the same versions.
    @Sendable func apiBoard(_ request: Request, context: AppRequestContext) async throws -> HTML {
        let (unit, lineage) = try await services.community(context)
        let board = try pages.board(context)
        let period = try pages.period(request)
        let key =
            "api-board:\(board.code):\(CalendarDate(services.clock.now)):\(period):"
            + lineage.versionKey
        if let answer = services.pages.cached(key) { return answer }
        let content = try await pages.content(unit: unit, board: board, period: period)
        return try services.pages.page(for: key) { try HTML.json(BoardJSON(unit: unit, content: content)) }
    }
}
