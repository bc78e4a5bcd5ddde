import Foundation

/// Times are stored in UTC and shown in China Standard Time (Asia/Shanghai).
///
/// China has kept UTC+8 without daylight saving since 1991, so the fixed
/// offset is used when the system has no time zone database.
public enum ShanghaiTime {
    public static let timeZone: TimeZone = TimeZone(identifier: "Asia/Shanghai") ?? TimeZone(secondsFromGMT: 8 * 3600)!

    public static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        calendar.locale = Locale(identifier: "zh_CN")
        return calendar
    }()

    /// “2026年11月27日”
    public static func date(_ instant: Date) -> String {
        let parts = calendar.dateComponents([.year, .month, .day], from: instant)
        return "\(parts.year!)年\(parts.month!)月\(parts.day!)日"
    }

    /// “2026年11月27日 16:05”
    public static func dateTime(_ instant: Date) -> String {
        let parts = calendar.dateComponents([.hour, .minute], from: instant)
        return "\(date(instant)) \(twoDigits(parts.hour!)):\(twoDigits(parts.minute!))"
    }

    /// “2026-11-27T16:05:00+08:00”, for `<time datetime>` and feeds.
    public static func iso8601(_ instant: Date) -> String {
        let p = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: instant)
        return
            "\(p.year!)-\(twoDigits(p.month!))-\(twoDigits(p.day!))T\(twoDigits(p.hour!)):\(twoDigits(p.minute!)):\(twoDigits(p.second!))+08:00"
    }

    /// A Shanghai time typed “2026-12-20 09:00” (or as a `datetime-local`
    /// field sends it, “2026-12-20T09:00”); `nil` when it is not one.
    public static func parseDateTime(_ text: String) -> Date? {
        let parts = text.trimmed.split(whereSeparator: { $0 == " " || $0 == "T" })
        guard parts.count == 2, let day = CalendarDate(String(parts[0])) else { return nil }
        let clock = parts[1].split(separator: ":")
        guard clock.count == 2 || clock.count == 3, let hour = Int(clock[0]), let minute = Int(clock[1]), (0..<24).contains(hour),
            (0..<60).contains(minute), clock[0].count == 2, clock[1].count == 2
        else { return nil }
        return day.startInstant.addingTimeInterval(Double(hour * 3600 + minute * 60))
    }

    /// “2026-12-20T09:00”, as a `datetime-local` field shows it again.
    public static func inputValue(_ instant: Date) -> String {
        let p = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: instant)
        return "\(p.year!)-\(twoDigits(p.month!))-\(twoDigits(p.day!))T\(twoDigits(p.hour!)):\(twoDigits(p.minute!))"
    }

    private static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : String(value)
    }
}
