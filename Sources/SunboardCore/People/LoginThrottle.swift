import Foundation

/// When to stop accepting passwords, and from where.
///
/// Counted per account *and address*, so guessing one clerk's password from
/// one place is slow, while a stranger who knows the clerk's name cannot
/// lock the clerk out: the clerk's own address has not failed. Counted per
/// address, so trying many accounts from one place is slow too. And counted
/// per account from everywhere, so guessing from many addresses is slowed:
/// past that limit every address that has already failed for the account
/// waits, and only an address with no failure (the owner's, most likely)
/// may still try. The numbers are a policy, kept here in one value.
public struct LoginThrottle: Sendable, Equatable {
    /// Failed attempts allowed for one account from one address within the window.
    public var maxFailuresPerAccountAddress: Int
    /// Failed attempts allowed from one address within the window, whatever the account.
    public var maxFailuresPerAddress: Int
    /// Failed attempts allowed for one account from all addresses within the window.
    public var maxFailuresPerAccount: Int
    public var window: Duration

    public init(
        maxFailuresPerAccountAddress: Int = 5, maxFailuresPerAddress: Int = 20, maxFailuresPerAccount: Int = 50,
        window: Duration = .seconds(15 * 60)
    ) {
        self.maxFailuresPerAccountAddress = maxFailuresPerAccountAddress
        self.maxFailuresPerAddress = maxFailuresPerAddress
        self.maxFailuresPerAccount = maxFailuresPerAccount
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
    /// The failures are those before the attempt being decided: for this
    /// account from this address, from this address, and for this account.
    public func lockedUntil(accountAddress: Failures, address: Failures, account: Failures, now: Date) -> Date? {
        var limits = [(accountAddress, maxFailuresPerAccountAddress), (address, maxFailuresPerAddress)]
        // Many addresses guessing: the ones that have failed wait, a new one may try.
        if accountAddress.count > 0 { limits.append((account, maxFailuresPerAccount)) }
        var until: Date?
        for (failures, limit) in limits where failures.count >= limit {
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
