import Foundation
import SQLKit
import SunboardCore

/// One thing found: what it is, where it is, and a piece of its text.
public struct SearchHit: Sendable {
    public enum Kind: String, Sendable {
        case disclosure, guide, directory, cadre, roster

        public var chinese: String {
            switch self {
            case .disclosure: "公开内容"
            case .guide: "办事指南"
            case .directory: "便民电话"
            case .cadre: "社区干部"
            case .roster: "公示名单"
            }
        }
    }

    public var kind: Kind
    public var title: String
    public var text: String
    public var url: String
    public var unitName: String
    /// For ranking: newer first; nil for standing service information.
    public var date: Date?
    public var titleMatches: Bool
}

/// Search over everything public: current versions of published, not
/// withdrawn disclosures (title and text — never fields, which may hold
/// personal details), guides, directory lines, cadres, and names on boards
/// that publish them. Plain `LIKE` with escaped patterns: the same on SQLite
/// and PostgreSQL (case folded on both), and right for two-character Chinese words, which word
/// tokenizers miss. Titles rank first, then the most recent.
public struct SearchRepository: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public static let limit = 50

    public func search(_ query: SearchQuery) async throws -> [SearchHit] {
        // Lower case on both sides: SQLite's LIKE ignores ASCII case and PostgreSQL's does not.
        let pattern = query.likePattern.lowercased()
        let sql = database.sql
        var hits: [SearchHit] = []
        let disclosures = try await sql.raw(
            """
            SELECT d.id, v.title, v.body, d.last_published_at, u.name AS unit_name,
                   CASE WHEN LOWER(v.title) LIKE \(bind: pattern) ESCAPE '\\' THEN 1 ELSE 0 END AS in_title
            FROM disclosures d
            JOIN disclosure_versions v ON v.disclosure_id = d.id AND v.number = d.published_version
            JOIN units u ON u.id = d.unit_id
            WHERE d.published_version > 0 AND d.withdrawn_at IS NULL
              AND (LOWER(v.title) LIKE \(bind: pattern) ESCAPE '\\' OR LOWER(v.body) LIKE \(bind: pattern) ESCAPE '\\')
            ORDER BY in_title DESC, d.last_published_at DESC, d.id DESC
            LIMIT \(unsafeRaw: String(Self.limit))
            """
        ).all()
        for row in disclosures {
            hits.append(
                SearchHit(
                    kind: .disclosure, title: try row.decode(column: "title", as: String.self),
                    text: try row.decode(column: "body", as: String.self),
                    url: SiteURL.disclosure(String(try row.decode(column: "id", as: Int.self))).path,
                    unitName: try row.decode(column: "unit_name", as: String.self),
                    date: Date(unixSeconds: try row.decode(column: "last_published_at", as: Int.self)),
                    titleMatches: try row.decode(column: "in_title", as: Int.self) == 1))
        }
        let guides = try await sql.raw(
            """
            SELECT g.id, g.title, g.search_text, u.name AS unit_name FROM guides g JOIN units u ON u.id = g.unit_id
            WHERE LOWER(g.title) LIKE \(bind: pattern) ESCAPE '\\' OR LOWER(g.search_text) LIKE \(bind: pattern) ESCAPE '\\'
            ORDER BY g.position LIMIT \(unsafeRaw: String(Self.limit))
            """
        ).all()
        for row in guides {
            let title = try row.decode(column: "title", as: String.self)
            let text = try row.decode(column: "search_text", as: String.self)
            hits.append(
                SearchHit(
                    kind: .guide, title: title, text: text, url: SiteURL.guide(String(try row.decode(column: "id", as: Int.self))).path,
                    unitName: try row.decode(column: "unit_name", as: String.self), date: nil, titleMatches: title.contains(query.text)))
        }
        let lines = try await sql.raw(
            """
            SELECT e.name, e.address, e.phone, u.slug, u.name AS unit_name FROM directory_entries e JOIN units u ON u.id = e.unit_id
            WHERE LOWER(e.name) LIKE \(bind: pattern) ESCAPE '\\' OR LOWER(e.address) LIKE \(bind: pattern) ESCAPE '\\'
            LIMIT \(unsafeRaw: String(Self.limit))
            """
        ).all()
        for row in lines {
            let name = try row.decode(column: "name", as: String.self)
            hits.append(
                SearchHit(
                    kind: .directory, title: name,
                    text: "\(try row.decode(column: "address", as: String.self)) 电话 \(try row.decode(column: "phone", as: String.self))",
                    url: SiteURL.unitDirectory(try row.decode(column: "slug", as: String.self)).path,
                    unitName: try row.decode(column: "unit_name", as: String.self), date: nil, titleMatches: name.contains(query.text)))
        }
        let cadres = try await sql.raw(
            """
            SELECT c.name, c.post, c.duties, c.lanes, u.slug, u.name AS unit_name FROM cadres c JOIN units u ON u.id = c.unit_id
            WHERE LOWER(c.name) LIKE \(bind: pattern) ESCAPE '\\' OR LOWER(c.post) LIKE \(bind: pattern) ESCAPE '\\'
               OR LOWER(c.duties) LIKE \(bind: pattern) ESCAPE '\\' OR LOWER(c.lanes) LIKE \(bind: pattern) ESCAPE '\\'
            LIMIT \(unsafeRaw: String(Self.limit))
            """
        ).all()
        for row in cadres {
            let name = try row.decode(column: "name", as: String.self)
            hits.append(
                SearchHit(
                    kind: .cadre, title: "\(name)（\(try row.decode(column: "post", as: String.self))）",
                    text: "\(try row.decode(column: "duties", as: String.self)) 所包巷道：\(try row.decode(column: "lanes", as: String.self))",
                    url: SiteURL.unitCadres(try row.decode(column: "slug", as: String.self)).path,
                    unitName: try row.decode(column: "unit_name", as: String.self), date: nil, titleMatches: name.contains(query.text)))
        }
        // Names only, and only on boards whose name field is public in that community.
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
            LIMIT \(unsafeRaw: String(Self.limit))
            """
        ).all()
        for row in names {
            guard let board = PeopleBoard.find(try row.decode(column: "board", as: String.self)) else { continue }
            let name = try row.decode(column: "name", as: String.self)
            let slug = try row.decode(column: "slug", as: String.self)
            hits.append(
                SearchHit(
                    kind: .roster, title: "\(name) · \(board.title)", text: board.summary, url: SiteURL.unitBoard(slug, board.code).path,
                    unitName: try row.decode(column: "unit_name", as: String.self), date: nil, titleMatches: true))
        }
        // Title matches first; among them, and among the rest, the newest first.
        return hits.enumerated().sorted { a, b in
            if a.element.titleMatches != b.element.titleMatches { return a.element.titleMatches }
            let da = a.element.date ?? .distantPast
            let db = b.element.date ?? .distantPast
            return da != db ? da > db : a.offset < b.offset
        }.map(\.element).prefix(Self.limit).map { $0 }
    }
}
