/// One computation per key at a time: callers asking for a key already
/// being computed wait for that result instead of starting their own. A
/// report that takes seconds is then built once per change, however many
/// people (or scripts) ask for it in the meantime.
actor SingleFlight {
    private var running: [String: Task<HTML, any Error>] = [:]

    func run(_ key: String, _ work: @escaping @Sendable () async throws -> HTML) async throws -> HTML {
        if let task = running[key] { return try await task.value }
        let task = Task { try await work() }
        running[key] = task
        defer { running[key] = nil }
        return try await task.value
    }
}
