import Foundation

/// When to stop accepting passwords for an account or from an address.
///
/// Counted per account, so guessing one clerk's password is slow, and per
/// address, so trying many accounts from one place is slow too. The numbers
/// are a policy, not a law: kept here in one value so they can be changed.
public struct LoginThrottle: Sendable, Equatable {
    /// Failed attempts allowed for one account within the window.
    public var maxFailuresPerAccount: Int
    /// Failed attempts allowed from one address within the window.
    public var maxFailuresPerAddress: Int
    public var window: Duration

    public init(maxFailuresPerAccount: Int = 5, maxFailuresPerAddress: Int = 20, window: Duration = .seconds(15 * 60)) {
        self.maxFailuresPerAccount = maxFailuresPerAccount
        self.maxFailuresPerAddress = maxFailuresPerAddress
        self.window = window
    }

    /// Recent failures as the store reports them: how many, and the oldest
    /// that still counts, so the wait can be told to the minute.
    public struct Failures: Sendable, Equatable {
        public var count: Int
        public var oldest: Date?

        public init(count: Int, oldest: Date?) {
            self.count = count
            self.oldest = oldest
        }

        public static let none = Failures(count: 0, oldest: nil)
    }

    /// The earliest moment failures count from.
    public func windowStart(now: Date) -> Date {
        now.addingTimeInterval(-Double(window.components.seconds))
    }

    /// `nil` when a login may be tried, otherwise until when it may not.
    /// The failures are those before the attempt being decided.
    public func lockedUntil(account: Failures, address: Failures, now: Date) -> Date? {
        var until: Date?
        for (failures, limit) in [(account, maxFailuresPerAccount), (address, maxFailuresPerAddress)]
        where failures.count >= limit {
            let end = (failures.oldest ?? now).addingTimeInterval(Double(window.components.seconds))
            if end > now { until = max(until ?? end, end) }
        }
        return until
    }
}

/// Refusal of a login because of too many failures, as told to the person.
public struct LoginLocked: Sendable, Equatable {
    /// Whole minutes to wait, at least one.
    public let minutes: Int

    public init(until: Date, now: Date) {
        self.minutes = max(1, Int((until.timeIntervalSince(now) / 60).rounded(.up)))
    }

    public var message: String { "登录失败次数过多，为保护账号安全已暂停登录，请 \(minutes) 分钟后再试。" }
}
