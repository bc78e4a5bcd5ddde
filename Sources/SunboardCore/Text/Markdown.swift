import Foundation

/// The Markdown a clerk may use in a disclosure, rendered to safe HTML.
///
/// A deliberate subset that a notice needs: headings, paragraphs (a single
/// line break is kept, as people type notices line by line), bulleted and
/// numbered lists, quotes, tables, rules, **bold**, `code` and links. All
/// text is escaped, so raw HTML in the source shows as text and never runs;
/// links may only go to http(s), mail, telephone or this site.
public enum Markdown {
    /// `source` as HTML for a page where it sits under a heading of `level`
    /// (the page's h1 by default): its own headings start one below.
    public static func html(_ source: String, under level: Int = 1) -> String {
        var outline = Outline(base: level)
        return html(source, depth: 0, outline: &outline)
    }

    /// A notice's own headings start one below the heading it sits under (h2
    /// under the page's h1) and go one level deeper at a time, so a reader's outline has no gaps: the
    /// levels a clerk typed are kept relative to each other (`##` after `##`
    /// is a sibling, `####` under `##` a child), not as numbers.
    struct Outline {
        /// The heading the text sits under on its page.
        let base: Int
        /// The open headings: the level typed and the level shown.
        private var open: [(typed: Int, shown: Int)] = []

        init(base: Int) { self.base = min(max(base, 1), 5) }

        mutating func level(typed: Int) -> Int {
            while let last = open.last, last.typed >= typed { open.removeLast() }
            let shown = min((open.last?.shown ?? base) + 1, 6)
            open.append((typed, shown))
            return shown
        }
    }

    /// Quotes inside quotes go this deep at most; deeper markers are text.
    public static let maximumQuoteDepth = 4

    private static func html(_ source: String, depth: Int, outline: inout Outline) -> String {
        var output = ""
        let lines = source.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var index = 0
        var paragraph: [String] = []

        func flushParagraph() {
            guard !paragraph.isEmpty else { return }
            output += "<p>" + paragraph.map(inline).joined(separator: "<br>") + "</p>\n"
            paragraph = []
        }

        while index < lines.count {
            let line = lines[index]
            let trimmed = line.trimmed
            if trimmed.isEmpty {
                flushParagraph()
                index += 1
            } else if let (level, text) = heading(trimmed) {
                flushParagraph()
                let tag = "h\(outline.level(typed: level))"
                output += "<\(tag)>\(inline(text))</\(tag)>\n"
                index += 1
            } else if isRule(trimmed) {
                flushParagraph()
                output += "<hr>\n"
                index += 1
            } else if trimmed.hasPrefix(">") && depth < maximumQuoteDepth {
                flushParagraph()
                var quoted: [String] = []
                while index < lines.count, lines[index].trimmed.hasPrefix(">") {
                    quoted.append(String(lines[index].trimmed.dropFirst()).trimmed)
                    index += 1
                }
                output += "<blockquote>\n" + html(quoted.joined(separator: "\n"), depth: depth + 1, outline: &outline) + "</blockquote>\n"
            } else if listItem(trimmed) != nil {
                flushParagraph()
                let ordered = listItem(trimmed)!.ordered
                var items: [String] = []
                while index < lines.count, let item = listItem(lines[index].trimmed), item.ordered == ordered {
                    items.append(item.text)
                    index += 1
                }
                let tag = ordered ? "ol" : "ul"
                output += "<\(tag)>\n" + items.map { "<li>\(inline($0))</li>\n" }.joined() + "</\(tag)>\n"
            } else if trimmed.hasPrefix("|"), index + 1 < lines.count, isTableSeparator(lines[index + 1].trimmed) {
                flushParagraph()
                let header = cells(trimmed)
                index += 2
                var rows: [[String]] = []
                while index < lines.count, lines[index].trimmed.hasPrefix("|") {
                    rows.append(cells(lines[index].trimmed))
                    index += 1
                }
                output +=
                    "<div class=\"table-wrap\"><table>\n<thead><tr>"
                    + header.map { "<th scope=\"col\">\(inline($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
                for row in rows {
                    let padded = row + Array(repeating: "", count: max(0, header.count - row.count))
                    output += "<tr>" + padded.prefix(max(header.count, 1)).map { "<td>\(inline($0))</td>" }.joined() + "</tr>\n"
                }
                output += "</tbody>\n</table></div>\n"
            } else {
                paragraph.append(trimmed)
                index += 1
            }
        }
        flushParagraph()
        return output
    }

    private static func heading(_ line: String) -> (Int, String)? {
        let hashes = line.prefix { $0 == "#" }.count
        guard (1...6).contains(hashes) else { return nil }
        let rest = line.dropFirst(hashes)
        guard rest.first == " " else { return nil }
        return (hashes, String(rest).trimmed)
    }

    private static func isRule(_ line: String) -> Bool {
        let compact = line.filter { $0 != " " }
        return compact.count >= 3 && (Set(compact) == ["-"] || Set(compact) == ["*"] || Set(compact) == ["_"])
    }

    private static func listItem(_ line: String) -> (ordered: Bool, text: String)? {
        for marker in ["- ", "* ", "+ ", "• "] where line.hasPrefix(marker) {
            return (false, String(line.dropFirst(marker.count)).trimmed)
        }
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, digits.count <= 3 {
            let rest = line.dropFirst(digits.count)
            if rest.hasPrefix(". ") || rest.hasPrefix("、") || rest.hasPrefix(") ") {
                return (true, String(rest.dropFirst(rest.hasPrefix("、") ? 1 : 2)).trimmed)
            }
        }
        return nil
    }

    private static func isTableSeparator(_ line: String) -> Bool {
        line.hasPrefix("|") && line.contains("-") && line.allSatisfy { "|-: ".contains($0) }
    }

    private static func cells(_ line: String) -> [String] {
        var text = line.trimmed
        if text.hasPrefix("|") { text.removeFirst() }
        if text.hasSuffix("|") { text.removeLast() }
        return text.split(separator: "|", omittingEmptySubsequences: false).map { String($0).trimmed }
    }

    /// Bold, code and links inside a line; everything else escaped.
    static func inline(_ text: String) -> String {
        var output = ""
        var rest = Substring(text)
        while !rest.isEmpty {
            if rest.hasPrefix("`"), let end = rest.dropFirst().firstIndex(of: "`") {
                output += "<code>" + HTMLText.escape(String(rest[rest.index(after: rest.startIndex)..<end])) + "</code>"
                rest = rest[rest.index(after: end)...]
            } else if rest.hasPrefix("**"), let end = rest.dropFirst(2).range(of: "**"),
                end.lowerBound > rest.index(rest.startIndex, offsetBy: 2)
            {
                output += "<strong>" + inline(String(rest[rest.index(rest.startIndex, offsetBy: 2)..<end.lowerBound])) + "</strong>"
                rest = rest[end.upperBound...]
            } else if rest.hasPrefix("["), let link = link(in: rest) {
                output += link.html
                rest = rest[link.end...]
            } else {
                output += HTMLText.escape(String(rest.first!))
                rest = rest.dropFirst()
            }
        }
        return output
    }

    private static func link(in text: Substring) -> (html: String, end: Substring.Index)? {
        // Looked for within a short reach, so a line of lone brackets costs
        // a bounded amount of work per bracket.
        guard let closeText = text.prefix(200).firstIndex(of: "]"), text.index(after: closeText) < text.endIndex,
            text[text.index(after: closeText)] == "(", let closeURL = text[closeText...].prefix(1000).firstIndex(of: ")")
        else { return nil }
        let label = String(text[text.index(after: text.startIndex)..<closeText])
        let url = String(text[text.index(closeText, offsetBy: 2)..<closeURL]).trimmed
        guard isSafe(url), !label.isEmpty else { return nil }
        return ("<a href=\"\(HTMLText.escape(url))\" rel=\"nofollow noopener\">\(inline(label))</a>", text.index(after: closeURL))
    }

    private static func isSafe(_ url: String) -> Bool {
        let lower = url.lowercased()
        if lower.contains(" ") || lower.contains("\"") || lower.contains("\\") { return false }
        return lower.hasPrefix("https://") || lower.hasPrefix("http://") || lower.hasPrefix("mailto:") || lower.hasPrefix("tel:")
            || (lower.hasPrefix("/") && !lower.hasPrefix("//"))
    }
}
