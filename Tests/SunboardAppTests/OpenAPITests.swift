import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import SunboardApp

/// `Resources/openapi.json` against the server: every public API route is
/// in it, and every real answer the demo gives matches its schema.
@Suite("The OpenAPI document")
struct OpenAPITests {
    static let document: JSON = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/SunboardApp/Resources/openapi.json")
        return try! JSONDecoder().decode(JSON.self, from: Data(contentsOf: url))
    }()

    static var paths: [String] { document["paths"]?.object?.keys.sorted() ?? [] }

    @Test("Every public API route is documented, and every documented path is a route")
    func everyRoute() {
        let routes = Set(SiteURL.patterns.map(\.path).filter { $0.hasPrefix("/api/") } + [SiteURL.health.path])
        let documented = Set(Self.paths)
        #expect(routes.subtracting(documented).isEmpty, "routes missing from openapi.json: \(routes.subtracting(documented).sorted())")
        #expect(documented.subtracting(routes).isEmpty, "documented paths with no route: \(documented.subtracting(routes).sorted())")
    }

    @Test("The server serves the document it keeps")
    func served() async throws {
        try await TestApp.run(demo: .none) { app in
            let response = try await app.client.execute(uri: "/api/v1/openapi.json", method: .get)
            #expect(response.status == .ok)
            let served = try JSONDecoder().decode(JSON.self, from: Data(response.body.readableBytesView))
            #expect(served == Self.document)
            #expect(served["openapi"]?.string == "3.1.0")
        }
    }

    /// The operation a concrete path answers to, by matching the document's templates.
    static func template(for path: String) -> String? {
        let parts = path.split(separator: "?")[0].split(separator: "/")
        return paths.first { template in
            let pattern = template.split(separator: "/")
            return pattern.count == parts.count
                && zip(pattern, parts).allSatisfy { $0.hasPrefix("{") || $0 == $1 }
        }
    }

    /// The schema of an answer with this status, following `$ref`s to responses.
    static func schema(for path: String, status: Int) -> JSON? {
        guard let template = template(for: path), var response = document["paths"]?[template]?["get"]?["responses"]?[String(status)]
        else { return nil }
        if let ref = response["$ref"]?.string { response = resolve(ref) ?? .null }
        return response["content"]?["application/json"]?["schema"]
    }

    static func resolve(_ ref: String) -> JSON? {
        ref.dropFirst(2).split(separator: "/").reduce(Optional(document)) { $0?[String($1)] }
    }

    /// What is wrong with `value` under `schema` (the keywords the document uses), or nothing.
    static func problems(_ value: JSON, _ schema: JSON, at path: String = "$") -> [String] {
        if let ref = schema["$ref"]?.string {
            guard let target = resolve(ref) else { return ["\(path): unknown \(ref)"] }
            return problems(value, target, at: path)
        }
        for key in ["anyOf", "oneOf"] {
            if let options = schema[key]?.array {
                let fits = options.filter { problems(value, $0, at: path).isEmpty }.count
                if key == "anyOf" ? fits == 0 : fits != 1 { return ["\(path): fits \(fits) of \(key)"] }
            }
        }
        if let constant = schema["const"], constant != value { return ["\(path): not the constant"] }
        if let allowed = schema["enum"]?.array, !allowed.contains(value) { return ["\(path): \(value) not in enum"] }
        if let type = schema["type"] {
            let types = type.array?.compactMap(\.string) ?? type.string.map { [$0] } ?? []
            guard types.contains(where: value.isA) else { return ["\(path): \(value.kind) is not \(types)"] }
        }
        var found: [String] = []
        if case .object(let object) = value {
            for name in schema["required"]?.array?.compactMap(\.string) ?? [] where object[name] == nil {
                found.append("\(path): missing \(name)")
            }
            let properties = schema["properties"]?.object ?? [:]
            for (name, item) in object {
                if let property = properties[name] {
                    found += problems(item, property, at: "\(path).\(name)")
                } else if schema["additionalProperties"] == .bool(false) {
                    found.append("\(path): undocumented \(name)")
                } else if let extra = schema["additionalProperties"], extra.object != nil {
                    found += problems(item, extra, at: "\(path).\(name)")
                }
            }
        }
        if case .array(let items) = value, let itemSchema = schema["items"] {
            for (index, item) in items.enumerated() { found += problems(item, itemSchema, at: "\(path)[\(index)]") }
        }
        return found
    }

    /// On SQLite: on PostgreSQL the same answers are checked by Schemathesis in `scripts/test`.
    @Test("Every answer of the demo's public API matches the document, errors included", .enabled(if: TestDatabase.postgresURL == nil))
    func realAnswers() async throws {
        try await TestApp.run(demo: .year) { app in
            let client = app.client
            func json(_ path: String) async throws -> JSON? {
                let response = try await client.execute(uri: path, method: .get)
                return try? JSONDecoder().decode(JSON.self, from: Data(response.body.readableBytesView))
            }
            var paths = ["/healthz", "/api/v1/units", "/api/v1/ledger", "/api/v1/ledger/head", "/api/v1/records", "/api/v1/search?q=低保"]
            for unit in try await json("/api/v1/units")?.array ?? [] {
                guard let slug = unit["slug"]?.string else { continue }
                for template in Self.paths where template.hasPrefix("/api/v1/units/{slug}") && template.filter({ $0 == "{" }).count == 1 {
                    paths.append(template.replacingOccurrences(of: "{slug}", with: slug))
                }
                paths += ["/api/v1/units/\(slug)/boards/dibao", "/api/v1/units/\(slug)/finance/entries?period=2026"]
            }
            // Each item a list names, and each record's history and versions.
            var index = 0
            while index < paths.count, paths.count < 2500 {
                let path = paths[index]
                index += 1
                guard let answer = try await json(path) else { continue }
                let base = path.split(separator: "?")[0]
                for id in answer.all("id").prefix(40) {
                    if base.hasSuffix("/disclosures") { paths.append("/api/v1/disclosures/\(id)") }
                    if base.hasSuffix("/guides") { paths.append("/api/v1/guides/\(id)") }
                    if let kind = ["elections", "meetings", "hearings", "projects", "bulletins"].first(where: { base.hasSuffix("/\($0)") })
                    {
                        paths.append("\(base)/\(id)")
                    }
                    if base.hasPrefix("/api/v1/records/"), base.split(separator: "/").count == 4 { paths.append("\(base)/\(id)") }
                }
                for url in answer.all("url").prefix(40) where url.hasPrefix("/api/v1/") && !paths.contains(url) { paths.append(url) }
            }
            // Errors: unknown things, bad parameters, periods out of range, id 0 after a list was read.
            paths += [
                "/api/v1/units/no-such-place", "/api/v1/disclosures/0", "/api/v1/disclosures/99999999", "/api/v1/search?q=",
                "/api/v1/ledger?after=-1", "/api/v1/ledger?limit=100000", "/api/v1/units/yincheng/boards/nothing",
                "/api/v1/units/yincheng/finance/entries?period=1970-01", "/api/v1/units/yinzhou/compliance?period=2999-01",
                "/api/v1/units/yincheng/projects/0", "/api/v1/records/nothing", "/api/v1/records/unit/1/versions/0",
            ]
            var checked = 0
            for path in paths {
                let response = try await client.execute(uri: path, method: .get)
                let status = Int(response.status.code)
                #expect(status < 500, "\(path) answered \(status)")
                let schema = Self.schema(for: path, status: status)
                #expect(schema != nil, "\(path) answered \(status), which the document does not list")
                guard let schema else { continue }
                let value = try JSONDecoder().decode(JSON.self, from: Data(response.body.readableBytesView))
                let found = Self.problems(value, schema)
                #expect(found.isEmpty, "\(path): \(found.prefix(5))")
                checked += 1
            }
            #expect(checked > 500)
            #expect(try await client.execute(uri: "/api/v1/units/yincheng/projects/0", method: .get).status == .notFound)
        }
    }
}

/// Any JSON value, decoded strictly: `true` is not `1`.
enum JSON: Decodable, Equatable, CustomStringConvertible {
    case null, bool(Bool), integer(Int), number(Double), string(String), array([JSON]), object([String: JSON])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int.self) {
            self = .integer(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSON].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSON].self))
        }
    }

    subscript(key: String) -> JSON? { object?[key] }
    var object: [String: JSON]? { if case .object(let value) = self { value } else { nil } }
    var array: [JSON]? { if case .array(let value) = self { value } else { nil } }
    var string: String? { if case .string(let value) = self { value } else { nil } }

    var kind: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .integer: "integer"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    /// JSON Schema's types: an integer is a number too.
    func isA(_ type: String) -> Bool { type == kind || (type == "number" && kind == "integer") }

    /// Every value under `key` anywhere inside, as text.
    func all(_ key: String) -> [String] {
        switch self {
        case .object(let object):
            let here: [String] =
                switch object[key] {
                case .integer(let id): [String(id)]
                case .string(let text): [text]
                default: []
                }
            return here + object.values.flatMap { $0.all(key) }
        case .array(let items): return items.flatMap { $0.all(key) }
        default: return []
        }
    }

    var description: String {
        switch self {
        case .string(let text): "\"\(text.prefix(40))\""
        case .integer(let value): String(value)
        default: kind
        }
    }
}
