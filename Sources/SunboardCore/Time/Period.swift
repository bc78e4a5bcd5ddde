/// The stretch of time a disclosure covers: a month (`2026-10`), a quarter
/// (`2026-Q3`) or a year (`2026`).
public enum Period: Sendable, Hashable, Comparable, CustomStringConvertible {
    case month(year: Int, month: Int)
    case quarter(year: Int, quarter: Int)
    case year(Int)

    /// Reads `2026-10`, `2026-Q3` (or `2026-q3`) and `2026`.
    public init?(_ text: String) {
        let text = text.trimmed.uppercased()
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, first.count == 4, first.allSatisfy(\.isASCIIDigit), let year = Int(first), year >= 1900, year <= 9999
        else { return nil }
        switch parts.count {
        case 1:
            self = .year(year)
        case 2 where parts[1].hasPrefix("Q"):
            guard parts[1].count == 2, let quarter = Int(parts[1].dropFirst()), (1...4).contains(quarter) else { return nil }
            self = .quarter(year: year, quarter: quarter)
        case 2:
            guard parts[1].count == 2, parts[1].allSatisfy(\.isASCIIDigit), let month = Int(parts[1]), (1...12).contains(month) else {
                return nil
            }
            self = .month(year: year, month: month)
        default:
            return nil
        }
    }

    public var description: String {
        switch self {
        case .month(let year, let month): "\(year)-\(month < 10 ? "0" : "")\(month)"
        case .quarter(let year, let quarter): "\(year)-Q\(quarter)"
        case .year(let year): "\(year)"
        }
    }

    /// “2026年10月”, “2026年第三季度”, “2026年”.
    public var chinese: String {
        switch self {
        case .month(let year, let month): "\(year)年\(month)月"
        case .quarter(let year, let quarter): "\(year)年第\(["一", "二", "三", "四"][quarter - 1])季度"
        case .year(let year): "\(year)年"
        }
    }

    public var frequency: Frequency {
        switch self {
        case .month: .monthly
        case .quarter: .quarterly
        case .year: .yearly
        }
    }

    public var firstDay: CalendarDate {
        switch self {
        case .month(let year, let month): CalendarDate(year: year, month: month, day: 1)!
        case .quarter(let year, let quarter): CalendarDate(year: year, month: quarter * 3 - 2, day: 1)!
        case .year(let year): CalendarDate(year: year, month: 1, day: 1)!
        }
    }

    public var lastDay: CalendarDate {
        let (year, month): (Int, Int) =
            switch self {
            case .month(let year, let month): (year, month)
            case .quarter(let year, let quarter): (year, quarter * 3)
            case .year(let year): (year, 12)
            }
        return CalendarDate(year: year, month: month, day: CalendarDate.daysIn(year: year, month: month))!
    }

    public func contains(_ date: CalendarDate) -> Bool { firstDay <= date && date <= lastDay }

    /// The period of the same length that contains `date`.
    public static func containing(_ date: CalendarDate, frequency: Frequency) -> Period {
        switch frequency {
        case .monthly: .month(year: date.year, month: date.month)
        case .quarterly: .quarter(year: date.year, quarter: (date.month - 1) / 3 + 1)
        case .yearly: .year(date.year)
        }
    }

    /// The period just before this one, of the same length.
    public var previous: Period {
        switch self {
        case .month(let year, let month): month == 1 ? .month(year: year - 1, month: 12) : .month(year: year, month: month - 1)
        case .quarter(let year, let quarter):
            quarter == 1 ? .quarter(year: year - 1, quarter: 4) : .quarter(year: year, quarter: quarter - 1)
        case .year(let year): .year(year - 1)
        }
    }

    /// The period just after this one, of the same length.
    public var next: Period {
        switch self {
        case .month(let year, let month): month == 12 ? .month(year: year + 1, month: 1) : .month(year: year, month: month + 1)
        case .quarter(let year, let quarter):
            quarter == 4 ? .quarter(year: year + 1, quarter: 1) : .quarter(year: year, quarter: quarter + 1)
        case .year(let year): .year(year + 1)
        }
    }

    public static func < (lhs: Period, rhs: Period) -> Bool {
        (lhs.firstDay, lhs.lastDay) < (rhs.firstDay, rhs.lastDay)
    }
}

/// How often a periodic item is disclosed.
public enum Frequency: String, Sendable, Codable, CaseIterable {
    case monthly
    case quarterly
    case yearly

    public var chinese: String {
        switch self {
        case .monthly: "每月"
        case .quarterly: "每季度"
        case .yearly: "每年"
        }
    }

    /// An example period, for form hints.
    public var example: String {
        switch self {
        case .monthly: "2026-10"
        case .quarterly: "2026-Q3"
        case .yearly: "2026"
        }
    }
}

extension Period: Codable {
    /// As text: “2026-10”, “2026-Q3”, “2026”.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let period = Period(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a period: \(text)"))
        }
        self = period
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
