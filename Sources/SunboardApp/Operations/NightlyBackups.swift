import Foundation
import Logging
import ServiceLifecycle
import SunboardCore

/// The nightly backup (`SUNBOARD_BACKUP_DIR`): a folder per night,
/// `sunboard-20261205T190000Z`, the newest `SUNBOARD_BACKUP_KEEP` kept.
public struct NightlyBackups: Sendable {
    let folder: URL
    let keep: Int
    let backup: Backup

    public init(folder: URL, keep: Int, backup: Backup) {
        self.folder = folder
        self.keep = keep
        self.backup = backup
    }

    static let prefix = "sunboard-"
    static let stamp = Date.ISO8601FormatStyle(timeZone: .gmt).year().month().day().dateTimeSeparator(.standard)
        .time(includingFractionalSeconds: false).timeSeparator(.omitted).timeZone(separator: .omitted)

    /// Takes tonight's backup and forgets the oldest beyond `keep`.
    @discardableResult
    public func runOnce(at now: Date) async throws -> URL {
        let target = folder.appendingPathComponent(Self.prefix + now.formatted(Self.stamp))
        try await backup.write(to: target)
        for old in Self.backups(in: folder).dropFirst(keep) {
            try FileManager.default.removeItem(at: old.folder)
        }
        return target
    }

    /// The complete backups in a folder, newest first, by their names.
    public static func backups(in folder: URL) -> [(folder: URL, takenAt: Date)] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.compactMap { name -> (URL, Date)? in
            guard name.hasPrefix(prefix), let date = try? Date(String(name.dropFirst(prefix.count)), strategy: stamp) else { return nil }
            let url = folder.appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: url.appendingPathComponent(BackupManifest.fileName).path) else { return nil }
            return (url, date)
        }.sorted { $0.1 > $1.1 }
    }

    /// The next 03:00 in Shanghai (19:00 UTC; China keeps no summer time) after `now`.
    static func nextRun(after now: Date) -> Date {
        let day = 86_400.0
        let offset = 19 * 3600.0
        let start = ((now.timeIntervalSince1970 - offset) / day).rounded(.down) * day + offset
        return Date(timeIntervalSince1970: start + day)
    }
}

/// Runs the nightly backup inside the server.
struct NightlyBackupService: Service {
    let nightly: NightlyBackups
    let services: AppServices

    func run() async throws {
        try? await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                let wait = NightlyBackups.nextRun(after: services.clock.now).timeIntervalSince(services.clock.now)
                try await Task.sleep(for: .seconds(max(wait, 1)))
                do {
                    let folder = try await nightly.runOnce(at: services.clock.now)
                    services.logger.info("Nightly backup written to \(folder.path)")
                } catch {
                    services.logger.error("Nightly backup failed: \(error)")
                }
            }
        }
    }
}
