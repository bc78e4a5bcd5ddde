import SQLKit
import SunboardCore

/// The index search asks instead of scanning every disclosure's text: for
/// each published, not withdrawn disclosure, the pairs of characters of its
/// current title and text (``SearchGrams``), under a key that grows with each
/// publication, so the newest matches come first without sorting them all.
///
/// SQLite keeps the tokens in an FTS5 table (contentless: the words are in
/// `disclosure_versions` already); PostgreSQL in two `tsvector` columns with
/// GIN indexes, written as lexemes with positions so no text parser (and no
/// locale) decides what a word is. Kept in step by ``DisclosureRecord``'s
/// changes, in the transaction that publishes, corrects or withdraws.
enum DisclosureSearchIndex {
    /// Writes the disclosure's current public words into the index, or takes
    /// it out when nothing of it is public.
    static func update(disclosureID id: Int, database: DatabaseKind, on sql: any SQLDatabase) async throws {
        let row = try await sql.raw(
            """
            SELECT v.title, v.body FROM disclosures d
            JOIN disclosure_versions v ON v.disclosure_id = d.id AND v.number = d.published_version
            WHERE d.id = \(bind: id) AND d.published_version > 0 AND d.withdrawn_at IS NULL
            """
        ).first()
        try await remove(id, database: database, on: sql)
        guard let row else { return }
        let entry = Entry(
            id: id, key: try await nextKey(database: database, on: sql), title: try row.decode(column: "title", as: String.self),
            body: try row.decode(column: "body", as: String.self))
        try await insert([entry], database: database, on: sql)
    }

    /// Empties the index and fills it from every public disclosure, oldest
    /// publication first: for the migration that makes it, and `sunboard
    /// reindex`. Returns how many it holds.
    @discardableResult
    static func rebuild(database: DatabaseKind, on sql: any SQLDatabase) async throws -> Int {
        switch database {
        case .sqlite:
            try await sql.raw("DELETE FROM disclosure_grams").run()
            try await sql.raw("DELETE FROM disclosure_search_keys").run()
        case .postgresql:
            // Filled without its indexes, which are made after the rows: many times faster than row by row.
            for index in ["disclosure_grams_order", "disclosure_grams_title", "disclosure_grams_body"] {
                try await sql.raw("DROP INDEX IF EXISTS \(unsafeRaw: index)").run()
            }
            try await sql.raw("DELETE FROM disclosure_grams").run()
        }
        let count = try await fill(database: database, on: sql)
        if database == .postgresql {
            try await sql.raw("CREATE INDEX disclosure_grams_order ON disclosure_grams (search_key DESC, disclosure_id DESC)").run()
            try await sql.raw("CREATE INDEX disclosure_grams_title ON disclosure_grams USING GIN (title_grams)").run()
            try await sql.raw("CREATE INDEX disclosure_grams_body ON disclosure_grams USING GIN (body_grams)").run()
        }
        return count
    }

    private static func fill(database: DatabaseKind, on sql: any SQLDatabase) async throws -> Int {
        var key = 0
        var after: (at: Int, id: Int) = (Int.min, 0)
        while true {
            let rows = try await sql.raw(
                """
                SELECT d.id, d.last_published_at, v.title, v.body FROM disclosures d
                JOIN disclosure_versions v ON v.disclosure_id = d.id AND v.number = d.published_version
                WHERE d.published_version > 0 AND d.withdrawn_at IS NULL
                  AND (d.last_published_at > \(bind: after.at) OR (d.last_published_at = \(bind: after.at) AND d.id > \(bind: after.id)))
                ORDER BY d.last_published_at, d.id LIMIT 2000
                """
            ).all()
            guard !rows.isEmpty else { return key }
            var entries: [Entry] = []
            for row in rows {
                key += 1
                let id = try row.decode(column: "id", as: Int.self)
                entries.append(
                    Entry(
                        id: id, key: key, title: try row.decode(column: "title", as: String.self),
                        body: try row.decode(column: "body", as: String.self)))
                after = (try row.decode(column: "last_published_at", as: Int.self), id)
            }
            // A few hundred rows a statement: well under either database's limit on parameters.
            for start in stride(from: 0, to: entries.count, by: 250) {
                try await insert(Array(entries[start..<min(start + 250, entries.count)]), database: database, on: sql)
            }
        }
    }

    /// On PostgreSQL, how many of the latest publications are read in order
    /// before the GIN index is asked.
    static let recentWindow = 2000

    /// Disclosures whose title (or, with `titleOnly` false, title or text)
    /// holds every term, the latest published first.
    static func matches(
        _ terms: [SearchGrams.Term], titleOnly: Bool, limit: Int, database: DatabaseKind, on sql: any SQLDatabase,
        recentWindow: Int = recentWindow
    ) async throws -> [Int] {
        switch database {
        case .sqlite:
            let expression: String = terms.map { term -> String in
                switch term {
                case .phrase(let pairs): "\"" + pairs.joined(separator: " ") + "\""
                case .prefix(let character): "\"" + character + "\"*"
                }
            }.joined(separator: " AND ")
            let match = titleOnly ? "title : (\(expression))" : expression
            let keys = try await sql.raw(
                """
                SELECT rowid AS search_key FROM disclosure_grams WHERE disclosure_grams MATCH \(bind: match)
                ORDER BY rowid DESC LIMIT \(unsafeRaw: String(limit))
                """
            ).all().map { try $0.decode(column: "search_key", as: Int.self) }
            guard !keys.isEmpty else { return [] }
            let ids = try await sql.select().columns("search_key", "disclosure_id").from("disclosure_search_keys")
                .where("search_key", .in, SQLBind.group(keys)).all()
            let byKey = try Dictionary(
                uniqueKeysWithValues: ids.map {
                    (try $0.decode(column: "search_key", as: Int.self), try $0.decode(column: "disclosure_id", as: Int.self))
                })
            return keys.compactMap { byKey[$0] }
        case .postgresql:
            let query: String = terms.map { term -> String in
                switch term {
                case .phrase(let pairs): "(" + pairs.map { "'\($0)'" }.joined(separator: " <-> ") + ")"
                case .prefix(let character): "'\(character)':*"
                }
            }.joined(separator: " & ")
            let condition: SQLQueryString =
                titleOnly
                ? "title_grams @@ CAST(\(bind: query) AS tsquery)"
                : "(title_grams @@ CAST(\(bind: query) AS tsquery) OR body_grams @@ CAST(\(bind: query) AS tsquery))"
            // A common word has its matches among the latest publications: read
            // them in order and stop at `limit`. GIN finds a rare one at once, but
            // a common one (or a phrase, which it must check row by row) only by
            // reading every match, so it is asked only when the latest hold too few.
            let recent = try await sql.raw(
                """
                SELECT disclosure_id FROM (
                    SELECT disclosure_id, search_key, title_grams, body_grams FROM disclosure_grams
                    ORDER BY search_key DESC, disclosure_id DESC LIMIT \(unsafeRaw: String(recentWindow))) AS recent
                """ + " WHERE " + condition + " ORDER BY search_key DESC, disclosure_id DESC LIMIT \(unsafeRaw: String(limit))"
            ).all().map { try $0.decode(column: "disclosure_id", as: Int.self) }
            guard recent.count < limit else { return recent }
            return try await sql.raw(
                "SELECT disclosure_id FROM disclosure_grams WHERE " + condition
                    + " ORDER BY search_key DESC, disclosure_id DESC LIMIT \(unsafeRaw: String(limit))"
            ).all().map { try $0.decode(column: "disclosure_id", as: Int.self) }
        }
    }

    private static func remove(_ id: Int, database: DatabaseKind, on sql: any SQLDatabase) async throws {
        switch database {
        case .sqlite:
            guard
                let key = try await sql.select().column("search_key").from("disclosure_search_keys").where("disclosure_id", .equal, id)
                    .first()?.decode(column: "search_key", as: Int.self)
            else { return }
            try await sql.raw("DELETE FROM disclosure_grams WHERE rowid = \(bind: key)").run()
            try await sql.delete(from: "disclosure_search_keys").where("disclosure_id", .equal, id).run()
        case .postgresql:
            try await sql.delete(from: "disclosure_grams").where("disclosure_id", .equal, id).run()
        }
    }

    /// One more than the last key given: publications are written one at a
    /// time on SQLite; on PostgreSQL two at once may share a key, which only
    /// decides which of the two is listed first.
    private static func nextKey(database: DatabaseKind, on sql: any SQLDatabase) async throws -> Int {
        let table = database == .sqlite ? "disclosure_search_keys" : "disclosure_grams"
        return try await sql.raw("SELECT CAST(COALESCE(MAX(search_key), 0) + 1 AS BIGINT) AS next FROM \(unsafeRaw: table)").first()!
            .decode(column: "next", as: Int.self)
    }

    /// One disclosure's words, under its key.
    private struct Entry {
        var id: Int
        var key: Int
        var title: String
        var body: String
    }

    private static func insert(_ entries: [Entry], database: DatabaseKind, on sql: any SQLDatabase) async throws {
        guard !entries.isEmpty else { return }
        switch database {
        case .sqlite:
            // Tokens are letters and digits only: FTS5's unicode61 keeps each one whole.
            var grams: SQLQueryString = "INSERT INTO disclosure_grams (rowid, title, body) VALUES "
            var keys = sql.insert(into: "disclosure_search_keys").columns("disclosure_id", "search_key")
            for (index, entry) in entries.enumerated() {
                let title = SearchGrams.tokens(entry.title).joined(separator: " ")
                let body = SearchGrams.tokens(entry.body).joined(separator: " ")
                if index > 0 { grams += ", " }
                grams += "(\(bind: entry.key), \(bind: title), \(bind: body))"
                keys = keys.values(SQLBind(entry.id), SQLBind(entry.key))
            }
            try await sql.raw(grams).run()
            try await keys.run()
        case .postgresql:
            var insert: SQLQueryString = "INSERT INTO disclosure_grams (disclosure_id, search_key, title_grams, body_grams) VALUES "
            for (index, entry) in entries.enumerated() {
                if index > 0 { insert += ", " }
                insert += """
                    (\(bind: entry.id), \(bind: entry.key), CAST(\(bind: vector(entry.title)) AS tsvector), \
                    CAST(\(bind: vector(entry.body)) AS tsvector))
                    """
            }
            try await sql.raw(insert).run()
        }
    }

    /// A `tsvector` in PostgreSQL's input form, `'低保':1 '保家':2`: lexemes
    /// with their positions, read as they are. Positions stop at 16,383,
    /// PostgreSQL's largest, so a phrase beyond a text's first 16,383
    /// characters is found only as separate pairs.
    static func vector(_ text: String) -> String {
        var positions: [String: [Int]] = [:]
        var order: [String] = []
        for (index, token) in SearchGrams.tokens(text).enumerated() {
            if positions[token] == nil { order.append(token) }
            positions[token, default: []].append(min(index + 1, 16_383))
        }
        return order.map { token in "'\(token)':" + positions[token]!.prefix(256).map(String.init).joined(separator: ",") }
            .joined(separator: " ")
    }
}

extension Database {
    /// Fills the search index anew from the disclosures public now, in one
    /// transaction: after rows were loaded beside the write path (the search
    /// benchmark's million), or if the index is ever in doubt.
    public func rebuildSearchIndex() async throws -> Int {
        let kind = kind
        return try await transaction { sql in try await DisclosureSearchIndex.rebuild(database: kind, on: sql) }
    }
}
