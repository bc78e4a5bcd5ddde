import Crypto
import Foundation
import SunboardCore

/// `manifest.json`, written last into a backup folder: what the backup
/// holds and the SHA-256 of every file in it, so a restore can tell a
/// complete, unchanged backup from a damaged one before it touches anything.
public struct BackupManifest: Codable, Sendable, Equatable {
    public static let format = "sunboard-backup"
    public static let fileName = "manifest.json"

    public struct Item: Codable, Sendable, Equatable {
        /// Relative to the backup folder, with `/`.
        public var path: String
        public var sha256: String
        public var size: Int
    }

    public struct Head: Codable, Sendable, Equatable {
        public var sequence: Int
        public var hash: String
    }

    public var format = Self.format
    public var version = 1
    /// When the backup began, UTC (ISO 8601).
    public var createdAt: String
    /// `sqlite` or `postgresql`: a backup restores into the same kind.
    public var database: String
    /// The PostgreSQL schema dumped (`public` unless the URL named one).
    public var schema: String?
    /// The database copy: `database.sqlite` or pg_dump's `database.pgdump`.
    public var databaseFile: Item
    /// The ledger's head when the backup began: the restored ledger must hold it.
    public var ledgerHead: Head?
    /// The migrations the database had: a newer release migrates it forward.
    public var migrations: [String]
    /// Every stored attachment, under `files/`.
    public var files: [Item]

    enum CodingKeys: String, CodingKey {
        case format, version, database, schema, migrations, files
        case createdAt = "created_at"
        case databaseFile = "database_file"
        case ledgerHead = "ledger_head"
    }

    /// Every item, the database first.
    var items: [Item] { [databaseFile] + files }

    /// Reads a backup folder's manifest and checks every file it lists
    /// against its size and SHA-256.
    static func read(from folder: URL) throws -> BackupManifest {
        let url = folder.appendingPathComponent(fileName)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw BackupError.notABackup(folder.path)
        }
        guard let manifest = try? JSONDecoder().decode(BackupManifest.self, from: data), manifest.format == format else {
            throw BackupError.notABackup(folder.path)
        }
        guard manifest.version == 1 else { throw BackupError.unknownVersion(manifest.version) }
        guard [Backup.sqliteFile, Backup.postgresFile].contains(manifest.databaseFile.path),
            manifest.files.allSatisfy({ $0.path.hasPrefix("files/") })
        else { throw BackupError.notABackup(folder.path) }
        for item in manifest.items {
            guard !item.path.split(separator: "/").contains(".."), !item.path.hasPrefix("/") else {
                throw BackupError.damaged(item.path)
            }
            let (sha256, size) = try BackupManifest.digest(of: folder.appendingPathComponent(item.path))
            guard sha256 == item.sha256, size == item.size else { throw BackupError.damaged(item.path) }
        }
        return manifest
    }

    func write(to folder: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try encoder.encode(self).write(to: folder.appendingPathComponent(Self.fileName))
    }

    /// SHA-256 and size of a file, read a megabyte at a time. A missing file
    /// is a damaged backup.
    static func digest(of url: URL) throws -> (sha256: String, size: Int) {
        guard let handle = try? FileHandle(forReadingFrom: url) else { throw BackupError.damaged(url.lastPathComponent) }
        defer { try? handle.close() }
        var hash = SHA256()
        var size = 0
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            hash.update(data: chunk)
            size += chunk.count
        }
        return (CanonicalForm.hex(hash.finalize()), size)
    }
}

/// Why a backup or a restore stopped, in Chinese and English.
public enum BackupError: Error, CustomStringConvertible, Equatable {
    case destinationNotEmpty(String)
    case notABackup(String)
    case unknownVersion(Int)
    case damaged(String)
    case wrongDatabase(backup: String, installation: String)
    case wrongSchema(backup: String, installation: String)
    case newerRelease(String)
    case restoreFailed(String, keptAside: String?)
    case installationNotEmpty
    case pgToolMissing(String)
    case pgToolFailed(String, String)

    public var description: String {
        switch self {
        case .destinationNotEmpty(let path):
            "备份目录“\(path)”已有文件，请换一个新的空目录。 / The backup folder \(path) is not empty; name a new one."
        case .notABackup(let path):
            "“\(path)”不是阳光居务的备份（没有可读的 manifest.json）。 / \(path) is not a Sunboard backup (no readable manifest.json)."
        case .unknownVersion(let version):
            "这份备份的格式（第 \(version) 版）比本程序新，请用更新的版本恢复。 / This backup's format (version \(version)) is newer than this program; restore it with a newer release."
        case .damaged(let path):
            "备份已损坏：“\(path)”缺失或与清单的校验值不符，未做任何改动。 / The backup is damaged: \(path) is missing or does not match its SHA-256 in the manifest; nothing was changed."
        case .wrongDatabase(let backup, let installation):
            "这是 \(backup) 数据库的备份，不能恢复到 \(installation)。 / This is a \(backup) backup; it cannot be restored into \(installation)."
        case .wrongSchema(let backup, let installation):
            "这是 PostgreSQL 模式 \(backup) 的备份，而这里用的是 \(installation)：请让 search_path 一致。 / This backup is of schema \(backup); this installation uses \(installation): make search_path match."
        case .newerRelease(let migration):
            "这份备份来自更新的版本（含迁移 \(migration)），请先升级本程序再恢复。 / This backup comes from a newer release (migration \(migration)); upgrade this program first."
        case .restoreFailed(let reason, let aside):
            "恢复失败，已放回原来的数据 / The restore failed and the data it replaced was put back: \(reason)"
                + (aside.map { " (\($0))" } ?? "")
        case .installationNotEmpty:
            "这里已经有数据。恢复会替换它们：确认无误后加 --force 再运行（原来的数据会另存一份）。 / This installation already holds data. Restoring replaces it: run again with --force if that is what you want (what it holds is kept aside)."
        case .pgToolMissing(let tool):
            "找不到 PostgreSQL 的 \(tool)：请安装 postgresql-client（版本不低于服务器）。 / \(tool) was not found: install postgresql-client (the server's version or newer)."
        case .pgToolFailed(let tool, let output):
            "\(tool) 执行失败 / \(tool) failed: \(output)"
        }
    }
}
