import Foundation
import Testing

@testable import SunboardCore

@Suite("Civic forms: lists typed line by line, checked with every problem named; posts in words; their stored form")
struct CivicInputTests {
    @Test("Decisions: votes per line, more than half of those present carries, totals above attendance refused")
    func decisions() throws {
        let post = try CivicInput.decisions(members: "４６", present: "40", lines: "同意清雪方案｜38｜1｜1\n\n同意收费 | 20 | 15 | 5")
        #expect(post.members == 46 && post.decisions.count == 2)
        #expect(post.decisions[0].passed(present: 40))
        #expect(!post.decisions[1].passed(present: 40))  // 20 of 40 is half, not more
        #expect(throws: ValidationFailure.self) { try CivicInput.decisions(members: "46", present: "40", lines: "") }
        // Counts too large to be votes are refused, never summed into an overflow.
        #expect(throws: ValidationFailure.self) {
            try CivicInput.decisions(members: "46", present: "40", lines: "甲｜9223372036854775807｜9223372036854775807｜1")
        }
        #expect(throws: ValidationFailure.self) {
            try CivicInput.appraisal(year: 2025, voters: "48", lines: "甲｜乙｜9223372036854775807｜9223372036854775807｜1")
        }
        do {
            _ = try CivicInput.decisions(members: "30", present: "40", lines: "甲｜30｜10｜1\n乙｜一｜0｜0\n丙")
            Issue.record("accepted")
        } catch {
            #expect(error.message.contains("实到代表（40）不能多于应到代表（30）"))
            #expect(error.message.contains("第 1 行的票数合计（41）多于实到代表（40）"))
            #expect(error.message.contains("第 2 行的票数请填写整数"))
            #expect(error.message.contains("第 3 行应写成“决议内容｜赞成｜反对｜弃权”"))
        }
    }

    @Test("Hearing actions: status in words, a done action needs its day, a deadline must be a date")
    func actions() throws {
        let post = try CivicInput.hearing(
            participants: "居民代表", decision: "施划停车位",
            actions: "施划车位｜刘建军｜2026-11-20\n安装标志｜居委会｜2026-12-15｜办理中\n通知商户｜王淑芬｜2026-11-15｜已办结｜2026-11-14")
        #expect(post.actions.map(\.status) == [.open, .inProgress, .done])
        #expect(post.actions[2].doneOn == CalendarDate("2026-11-14"))
        #expect(post.actions[0].rule.isOverdue(today: CalendarDate("2026-11-21")!))
        do {
            _ = try CivicInput.hearing(participants: "", decision: "x", actions: "甲｜乙｜下周\n丙｜丁｜2026-12-01｜已办结")
            Issue.record("accepted")
        } catch {
            #expect(error.issues.map(\.field).sorted() == ["actions", "actions", "participants"])
            #expect(error.message.contains("第 1 行的期限请写成 2026-12-31 这样的日期"))
            #expect(error.message.contains("第 2 行已办结，请写上办结日期"))
        }
    }

    @Test("Milestone rows: dates typed with full-width digits, progress with a percent sign; bad rows named")
    func milestones() throws {
        let step = try CivicInput.milestone(
            name: "更换管道", plannedStart: "２０２６-06-10", plannedEnd: "2026-07-10", actualStart: "", actualEnd: "", weight: "",
            status: "in_progress", percent: "60%")
        #expect(step.percent == 60 && step.weight == 1 && step.progress == 60)
        #expect(throws: ValidationFailure.self) {
            try CivicInput.milestone(
                name: "x", plannedStart: "2026-06-10", plannedEnd: "", actualStart: "", actualEnd: "", weight: "1", status: "done",
                percent: "")
        }
        do {
            _ = try CivicInput.milestone(
                name: "x", plannedStart: "2026-06-10", plannedEnd: "2026-06-01", actualStart: "", actualEnd: "", weight: "0",
                status: "in_progress", percent: "101")
            Issue.record("accepted")
        } catch {
            #expect(Set(error.issues.map(\.field)) == ["planned_end", "weight", "percent"])
        }
    }

    @Test("Appraisal: votes above the voters refused; approval is 满意 and 基本满意 over the votes cast")
    func appraisal() throws {
        let post = try CivicInput.appraisal(year: 2025, voters: "48", lines: "居委会班子｜班子整体｜41｜6｜1\n王建国｜居委会主任｜40｜7｜1")
        #expect(post.results[0].approval == 97)  // 47 of 48, rounded down
        #expect(throws: ValidationFailure.self) { try CivicInput.appraisal(year: 2025, voters: "10", lines: "甲｜乙｜8｜2｜1") }
        #expect(throws: ValidationFailure.self) { try CivicInput.appraisal(year: 2025, voters: "", lines: "甲｜乙｜8｜2｜0") }
    }

    @Test("A stage's notice: candidates and results need names")
    func stages() throws {
        #expect(throws: ValidationFailure.self) { try CivicInput.stage(.candidates, details: "正式候选人如下", count: "", names: "") }
        let post = try CivicInput.stage(.voterList, details: "选民名单已张贴", count: "16,820", names: "")
        #expect(post.count == 16820)
        #expect(post.markdown.contains("登记选民 16820 人"))
    }

    @Test("Posts in words: a bar typed in a cell cannot break the table; a post survives its stored form")
    func markdownAndStorage() throws {
        let post = CivicPost.honors(HonorsPost(year: 2026, entries: [.init(name: "刘|玉兰", category: "志愿者", deed: "巡逻\n两次")]))
        #expect(post.markdown.contains("| 刘｜玉兰 | 志愿者 | 巡逻 两次 |"))
        let html = Markdown.html(post.markdown)
        #expect(html.contains("<td>刘｜玉兰</td>"))
        let bulletin = CivicPost.bulletin(
            BulletinPost(
                period: Period("2026-Q3")!, disclosures: [.init(name: "定期公开", count: 7)], income: Fen(123_456), expense: Fen(100),
                projects: [.init(name: "文化广场", progress: 100)], feedbackReceived: 3, feedbackReplied: 2, feedbackOnTime: 1))
        let stored = try JSONEncoder().encode(bulletin)
        #expect(try JSONDecoder().decode(CivicPost.self, from: stored) == bulletin)
        #expect(String(decoding: stored, as: UTF8.self).contains("\"2026-Q3\""))
        #expect(bulletin.markdown.contains("本季度共公开 7 项：定期公开 7 项") && bulletin.markdown.contains("¥1,234.56"))
    }

    @Test("Meeting times typed as a datetime-local field sends them, in Shanghai time")
    func meetingTimes() {
        let time = ShanghaiTime.parseDateTime("2026-12-20T09:00")
        #expect(time.map(ShanghaiTime.iso8601) == "2026-12-20T09:00:00+08:00")
        #expect(ShanghaiTime.parseDateTime("2026-12-20 9:00") == nil)
        #expect(ShanghaiTime.parseDateTime("2026-12-20 24:00") == nil)
        #expect(ShanghaiTime.parseDateTime("下周一") == nil)
        #expect(time.map(ShanghaiTime.inputValue) == "2026-12-20T09:00")
    }
}
