import Foundation
import SunboardApp
import SunboardCore

/// Where the demo's year lands on the calendar.
///
/// The demo is written as it stood on `written` (28 November 2026): a year
/// of books and notices behind it, notices still open, an election under
/// way. Seeding moves every date so that `written` becomes today, and
/// plays only what has then happened. Each kind of content moves the way
/// its rules need:
///
/// - **by days** (`daily`): notices, elections, hearings, projects, boards,
///   feedback — everything whose rules count days (a 7-day notice, 20 days
///   before the vote, an action's deadline) keeps them exactly, so a notice
///   open for objections on the written day is open today;
/// - **by months** (`monthly`): the office funds' books and their monthly
///   statements keep their day of the month, so a statement published by
///   the 10th stays on time and every line stays in its month;
/// - **by quarters** (`quarterly`): quarterly bulletins and meetings keep
///   their day of the quarter; the bulletin of the quarter just ended is
///   out by today at the latest;
/// - **by years** (`yearly`): a year's plan, review and appraisal keep their
///   day of the year, moved to the latest year in which that day is past.
///
/// Months are calendar months in Shanghai; a day past a shorter month's end
/// becomes its last day, so leap years and month ends need nothing special.
struct DemoCalendar: Sendable {
    /// The day the demo's content describes as today.
    static let written = CalendarDate(year: 2026, month: 11, day: 28)!

    let now: Date

    init(now: Date) {
        self.now = now
    }

    var today: CalendarDate { CalendarDate(now) }

    var daily: DemoShift { .days(Self.written.days(until: today)) }

    var monthly: DemoShift {
        .months((today.year - Self.written.year) * 12 + today.month - Self.written.month)
    }

    var quarterly: DemoShift {
        let quarter = { (date: CalendarDate) in date.year * 4 + (date.month - 1) / 3 }
        return .months(3 * (quarter(today) - quarter(Self.written)))
    }

    /// The shift that puts `day` in the latest year in which it is already past.
    func yearly(_ day: CalendarDate) -> DemoShift {
        var years = today.year - day.year
        while day.adding(months: 12 * years) >= today { years -= 1 }
        return .months(12 * years)
    }

    /// How a periodic item of this length moves; `nil` for the others, which move by days.
    func shift(for frequency: Frequency?, published: CalendarDate) -> DemoShift {
        switch frequency {
        case .monthly: monthly
        case .quarterly: quarterly
        case .yearly: yearly(published)
        case nil: daily
        }
    }

    /// When the demo's office, communities, staff and catalog were set up:
    /// before anything its year plays however each part moved, so the
    /// ledger's times run forward from its first entry.
    var founded: Date {
        let day = [daily, monthly, quarterly].map { $0(Self.founding) }.min()!
        return min(day.startInstant.addingTimeInterval(9 * 3600), now)
    }

    static let founding = CalendarDate(year: 2025, month: 11, day: 1)!

    /// Whether something that ends at `instant` has happened by now.
    func hasHappened(_ instant: Date) -> Bool { instant <= now }
}

/// One way of moving the demo's dates: by whole days or by whole calendar
/// months (a quarter is three, a year twelve).
enum DemoShift: Sendable, Equatable {
    case days(Int)
    case months(Int)

    func callAsFunction(_ date: CalendarDate) -> CalendarDate {
        switch self {
        case .days(let count): date.adding(days: count)
        case .months(let count): date.adding(months: count)
        }
    }

    /// `2026-03-05` moved.
    func callAsFunction(_ text: String) -> String {
        CalendarDate(text).map { self($0).description } ?? text
    }

    /// An instant moved with its time of day kept.
    func instant(_ instant: Date) -> Date {
        let day = CalendarDate(instant)
        return self(day).startInstant.addingTimeInterval(instant.timeIntervalSince(day.startInstant))
    }

    /// The period that holds the moved middle of `period`: for a shift by
    /// whole periods exactly the period that many later.
    func callAsFunction(_ period: Period) -> Period {
        let first = period.firstDay
        let middle = first.adding(days: first.days(until: period.lastDay) / 2)
        return Period.containing(self(middle), frequency: period.frequency)
    }

    /// How many years a date near `anchor` moves, for a year named alone.
    func years(near anchor: CalendarDate) -> Int { self(anchor).year - anchor.year }

    /// The month `year`-`month` moved, as (year, month).
    func month(year: Int, month: Int) -> (year: Int, month: Int) {
        let moved = self(Period.month(year: year, month: month))
        return (moved.firstDay.year, moved.firstDay.month)
    }
}
