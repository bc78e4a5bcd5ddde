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

    private static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : String(value)
    }
}
