import Foundation
import SQLKit
import SunboardCore
import Testing

@testable import SunboardApp

@Suite("The search index")
struct SearchIndexTests {
    @Test("Text is indexed as pairs of characters and each run's last; a query is the phrase of its pairs, or a prefix")
    func grams() {
        #expect(SearchGrams.tokens("低保家庭") == ["低保", "保家", "家庭", "庭"])
        #expect(SearchGrams.tokens("办公经费 2026年，ABC") == ["办公", "公经", "经费", "费", "20", "02", "26", "6年", "年", "ab", "bc", "c"])
        #expect(SearchGrams.tokens("…%") == [])
        #expect(SearchGrams.terms("低保") == [.phrase(["低保"])])
        #expect(SearchGrams.terms("低") == [.prefix("低")])
        #expect(SearchGrams.terms("低保 家") == [.phrase(["低保"]), .prefix("家")])
        #expect(SearchGrams.terms("%") == [])
        #expect(SearchGrams.isExact("低保家庭") && SearchGrams.isExact("ABC") && !SearchGrams.isExact("低保 家庭") && !SearchGrams.isExact("100%"))
        #expect(DisclosureSearchIndex.vector("低保低保") == "'低保':1,3 '保低':2 '保':4")
    }

    /// The titles `/api/v1/search?q=` lists, in order.
    static func titles(_ app: TestApp, _ query: String) async throws -> [String] {
        let encoded = query.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        let json = try await app.browser().get("/api/v1/search?q=\(encoded)").text
        let body = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let results = try #require(body["results"] as? [[String: Any]], "\(json)")
        return results.filter { $0["kind"] as? String == "disclosure" }.compactMap { $0["title"] as? String }
    }

    @Test("Kept in step with publication: a correction's new words are found and its old ones not; a withdrawal leaves it")
    func inStep() async throws {
        try await TestApp.run { app in
            let clerk = try await app.signedIn("yinbei-clerk")
            let id = try await app.draft(clerk, in: "yinbei", item: "major-matter", title: "Wi-Fi 覆盖楼道", body: "三号楼加装路由器。")
            try await app.publishThroughReview(id, in: "yinbei")
            #expect(try await Self.titles(app, "路由器") == ["Wi-Fi 覆盖楼道"])
            #expect(try await Self.titles(app, "楼") == ["Wi-Fi 覆盖楼道"])
            #expect(try await Self.titles(app, "wi") == ["Wi-Fi 覆盖楼道"])
            #expect(try await Self.titles(app, "加装 路由").isEmpty)  // the text holds no space there
            #expect(try await Self.titles(app, "楼加装").count == 1)

            let director = try await app.signedIn("yinbei-director")
            _ = try await director.post("/admin/units/yinbei/disclosures/\(id)/correct", form: [("reason", "楼号写错")])
            let item = try await app.item("major-matter", in: "yinbei")
            _ = try await clerk.postMultipart(
                "/admin/units/yinbei/disclosures/\(id)/edit",
                fields: [("item_id", String(item.id)), ("title", "Wi-Fi 覆盖楼道"), ("body", "五号楼加装交换机。")])
            // While the correction is worked on, search finds what is public: version 1.
            #expect(try await Self.titles(app, "路由器").count == 1)
            try await app.publishThroughReview(id, in: "yinbei")
            #expect(try await Self.titles(app, "路由器").isEmpty)
            #expect(try await Self.titles(app, "交换机") == ["Wi-Fi 覆盖楼道"])

            _ = try await director.post("/admin/units/yinbei/disclosures/\(id)/withdraw", form: [("reason", "发错了")])
            #expect(try await Self.titles(app, "交换机").isEmpty)
        }
    }

    @Test("More matches than a page: the newest fifty, titles first, the same as the migration's rebuild gives")
    func ranking() async throws {
        try await TestApp.run { app in
            for number in 1...30 {
                try await app.publishDirectly(in: "yinnan", item: "major-matter", title: "第\(number)号通知", body: "清扫积雪，第\(number)次。")
                app.clock.advance(60)
            }
            for number in 1...30 {
                try await app.publishDirectly(in: "yinnan", item: "major-matter", title: "积雪清扫第\(number)次", body: "内容。")
                app.clock.advance(60)
            }
            let found = try await Self.titles(app, "积雪")
            #expect(found.count == SearchRepository.limit)
            #expect(found.prefix(30) == ArraySlice((1...30).reversed().map { "积雪清扫第\($0)次" }))
            #expect(found.dropFirst(30) == ArraySlice((11...30).reversed().map { "第\($0)号通知" }))

            try await app.database.transaction { sql in
                try await DisclosureSearchIndex.rebuild(database: app.database.kind, on: sql)
            }
            #expect(try await Self.titles(app, "积雪") == found)
            #expect(try await Self.titles(app, "雪") == found)
            // On PostgreSQL, the GIN index gives what reading the latest in order gives.
            for query in ["积雪", "雪", "积雪清扫第"] {
                for titleOnly in [true, false] {
                    let terms = SearchGrams.terms(query)
                    let inOrder = try await DisclosureSearchIndex.matches(
                        terms, titleOnly: titleOnly, limit: 50, database: app.database.kind, on: app.database.sql)
                    let throughGIN = try await DisclosureSearchIndex.matches(
                        terms, titleOnly: titleOnly, limit: 50, database: app.database.kind, on: app.database.sql, recentWindow: 1)
                    #expect(inOrder == throughGIN && !inOrder.isEmpty, "\(query)")
                }
            }
        }
    }
}
