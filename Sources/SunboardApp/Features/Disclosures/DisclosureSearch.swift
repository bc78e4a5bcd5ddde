import Foundation
import SQLKit
import SunboardCore

/// Current versions of published, not withdrawn disclosures: title and text, never fields, which may hold personal details.
///
/// The index (``DisclosureSearchIndex``) names the candidates, the latest
/// published first: the newest title matches and the newest matches of any
/// kind, which between them hold the first `limit` of the ranking. The rows
/// are then read and checked with `LIKE` as before, so a query the index can
/// only narrow (two words, punctuation) finds what the text holds. A query with
/// no letter or digit (`%`) scans, as before.
struct DisclosureSearch: SearchSource {
    func hits(for query: SearchQuery, pattern: String, limit: Int, on sql: any SQLDatabase) async throws -> [SearchHit] {
        var hits: [SearchHit] = []
        let terms = SearchGrams.terms(query.text)
        var candidates: SQLQueryString = ""
        if !terms.isEmpty {
            let database = DatabaseKind(of: sql)
            // Where the index only narrows, more candidates, for the text to decide among.
            let wanted = SearchGrams.isExact(query.text) ? limit : limit * 10
            let titles = try await DisclosureSearchIndex.matches(terms, titleOnly: true, limit: wanted, database: database, on: sql)
            let any = try await DisclosureSearchIndex.matches(terms, titleOnly: false, limit: wanted, database: database, on: sql)
            let ids = Array(Set(titles + any))
            guard !ids.isEmpty else { return [] }
            candidates = "AND d.id IN (\(binds: ids)) "
        }
        let disclosures = try await sql.raw(
            """
            SELECT d.id, v.title, v.body, d.last_published_at, u.name AS unit_name,
                   CASE WHEN LOWER(v.title) LIKE \(bind: pattern) ESCAPE '\\' THEN 1 ELSE 0 END AS in_title
            FROM disclosures d
            JOIN disclosure_versions v ON v.disclosure_id = d.id AND v.number = d.published_version
            JOIN units u ON u.id = d.unit_id
            WHERE d.published_version > 0 AND d.withdrawn_at IS NULL \(candidates)
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
