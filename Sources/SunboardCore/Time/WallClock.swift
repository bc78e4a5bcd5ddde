import Foundation

/// Where “now” comes from. Passed in everywhere time matters, so tests set
/// the date instead of waiting for it.
public struct WallClock: Sendable {
    private let read: @Sendable () -> Date

    public init(_ read: @escaping @Sendable () -> Date) {
        self.read = read
    }

    public var now: Date { read() }

    /// The machine's clock.
    public static let system = WallClock { Date() }

    /// The machine's clock moved by whole days so that today, in Shanghai,
    /// is `day`: the time of day stays real and time keeps passing, so
    /// sessions, throttles and retries behave as on any other day.
    public static func shifted(to day: CalendarDate, from base: WallClock = .system) -> WallClock {
        let offset = Double(CalendarDate(base.now).days(until: day)) * 86_400
        return WallClock { base.now.addingTimeInterval(offset) }
    }

    /// A clock stopped at one instant.
    public static func fixed(_ date: Date) -> WallClock { WallClock { date } }
}
