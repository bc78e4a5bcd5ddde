import Testing

@testable import SunboardCore

@Suite("Search queries")
struct SearchQueryTests {
    @Test("Pattern characters are literal; empty and over-long queries are refused")
    func patterns() throws {
        #expect(try SearchQuery(" 低保 ").likePattern == "%低保%")
        #expect(try SearchQuery("100%_a\\b").likePattern == "%100\\%\\_a\\\\b%")
        #expect(throws: ValidationFailure.self) { try SearchQuery("   ") }
        #expect(throws: ValidationFailure.self) { try SearchQuery(String(repeating: "字", count: 51)) }
    }

    @Test("The snippet marks the match and escapes everything else")
    func highlight() throws {
        let query = try SearchQuery("低保")
        let (html, plain) = query.highlight("新申请<b>城市</b>低保家庭公示，公示期 7 天。", around: 6)
        // Six characters either side.
        #expect(html == "…城市&lt;/b&gt;<mark>低保</mark>家庭公示，公…")
        #expect(plain == "城市</b>低保家庭公示，公")
    }
}
