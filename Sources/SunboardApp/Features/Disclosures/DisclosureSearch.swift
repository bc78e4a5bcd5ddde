import Foundation
import SQLKit
import SunboardCore

/// Current versions of published, not withdrawn disclosures: title and text, never fields, which may hold personal details.
struct DisclosureSearch: SearchSource {
    func hits(for query: SearchQuery, pattern: String, limit: Int, on sql: any SQLDatabase) async throws -> [SearchHit] {
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
            LIMIT \(unsafeRaw: String(limit))
            """
        ).all()
        for row in disclosures {
            hits.append(
                SearchHit(
                    kind: .disclosure, title: try row.decode(column: "title", as: String.self),
                    text: try row.decode(column: "body", as: String.self),
                    url: SiteURL.disclosures(.page(try row.decode(column: "id", as: Int.self))).path,
                    unitName: try row.decode(column: "unit_name", as: String.self),
                    date: Date(unixSeconds: try row.decode(column: "last_published_at", as: Int.self)),
                    titleMatches: try row.decode(column: "in_title", as: Int.self) == 1))
        }
        return hits
    }
}
