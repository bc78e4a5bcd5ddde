import Foundation
import SQLKit
import SunboardCore

/// Names on boards, and only on boards whose name field is public in that community.
struct RosterSearch: SearchSource {
    func hits(for query: SearchQuery, pattern: String, limit: Int, on sql: any SQLDatabase) async throws -> [SearchHit] {
        var hits: [SearchHit] = []
        let published = PeopleBoard.all.filter { $0.visibilities([:])[PeopleBoard.nameKey] == .public }.map(\.code)
        let choosable = PeopleBoard.all.filter { board in
            board.visibilities([:])[PeopleBoard.nameKey] != .public && board.field(PeopleBoard.nameKey)?.allowed.contains(.public) == true
        }.map(\.code)
        let names = try await sql.raw(
            """
            SELECT c.board, c.name, u.slug, u.name AS unit_name FROM board_cards c JOIN units u ON u.id = c.unit_id
            WHERE c.status = 'on_roster' AND LOWER(c.name) LIKE \(bind: pattern) ESCAPE '\\'
              AND (c.board IN \(SQLBind.group(published.isEmpty ? [""] : published))
                   OR (c.board IN \(SQLBind.group(choosable.isEmpty ? [""] : choosable)) AND EXISTS (
                       SELECT 1 FROM board_field_settings s WHERE s.unit_id = c.unit_id AND s.board = c.board
                       AND s.field = 'name' AND s.visibility = 'public')))
            LIMIT \(unsafeRaw: String(limit))
            """
        ).all()
        for row in names {
            guard let board = PeopleBoard.find(try row.decode(column: "board", as: String.self)) else { continue }
            let name = try row.decode(column: "name", as: String.self)
            let slug = try row.decode(column: "slug", as: String.self)
            hits.append(
                SearchHit(
                    kind: .roster, title: "\(name) · \(board.title)", text: board.summary,
                    url: SiteURL.peopleBoards(.board(slug, board.code)).path,
                    unitName: try row.decode(column: "unit_name", as: String.self), date: nil, titleMatches: true))
        }
        return hits
    }
}
