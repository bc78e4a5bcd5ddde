import Foundation
import Hummingbird
import HummingbirdTesting
import SQLKit
import SunboardCore
import Synchronization
import Testing

@testable import SunboardApp

/// `sunboard backup` and `sunboard restore` on the installation's own
/// database (SQLite, or PostgreSQL in the suite's second run).
@Suite("Backup and restore")
struct BackupTests {
    static func folder(_ name: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("sunboard-\(name)-\(UUID().uuidString)")
    }

    static func backup(_ app: TestApp, to folder: URL) async throws -> BackupManifest {
        try await Backup(database: app.database, configuration: app.storage.appConfiguration, logger: TestDatabase.logger)
            .write(to: folder)
    }

    /// Restores `folder` into a new, empty installation and hands `body` an
    /// app over it, on the same clock as `app`.
    static func restored(
        _ folder: URL, like app: TestApp, _ body: @Sendable (Restore.Report, any TestClientProtocol, AppServices) async throws -> Void
    ) async throws {
        let target = try await TestDatabase.emptyInstallation(schemaOf: app.storage)
        do {
            let report = try await Restore(configuration: target.appConfiguration, logger: TestDatabase.logger)
                .run(from: folder, force: false)
            let database = try await target.open()
            do {
                let services = try TestApp.services(database: database, clock: app.clock, dataDirectory: target.dataDirectory)
                try await Application(router: buildRouter(services: services)).test(.router) { client in
                    try await body(report, client, services)
                }
            } catch {
                await database.close()
                throw error
            }
            await database.close()
        } catch {
            await target.destroy()
            throw error
        }
        await target.destroy()
    }

    /// Every public page a resident can reach by following links from the
    /// home page, and every public API answer (each route the table lists
    /// for a unit, each disclosure, the ledger), in a stable order.
    static func publicPaths(_ client: any TestClientProtocol) async throws -> [String] {
        var paths = ["/", "/api/v1/units", "/api/v1/ledger", "/api/v1/ledger/head", "/api/v1/records"]
        let slugs = try await JSONSerialization.jsonObject(with: Data(client.get("/api/v1/units").body.readableBytesView))
        for case let unit as [String: Any] in (slugs as? [[String: Any]]) ?? [] {
            guard let slug = unit["slug"] as? String else { continue }
            for pattern in SiteURL.patterns.map(\.path) where pattern.hasPrefix("/api/v1/units/{slug}") {
                guard pattern.filter({ $0 == "{" }).count == 1 else { continue }
                paths.append(pattern.replacingOccurrences(of: "{slug}", with: slug))
            }
        }
        var seen = Set(paths)
        var index = 0
        while index < paths.count, paths.count < 3000 {
            let path = paths[index]
            index += 1
            let response = try await client.get(path)
            let body = String(buffer: response.body)
            // Links in pages, and each disclosure named in a list.
            let found =
                body.matches(of: /href="(\/[^"#?]*)"/).map { String($0.1) }
                + body.matches(of: /"id":(\d+)/).compactMap { path.hasSuffix("/disclosures") ? "/api/v1/disclosures/\($0.1)" : nil }
            for link in found where !seen.contains(link) && !link.hasPrefix("/admin") && !link.hasPrefix("/static") {
                seen.insert(link)
                paths.append(link)
            }
        }
        return paths
    }

    /// A response's body, but for the anti-forgery token a form gives each visitor.
    static func comparable(_ response: TestResponse) -> String {
        String(buffer: response.body).replacing(/name="_csrf" value="[^"]*"/, with: "name=\"_csrf\"")
    }

    @Test("A backup taken while disclosures are being published restores whole, verifies, and serves the same site")
    func roundTripUnderLoad() async throws {
        try await TestApp.run(demo: .year) { app in
            // Writers publish all through the backup.
            let published = ManagedCounter()
            let load = Task {
                var n = 0
                while !Task.isCancelled {
                    n += 1
                    try await app.publishDirectly(in: "yinnan", item: "major-matter", title: "备份期间发布的第\(n)条")
                    published.add()
                }
            }
            while published.value < 2 { try await Task.sleep(for: .milliseconds(20)) }
            let busy = Self.folder("backup-busy")
            let quiet = Self.folder("backup-quiet")
            defer {
                try? FileManager.default.removeItem(at: busy)
                try? FileManager.default.removeItem(at: quiet)
            }
            let underLoad = try await Self.backup(app, to: busy)
            let before = published.value
            while published.value < before + 2 { try await Task.sleep(for: .milliseconds(20)) }
            load.cancel()
            _ = await load.result

            // Taken mid-stream: a consistent cut of the chain, which verifies to its end and holds the head it began with.
            let head = try #require(underLoad.ledgerHead)
            try await Self.restored(busy, like: app) { report, _, services in
                #expect(report.verification.problem == nil)
                let restoredHead = try #require(try await services.ledger.head())
                #expect(restoredHead.sequence >= head.sequence)
                let original = try await app.database.sql.select().column("entry_hash").from("ledger_entries")
                    .where("sequence", .equal, SQLBind(restoredHead.sequence)).first(decodingColumn: "entry_hash", as: String.self)
                #expect(original == restoredHead.hash, "the restored chain is a prefix of the original's")
                #expect(try await app.services.ledger.head()!.sequence > restoredHead.sequence, "writes went on after the snapshot")
            }

            // Taken when all is still: the restored site answers every public page and API call byte for byte.
            let manifest = try await Self.backup(app, to: quiet)
            #expect(manifest.files.count == (try Backup.storedFiles(under: app.storage.appConfiguration.filesDirectory).count))
            #expect(manifest.files.count > 0)
            let paths = try await Self.publicPaths(app.client)
            #expect(paths.count > 300)
            try await Self.restored(quiet, like: app) { report, restored, _ in
                #expect(report.verification.problem == nil)
                #expect(report.verification.checked == manifest.ledgerHead?.sequence)
                for path in paths {
                    let (a, b) = (try await app.client.get(path), try await restored.get(path))
                    #expect(a.status == b.status, "\(path)")
                    #expect(Self.comparable(a) == Self.comparable(b), "\(path) differs after the restore")
                }
            }
        }
    }

    @Test("A restore refuses an installation that holds data, a damaged backup and a folder that is not one")
    func refusals() async throws {
        try await TestApp.run { app in
            try await app.publishDirectly(in: "yincheng", item: "major-matter", title: "备份测试公告")
            let folder = Self.folder("backup-refusals")
            defer { try? FileManager.default.removeItem(at: folder) }
            let manifest = try await Self.backup(app, to: folder)
            let headBefore = try await app.services.ledger.head()

            // Over itself, without --force: refused before anything changes.
            await #expect(throws: BackupError.installationNotEmpty) {
                try await Restore(configuration: app.storage.appConfiguration, logger: TestDatabase.logger).run(from: folder, force: false)
            }
            #expect(try await app.services.ledger.head()?.hash == headBefore?.hash)

            // A second backup into the same folder is refused too.
            await #expect(throws: BackupError.destinationNotEmpty(folder.standardizedFileURL.path)) {
                try await Self.backup(app, to: folder)
            }

            // One byte changed in the database copy.
            let copy = folder.appendingPathComponent(manifest.databaseFile.path)
            var bytes = try Data(contentsOf: copy)
            bytes[bytes.count / 2] ^= 0xFF
            try bytes.write(to: copy)
            let fresh = try await TestDatabase.emptyInstallation(schemaOf: app.storage)
            defer { Task { await fresh.destroy() } }
            await #expect(throws: BackupError.damaged(manifest.databaseFile.path)) {
                try await Restore(configuration: fresh.appConfiguration, logger: TestDatabase.logger).run(from: folder, force: false)
            }
            #expect(!FileManager.default.fileExists(atPath: fresh.appConfiguration.sqlitePath))

            // Not a backup at all.
            let empty = Self.folder("not-a-backup")
            try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: empty) }
            await #expect(throws: BackupError.notABackup(empty.path)) {
                try await Restore(configuration: fresh.appConfiguration, logger: TestDatabase.logger).run(from: empty, force: false)
            }
        }
    }

    @Test("With --force the installation is replaced and what it held kept aside: the SQLite file, or the PostgreSQL schema")
    func forceKeepsTheOld() async throws {
        try await TestApp.run { app in
            let folder = Self.folder("backup-force")
            defer { try? FileManager.default.removeItem(at: folder) }
            try await Self.backup(app, to: folder)
            let target = try await TestDatabase.emptyInstallation(schemaOf: app.storage)
            defer { Task { await target.destroy() } }
            let restore = Restore(configuration: target.appConfiguration, logger: TestDatabase.logger)
            #expect(try await restore.run(from: folder, force: false).setAside == nil)
            let again = try await restore.run(from: folder, force: true, at: app.clock.now)
            #expect(again.verification.problem == nil)
            let aside = try #require(again.setAside)
            let database = try await target.open()
            defer { Task { await database.close() } }
            if target.kind == .sqlite {
                #expect(FileManager.default.fileExists(atPath: aside))
                #expect(aside.hasPrefix(target.appConfiguration.sqlitePath + ".before-restore-"))
            } else {
                let kept = try await database.sql.raw("SELECT COUNT(*) AS n FROM \(ident: aside).ledger_entries").first()?
                    .decode(column: "n", as: Int.self)
                #expect(kept == again.verification.checked, "the replaced schema is kept whole under \(aside)")
            }
        }
    }

    @Test("A backup is never written over a file, nor restored by a release older than it")
    func moreRefusals() async throws {
        try await TestApp.run { app in
            let file = Self.folder("backup-file")
            try Data("a file".utf8).write(to: file)
            defer { try? FileManager.default.removeItem(at: file) }
            await #expect(throws: BackupError.destinationNotEmpty(file.standardizedFileURL.path)) {
                try await Self.backup(app, to: file)
            }
            #expect(try String(contentsOf: file, encoding: .utf8) == "a file")

            let folder = Self.folder("backup-newer")
            defer { try? FileManager.default.removeItem(at: folder) }
            var manifest = try await Self.backup(app, to: folder)
            manifest.migrations.append("999_from_the_future")
            try manifest.write(to: folder)
            let target = try await TestDatabase.emptyInstallation(schemaOf: app.storage)
            defer { Task { await target.destroy() } }
            await #expect(throws: BackupError.newerRelease("999_from_the_future")) {
                try await Restore(configuration: target.appConfiguration, logger: TestDatabase.logger).run(from: folder, force: false)
            }
        }
    }

    @Test("The nightly backup keeps the newest N, and /healthz tells how old the last one is")
    func nightly() async throws {
        try await TestApp.run { app in
            let folder = Self.folder("nightly")
            defer { try? FileManager.default.removeItem(at: folder) }
            let nightly = NightlyBackups(
                folder: folder, keep: 2,
                backup: Backup(database: app.database, configuration: app.storage.appConfiguration, logger: TestDatabase.logger))
            let night = app.clock.now
            for daysAgo in [3, 2, 1] { try await nightly.runOnce(at: night.addingTimeInterval(-Double(daysAgo) * 86_400)) }
            let kept = NightlyBackups.backups(in: folder)
            #expect(kept.count == 2)
            #expect(kept.first?.takenAt == Date(timeIntervalSince1970: (night.timeIntervalSince1970 - 86_400).rounded(.down)))

            // The next run is 03:00 in Shanghai.
            let next = NightlyBackups.nextRun(after: night)
            #expect(next > night && next.timeIntervalSince(night) <= 86_400)
            #expect(ShanghaiTime.calendar.dateComponents([.hour, .minute], from: next) == DateComponents(hour: 3, minute: 0))

            var configuration = app.storage.appConfiguration
            configuration.backupDirectory = folder.path
            let services = try AppServices(
                configuration: configuration, database: app.database, clock: app.clock.wallClock, logger: TestDatabase.logger)
            try await Application(router: buildRouter(services: services)).test(.router) { client in
                let health = try JSONSerialization.jsonObject(with: Data(try await client.get("/healthz").body.readableBytesView))
                let backup = try #require((health as? [String: Any])?["backup"] as? [String: Any])
                #expect(backup["age_seconds"] as? Int == 86_400)
                #expect(backup["last"] as? String != nil)
            }
        }
    }
}

/// A count shared between the load task and the test.
final class ManagedCounter: Sendable {
    private let count = Mutex(0)
    var value: Int { count.withLock { $0 } }
    func add() { count.withLock { $0 += 1 } }
}

extension TestClientProtocol {
    func get(_ path: String) async throws -> TestResponse { try await execute(uri: path, method: .get) }
}
