import Foundation
import SunboardCore

/// An Atom 1.0 document (RFC 4287) of a unit's published disclosures, newest
/// first. Entries carry the title, the disclosure's own text as a plain
/// summary and its link — never its fields, where personal details live.
struct AtomFeed {
    struct Entry {
        var id: Int
        var title: String
        var summary: String
        var category: String
        var published: Date
        var updated: Date
        var withdrawn: Bool
    }

    var title: String
    var selfURL: String
    var pageURL: String
    /// Where links point: `http://host` from the request, so feed readers get absolute URLs.
    var base: String
    var author: String
    var entries: [Entry]
    var now: Date

    /// Entries stay under a stable id whatever host the feed is read through.
    static func entryID(_ disclosure: Int) -> String { "tag:sunboard,2026:disclosure/\(disclosure)" }

    var xml: String {
        func text(_ value: String) -> String { HTMLText.escape(value) }
        var out = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">
              <id>\(text(base + selfURL))</id>
              <title>\(text(title))</title>
              <updated>\(ShanghaiTime.iso8601(entries.map(\.updated).max() ?? now))</updated>
              <author><name>\(text(author))</name></author>
              <link rel="self" type="application/atom+xml" href="\(text(base + selfURL))"/>
              <link rel="alternate" type="text/html" href="\(text(base + pageURL))"/>
              <generator>阳光居务</generator>

            """
        for entry in entries {
            let url = base + SiteURL.disclosures(.page(entry.id)).path
            out += """
                  <entry>
                    <id>\(Self.entryID(entry.id))</id>
                    <title>\(text((entry.withdrawn ? "已撤回：" : "") + entry.title))</title>
                    <link rel="alternate" type="text/html" href="\(text(url))"/>
                    <published>\(ShanghaiTime.iso8601(entry.published))</published>
                    <updated>\(ShanghaiTime.iso8601(entry.updated))</updated>
                    <category term="\(text(entry.category))"/>
                    <summary type="text">\(text(entry.summary))</summary>
                  </entry>

                """
        }
        return out + "</feed>\n"
    }

    /// A disclosure's text as a short plain summary: Markdown marks dropped.
    static func summary(_ body: String, limit: Int = 200) -> String {
        let plain = body.split(whereSeparator: \.isNewline)
            // Markdown's marks at the start of a line (headings, lists, quotes, tables) and table separator rows go.
            .filter { line in !line.allSatisfy { "-|: ".contains($0) } }
            .map { line in
                line.replacing(/^\s*(#+|>|[-*]\s|\|)\s*/, with: "").replacing(/\s*\|\s*$/, with: "").replacing("**", with: "")
                    .replacing(" | ", with: "，")
            }
            .filter { !$0.isEmpty }
            .joined(separator: " ")
        return plain.count > limit ? String(plain.prefix(limit)) + "…" : plain
    }
}
