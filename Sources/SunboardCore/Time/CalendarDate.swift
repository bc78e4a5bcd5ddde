import Foundation

/// A day on the calendar as people in China read it (Asia/Shanghai): no
/// time, no zone. Stored as `YYYY-MM-DD` text, which sorts by date.
public struct CalendarDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// `nil` unless the three numbers name a real day (30 February does not).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month), (1...Self.daysIn(year: year, month: month)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Reads `2026-11-27`.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// The day an instant falls on in Shanghai.
    public init(_ instant: Date) {
        let parts = ShanghaiTime.calendar.dateComponents([.year, .month, .day], from: instant)
        self.year = parts.year!
        self.month = parts.month!
        self.day = parts.day!
    }

    public var description: String {
        "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
    }

    /// “2026年11月27日”
    public var chinese: String { "\(year)年\(month)月\(day)日" }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public static let earliest = CalendarDate(year: 1, month: 1, day: 1)!
    public static let latest = CalendarDate(year: 9999, month: 12, day: 31)!

    /// The day `count` days later (earlier when negative), kept within
    /// years 1 to 9999.
    public func adding(days count: Int) -> CalendarDate {
        let target = julianDay + count
        if target > Self.latest.julianDay { return Self.latest }
        if target < Self.earliest.julianDay { return Self.earliest }
        var julian = target
        // Inverse of `julianDay` (Fliegel & Van Flandern).
        julian += 68569
        let n = 4 * julian / 146097
        julian -= (146097 * n + 3) / 4
        let i = 4000 * (julian + 1) / 1461001
        julian -= 1461 * i / 4 - 31
        let j = 80 * julian / 2447
        let day = julian - 2447 * j / 80
        let l = j / 11
        let month = j + 2 - 12 * l
        let year = 100 * (n - 49) + i + l
        return CalendarDate(year: year, month: month, day: day)!
    }

    /// The day of the week, 1 (Monday) to 7 (Sunday), as the Chinese week counts.
    public var weekday: Int { julianDay % 7 + 1 }

    /// “星期二”
    public var chineseWeekday: String { "星期" + ["一", "二", "三", "四", "五", "六", "日"][weekday - 1] }

    /// Days from `self` to `other`: positive when `other` is later.
    public func days(until other: CalendarDate) -> Int { other.julianDay - julianDay }

    /// The same day of the month `count` months later, or the month's last
    /// day when it is shorter (31 January + 1 month = 28 or 29 February);
    /// kept within years 1 to 9999.
    public func adding(months count: Int) -> CalendarDate {
        let index = min(max(year * 12 + (month - 1) + count, 12), 9999 * 12 + 11)
        let year = index / 12
        let month = index % 12 + 1
        return CalendarDate(year: year, month: month, day: min(day, Self.daysIn(year: year, month: month)))!
    }

    /// Midnight at the start of this day in Shanghai, as an instant.
    public var startInstant: Date {
        ShanghaiTime.calendar.date(from: DateComponents(year: year, month: month, day: day))!
    }

    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysIn(year: Int, month: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// The Julian day number, for counting days across months and years.
    private var julianDay: Int {
        let a = (14 - month) / 12
        let y = year + 4800 - a
        let m = month + 12 * a - 3
        return day + (153 * m + 2) / 5 + 365 * y + y / 4 - y / 100 + y / 400 - 32045
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = CalendarDate(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a date: \(text)"))
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
