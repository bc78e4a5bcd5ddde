import Logging
import ServiceLifecycle

/// Keeps this process's ``PublicVersions`` up with what other processes
/// write: on PostgreSQL at once, through `LISTEN`; on both databases by
/// reading them again every second, so a notice missed (a connection lost,
/// a command run beside the server on SQLite) is healed within a second.
struct PublicVersionsWatcher: Service {
    let database: Database
    let logger: Logger
    /// How often the versions are read again whatever was heard.
    var interval: Duration = .seconds(1)

    func run() async throws {
        await cancelWhenGracefulShutdown {
            await withDiscardingTaskGroup { group in
                group.addTask { await listen() }
                while !Task.isCancelled {
                    do {
                        try await database.versions.refresh(on: database.sql)
                    } catch {
                        // Unknown versions: pages are made afresh until a read succeeds.
                        database.versions.forget()
                        if !Task.isCancelled { logger.warning("Reading the public versions failed: \(error)") }
                    }
                    try? await Task.sleep(for: interval)
                }
                group.cancelAll()
            }
        }
    }

    /// Listens for as long as the server runs, listening again after a
    /// lost connection; returns at once on SQLite, which cannot notify.
    private func listen() async {
        guard database.kind == .postgresql else { return }
        while !Task.isCancelled {
            do {
                try await database.listenForPublicChanges {
                    try? await database.versions.refresh(on: database.sql)
                }
            } catch {
                if !Task.isCancelled { logger.warning("Listening for public changes failed, trying again: \(error)") }
            }
            try? await Task.sleep(for: interval)
        }
    }
}
