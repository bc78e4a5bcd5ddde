import Foundation
import SQLKit
import SunboardCore

/// 办事指南 by title and text.
struct GuideSearch: SearchSource {
    func hits(for query: SearchQuery, pattern: String, limit: Int, on sql: any SQLDatabase) async throws -> [SearchHit] {
        var hits: [SearchHit] = []
        let guides = try await sql.raw(
            """
            SELECT g.id, g.title, g.search_text, u.name AS unit_name FROM guides g JOIN units u ON u.id = g.unit_id
            WHERE LOWER(g.title) LIKE \(bind: pattern) ESCAPE '\\' OR LOWER(g.search_text) LIKE \(bind: pattern) ESCAPE '\\'
            ORDER BY g.position LIMIT \(unsafeRaw: String(limit))
            """
        ).all()
        for row in guides {
            let title = try row.decode(column: "title", as: String.self)
            let text = try row.decode(column: "search_text", as: String.self)
            hits.append(
                SearchHit(
                    kind: .guide, title: title, text: text,
                    url: SiteURL.serviceBoards(.guide(try row.decode(column: "id", as: Int.self))).path,
                    unitName: try row.decode(column: "unit_name", as: String.self), date: nil, titleMatches: title.contains(query.text)))
        }
        return hits
    }
}

/// 便民电话 lines by name and address.
struct DirectorySearch: SearchSource {
    func hits(for query: SearchQuery, pattern: String, limit: Int, on sql: any SQLDatabase) async throws -> [SearchHit] {
        var hits: [SearchHit] = []
        let lines = try await sql.raw(
            """
            SELECT e.name, e.address, e.phone, u.slug, u.name AS unit_name FROM directory_entries e JOIN units u ON u.id = e.unit_id
            WHERE LOWER(e.name) LIKE \(bind: pattern) ESCAPE '\\' OR LOWER(e.address) LIKE \(bind: pattern) ESCAPE '\\'
            LIMIT \(unsafeRaw: String(limit))
            """
        ).all()
        for row in lines {
            let name = try row.decode(column: "name", as: String.self)
            hits.append(
                SearchHit(
                    kind: .directory, title: name,
                    text: "\(try row.decode(column: "address", as: String.self)) 电话 \(try row.decode(column: "phone", as: String.self))",
                    url: SiteURL.serviceBoards(.directory(try row.decode(column: "slug", as: String.self))).path,
                    unitName: try row.decode(column: "unit_name", as: String.self), date: nil, titleMatches: name.contains(query.text)))
        }
        return hits
    }
}

/// 社区干部 by name, post, duties and lanes.
struct CadreSearch: SearchSource {
    func hits(for query: SearchQuery, pattern: String, limit: Int, on sql: any SQLDatabase) async throws -> [SearchHit] {
        var hits: [SearchHit] = []
        let cadres = try await sql.raw(
            """
            SELECT c.name, c.post, c.duties, c.lanes, u.slug, u.name AS unit_name FROM cadres c JOIN units u ON u.id = c.unit_id
            WHERE LOWER(c.name) LIKE \(bind: pattern) ESCAPE '\\' OR LOWER(c.post) LIKE \(bind: pattern) ESCAPE '\\'
               OR LOWER(c.duties) LIKE \(bind: pattern) ESCAPE '\\' OR LOWER(c.lanes) LIKE \(bind: pattern) ESCAPE '\\'
            LIMIT \(unsafeRaw: String(limit))
            """
        ).all()
        for row in cadres {
            let name = try row.decode(column: "name", as: String.self)
            hits.append(
                SearchHit(
                    kind: .cadre, title: "\(name)（\(try row.decode(column: "post", as: String.self))）",
                    text: "\(try row.decode(column: "duties", as: String.self)) 所包巷道：\(try row.decode(column: "lanes", as: String.self))",
                    url: SiteURL.serviceBoards(.cadres(try row.decode(column: "slug", as: String.self))).path,
                    unitName: try row.decode(column: "unit_name", as: String.self), date: nil, titleMatches: name.contains(query.text)))
        }
        return hits
    }
}
