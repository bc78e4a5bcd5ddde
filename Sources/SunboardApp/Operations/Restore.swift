import Foundation
import Logging
import SQLKit

/// `sunboard restore --from DIR`: puts a backup back, then proves it.
///
/// Every file is checked against the manifest before anything is touched;
/// an installation that holds data is replaced only when asked (`force`),
/// and an SQLite file replaced is kept aside, not deleted. After the copy
/// the schema is migrated forward (a backup from an older release) and the
/// whole ledger is verified, files and all, down to the head the backup
/// began with.
public struct Restore: Sendable {
    let configuration: AppConfiguration
    let logger: Logger

    public init(configuration: AppConfiguration, logger: Logger) {
        self.configuration = configuration
        self.logger = logger
    }

    public struct Report: Sendable {
        public var manifest: BackupManifest
        /// Migrations the restored database lacked and now has.
        public var migrated: [String]
        /// Where the data replaced now is: the SQLite file's new name, or the PostgreSQL schema's.
        public var setAside: String?
        public var verification: LedgerVerification.Report
    }

    public func run(from folder: URL, force: Bool, at now: Date = Date()) async throws -> Report {
        let manifest = try BackupManifest.read(from: folder)
        let kind: DatabaseKind = configuration.databaseURL == nil ? .sqlite : .postgresql
        guard manifest.database == kind.rawValue else {
            throw BackupError.wrongDatabase(backup: manifest.database, installation: kind.rawValue)
        }
        let known = Set(Migrations.all.map(\.name))
        if let newer = manifest.migrations.first(where: { !known.contains($0) }) { throw BackupError.newerRelease(newer) }
        if !force, try !Backup.storedFiles(under: configuration.filesDirectory).isEmpty {
            throw BackupError.installationNotEmpty
        }
        let databaseCopy = folder.appendingPathComponent(manifest.databaseFile.path)
        let setAside: String?
        let putBack: () async throws -> Void
        switch kind {
        case .sqlite:
            if !force, FileManager.default.fileExists(atPath: configuration.sqlitePath) {
                let existing = try await Database.open(.sqlite(path: configuration.sqlitePath), logger: logger)
                let holdsData = try await Self.holdsData(existing)
                await existing.close()
                if holdsData { throw BackupError.installationNotEmpty }
            }
            (setAside, putBack) = try placeSQLite(databaseCopy, at: now)
        case .postgresql:
            let tools = try PostgresTools(databaseURL: configuration.databaseURL ?? "")
            guard (manifest.schema ?? "public") == tools.schema else {
                throw BackupError.wrongSchema(backup: manifest.schema ?? "public", installation: tools.schema)
            }
            _ = try PostgresTools.find("pg_restore")  // before anything is moved
            (setAside, putBack) = try await clearSchema(tools.schema, force: force, at: now)
            do {
                try await tools.restore(from: databaseCopy)
            } catch {
                try await putBack()
                throw BackupError.restoreFailed(String(describing: error), keptAside: nil)
            }
        }

        do {
            try placeFiles(manifest.files, from: folder)
            let database = try await Database.open(try configuration.databaseConfiguration(), logger: logger)
            do {
                let migrated = try await Migrator(database: database, logger: logger).migrate()
                let verification = try await LedgerVerification(
                    database: database, files: FileStore(root: configuration.filesDirectory, database: database)
                ).run(head: manifest.ledgerHead.map { ($0.sequence, $0.hash) })
                await database.close()
                return Report(manifest: manifest, migrated: migrated, setAside: setAside, verification: verification)
            } catch {
                await database.close()
                throw error
            }
        } catch {
            try await putBack()
            throw BackupError.restoreFailed(String(describing: error), keptAside: nil)
        }
    }

    /// Empties the PostgreSQL schema for the restore: one holding data is
    /// renamed aside (`<schema>_old_<unix time>`), an empty one dropped.
    /// Returns the aside name and how to put it back.
    private func clearSchema(_ schema: String, force: Bool, at now: Date) async throws -> (String?, () async throws -> Void) {
        let existing = try await Database.open(try configuration.databaseConfiguration(), logger: logger)
        do {
            let holdsData = try await Self.holdsData(existing)
            if holdsData, !force { throw BackupError.installationNotEmpty }
            let aside = holdsData ? "\(schema)_old_\(Int(now.timeIntervalSince1970))" : nil
            if let aside {
                try await existing.sql.raw("ALTER SCHEMA \(ident: schema) RENAME TO \(ident: aside)").run()
            } else {
                try await existing.sql.raw("DROP SCHEMA IF EXISTS \(ident: schema) CASCADE").run()
            }
            // pg_restore recreates the schema it dumped; `public` is assumed to exist.
            if schema == "public" { try await existing.sql.raw("CREATE SCHEMA public").run() }
            await existing.close()
            let configuration = configuration
            let logger = logger
            return (
                aside,
                {
                    let database = try await Database.open(try configuration.databaseConfiguration(), logger: logger)
                    try? await database.sql.raw("DROP SCHEMA IF EXISTS \(ident: schema) CASCADE").run()
                    if let aside { try? await database.sql.raw("ALTER SCHEMA \(ident: aside) RENAME TO \(ident: schema)").run() }
                    await database.close()
                }
            )
        } catch {
            await existing.close()
            throw error
        }
    }

    /// Whether a database has anything worth keeping: an account, a unit or a ledger entry.
    static func holdsData(_ database: Database) async throws -> Bool {
        let migrator = Migrator(database: database, logger: Logger(label: "sunboard-restore"))
        guard try await migrator.pendingNames().count < Migrations.all.count else { return false }
        for table in ["users", "units", "ledger_entries"] {
            if try await database.sql.select().column(SQLLiteral.all).from(table).limit(1).first() != nil { return true }
        }
        return false
    }

    /// Moves the backup's SQLite file into place; the file it replaces (and
    /// its write-ahead log) is renamed aside. Returns that name, and how to
    /// put the old file back.
    private func placeSQLite(_ copy: URL, at now: Date) throws -> (String?, () async throws -> Void) {
        let fileManager = FileManager.default
        let target = configuration.sqlitePath
        try fileManager.createDirectory(atPath: configuration.dataDirectory, withIntermediateDirectories: true)
        let incoming = URL(fileURLWithPath: configuration.dataDirectory).appendingPathComponent(".restore-\(UUID().uuidString).sqlite")
        try fileManager.copyItem(at: copy, to: incoming)
        var setAside: String?
        var moved: [(from: String, to: String)] = []
        let stamp = now.formatted(.iso8601.year().month().day().time(includingFractionalSeconds: false).timeSeparator(.omitted))
        do {
            for suffix in ["", "-wal", "-shm"] where fileManager.fileExists(atPath: target + suffix) {
                if suffix == "-shm" {
                    try fileManager.removeItem(atPath: target + suffix)
                    continue
                }
                let aside = "\(target).before-restore-\(stamp)\(suffix)"
                try fileManager.moveItem(atPath: target + suffix, toPath: aside)
                moved.append((target + suffix, aside))
                if suffix.isEmpty { setAside = aside }
            }
            try fileManager.moveItem(atPath: incoming.path, toPath: target)
        } catch {
            try? fileManager.removeItem(at: incoming)
            for (from, to) in moved { try? fileManager.moveItem(atPath: to, toPath: from) }
            throw error
        }
        let putBack: () async throws -> Void = { [moved] in
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: target + suffix) }
            for (from, to) in moved { try FileManager.default.moveItem(atPath: to, toPath: from) }
        }
        return (setAside, putBack)
    }

    /// Copies the backup's attachments into the file store, each written
    /// aside and moved into place.
    private func placeFiles(_ files: [BackupManifest.Item], from folder: URL) throws {
        let fileManager = FileManager.default
        let root = configuration.filesDirectory
        for item in files {
            let relative = String(item.path.dropFirst("files/".count))
            let target = root.appendingPathComponent(relative)
            try fileManager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            let temporary = target.deletingLastPathComponent().appendingPathComponent(".restore-\(UUID().uuidString)")
            try fileManager.copyItem(at: folder.appendingPathComponent(item.path), to: temporary)
            if fileManager.fileExists(atPath: target.path) { try fileManager.removeItem(at: target) }
            try fileManager.moveItem(at: temporary, to: target)
        }
    }
}
