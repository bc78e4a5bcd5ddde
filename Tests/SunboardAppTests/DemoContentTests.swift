import Foundation
import SunboardCore
import Testing

@testable import SunboardDemo

/// The demo's notices are Markdown files with a front matter; a mistake in
/// one is named with its file, never read as something else.
@Suite("Demo content files")
struct DemoContentTests {
    @Test("A notice reads with its fields, a field of several lines, its correction and its corrected body")
    func reads() throws {
        let text = """
            ---
            community: c1
            item: works
            title: 关于某工程的公示
            published: 2026-03-12
            period: 2026-Q1
            stage: returned
            returned: 请补充预算表。
            field.agenda: |
              1. 第一项

              2. 第二项
            field.place: 会议室
            correction.on: 2026-03-15
            correction.reason: 金额写错。
            correction.field.place: 二楼会议室
            ---
            正文第一段。

            | 项目 | 金额 |
            |---|---|
            <!-- 更正后的正文 -->
            更正后的正文。
            """ + "\n"
        let notice = try DemoContent.disclosure(text)
        #expect(notice.community == "c1" && notice.item == "works" && notice.title == "关于某工程的公示")
        #expect(notice.published == "2026-03-12" && notice.period == "2026-Q1")
        #expect(notice.fields == ["agenda": "1. 第一项\n\n2. 第二项", "place": "会议室"])
        #expect(notice.body == "正文第一段。\n\n| 项目 | 金额 |\n|---|---|")
        guard case .returned(let comment) = notice.stage else { Issue.record("stage \(notice.stage)"); return }
        #expect(comment == "请补充预算表。")
        #expect(notice.correction?.on == "2026-03-15" && notice.correction?.fields == ["place": "二楼会议室"])
        #expect(notice.correction?.body == "更正后的正文。")
        #expect(notice.withdrawal == nil && !notice.statement)
    }

    @Test("A misspelt key, a missing one or a missing front matter is refused")
    func refuses() {
        let good = "community: c1\nitem: works\npublished: 2026-03-12"
        #expect(throws: DemoError.self) { try DemoContent.disclosure("---\n\(good)\ntitel: 错字\n---\n正文\n") }
        #expect(throws: DemoError.self) { try DemoContent.disclosure("---\ncommunity: c1\nitem: works\n---\n正文\n") }
        #expect(throws: DemoError.self) { try DemoContent.disclosure("正文\n") }
        #expect(throws: DemoError.self) { try DemoContent.disclosure("---\n\(good)\nstage: lost\n---\n正文\n") }
        #expect(throws: Never.self) { try DemoContent.disclosure("---\n\(good)\n---\n正文\n") }
    }

    @Test("A row of the wrong width or a state that does not exist is refused")
    func refusesRows() {
        func meeting(_ decisions: String) throws -> DemoMeeting {
            let json = """
                {"community": "c1", "agendaTitle": "议程", "startsAt": "2026-03-24 09:00", "place": "会议室",
                 "members": 10, "present": 9, "decisions": \(decisions)}
                """
            return try JSONDecoder().decode(DemoMeeting.self, from: Data(json.utf8))
        }
        #expect((try? meeting(#"[["通过", 8, 0, 1]]"#))?.decisions.first?.1 == 8)
        #expect(throws: (any Error).self) { try meeting(#"[["通过", 8, 0]]"#) }
        #expect(throws: (any Error).self) { try meeting(#"[["通过", "八", 0, 1]]"#) }
        let update = #"{"published": "2026-05-06", "note": ["第一行", "第二行"], "statuses": [["lost", null]]}"#
        #expect(throws: (any Error).self) { try JSONDecoder().decode(DemoHearingUpdate.self, from: Data(update.utf8)) }
    }

    @Test("Every shipped notice, book, civic record and guide reads cleanly")
    func shipped() throws {
        let notices = try DemoContent.disclosures()
        #expect(notices.count > 100)
        #expect(notices.allSatisfy { !$0.community.isEmpty && ($0.statement || !$0.title.isEmpty) })
        let elections: [DemoElection] = try DemoContent.json("civic/elections")
        let meetings: [DemoMeeting] = try DemoContent.json("civic/meetings")
        let hearings: [DemoHearing] = try DemoContent.json("civic/hearings")
        let projects: [DemoProject] = try DemoContent.json("civic/projects")
        let honors: [DemoHonors] = try DemoContent.json("civic/honors")
        let albums: [DemoAlbum] = try DemoContent.json("civic/albums")
        let guides: [GuideContent] = try DemoContent.json("guides")
        #expect(![elections.count, meetings.count, hearings.count, projects.count, honors.count, albums.count, guides.count].contains(0))
        // Every meeting's agenda is one of the notices.
        #expect(
            meetings.allSatisfy { meeting in notices.contains { $0.community == meeting.community && $0.title == meeting.agendaTitle } })
        let books = try DemoContent.books(communities: DemoData.communities.map(\.slug))
        #expect(Set(books.map(\.community)) == Set(DemoData.communities.map(\.slug)))
    }
}
