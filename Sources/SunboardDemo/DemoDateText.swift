import Foundation
import SunboardApp
import SunboardCore

extension DemoShift {
    /// `text` with every date, month, quarter and year it names moved, as a
    /// clerk would have written it on the new days: “2026年3月24日（星期二）”,
    /// “3 月 24 日”, ““7·15”暴雨”, “2026-03-24”, “2026年第一季度”, “第一季度”,
    /// “12月办公经费”, “1至2月”, “2026—2027年冬季”, “2026 年工作规划”. A date
    /// written without its year is read as the one nearest `anchor`, the day
    /// the text was written; a year named alone moves as `anchor`'s does.
    func text(_ text: String, anchor: CalendarDate) -> String {
        let source = text as NSString
        let matches = DateText.expression.matches(in: text, range: NSRange(location: 0, length: source.length))
        guard !matches.isEmpty else { return text }
        var result = ""
        var last = 0
        for match in matches {
            result += source.substring(with: NSRange(location: last, length: match.range.location - last))
            let original = source.substring(with: match.range)
            result += replacement(for: match, in: source, anchor: anchor) ?? original
            last = match.range.location + match.range.length
        }
        return result + source.substring(from: last)
    }

    private func replacement(for match: NSTextCheckingResult, in source: NSString, anchor: CalendarDate) -> String? {
        func group(_ name: String) -> String? {
            let range = match.range(withName: name)
            return range.location == NSNotFound ? nil : source.substring(with: range)
        }
        func number(_ name: String) -> Int? { group(name).flatMap { Int($0) } ?? group(name).flatMap(DateText.quarter) }
        let spaced = source.substring(with: match.range).contains(" ")
        let s = spaced ? " " : ""
        let years = years(near: anchor)

        if let y = number("fy"), let m = number("fm"), let d = number("fd") {
            guard let date = CalendarDate(year: y, month: m, day: d) else { return nil }
            let moved = self(date)
            return "\(moved.year)\(s)年\(s)\(moved.month)\(s)月\(s)\(moved.day)\(s)日"
                + (group("fw") == nil ? "" : "（\(moved.chineseWeekday)）")
        }
        if let a = number("ra"), let b = number("rb"), let dash = group("rs") {
            return "\(a + years)\(dash)\(b + years)\(s)年"
        }
        if let y = number("qy"), let q = number("qq") {
            guard case .quarter(let year, let quarter) = self(Period.quarter(year: y, quarter: q)) else { return nil }
            return "\(year)\(s)年\(s)第\(DateText.quarterNames[quarter - 1])季度"
        }
        if let y = number("ymy"), let m = number("ymm"), (1...12).contains(m) {
            let moved = month(year: y, month: m)
            return "\(moved.year)\(s)年\(s)\(moved.month)\(s)月"
        }
        if let y = number("yy") {
            return "\(y + years)\(s)年"
        }
        if let y = number("iy"), let m = number("im") {
            if let d = number("id") {
                return CalendarDate(year: y, month: m, day: d).map { self($0).description }
            }
            guard (1...12).contains(m) else { return nil }
            return self(Period.month(year: y, month: m)).description
        }
        if let y = number("iqy"), let q = number("iqq") {
            return self(Period.quarter(year: y, quarter: q)).description
        }
        if let a = number("mra"), let b = number("mrb"), let dash = group("mrs") {
            guard let first = DateText.nearestMonth(a, to: anchor), let second = DateText.nearestMonth(b, to: anchor) else { return nil }
            return "\(month(year: first.year, month: a).month)\(s)\(dash)\(s)\(month(year: second.year, month: b).month)\(s)月"
        }
        if let m = number("mdm"), let d = number("mdd") {
            guard let date = DateText.nearestDay(month: m, day: d, to: anchor) else { return nil }
            let moved = self(date)
            return "\(moved.month)\(s)月\(s)\(moved.day)\(s)日" + (group("mdw") == nil ? "" : "（\(moved.chineseWeekday)）")
        }
        if let m = number("dm"), let d = number("dd") {
            guard let date = DateText.nearestDay(month: m, day: d, to: anchor) else { return nil }
            let moved = self(date)
            return "\(moved.month)·\(moved.day)"
        }
        if let q = number("bq") {
            let year = [anchor.year - 1, anchor.year, anchor.year + 1].min {
                abs(Period.quarter(year: $0, quarter: q).firstDay.days(until: anchor))
                    < abs(Period.quarter(year: $1, quarter: q).firstDay.days(until: anchor))
            }!
            guard case .quarter(_, let quarter) = self(Period.quarter(year: year, quarter: q)) else { return nil }
            return "第\(DateText.quarterNames[quarter - 1])季度"
        }
        if let m = number("bm") {
            guard let near = DateText.nearestMonth(m, to: anchor) else { return nil }
            return "\(month(year: near.year, month: m).month)\(s)月"
        }
        return nil
    }
}

/// The patterns `DemoShift.text` moves, longest first so that a full date
/// is read whole rather than as a year and a month.
private enum DateText {
    static let quarterNames = ["一", "二", "三", "四"]

    static func quarter(_ name: String) -> Int? {
        quarterNames.firstIndex(of: name).map { $0 + 1 } ?? Int(name)
    }

    static let expression: NSRegularExpression = {
        let year = #"(?:19|20)\d\d"#
        let weekday = #"（星期[一二三四五六日天]）"#
        let alternatives = [
            #"(?<fy>\#(year))\s*年\s*(?<fm>\d{1,2})\s*月\s*(?<fd>\d{1,2})\s*日(?<fw>\#(weekday))?"#,
            #"(?<ra>\#(year))\s*(?<rs>[—–-])\s*(?<rb>\#(year))\s*年"#,
            #"(?<qy>\#(year))\s*年\s*第(?<qq>[一二三四])季度"#,
            #"(?<ymy>\#(year))\s*年\s*(?<ymm>\d{1,2})\s*月"#,
            #"(?<yy>\#(year))\s*年"#,
            #"(?<iy>20\d\d)-(?<im>\d\d)(?:-(?<id>\d\d))?(?![\d-])"#,
            #"(?<iqy>20\d\d)-Q(?<iqq>[1-4])"#,
            #"(?<mra>\d{1,2})\s*(?<mrs>[至到、—–~-])\s*(?<mrb>\d{1,2})\s*月"#,
            #"(?<mdm>\d{1,2})\s*月\s*(?<mdd>\d{1,2})\s*日(?<mdw>\#(weekday))?"#,
            #"(?<dm>\d{1,2})·(?<dd>\d{1,2})"#,
            #"第(?<bq>[一二三四])季度"#,
            #"(?<bm>\d{1,2})\s*月"#,
        ]
        return try! NSRegularExpression(pattern: #"(?<![\d\-.])(?:"# + alternatives.joined(separator: "|") + ")")
    }()

    /// The day `month`/`day` in the year that puts it nearest `anchor`.
    static func nearestDay(month: Int, day: Int, to anchor: CalendarDate) -> CalendarDate? {
        [anchor.year - 1, anchor.year, anchor.year + 1].compactMap { CalendarDate(year: $0, month: month, day: day) }
            .min { abs($0.days(until: anchor)) < abs($1.days(until: anchor)) }
    }

    /// The middle of `month` in the year that puts it nearest `anchor`.
    static func nearestMonth(_ month: Int, to anchor: CalendarDate) -> CalendarDate? {
        guard (1...12).contains(month) else { return nil }
        return nearestDay(month: month, day: 15, to: anchor)
    }
}
