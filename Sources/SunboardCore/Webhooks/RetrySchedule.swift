import Foundation

/// When a failed delivery is tried again: the wait doubles after each
/// failure, from `base` up to `cap`, and after `maxAttempts` the message
/// waits for someone to press “重新发送”.
///
/// With the defaults a receiver may be down for about a day (1, 2, 4 … 256
/// minutes, then 6 hours twice) without losing a message.
public struct RetrySchedule: Sendable, Equatable {
    public var base: TimeInterval
    public var cap: TimeInterval
    public var maxAttempts: Int

    public init(base: TimeInterval = 60, cap: TimeInterval = 6 * 3600, maxAttempts: Int = 12) {
        self.base = base
        self.cap = cap
        self.maxAttempts = maxAttempts
    }

    /// The wait after the `attempt`-th failure (1-based), or `nil` when no
    /// attempt is left.
    public func delay(afterFailure attempt: Int) -> TimeInterval? {
        guard attempt >= 1, attempt < maxAttempts else { return nil }
        // 2^(attempt-1), without overflow for absurd attempt numbers.
        let factor = pow(2, Double(min(attempt - 1, 40)))
        return min(base * factor, cap)
    }
}
