import Foundation
import SunboardCore
import Testing

@testable import SunboardApp
@testable import SunboardDemo

@Suite("The demo's calendar: moving the written year to the present")
struct DemoCalendarTests {
    static func day(_ text: String) -> CalendarDate { CalendarDate(text)! }

    @Test(
        "Dates in words move as a clerk would have written them",
        arguments: [
            // A full date keeps its style and gets its new weekday.
            (DemoShift.months(12), "2026-03-10", "2026年3月24日（星期二）上午9:00", "2027年3月24日（星期三）上午9:00"),
            (.days(92), "2026-11-24", "公示期为 2026 年 11 月 24 日至 11 月 30 日。", "公示期为 2027 年 2 月 24 日至 3 月 2 日。"),
            // Into a leap year: the days are counted, 29 February included.
            (.days(458), "2026-11-24", "公示期为 2026 年 11 月 24 日至 11 月 30 日。", "公示期为 2028 年 2 月 25 日至 3 月 2 日。"),
            // A month named alone is the one nearest the day the text was written.
            (.months(2), "2025-12-02", "办事处拨付12月办公经费", "办事处拨付2月办公经费"),
            (.months(3), "2026-03-10", "通报1至2月办公经费收支情况", "通报4至5月办公经费收支情况"),
            (.months(1), "2026-05-20", "6 月底前完成", "7 月底前完成"),
            // Quarters, with and without their year.
            (.months(3), "2026-10-15", "银城社区工作简报（2026年第三季度）", "银城社区工作简报（2026年第四季度）"),
            (.months(6), "2026-10-15", "银城社区工作简报（2026年第三季度）", "银城社区工作简报（2027年第一季度）"),
            (.months(3), "2026-04-13", "3 月 24 日召开第一季度成员代表大会", "6 月 24 日召开第二季度成员代表大会"),
            // Years alone move as the day the text was written does.
            (.months(12), "2026-01-05", "于 2021 年换届选举产生，任期至 2026 年。", "于 2022 年换届选举产生，任期至 2027 年。"),
            (.days(40), "2026-11-26", "2026—2027年冬季清雪责任区划分", "2027—2028年冬季清雪责任区划分"),
            (.days(10), "2026-07-26", "为北部乡镇“7·15”暴雨受灾群众捐款", "为北部乡镇“7·25”暴雨受灾群众捐款"),
            // Across a year's end, a date written without its year stays the nearest one.
            (.days(10), "2026-12-28", "12 月 30 日至 1 月 3 日停水", "1 月 9 日至 1 月 13 日停水"),
            // As fields are typed.
            (.months(1), "2026-01-13", "2026-01-13", "2026-02-13"),
            (.months(3), "2026-10-15", "2026-10 和 2026-Q3", "2027-01 和 2026-Q4"),
        ])
    func words(shift: DemoShift, written: String, text: String, moved: String) {
        #expect(shift.text(text, anchor: Self.day(written)) == moved)
    }

    @Test("Numbers that are not dates stay as they are")
    func notDates() {
        let text = "电话 0912-3210101，决算 279300 元，分 3 个月付清，使用 50 年，1116 家商户，2500.00 元，身份证 612722195803120017"
        for shift in [DemoShift.days(400), .months(7), .months(-5)] {
            #expect(shift.text(text, anchor: Self.day("2026-06-01")) == text)
        }
    }

    @Test("On every day of six years, the written day becomes today and each kind of content keeps its calendar")
    func everyDay() {
        var today = Self.day("2026-01-01")
        let writtenMonth = Period.month(year: 2026, month: 11)
        let writtenQuarter = Period.quarter(year: 2026, quarter: 4)
        while today <= Self.day("2031-12-31") {
            let calendar = DemoCalendar(now: today.startInstant.addingTimeInterval(12 * 3600))
            #expect(calendar.daily(DemoCalendar.written) == today)
            // By months: the written month becomes this month, every line keeps its day.
            #expect(calendar.monthly(writtenMonth) == Period.containing(today, frequency: .monthly))
            #expect(calendar.monthly(Self.day("2026-03-05")).day == 5)
            // By quarters: the written quarter becomes this one, and a quarter stays a quarter.
            #expect(calendar.quarterly(writtenQuarter) == Period.containing(today, frequency: .quarterly))
            #expect(calendar.quarterly(Self.day("2026-07-01")) == calendar.quarterly(Period.quarter(year: 2026, quarter: 3)).firstDay)
            // By years: the latest year in which the day is past.
            for written in [Self.day("2026-01-20"), Self.day("2026-04-10"), Self.day("2026-12-31")] {
                let moved = calendar.yearly(written)(written)
                #expect(moved < today && today <= moved.adding(months: 12), "\(written) on \(today)")
            }
            today = today.adding(days: 1)
        }
    }

    @Test("Moving keeps the order of days and the time of day")
    func order() {
        let instant = Self.day("2026-01-31").startInstant.addingTimeInterval(9.5 * 3600)
        let moved = DemoShift.months(1).instant(instant)
        #expect(CalendarDate(moved) == Self.day("2026-02-28"))
        #expect(moved.timeIntervalSince(CalendarDate(moved).startInstant) == 9.5 * 3600)
        for shift in [DemoShift.days(37), .months(1), .months(13)] {
            var day = Self.day("2025-12-01")
            while day < Self.day("2026-12-31") {
                #expect(shift(day) <= shift(day.adding(days: 1)))
                day = day.adding(days: 1)
            }
        }
    }
}
