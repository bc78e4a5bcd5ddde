import Testing

@testable import SunboardCore

@Suite("Civic processes: election deadlines and order, milestones, progress roll-up, hearing actions")
struct CivicRulesTests {
    static func day(_ text: String) -> CalendarDate { CalendarDate(text)! }

    @Test("Deadlines count back from the vote: voter list 20 days, candidates 5 days; objections 5 days, answers 3")
    func deadlines() {
        let calendar = ElectionCalendar(voteOn: Self.day("2026-12-20"))
        #expect(calendar.deadline(.voterList) == Self.day("2026-11-30"))
        #expect(calendar.deadline(.candidates) == Self.day("2026-12-15"))
        #expect(calendar.deadline(.announcement) == Self.day("2026-11-20"))
        #expect(calendar.deadline(.results) == Self.day("2026-12-20"))
        #expect(calendar.objectionsClose(voterListPostedOn: Self.day("2026-11-28")) == Self.day("2026-12-03"))
        #expect(calendar.answerDue(objectionOn: Self.day("2026-12-02")) == Self.day("2026-12-05"))
        // Across a month end and a leap day.
        #expect(ElectionCalendar(voteOn: Self.day("2028-03-10")).deadline(.voterList) == Self.day("2028-02-19"))
    }

    @Test("The timeline: done on time, done late, the next step overdue, steps to come")
    func timeline() {
        let calendar = ElectionCalendar(voteOn: Self.day("2026-12-20"))
        let timeline = ElectionTimeline(
            calendar: calendar, done: [.announcement: Self.day("2026-11-18"), .voterList: Self.day("2026-12-02")],
            today: Self.day("2026-12-10"))
        #expect(timeline.steps.map(\.stage) == ElectionStage.allCases)
        #expect(timeline.steps[0].state == .done(on: Self.day("2026-11-18"), late: 0))
        #expect(timeline.steps[1].state == .done(on: Self.day("2026-12-02"), late: 2) && timeline.steps[1].missedDeadline)
        #expect(timeline.steps[2].state == .next(overdue: 2))  // nominations were due 8 December
        #expect(timeline.steps[2].chinese == "已过期限 2 天，尚未完成")
        #expect(timeline.steps[3].state == .later && !timeline.steps[3].missedDeadline)
    }

    @Test("Stages come in order: no candidates before the voter list, no stage twice")
    func order() throws {
        try ElectionTimeline.check(publishing: .announcement, done: [])
        try ElectionTimeline.check(publishing: .voterList, done: [.announcement])
        #expect(throws: CivicError.stageOutOfOrder(.candidates, before: .voterList)) {
            try ElectionTimeline.check(publishing: .candidates, done: [.announcement])
        }
        #expect(throws: CivicError.stageDone(.announcement)) {
            try ElectionTimeline.check(publishing: .announcement, done: [.announcement])
        }
        #expect(CivicError.stageOutOfOrder(.results, before: .voting).message == "还不能“公布选举结果”：要先完成“投票选举”。")
    }

    @Test("Milestones: an end before the start, a percentage over 100 and a done step without its date are refused")
    func milestones() throws {
        let good = Milestone(
            name: " 管道开挖 ", plannedStart: Self.day("2026-05-01"), plannedEnd: Self.day("2026-05-31"), weight: 3, status: .inProgress,
            percent: 40)
        #expect(try good.validated().name == "管道开挖")
        var bad = good
        bad.plannedEnd = Self.day("2026-04-30")
        bad.percent = 120
        do {
            _ = try bad.validated()
            Issue.record("accepted")
        } catch {
            #expect(Set(error.issues.map(\.field)) == ["planned_end", "percent"])
            #expect(error.message(for: "percent") == "进度请填 0 到 100 之间的数（现在是 120）。")
        }
        var done = good
        done.status = .done
        #expect(throws: ValidationFailure.self) { try done.validated() }
        #expect(good.isLate(today: Self.day("2026-06-01")) && !good.isLate(today: Self.day("2026-05-31")))
    }

    @Test("Progress rolls up by weight from the steps' statuses, and from child projects")
    func rollUp() {
        let steps = [
            Milestone(name: "设计", plannedStart: Self.day("2026-03-01"), plannedEnd: Self.day("2026-03-31"), weight: 1, status: .done),
            Milestone(
                name: "施工", plannedStart: Self.day("2026-04-01"), plannedEnd: Self.day("2026-08-31"), weight: 6, status: .inProgress,
                percent: 50),
            Milestone(name: "验收", plannedStart: Self.day("2026-09-01"), plannedEnd: Self.day("2026-09-30"), weight: 1),
        ]
        #expect(Progress.of(steps) == 50)  // (100 + 300 + 0) / 8
        #expect(Progress.rollUp([(weight: 2, percent: 100), (weight: 1, percent: 40)]) == 80)
        #expect(Progress.rollUp([(weight: 1, percent: 99), (weight: 1, percent: 100)]) == 99)  // never 100 too early
        #expect(Progress.rollUp([]) == 0 && Progress.rollUp([(weight: 0, percent: 50)]) == 0)
        #expect(Progress.rollUp([(weight: 1, percent: 150)]) == 100)
    }

    @Test("Hearing actions: overdue while open past the deadline; done late is remembered")
    func actions() {
        var action = FollowUpAction(action: "增设两个雨水口", owner: "施工单位", deadline: Self.day("2026-10-31"))
        #expect(!action.isOverdue(today: Self.day("2026-10-31")) && action.isOverdue(today: Self.day("2026-11-01")))
        action.status = .done
        action.doneOn = Self.day("2026-11-04")
        #expect(!action.isOverdue(today: Self.day("2026-11-27")) && action.wasLate)
    }

    @Test("Voting and results come on the voting day, never before")
    func voteDay() throws {
        let vote = Self.day("2026-12-12")
        #expect(throws: CivicError.beforeVote(.results, vote)) {
            try ElectionTimeline.checkVoteDay(.results, voteOn: vote, today: Self.day("2026-12-11"))
        }
        #expect(throws: CivicError.beforeVote(.voting, vote)) {
            try ElectionTimeline.checkVoteDay(.voting, voteOn: vote, today: Self.day("2026-11-30"))
        }
        try ElectionTimeline.checkVoteDay(.results, voteOn: vote, today: vote)
        try ElectionTimeline.checkVoteDay(.candidates, voteOn: vote, today: Self.day("2026-12-01"))
    }
}
