import Foundation
import SunboardApp
import SunboardCore

/// The demo's written content, kept as files in `Content/` so that editing
/// a notice needs no Swift:
///
/// - `disclosures/NNN-community-item.md`: one disclosure each, played in
///   the order of the numbers. A front matter of `key: value` lines (a
///   value of several lines is written `key: |` with its lines indented by
///   two spaces) and the Markdown body; a corrected body follows a line
///   `<!-- 更正后的正文 -->`.
/// - `civic/*.json`: elections, meetings, hearings, projects, honors and
///   albums (`DemoCivicFiles.swift` says how a row is written).
/// - `guides.json`: the office's 办事指南, in the app's own `GuideContent` form.
/// - `books/community.csv`: each community's office funds, opening balance,
///   income and expenses, in the columns of the finance import
///   (`LedgerCSV`), read by the import's own reader.
///
/// Dates are as written on 28 November 2026; `DemoCalendar` moves them.
enum DemoContent {
    /// The day the content was written: no line of the books is later.
    static let written = CalendarDate(year: 2026, month: 11, day: 28)!

    static func folder(_ name: String) throws -> URL {
        guard let url = Bundle.module.url(forResource: "Content/\(name)", withExtension: nil) else {
            throw DemoError.bad("Content/\(name) is missing from the bundle")
        }
        return url
    }

    static func files(in name: String, suffix: String) throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: try folder(name), includingPropertiesForKeys: nil)
            .filter { $0.lastPathComponent.hasSuffix(suffix) }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    /// Content that ships with the program and is checked by the tests: a
    /// file that cannot be read is a bug in this package, said plainly.
    static func load<T>(_ what: () throws -> T) -> T {
        do { return try what() } catch { preconditionFailure("\(error)") }
    }

    /// A JSON file of `Content/`, `civic/elections` for `Content/civic/elections.json`.
    static func json<T: Decodable>(_ name: String) throws -> T {
        let url = try folder("\(name).json")
        do {
            return try JSONDecoder().decode(T.self, from: Data(contentsOf: url))
        } catch {
            throw DemoError.bad("Content/\(name).json: \(error)")
        }
    }

    // MARK: Disclosures

    static let correctionMarker = "<!-- 更正后的正文 -->"

    static func disclosures() throws -> [DemoDisclosure] {
        try files(in: "disclosures", suffix: ".md").map { url in
            do {
                return try disclosure(String(contentsOf: url, encoding: .utf8))
            } catch {
                throw DemoError.bad("Content/disclosures/\(url.lastPathComponent): \(error)")
            }
        }
    }

    static func disclosure(_ text: String) throws -> DemoDisclosure {
        var (keys, body) = try frontMatter(text)
        func take(_ key: String) -> String? { keys.removeValue(forKey: key) }
        func require(_ key: String) throws -> String {
            guard let value = take(key) else { throw DemoError.bad("no \(key)") }
            return value
        }
        func fields(_ prefix: String) -> [String: String] {
            var found: [String: String] = [:]
            for key in keys.keys where key.hasPrefix(prefix) { found[String(key.dropFirst(prefix.count))] = take(key) }
            return found
        }
        var corrected: String?
        if let range = body.range(of: "\n\(correctionMarker)\n") {
            corrected = String(body[range.upperBound...])
            body = String(body[..<range.lowerBound]) + "\n"
        }
        func trimmed(_ text: String) -> String { text.hasSuffix("\n") ? String(text.dropLast()) : text }
        var disclosure = DemoDisclosure(
            community: try require("community"), item: try require("item"), title: take("title") ?? "", body: trimmed(body),
            period: take("period"), fields: fields("field."), published: try require("published"))
        switch take("stage") {
        case nil, "published": break
        case "draft": disclosure.stage = .draft
        case "submitted": disclosure.stage = .submitted
        case "approved": disclosure.stage = .approved
        case "returned": disclosure.stage = .returned(try require("returned"))
        case let other?: throw DemoError.bad("unknown stage \(other)")
        }
        if let statement = take("statement") { disclosure.statement = statement == "true" }
        if let on = take("correction.on") {
            disclosure.correction = .init(
                on: on, reason: try require("correction.reason"), title: take("correction.title"), body: corrected.map(trimmed),
                fields: fields("correction.field."))
        }
        if let on = take("withdrawal.on") { disclosure.withdrawal = .init(on: on, reason: try require("withdrawal.reason")) }
        guard keys.isEmpty else { throw DemoError.bad("unknown keys \(keys.keys.sorted().joined(separator: ", "))") }
        return disclosure
    }

    /// The `key: value` lines between the first two `---` lines, and the text after them.
    static func frontMatter(_ text: String) throws -> ([String: String], String) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        guard lines.popFirst() == "---", let end = lines.firstIndex(of: "---") else {
            throw DemoError.bad("no front matter between two --- lines")
        }
        var keys: [String: String] = [:]
        var head = lines[..<end]
        while let line = head.popFirst() {
            guard let colon = line.firstIndex(of: ":") else { throw DemoError.bad("not key: value: \(line)") }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces)
            var value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if value == "|" {
                var block: [Substring] = []
                while let next = head.first, next.isEmpty || next.hasPrefix("  ") {
                    block.append(next.dropFirst(min(2, next.count)))
                    head.removeFirst()
                }
                while block.last?.isEmpty == true { block.removeLast() }
                value = block.joined(separator: "\n")
            }
            guard keys.updateValue(value, forKey: key) == nil else { throw DemoError.bad("\(key) twice") }
        }
        return (keys, lines[lines.index(after: end)...].joined(separator: "\n"))
    }

    // MARK: Books

    /// Each community's office-funds lines, in the order of `communities`.
    static func books(communities: [String]) throws -> [DemoMoney] {
        try communities.flatMap { community -> [DemoMoney] in
            let url = try folder("books").appendingPathComponent("\(community).csv")
            let reading = LedgerCSV.read(Array(try Data(contentsOf: url)), today: written)
            guard reading.isClean else {
                let problems = reading.problems.map { "line \($0.line): \($0.messages.joined(separator: " "))" }
                throw DemoError.bad(
                    "Content/books/\(community).csv: \(([reading.fileProblem].compactMap { $0 } + problems).joined(separator: "; "))")
            }
            return reading.lines.map { _, line in
                DemoMoney(
                    community: community, date: line.date.description, kind: line.kind, fund: line.fund, category: line.category,
                    summary: line.summary, counterparty: line.counterparty, handler: line.handler, amount: line.amount.plainYuan)
            }
        }
    }
}
