/// The notice period (公示期) of a published notice: open from its first day
/// to its last, both included, unless the notice was withdrawn.
///
/// A 7-day notice published on 16 March runs to 22 March, as the notices
/// on the board say (“公示期为3月16日至3月22日”).
public enum NoticePeriod {
    public static func dates(publishedOn day: CalendarDate, days: Int) -> (starts: CalendarDate, ends: CalendarDate) {
        (day, day.adding(days: max(1, days) - 1))
    }

    public static func isOpen(starts: CalendarDate?, ends: CalendarDate?, withdrawn: Bool, on day: CalendarDate) -> Bool {
        guard let starts, let ends, !withdrawn else { return false }
        return starts <= day && day <= ends
    }
}
