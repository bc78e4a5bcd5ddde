import Foundation
import Logging
import SQLKit

/// `sunboard backup --to DIR`: a consistent copy of an installation, taken
/// while the server keeps serving and writing.
///
/// The database is copied as one snapshot (SQLite's `VACUUM INTO`,
/// PostgreSQL's `pg_dump`); then the file store. Attachments are written
/// before the rows that name them and never change, so every file the
/// snapshot names is already on disk when the store is copied. The folder
/// is built under a hidden name and renamed into place with its manifest,
/// so a backup cut short never looks complete.
public struct Backup: Sendable {
    let database: Database
    let configuration: AppConfiguration
    let logger: Logger
    let now: @Sendable () -> Date

    public init(
        database: Database, configuration: AppConfiguration, logger: Logger, now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.database = database
        self.configuration = configuration
        self.logger = logger
        self.now = now
    }

    static let sqliteFile = "database.sqlite"
    static let postgresFile = "database.pgdump"

    @discardableResult
    public func write(to folder: URL) async throws -> BackupManifest {
        let fileManager = FileManager.default
        let folder = folder.standardizedFileURL
        var isFolder: ObjCBool = false
        if fileManager.fileExists(atPath: folder.path, isDirectory: &isFolder) {
            // Never a file (the live database, say), never a folder with anything in it.
            guard isFolder.boolValue, (try fileManager.contentsOfDirectory(atPath: folder.path)).isEmpty else {
                throw BackupError.destinationNotEmpty(folder.path)
            }
        }
        let parent = folder.deletingLastPathComponent()
        try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
        let staging = parent.appendingPathComponent(".\(folder.lastPathComponent).partial-\(UUID().uuidString.prefix(8))")
        try fileManager.createDirectory(at: staging, withIntermediateDirectories: false)
        do {
            let manifest = try await writeContents(into: staging)
            try manifest.write(to: staging)
            // rmdir(2) removes only an empty folder: a backup that finished meanwhile under the same name stays.
            _ = rmdir(folder.path)
            try fileManager.moveItem(at: staging, to: folder)
            return manifest
        } catch {
            try? fileManager.removeItem(at: staging)
            throw error
        }
    }

    private func writeContents(into staging: URL) async throws -> BackupManifest {
        let started = now()
        let head = try await LedgerRepository.head(on: database.sql)
        let migrations = try await Migrator(database: database, logger: logger).appliedNames()
        let databaseFile: String
        var schema: String?
        switch database.kind {
        case .sqlite:
            databaseFile = Self.sqliteFile
            let target = staging.appendingPathComponent(databaseFile).path
            try await database.sql.raw("VACUUM INTO \(bind: target)").run()
        case .postgresql:
            databaseFile = Self.postgresFile
            let tools = try PostgresTools(databaseURL: configuration.databaseURL ?? "")
            schema = tools.schema
            try await tools.dump(to: staging.appendingPathComponent(databaseFile))
        }
        let files = try await Task.detached { [root = configuration.filesDirectory] in
            try Self.copyFiles(from: root, to: staging.appendingPathComponent("files"))
        }.value
        let (sha256, size) = try BackupManifest.digest(of: staging.appendingPathComponent(databaseFile))
        return BackupManifest(
            createdAt: started.formatted(.iso8601),
            database: database.kind.rawValue,
            schema: schema,
            databaseFile: .init(path: databaseFile, sha256: sha256, size: size),
            ledgerHead: head.map { .init(sequence: $0.sequence, hash: $0.hash) },
            migrations: migrations,
            files: files
        )
    }

    /// Copies every stored file (not the hidden ones being written) and
    /// hashes each copy; returns them in path order.
    static func copyFiles(from root: URL, to target: URL) throws -> [BackupManifest.Item] {
        let fileManager = FileManager.default
        var items: [BackupManifest.Item] = []
        guard fileManager.fileExists(atPath: root.path) else { return items }
        let relativePaths = try storedFiles(under: root)
        for relative in relativePaths {
            let destination = target.appendingPathComponent(relative)
            try fileManager.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
            try fileManager.copyItem(at: root.appendingPathComponent(relative), to: destination)
            let (sha256, size) = try BackupManifest.digest(of: destination)
            items.append(.init(path: "files/" + relative, sha256: sha256, size: size))
        }
        return items
    }

    /// The file store's files, relative to its root, sorted; hidden files
    /// (a write in progress) left out.
    static func storedFiles(under root: URL) throws -> [String] {
        let rootPath = root.standardizedFileURL.path
        guard let walker = FileManager.default.enumerator(atPath: rootPath) else { return [] }
        var paths: [String] = []
        while let relative = walker.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            guard !name.hasPrefix(".") else { continue }
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: rootPath + "/" + relative, isDirectory: &isFolder), !isFolder.boolValue {
                paths.append(relative)
            }
        }
        return paths.sorted()
    }
}
