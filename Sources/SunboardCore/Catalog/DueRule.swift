/// When a periodic item is due: on a given day of a month counted from the
/// end of the period. “Monthly, due by the 10th of the next month” is
/// `DueRule(monthsAfter: 1, day: 10)`; “quarterly, due by the 20th of the
/// quarter's first month” (the month after the quarter) is `(1, 20)`; a
/// year's plan due by 31 January of that year is `(-11, 31)`.
public struct DueRule: Sendable, Hashable, Codable {
    /// Months after the period's last month; 0 is the last month itself,
    /// negative counts back into the period.
    public var monthsAfter: Int
    /// Day of that month; a day past the month's end means its last day.
    public var day: Int

    public init(monthsAfter: Int, day: Int) {
        self.monthsAfter = monthsAfter
        self.day = day
    }

    public func dueDate(for period: Period) -> CalendarDate {
        let last = period.lastDay
        let month = CalendarDate(year: last.year, month: last.month, day: 1)!.adding(months: monthsAfter)
        return CalendarDate(
            year: month.year, month: month.month, day: min(max(day, 1), CalendarDate.daysIn(year: month.year, month: month.month)))!
    }

    /// The rule in words, for a period of the given length: “次月10日前”,
    /// “下季度首月20日前”, “当年1月31日前”.
    public func chinese(for frequency: Frequency) -> String {
        switch frequency {
        case .monthly:
            switch monthsAfter {
            case 0: return "当月\(day)日前"
            case 1: return "次月\(day)日前"
            default: return monthsAfter > 0 ? "期满后第\(monthsAfter)个月\(day)日前" : "提前\(-monthsAfter)个月的\(day)日前"
            }
        case .quarterly:
            switch monthsAfter {
            case 0: return "季度末月\(day)日前"
            case 1: return "下季度首月\(day)日前"
            default: return monthsAfter > 0 ? "季度结束后第\(monthsAfter)个月\(day)日前" : "季度内第\(3 + monthsAfter)个月\(day)日前"
            }
        case .yearly:
            let month = 12 + monthsAfter
            if (1...12).contains(month) { return "当年\(month)月\(day)日前" }
            if (13...24).contains(month) { return "次年\(month - 12)月\(day)日前" }
            return "期满后第\(monthsAfter)个月\(day)日前"
        }
    }
}
