import Foundation
import Hummingbird
import SunboardCore
import Synchronization

/// How often one address may ask for something expensive: a bucket of
/// `burst` requests per address that refills at `perSecond`. A resident
/// searching or a journalist paging through the office's matrix never
/// notices it; a script asking hundreds of times a second gets `429` with
/// the seconds to wait. Kept in memory: each instance counts its own.
final class RateLimiter: Sendable {
    let burst: Double
    let perSecond: Double
    /// Addresses remembered at most; past it the longest idle are forgotten,
    /// so a stranger with many addresses cannot grow the table.
    let maxAddresses: Int
    private let buckets = Mutex([String: (tokens: Double, at: Double)]())

    init(burst: Int, perSecond: Double, maxAddresses: Int = 10_000) {
        self.burst = Double(max(1, burst))
        self.perSecond = perSecond
        self.maxAddresses = max(1, maxAddresses)
    }

    /// Addresses remembered now.
    var count: Int { buckets.withLock { $0.count } }

    /// Takes one request from the address's bucket; `nil` when it may go
    /// ahead, else the whole seconds until it may.
    func take(_ address: String, now: Double) -> Int? {
        buckets.withLock { buckets in
            var bucket = buckets[address] ?? (burst, now)
            bucket.tokens = min(burst, bucket.tokens + max(0, now - bucket.at) * perSecond)
            bucket.at = now
            guard bucket.tokens >= 1 else {
                buckets[address] = bucket
                return max(1, Int(((1 - bucket.tokens) / perSecond).rounded(.up)))
            }
            bucket.tokens -= 1
            buckets[address] = bucket
            if buckets.count > maxAddresses {
                let idle = buckets.sorted { $0.value.at < $1.value.at }.prefix(buckets.count - maxAddresses / 2)
                for (key, _) in idle { buckets[key] = nil }
            }
            return nil
        }
    }
}

/// Refused for asking too often.
struct TooManyRequests: SunboardError {
    let seconds: Int
    var code: String { "too_many_requests" }
    var message: String { "请求太频繁了，请 \(seconds) 秒后再试。" }
    var englishMessage: String { "too many requests; try again in \(seconds) seconds." }
    var kind: ErrorKind { .tooManyRequests }
}

/// Puts a route's requests through a rate limiter, by client address.
struct RateLimitMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let limiter: RateLimiter
    let clock: WallClock

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let seconds = limiter.take(context.clientAddress, now: clock.now.timeIntervalSince1970) {
            throw TooManyRequests(seconds: seconds)
        }
        // Counted per request, so never answered from the response cache.
        CacheDependencies.current?.keepNone()
        return try await next(request, context)
    }
}
