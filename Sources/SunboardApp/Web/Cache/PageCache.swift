import Metrics
import SunboardCore
import Synchronization

/// Rendered public pages kept in memory, keyed by the versions of the data
/// they show.
///
/// A key names every version a page depends on (e.g. the community's
/// `board_version` and its parent's), read from the database on each
/// request. A change raises a version, so the next request asks for a key
/// never seen and renders afresh: nothing is ever invalidated, and every
/// app instance stays right on its own. Old keys are simply forgotten when
/// the cache is full, least recently used first.
///
/// Full is counted in bytes (a page and its key), not pages; a page larger
/// than ``maxPageBytes`` is served but not kept.
///
/// In front of it, ``ResponseCache`` keeps whole answers by address and
/// serves them without running a handler; this one keeps what handlers
/// render, so two addresses of one page (a query in another order) render once.
public final class PageCache: Sendable {
    private let state: Mutex<LRUBytes<HTML>>
    /// What all kept pages may take together.
    public let capacityBytes: Int
    /// The largest page kept.
    public let maxPageBytes: Int
    /// For `/metrics` (no-ops unless it is on).
    private let hits = Counter(label: "sunboard_page_cache_hits_total")
    private let misses = Counter(label: "sunboard_page_cache_misses_total")

    public init(capacityBytes: Int = 32 << 20, maxPageBytes: Int = 4 << 20) {
        self.capacityBytes = max(1, capacityBytes)
        self.maxPageBytes = min(max(1, maxPageBytes), self.capacityBytes)
        state = Mutex(LRUBytes(capacity: self.capacityBytes))
    }

    /// The page under `key`, rendering and keeping it if it is not there.
    public func page(for key: String, render: () throws -> HTML) rethrows -> HTML {
        if let hit = lookup(key) { return hit }
        var page = try render()
        page.freezeETag()
        if page.body.utf8.count + key.utf8.count <= maxPageBytes {
            state.withLock { $0.set(page, size: page.body.utf8.count, for: key) }
        }
        return page
    }

    /// The page under `key`, if kept; for handlers that must query before
    /// they can render, and want to skip the queries on a hit.
    public func cached(_ key: String) -> HTML? { lookup(key) }

    public var count: Int { state.withLock { $0.count } }

    /// The bytes kept, pages and keys.
    public var bytes: Int { state.withLock { $0.bytes } }

    private func lookup(_ key: String) -> HTML? {
        let page = state.withLock { $0.value(for: key) }
        if page == nil { misses.increment() } else { hits.increment() }
        return page
    }
}

extension [Unit] {
    /// The versions of what a unit's public pages show — its own and those
    /// above it — as part of a cache key. Naming them also tells the
    /// ``ResponseCache`` that the answer being made shows these units only.
    var versionKey: String {
        CacheDependencies.current?.depend(on: self)
        return map { "\($0.id).\($0.boardVersion)" }.joined(separator: ",")
    }
}
