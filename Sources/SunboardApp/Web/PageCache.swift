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
/// Full is counted in bytes (a page and its key), not pages: a community's
/// board is 50 KB and a year of finance lines far more, so a count would
/// let a stranger who asks for many distinct pages take the memory of many
/// large ones. A page larger than ``maxPageBytes`` is served but not kept.
public final class PageCache: Sendable {
    private struct State {
        var pages: [String: (page: HTML, bytes: Int, used: UInt64)] = [:]
        var bytes = 0
        var clock: UInt64 = 0
    }

    private let state = Mutex(State())
    /// What all kept pages may take together.
    public let capacityBytes: Int
    /// The largest page kept.
    public let maxPageBytes: Int
    /// For `/metrics` (no-ops unless it is on).
    private let hits = Counter(label: "sunboard_page_cache_hits_total")
    private let misses = Counter(label: "sunboard_page_cache_misses_total")

    public init(capacityBytes: Int = 64 << 20, maxPageBytes: Int = 4 << 20) {
        self.capacityBytes = max(1, capacityBytes)
        self.maxPageBytes = min(max(1, maxPageBytes), self.capacityBytes)
    }

    /// The page under `key`, rendering and keeping it if it is not there.
    public func page(for key: String, render: () throws -> HTML) rethrows -> HTML {
        if let hit = lookup(key) { return hit }
        var page = try render()
        page.freezeETag()
        store(page, for: key)
        return page
    }

    /// The page under `key`, if kept; for handlers that must query before
    /// they can render, and want to skip the queries on a hit.
    public func cached(_ key: String) -> HTML? { lookup(key) }

    public var count: Int { state.withLock { $0.pages.count } }

    /// The bytes kept, pages and keys.
    public var bytes: Int { state.withLock { $0.bytes } }

    private func lookup(_ key: String) -> HTML? {
        state.withLock { state in
            guard let entry = state.pages[key] else {
                misses.increment()
                return nil
            }
            hits.increment()
            state.clock += 1
            state.pages[key]?.used = state.clock
            return entry.page
        }
    }

    private func store(_ page: HTML, for key: String) {
        let size = page.body.utf8.count + key.utf8.count
        guard size <= maxPageBytes else { return }
        state.withLock { state in
            state.clock += 1
            if let old = state.pages[key] { state.bytes -= old.bytes }
            state.pages[key] = (page, size, state.clock)
            state.bytes += size
            guard state.bytes > capacityBytes else { return }
            // Forget the least recently used pages until half the room is free,
            // so a full cache costs one sort now and then rather than one on every page.
            var kept: [String: (page: HTML, bytes: Int, used: UInt64)] = [:]
            var total = 0
            for entry in state.pages.sorted(by: { $0.value.used > $1.value.used }) {
                guard total + entry.value.bytes <= capacityBytes / 2 else { break }
                kept[entry.key] = entry.value
                total += entry.value.bytes
            }
            state.pages = kept
            state.bytes = total
        }
    }
}

extension [Unit] {
    /// The versions of what a unit's public pages show — its own and those
    /// above it — as part of a cache key.
    var versionKey: String { map { "\($0.id).\($0.boardVersion)" }.joined(separator: ",") }
}
