import Foundation
import Hummingbird
import SunboardCore

/// `/search?q=` and `GET /api/v1/search?q=`: one box over everything public.
struct SearchController {
    let services: AppServices

    func addRoutes(to router: RouterGroup<AppRequestContext>) {
        router.get(SiteURL.search(.page).route, use: page)
        router.get(SiteURL.search(.api).route, use: api)
    }

    struct Result: Sendable {
        var kind: String
        var title: String
        var snippetHTML: String
        var url: String
        var unitName: String
        var date: String?
    }

    struct Page: Sendable {
        var frame: Frame
        var query: String
        var results: [Result]
        var count: Int
        var failure: String?
        var nothing: String?
    }

    struct JSONResult: Encodable, Sendable {
        var kind: String
        var kindName: String
        var title: String
        var snippet: String
        var url: String
        var unit: String
        var date: Nullable<String>
    }

    struct JSONAnswer: Encodable, Sendable {
        var query: String
        var count: Int
        var results: [JSONResult]
    }

    @Sendable func page(_ request: Request, context: AppRequestContext) async throws -> HTML {
        let raw = request.queryDictionary["q"] ?? ""
        let frame = Frame(title: raw.isEmpty ? "搜索" : "搜索：\(raw)", assets: services.renderer.assets)
        guard !raw.trimmed.isEmpty else {
            let model = Page(frame: frame, query: "", results: [], count: 0, failure: nil, nothing: nil)
            return HTML(try services.renderer.render("public/search", model), caching: .publicRevalidate)
        }
        let query: SearchQuery
        do {
            query = try SearchQuery(raw)
        } catch {
            let model = Page(frame: frame, query: raw, results: [], count: 0, failure: error.message, nothing: nil)
            return HTML(try services.renderer.render("public/search", model), status: .badRequest)
        }
        let hits = try await services.search.search(query)
        let results = hits.map { hit in
            Result(
                kind: hit.kind.chinese, title: hit.title, snippetHTML: query.highlight(hit.text).html, url: hit.url, unitName: hit.unitName,
                date: hit.date.map(ShanghaiTime.date))
        }
        let model = Page(
            frame: frame, query: query.text, results: results, count: results.count, failure: nil,
            nothing: results.isEmpty ? "没有找到包含“\(query.text)”的公开内容。可以换个说法，或少写几个字再试。" : nil)
        return HTML(try services.renderer.render("public/search", model), caching: .publicRevalidate)
    }

    @Sendable func api(_ request: Request, context: AppRequestContext) async throws -> JSONBody<JSONAnswer> {
        let query = try SearchQuery(request.queryDictionary["q"] ?? "")
        let hits = try await services.search.search(query)
        return JSONBody(
            JSONAnswer(
                query: query.text, count: hits.count,
                results: hits.map { hit in
                    JSONResult(
                        kind: hit.kind.rawValue, kindName: hit.kind.chinese, title: hit.title, snippet: query.highlight(hit.text).plain,
                        url: hit.url,
                        unit: hit.unitName, date: Nullable(hit.date.map(ShanghaiTime.iso8601)))
                }))
    }
}
