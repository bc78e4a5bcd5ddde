import Foundation
import Testing

@testable import SunboardCore

@Suite("Disclosure rules")
struct DisclosureRulesTests {
    static let funds = DefaultCatalog.items.first { $0.code == "office-funds" }!
    static let applicants = DefaultCatalog.items.first { $0.code == "dibao-applicants" }!
    static let duties = DefaultCatalog.items.first { $0.code == "duties" }!

    @Test("A draft needs a title; values are checked and normalized; everything wrong is reported at once")
    func input() throws {
        let content = try DisclosureInput(
            title: " 2026年10月办公经费使用情况 ", period: "2026-10", fields: ["income_total": "2,200", "expense_total": "1980.5"]
        ).validated(for: Self.funds)
        #expect(content.title == "2026年10月办公经费使用情况")
        #expect(content.period == .month(year: 2026, month: 10))
        #expect(content.fields == ["income_total": "220000", "expense_total": "198050"])

        let bad = DisclosureInput(title: "", period: "2026-W3", fields: ["income_total": "两千", "balance": "1.234"])
        #expect(throws: ValidationFailure.self) { try bad.validated(for: Self.funds) }
        do {
            _ = try bad.validated(for: Self.funds)
        } catch {
            #expect(error.issues.map(\.field) == ["title", "period", "income_total", "balance"])
            #expect(error.message(for: "period") == "“所属期间”请写成 2026-10 这样的格式。")
        }
    }

    @Test("Publication is refused with one message naming everything missing")
    func completeness() throws {
        let partial = try DisclosureInput(title: "十月经费", fields: ["income_total": "100"]).validated(for: Self.funds)
        do {
            try Completeness().check(partial, item: Self.funds)
            Issue.record("an incomplete statement was accepted")
        } catch {
            #expect(error == .incomplete(["所属期间", "上期结余", "本期支出", "期末结余", "收支明细"]))
            #expect(error.message == "还缺少：所属期间、上期结余、本期支出、期末结余、收支明细。补齐后才能发布。")
        }
        // An item without fields needs some text.
        #expect(throws: DisclosureError.incomplete(["正文"])) {
            try Completeness().check(DisclosureContent(title: "工作职责"), item: Self.duties)
        }
        try Completeness().check(DisclosureContent(title: "工作职责", body: "1. 宣传宪法"), item: Self.duties)
    }

    @Test("Later boards plug in their own completeness rules")
    func pluggableRules() {
        struct NeedsAttachment: CompletenessRule {
            func missing(in content: DisclosureContent, item: CatalogItem) -> [String] {
                content.attachments.isEmpty ? ["原始单据"] : []
            }
        }
        let content = DisclosureContent(
            title: "经费", body: "x", period: .month(year: 2026, month: 10),
            fields: ["opening_balance": "0", "income_total": "0", "expense_total": "0", "balance": "0", "lines": "[]"])
        #expect(throws: DisclosureError.incomplete(["原始单据"])) {
            try Completeness(rules: [CatalogRequirements(), NeedsAttachment()]).check(content, item: Self.funds)
        }
    }

    @Test("Personal details written into the title or text are caught before publication")
    func personalDetails() {
        var content = DisclosureContent(
            title: "新申请低保家庭公示", body: "经民主评议，现予公示。",
            fields: ["applicant": "刘桂芳", "household_size": "2", "monthly_benefit": "38500", "hardship": "丈夫瘫痪"])
        #expect(PersonalDetails.exposed(in: content, item: Self.applicants).isEmpty)
        content.title = "刘桂芳申请低保公示"
        content.body = "困难情况：丈夫瘫痪。"
        #expect(PersonalDetails.exposed(in: content, item: Self.applicants) == ["申请人", "困难情况"])
    }

    @Test("Each step belongs to its role: the clerk drafts, the supervisor reviews, the director publishes")
    func lifecycle() throws {
        let clerk = Role.clerk.permissions, supervisor = Role.supervisor.permissions, director = Role.director.permissions
        let draft = DisclosureLifecycle.State(status: .draft, hasPublishedVersion: false)
        #expect(try DisclosureLifecycle.next(after: .submit, from: draft, permissions: clerk, actor: 1) == .submitted)
        #expect(throws: DisclosureError.notAllowed(.submit)) {
            try DisclosureLifecycle.next(after: .submit, from: draft, permissions: supervisor, actor: 2)
        }

        let submitted = DisclosureLifecycle.State(status: .submitted, hasPublishedVersion: false, authors: [1])
        #expect(try DisclosureLifecycle.next(after: .approve, from: submitted, permissions: supervisor, actor: 2) == .approved)
        #expect(throws: DisclosureError.notAllowed(.approve)) {
            try DisclosureLifecycle.next(after: .approve, from: submitted, permissions: clerk, actor: 1)
        }
        #expect(throws: DisclosureError.notAllowed(.approve)) {
            try DisclosureLifecycle.next(after: .approve, from: submitted, permissions: director, actor: 3)
        }
        // One person holding both roles still cannot review their own submission.
        #expect(throws: DisclosureError.ownSubmission) {
            try DisclosureLifecycle.next(after: .approve, from: submitted, permissions: clerk.union(supervisor), actor: 1)
        }
        #expect(throws: DisclosureError.wrongState(.publish, .submitted)) {
            try DisclosureLifecycle.next(after: .publish, from: submitted, permissions: director, actor: 3)
        }

        let approved = DisclosureLifecycle.State(status: .approved, hasPublishedVersion: false, authors: [1])
        #expect(throws: DisclosureError.notAllowed(.publish)) {
            try DisclosureLifecycle.next(after: .publish, from: approved, permissions: supervisor, actor: 2)
        }
        #expect(try DisclosureLifecycle.next(after: .publish, from: approved, permissions: director, actor: 3) == .published)
        #expect(try DisclosureLifecycle.next(after: .returnForChanges, from: approved, permissions: director, actor: 3) == .returned)

        let published = DisclosureLifecycle.State(status: .published, hasPublishedVersion: true)
        #expect(DisclosureLifecycle.available(from: published, permissions: clerk, actor: 1) == [.startCorrection])
        #expect(DisclosureLifecycle.available(from: published, permissions: director, actor: 3) == [.startCorrection, .withdraw])
        #expect(DisclosureLifecycle.available(from: published, permissions: supervisor, actor: 2).isEmpty)
        #expect(throws: DisclosureError.wrongState(.withdraw, .draft)) {
            try DisclosureLifecycle.next(after: .withdraw, from: draft, permissions: director, actor: 3)
        }
        // The office sees every draft but writes no community's disclosures.
        #expect(DisclosureLifecycle.available(from: draft, permissions: Role.officeAdmin.permissions, actor: 9).isEmpty)
    }

    @Test("Attachments are judged by their content, not their name")
    func attachments() throws {
        #expect(try AttachmentKind.check(name: "收据.jpg", bytes: [0xFF, 0xD8, 0xFF, 0xE0, 1, 2]) == .jpeg)
        #expect(try AttachmentKind.check(name: "scan", bytes: Array("%PDF-1.7\n".utf8)) == .pdf)
        #expect(throws: AttachmentError.unsupported(name: "收据.jpg")) {
            try AttachmentKind.check(name: "收据.jpg", bytes: Array("MZ\u{90}program".utf8))
        }
        #expect(throws: AttachmentError.empty(name: "a.png")) { try AttachmentKind.check(name: "a.png", bytes: [UInt8]()) }
        let big = [UInt8](repeating: 0, count: AttachmentKind.maximumSize + 1)
        #expect(throws: AttachmentError.tooLarge(name: "big.pdf", size: big.count)) {
            try AttachmentKind.check(name: "big.pdf", bytes: big)
        }
        #expect(AttachmentError.tooLarge(name: "big.pdf", size: big.count).message.contains("超过了 10 MB 的上限"))
    }
}

@Suite("Safe Markdown")
struct MarkdownTests {
    @Test("Raw HTML is shown as text, never run")
    func escaping() {
        let html = Markdown.html("<script>alert('x')</script>\n<img src=x onerror=alert(1)>")
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
    }

    @Test("Headings go one level deeper at a time, starting under the page's title; siblings stay siblings")
    func headingOutline() {
        #expect(Markdown.html("# 一\n### 二\n#### 三\n## 四") == "<h2>一</h2>\n<h3>二</h3>\n<h4>三</h4>\n<h3>四</h3>\n")
        #expect(Markdown.html("### 说明\n\n正文") == "<h2>说明</h2>\n<p>正文</p>\n")
        #expect(Markdown.html("## 一\n## 二\n## 三") == "<h2>一</h2>\n<h2>二</h2>\n<h2>三</h2>\n")
        #expect(Markdown.html("## 一\n#### 二\n## 三\n### 四") == "<h2>一</h2>\n<h3>二</h3>\n<h2>三</h2>\n<h3>四</h3>\n")
        // A heading quoted inside the notice keeps its place in the notice's outline.
        let quoted = Markdown.html("## 甲\n### 乙\n> ## 引\n#### 丙")
        #expect(quoted.contains("<h3>乙</h3>") && quoted.contains("<blockquote>\n<h2>引</h2>") && quoted.contains("<h3>丙</h3>"))
        // Under a card's h4 on the community's board, the first heading is an h5.
        #expect(Markdown.html("## 一\n### 二", under: 4) == "<h5>一</h5>\n<h6>二</h6>\n")
    }

    @Test("Links go only where they are safe")
    func links() {
        #expect(Markdown.html("[办事处](https://example.cn/a)").contains("<a href=\"https://example.cn/a\" rel=\"nofollow noopener\">办事处</a>"))
        #expect(Markdown.html("[电话](tel:0912-3210101)").contains("href=\"tel:0912-3210101\""))
        for hostile in ["[x](javascript:alert(1))", "[x](//evil.example)", "[x](data:text/html,hi)", "[x](\"onmouseover=alert(1))"] {
            #expect(!Markdown.html(hostile).contains("<a "), "\(hostile)")
        }
    }

    @Test("Headings, lists, tables, quotes and bold")
    func blocks() {
        let html = Markdown.html("## 本期支出\n\n- 复印纸\n- 签字笔\n\n1. 第一\n2. 第二\n\n| 用途 | 金额 |\n|---|---|\n| 复印 | **96.00** |\n\n> 说明\n第一行\n第二行")
        // Under the page's h1, the notice's first heading is an h2, whatever level the clerk typed.
        #expect(html.contains("<h2>本期支出</h2>"))
        #expect(html.contains("<ul>\n<li>复印纸</li>\n<li>签字笔</li>\n</ul>"))
        #expect(html.contains("<ol>\n<li>第一</li>\n<li>第二</li>\n</ol>"))
        #expect(html.contains("<th scope=\"col\">用途</th>"))
        #expect(html.contains("<td><strong>96.00</strong></td>"))
        #expect(html.contains("<blockquote>"))
        #expect(html.contains("<p>第一行<br>第二行</p>"))
    }
}

@Suite("Comparing versions")
struct TextDiffTests {
    @Test func lines() {
        let diff = TextDiff.lines(from: "一\n二\n三", to: "一\n贰\n三\n四")
        #expect(diff == [.same("一"), .removed("二"), .added("贰"), .same("三"), .added("四")])
        #expect(TextDiff.lines(from: "", to: "") == [.same("")])
    }

    @Test("Read one way a diff gives back the old text, the other way the new, and keeps every line it can")
    func rebuilds() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            let words = ["甲", "乙", "丙", "丁", ""]
            let old = (0..<Int.random(in: 0...12, using: &generator)).map { _ in words.randomElement(using: &generator)! }
            let new = (0..<Int.random(in: 0...12, using: &generator)).map { _ in words.randomElement(using: &generator)! }
            let diff = TextDiff.lines(from: old.joined(separator: "\n"), to: new.joined(separator: "\n"))
            let before = diff.compactMap { line -> String? in
                switch line {
                case .same(let text), .removed(let text): text
                case .added: nil
                }
            }
            let after = diff.compactMap { line -> String? in
                switch line {
                case .same(let text), .added(let text): text
                case .removed: nil
                }
            }
            #expect(before.joined(separator: "\n") == old.joined(separator: "\n"))
            #expect(after.joined(separator: "\n") == new.joined(separator: "\n"))
            // As few changed lines as a longest common subsequence allows.
            let kept = diff.filter { if case .same = $0 { true } else { false } }.count
            #expect(kept == Self.commonLength(old.joined(separator: "\n"), new.joined(separator: "\n")))
        }
    }

    static func commonLength(_ old: String, _ new: String) -> Int {
        let a = old.split(separator: "\n", omittingEmptySubsequences: false)
        let b = new.split(separator: "\n", omittingEmptySubsequences: false)
        var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        return table[0][0]
    }
}

@Suite("The catalog item form")
struct CatalogItemInputTests {
    @Test("Fields are typed one per line, with the rest defaulting sensibly")
    func fields() throws {
        let item = try CatalogItemInput(
            code: "party-activities", title: "党员活动", disclosureClass: "periodic", frequency: "quarterly", dueMonthsAfter: "1",
            dueDay: "15", boardSection: "meetings",
            fields: "meeting_time | 开会时间\napplicant | 申请人 | 文字 | 必填 | 公示期内公开\n\nfee｜费用｜金额｜选填"
        ).validated(ownerUnitID: 2)
        #expect(
            item.fields == [
                FieldSpec(key: "meeting_time", label: "开会时间"),
                FieldSpec(key: "applicant", label: "申请人", visibility: .duringNotice),
                FieldSpec(key: "fee", label: "费用", kind: .money, required: false),
            ])
        #expect(item.dueRule == DueRule(monthsAfter: 1, day: 15))
        #expect(CatalogItemInput(item).fields.contains("applicant | 申请人 | 文字 | 必填 | 公示期内公开"))
    }

    @Test("Every problem is named")
    func problems() {
        let input = CatalogItemInput(
            code: "Bad Code", title: "", disclosureClass: "periodic", frequency: "", boardSection: "nowhere",
            fields: "photo | 名称 | 图片\ny", noticeDays: "999")
        #expect(throws: ValidationFailure.self) { try input.validated(ownerUnitID: 1) }
        do {
            _ = try input.validated(ownerUnitID: 1)
        } catch {
            let fields = error.issues.map(\.field)
            for expected in ["code", "title", "board_section", "frequency", "due", "notice_days", "fields"] {
                #expect(fields.contains(expected), "\(expected)")
            }
            #expect(error.message.contains("字段第 1 行：类型只能是文字、长文字、日期、数字或金额。"))
            #expect(error.message.contains("字段第 2 行"))
        }
    }

    @Test("The default catalog is complete and consistent")
    func defaults() {
        let codes = DefaultCatalog.items.map(\.code)
        #expect(Set(codes).count == codes.count)
        #expect(codes.allSatisfy(Slug.isValid))
        let sections = Set(BoardSection.community.map(\.id))
        for item in DefaultCatalog.items {
            #expect(sections.contains(item.boardSection), "\(item.code)")
            #expect((item.disclosureClass == .periodic) == (item.frequency != nil && item.dueRule != nil), "\(item.code)")
        }
        #expect(DefaultCatalog.items.filter { $0.disclosureClass == .standing }.count >= 12)
        #expect(DefaultCatalog.items.first { $0.code == "dibao-applicants" }?.noticeDays == 7)
        #expect(DefaultCatalog.items.first { $0.code == "election-notice" }?.retentionYears == nil)
    }
}
