/// One computation per key at a time: callers asking for a key already
/// being computed wait for that result instead of starting their own. A
/// report that takes seconds is then built once per change, however many
/// people (or scripts) ask for it in the meantime.
actor SingleFlight<Value: Sendable> {
    private var running: [String: Task<Value, any Error>] = [:]

    func run(_ key: String, _ work: @escaping @Sendable () async throws -> Value) async throws -> Value {
        if let task = running[key] { return try await task.value }
        let task = Task { try await work() }
        running[key] = task
        defer { running[key] = nil }
        return try await task.value
    }
}
