import Testing

@testable import SunboardCore

@Suite("Continuity: due dates, obligations under changing rules, statuses, the on-time record and the assessment")
struct ComplianceRulesTests {
    static func day(_ text: String) -> CalendarDate { CalendarDate(text)! }
    static let since2000 = day("2000-01-01")

    static func schedule(_ rules: [CatalogRule], since: CalendarDate = since2000) -> ObligationSchedule {
        ObligationSchedule(itemID: 1, rules: rules, since: since)
    }

    static let monthlyBy10th = CatalogRule(effectiveFrom: since2000, frequency: .monthly, dueRule: DueRule(monthsAfter: 1, day: 10))

    @Test("Due dates fall in Shanghai calendar months: month ends, short Februaries, leap years, quarters, years")
    func dueDates() {
        // “By the 31st of the next month” in a short month is its last day.
        let endOfNext = DueRule(monthsAfter: 1, day: 31)
        #expect(endOfNext.dueDate(for: .month(year: 2026, month: 1)) == Self.day("2026-02-28"))
        #expect(endOfNext.dueDate(for: .month(year: 2028, month: 1)) == Self.day("2028-02-29"))
        #expect(endOfNext.dueDate(for: .month(year: 2026, month: 3)) == Self.day("2026-04-30"))
        // December's report is due in January of the next year.
        #expect(DueRule(monthsAfter: 1, day: 10).dueDate(for: .month(year: 2026, month: 12)) == Self.day("2027-01-10"))
        // Quarterly by the 20th of the month after; the fourth quarter crosses the year.
        #expect(DueRule(monthsAfter: 1, day: 20).dueDate(for: .quarter(year: 2026, quarter: 3)) == Self.day("2026-10-20"))
        #expect(DueRule(monthsAfter: 1, day: 20).dueDate(for: .quarter(year: 2026, quarter: 4)) == Self.day("2027-01-20"))
        // A year's plan due by 31 January of that year.
        #expect(DueRule(monthsAfter: -11, day: 31).dueDate(for: .year(2026)) == Self.day("2026-01-31"))
        #expect(Period.month(year: 2026, month: 12).next == .month(year: 2027, month: 1))
        #expect(Period.quarter(year: 2026, quarter: 4).next == .quarter(year: 2027, quarter: 1))
    }

    @Test("An item added mid-period is first owed for the next whole period")
    func createdMidPeriod() {
        let added = CatalogRule(effectiveFrom: Self.day("2026-10-15"), frequency: .monthly, dueRule: DueRule(monthsAfter: 1, day: 10))
        let schedule = Self.schedule([added])
        #expect(schedule.due(for: .month(year: 2026, month: 10)) == nil)
        #expect(schedule.due(for: .month(year: 2026, month: 11)) == Self.day("2026-12-10"))
        let quarterly = Self.schedule([
            CatalogRule(effectiveFrom: Self.day("2026-10-01"), frequency: .quarterly, dueRule: DueRule(monthsAfter: 1, day: 20))
        ])
        #expect(quarterly.due(for: .quarter(year: 2026, quarter: 4)) == Self.day("2027-01-20"))  // added on the quarter's first day
        #expect(quarterly.due(for: .quarter(year: 2026, quarter: 3)) == nil)
        #expect(quarterly.due(for: .month(year: 2026, month: 11)) == nil)  // not a monthly item
    }

    @Test("A change applies from its effective day and never rewrites the past")
    func ruleChanges() {
        let toQuarterly = CatalogRule(
            effectiveFrom: Self.day("2026-10-15"), frequency: .quarterly, dueRule: DueRule(monthsAfter: 1, day: 20))
        let schedule = Self.schedule([toQuarterly, Self.monthlyBy10th])  // any order
        #expect(schedule.due(for: .month(year: 2026, month: 9)) == Self.day("2026-10-10"))
        #expect(schedule.due(for: .month(year: 2026, month: 10)) == Self.day("2026-11-10"))  // began under the old rule
        #expect(schedule.due(for: .month(year: 2026, month: 11)) == nil)
        #expect(schedule.due(for: .quarter(year: 2026, quarter: 4)) == nil)
        #expect(schedule.due(for: .quarter(year: 2027, quarter: 1)) == Self.day("2027-04-20"))
        // A later due day changes only the periods from then on.
        let laterDay = CatalogRule(effectiveFrom: Self.day("2026-06-01"), frequency: .monthly, dueRule: DueRule(monthsAfter: 1, day: 15))
        let moved = Self.schedule([Self.monthlyBy10th, laterDay])
        #expect(moved.due(for: .month(year: 2026, month: 5)) == Self.day("2026-06-10"))
        #expect(moved.due(for: .month(year: 2026, month: 6)) == Self.day("2026-07-15"))
        // Switched off, then on again.
        let off = CatalogRule(
            effectiveFrom: Self.day("2026-03-01"), frequency: .monthly, dueRule: DueRule(monthsAfter: 1, day: 10), isActive: false)
        let on = CatalogRule(effectiveFrom: Self.day("2026-05-01"), frequency: .monthly, dueRule: DueRule(monthsAfter: 1, day: 10))
        let paused = Self.schedule([Self.monthlyBy10th, off, on])
        #expect(
            paused.obligations(dueFrom: Self.day("2026-01-01"), through: Self.day("2026-12-31")).map(\.period.description) == [
                "2025-12", "2026-01", "2026-02", "2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10", "2026-11",
            ])
    }

    @Test("A community founded in April owes nothing for the periods before")
    func newCommunity() {
        let schedule = Self.schedule([Self.monthlyBy10th], since: Self.day("2026-04-01"))
        let owed = schedule.obligations(dueFrom: Self.day("2026-01-01"), through: Self.day("2026-12-31"))
        #expect(owed.first?.period == .month(year: 2026, month: 4))
        #expect(owed.count == 8)  // April to November, due May to December
    }

    @Test("Statuses: on time, late by days, missing by days, upcoming, due today")
    func statuses() {
        let due = Self.day("2026-11-10")
        #expect(ObligationStatus(due: due, published: Self.day("2026-11-10"), today: Self.day("2026-11-27")) == .onTime)
        #expect(ObligationStatus(due: due, published: Self.day("2026-10-31"), today: Self.day("2026-11-01")) == .onTime)
        #expect(ObligationStatus(due: due, published: Self.day("2026-11-13"), today: Self.day("2026-11-27")) == .late(days: 3))
        #expect(ObligationStatus(due: due, published: nil, today: Self.day("2026-11-27")) == .missing(days: 17))
        #expect(ObligationStatus(due: due, published: nil, today: Self.day("2026-11-05")) == .upcoming(days: 5))
        #expect(ObligationStatus(due: due, published: nil, today: due).chinese == "今天到期")
        #expect(ObligationStatus.late(days: 3).chinese == "迟报 3 天" && ObligationStatus.missing(days: 17).chinese == "缺报（逾期 17 天）")
        // Across a leap day.
        #expect(
            ObligationStatus(due: Self.day("2028-02-28"), published: Self.day("2028-03-01"), today: Self.day("2028-03-05"))
                == .late(days: 2))
    }

    @Test("The record counts what fell due; upcoming items count for nothing yet")
    func record() {
        let record = OnTimeRecord([.onTime, .onTime, .onTime, .late(days: 2), .missing(days: 5), .upcoming(days: 3)])
        #expect(record.due == 5 && record.onTime == 3 && record.late == 1 && record.missing == 1 && record.upcoming == 1)
        #expect(record.onTimeRate == 0.6 && record.completeness == 0.8)
        #expect(record.chinese == "到期 5 项，按时 3 项（60%），迟报 1 项，缺报 1 项。")
        #expect(OnTimeRecord().onTimeRate == 1 && OnTimeRecord().chinese == "还没有到期的定期公开事项。")
    }

    @Test("Weights are whole numbers adding up to 100; the score is their weighted shares; equal scores share a rank")
    func assessment() throws {
        #expect(try AssessmentWeights.parse(onTime: "40", completeness: "30", feedback: "20", objections: "10") == .standard)
        do {
            _ = try AssessmentWeights.parse(onTime: "50", completeness: "30", feedback: "20", objections: "10")
            Issue.record("accepted 110")
        } catch {
            #expect(error.message == "四项分值加起来要等于 100，现在是 110。")
        }
        #expect(throws: ValidationFailure.self) {
            try AssessmentWeights.parse(onTime: "-5", completeness: "x", feedback: "20", objections: "85")
        }

        let facts = AssessmentFacts(
            record: OnTimeRecord([.onTime, .onTime, .onTime, .late(days: 2), .missing(days: 5)]), feedbackDue: 4, feedbackOnTime: 3,
            objections: 0, objectionsAnswered: 0)
        let score = AssessmentScore(facts: facts, weights: .standard)
        #expect(score.parts.map(\.points) == [24, 24, 15, 10])
        #expect(score.total == 73)
        #expect(score.parts[0].basis == "按时 3 / 到期 5")
        #expect(AssessmentScore.ranks([73, 91.5, 73, 60]) == [2, 1, 2, 4])
    }
}
