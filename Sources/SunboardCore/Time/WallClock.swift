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

    /// A clock stopped at one instant.
    public static func fixed(_ date: Date) -> WallClock { WallClock { date } }
}
