import Foundation
import SunboardCore
import Synchronization

/// What an answer being made shows, noted by the handler as it reads, for
/// ``ResponseCache`` to keep the answer under: the units it names (through
/// ``Swift/Array/versionKey``), or, when it names none, everything public.
final class CacheDependencies: Sendable {
    /// Set by ``ResponseCacheMiddleware`` for the length of one request.
    @TaskLocal static var current: CacheDependencies?

    private let units = Mutex<Set<Int>>([])
    private let expiry = Mutex<Date?>(nil)
    private let refused = Atomic(false)

    func depend(on shown: [Unit]) {
        units.withLock { units in
            for unit in shown { units.insert(unit.id) }
        }
    }

    /// The answer changes at `date` by the clock alone (a deadline passing
    /// within the day); every kept answer expires at midnight anyway.
    func expire(at date: Date) {
        expiry.withLock { $0 = min($0 ?? date, date) }
    }

    /// The answer is made afresh for every request: it reports the tables
    /// as they are this moment (what a verifier compares with the ledger,
    /// to find rows changed behind the app's back), or each request is
    /// counted against a limit.
    func keepNone() { refused.store(true, ordering: .relaxed) }

    var isRefused: Bool { refused.load(ordering: .relaxed) }
    var unitIDs: Set<Int> { units.withLock { $0 } }
    var expiresAt: Date? { expiry.withLock { $0 } }
}
