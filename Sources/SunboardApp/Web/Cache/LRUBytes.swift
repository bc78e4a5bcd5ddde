/// Values kept within a budget of bytes, the least recently used forgotten
/// first. Not locked: its owner keeps it behind a `Mutex`.
///
/// Full is counted in bytes, not entries: a community's board is 50 KB and a
/// year of finance lines far more, so a count would let a stranger who asks
/// for many distinct pages take the memory of many large ones.
struct LRUBytes<Value: Sendable>: Sendable {
    private var entries: [String: (value: Value, bytes: Int, used: UInt64)] = [:]
    private(set) var bytes = 0
    private var clock: UInt64 = 0
    let capacity: Int

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    var count: Int { entries.count }

    mutating func value(for key: String) -> Value? {
        guard let entry = entries[key] else { return nil }
        clock += 1
        entries[key] = (entry.value, entry.bytes, clock)
        return entry.value
    }

    /// Keeps `value`, which takes `size` bytes besides its key.
    mutating func set(_ value: Value, size: Int, for key: String) {
        let size = size + key.utf8.count
        guard size <= capacity else { return }
        clock += 1
        if let old = entries[key] { bytes -= old.bytes }
        entries[key] = (value, size, clock)
        bytes += size
        guard bytes > capacity else { return }
        // Forget the least recently used until half the room is free, so a
        // full cache costs one sort now and then rather than one on every entry.
        var kept: [String: (value: Value, bytes: Int, used: UInt64)] = [:]
        var total = 0
        for entry in entries.sorted(by: { $0.value.used > $1.value.used }) {
            guard total + entry.value.bytes <= capacity / 2 else { break }
            kept[entry.key] = entry.value
            total += entry.value.bytes
        }
        entries = kept
        bytes = total
    }

    mutating func removeValue(for key: String) {
        if let old = entries.removeValue(forKey: key) { bytes -= old.bytes }
    }
}
