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
public final class PageCache: Sendable {
    private struct State {
        var pages: [String: (page: HTML, used: UInt64)] = [:]
        var clock: UInt64 = 0
    }

    private let state = Mutex(State())
    private let capacity: Int

    public init(capacity: Int = 2_000) {
        self.capacity = max(1, capacity)
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

    private func lookup(_ key: String) -> HTML? {
        state.withLock { state in
            guard let entry = state.pages[key] else { return nil }
            state.clock += 1
            state.pages[key]?.used = state.clock
            return entry.page
        }
    }

    private func store(_ page: HTML, for key: String) {
        state.withLock { state in
            state.clock += 1
            state.pages[key] = (page, state.clock)
            guard state.pages.count > capacity else { return }
            // Forget the least recently used half in one go, so a full cache
            // costs one sort now and then rather than one on every page.
            let keep = state.pages.sorted { $0.value.used > $1.value.used }.prefix(capacity / 2)
            state.pages = Dictionary(uniqueKeysWithValues: keep.map { ($0.key, $0.value) })
        }
    }
}

extension [Unit] {
    /// The versions of what a unit's public pages show — its own and those
    /// above it — as part of a cache key.
    var versionKey: String { map { "\($0.id).\($0.boardVersion)" }.joined(separator: ",") }
}
