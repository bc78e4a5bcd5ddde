/// The periods a stranger may ask the public pages about. Every page of a
/// period is a cache entry and a query, so the choice is bounded before it
/// reaches either: ten years back (the books and boards a community keeps
/// on file) up to the period holding today, or a year ahead for what is
/// owed. Anything else answers 404 at once.
public struct PeriodRange: Sendable, Equatable {
    /// Years of records the public pages look back over.
    public static let yearsBack = 10

    public let earliest: CalendarDate
    public let latest: CalendarDate

    /// The range as of `today`; `aheadYears` lets it reach into the years to come.
    public init(today: CalendarDate, aheadYears: Int = 0) {
        earliest = CalendarDate(year: today.year - Self.yearsBack, month: 1, day: 1) ?? .earliest
        latest = aheadYears == 0 ? today : CalendarDate(year: today.year + aheadYears, month: 12, day: 31) ?? .latest
    }

    /// Whether the period starts within the range.
    public func contains(_ period: Period) -> Bool {
        earliest <= period.firstDay && period.firstDay <= latest
    }

    /// Whether a whole year starts within the range.
    public func contains(year: Int) -> Bool { contains(.year(year)) }

    /// The refusal, in words, for a period outside the range.
    public func refusal(_ asked: String) -> PeriodOutOfRange {
        PeriodOutOfRange(asked: asked, earliest: earliest.year, latest: latest.year)
    }
}

/// A period or year the public pages keep no records for.
public struct PeriodOutOfRange: SunboardError, Equatable {
    public let asked: String
    public let earliest: Int
    public let latest: Int

    public var code: String { "period_out_of_range" }
    public var message: String { "没有“\(asked)”的记录：这里可以查看 \(earliest) 年以来到现在的记录。" }
    public var englishMessage: String { "no records for \(asked); periods from \(earliest) to now can be read." }
    public var kind: ErrorKind { .notFound }
}
