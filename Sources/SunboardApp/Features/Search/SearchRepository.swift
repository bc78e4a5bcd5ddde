import Foundation
import SQLKit
import SunboardCore

/// One thing found: what it is, where it is, and a piece of its text.
public struct SearchHit: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
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

/// One feature's public records as search finds them.
protocol SearchSource: Sendable {
    /// At most `limit` hits for `pattern`, a lower-case `LIKE` pattern with `\\` as its escape.
    func hits(for query: SearchQuery, pattern: String, limit: Int, on sql: any SQLDatabase) async throws -> [SearchHit]
}

/// Search over everything public, asking each feature's ``SearchSource``
/// (``Feature/searchSources``). What matches is decided by `LIKE` with
/// escaped patterns: the same on SQLite and PostgreSQL (case folded on
/// both), and right for two-character Chinese words, which word tokenizers
/// miss. Disclosures, the one source that grows without end, are first
/// narrowed by an index of character pairs (``DisclosureSearchIndex``), so
/// a search does not scan them all. Titles rank first, then the most
/// recent, then by kind.
public struct SearchRepository: Sendable {
    let database: Database
    let sources: [any SearchSource]

    init(database: Database, sources: [any SearchSource]) {
        self.database = database
        self.sources = sources
    }

    public static let limit = 50

    public func search(_ query: SearchQuery) async throws -> [SearchHit] {
        // Lower case on both sides: SQLite's LIKE ignores ASCII case and PostgreSQL's does not.
        let pattern = query.likePattern.lowercased()
        var hits: [SearchHit] = []
        for source in sources {
            hits += try await source.hits(for: query, pattern: pattern, limit: Self.limit, on: database.sql)
        }
        // Title matches first; among them, and among the rest, the newest first, then in the order of the kinds.
        let kinds = Dictionary(uniqueKeysWithValues: SearchHit.Kind.allCases.enumerated().map { ($1, $0) })
        return hits.enumerated().sorted { a, b in
            if a.element.titleMatches != b.element.titleMatches { return a.element.titleMatches }
            let da = a.element.date ?? .distantPast
            let db = b.element.date ?? .distantPast
            if da != db { return da > db }
            let ka = kinds[a.element.kind] ?? 0
            let kb = kinds[b.element.kind] ?? 0
            return ka != kb ? ka < kb : a.offset < b.offset
        }.map(\.element).prefix(Self.limit).map { $0 }
    }
}
