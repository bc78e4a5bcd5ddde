import Foundation
import Testing

@testable import SunboardCore

@Suite("Days, periods and due dates")
struct CalendarTests {
    @Test func calendarDates() throws {
        let date = try #require(CalendarDate("2026-11-27"))
        #expect(date.description == "2026-11-27")
        #expect(date.chinese == "2026年11月27日")
        #expect(date.adding(days: 5).description == "2026-12-02")
        #expect(date.adding(days: -27).description == "2026-10-31")
        #expect(CalendarDate("2028-02-28")!.adding(days: 1).description == "2028-02-29")
        #expect(CalendarDate("2026-02-28")!.adding(days: 1).description == "2026-03-01")
        #expect(CalendarDate("2026-01-31")!.adding(months: 1).description == "2026-02-28")
        #expect(CalendarDate("2024-01-31")!.adding(months: 1).description == "2024-02-29")
        #expect(CalendarDate("2026-01-01")!.days(until: CalendarDate("2027-01-01")!) == 365)
        for bad in ["2026-02-30", "2026-13-01", "26-01-01", "2026/01/01", "", "2026-1-1"] {
            #expect(CalendarDate(bad) == nil, "\(bad)")
        }
    }

    @Test("A UTC instant falls on the Shanghai day")
    func shanghaiDay() {
        // 2026-11-27 16:30 UTC is already the 28th in Shanghai.
        #expect(CalendarDate(Date(timeIntervalSince1970: 1_795_797_000)).description == "2026-11-28")
        #expect(CalendarDate("2026-11-28")!.startInstant == Date(timeIntervalSince1970: 1_795_795_200))
    }

    @Test("Weekdays as the Chinese week counts them, Monday first")
    func weekdays() {
        #expect(CalendarDate("2026-03-24")!.chineseWeekday == "星期二")
        #expect(CalendarDate("2028-02-29")!.chineseWeekday == "星期二")
        #expect(CalendarDate("2026-11-29")!.weekday == 7)
        #expect(CalendarDate("2026-11-30")!.weekday == 1)
    }

    @Test("A clock moved to another day keeps its time of day and keeps running")
    func shiftedClock() {
        // 2026-12-04 23:30 in Shanghai.
        let base = CalendarDate("2026-12-04")!.startInstant.addingTimeInterval(23.5 * 3600)
        let clock = WallClock.shifted(to: CalendarDate("2028-02-29")!, from: .fixed(base))
        #expect(CalendarDate(clock.now).description == "2028-02-29")
        #expect(clock.now.timeIntervalSince(CalendarDate("2028-02-29")!.startInstant) == 23.5 * 3600)
        // The machine's clock runs on: an hour later it is past midnight on the moved day too.
        final class Machine: @unchecked Sendable { var now: Date = .distantPast }
        let machine = Machine()
        machine.now = base
        let running = WallClock.shifted(to: CalendarDate("2028-02-29")!, from: WallClock { machine.now })
        machine.now = base.addingTimeInterval(3600)
        #expect(CalendarDate(running.now).description == "2028-03-01")
    }

    @Test func periods() throws {
        #expect(Period("2026-10") == .month(year: 2026, month: 10))
        #expect(Period("2026-q3") == .quarter(year: 2026, quarter: 3))
        #expect(Period(" 2026 ") == .year(2026))
        for bad in ["2026-13", "2026-Q5", "2026-1", "26", "2026-10-01", "二〇二六", ""] {
            #expect(Period(bad) == nil, "\(bad)")
        }
        #expect(Period.quarter(year: 2026, quarter: 3).chinese == "2026年第三季度")
        #expect(Period.quarter(year: 2026, quarter: 1).lastDay.description == "2026-03-31")
        #expect(Period.month(year: 2028, month: 2).lastDay.description == "2028-02-29")
        #expect(Period.month(year: 2026, month: 1).previous == .month(year: 2025, month: 12))
        #expect(Period.containing(CalendarDate("2026-08-15")!, frequency: .quarterly) == .quarter(year: 2026, quarter: 3))
        #expect(Period.year(2026).contains(CalendarDate("2026-12-31")!))
    }

    @Test("Due dates follow the rule: the 10th of next month, the 20th after a quarter, January of the year itself")
    func dueDates() {
        #expect(DueRule(monthsAfter: 1, day: 10).dueDate(for: .month(year: 2026, month: 10)).description == "2026-11-10")
        #expect(DueRule(monthsAfter: 1, day: 10).dueDate(for: .month(year: 2026, month: 12)).description == "2027-01-10")
        #expect(DueRule(monthsAfter: 1, day: 20).dueDate(for: .quarter(year: 2026, quarter: 3)).description == "2026-10-20")
        #expect(DueRule(monthsAfter: -11, day: 31).dueDate(for: .year(2026)).description == "2026-01-31")
        #expect(DueRule(monthsAfter: 1, day: 31).dueDate(for: .month(year: 2026, month: 1)).description == "2026-02-28")
        #expect(DueRule(monthsAfter: 1, day: 31).dueDate(for: .month(year: 2028, month: 1)).description == "2028-02-29")
        #expect(DueRule(monthsAfter: 1, day: 10).chinese(for: .monthly) == "次月10日前")
        #expect(DueRule(monthsAfter: 1, day: 20).chinese(for: .quarterly) == "下季度首月20日前")
        #expect(DueRule(monthsAfter: -11, day: 31).chinese(for: .yearly) == "当年1月31日前")
    }

    @Test("Money is read as people type yuan and kept in fen")
    func money() {
        #expect(Fen(yuan: "12,345.67")?.value == 1_234_567)
        #expect(Fen(yuan: "¥ 408")?.value == 40_800)
        #expect(Fen(yuan: "１２．５")?.value == 1_250)
        #expect(Fen(yuan: "-50")?.value == -5_000)
        for bad in ["12.345", "1e3", "", "abc", "12.", ".5", "--1"] {
            #expect(Fen(yuan: bad) == nil, "\(bad)")
        }
        #expect(Fen(1_234_567).yuan == "¥12,345.67")
        #expect(Fen(5).yuan == "¥0.05")
        #expect(Fen(-40_800).plainYuan == "-408.00")
    }
}
