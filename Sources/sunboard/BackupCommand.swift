import ArgumentParser
import Foundation
import SunboardApp

struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "备份数据库和附件 / Write a consistent backup of the database and the file store while the server runs.",
        discussion: """
            Writes DIR (new or empty): the database (SQLite's VACUUM INTO, or pg_dump on PostgreSQL), every stored file under \
            files/, and manifest.json with each file's SHA-256. The database is not migrated or changed. Copy the folder off \
            the machine (docs/DEPLOY.md); `sunboard restore --from DIR` puts it back.
            """
    )

    @OptionGroup var dataOptions: DataOptions

    @Option(name: .long, help: "新建的备份目录 / The folder to write (must be new or empty).")
    var to: String

    func run() async throws {
        let configuration = AppConfiguration.resolve(hostname: nil, port: nil, dataDirectory: dataOptions.data)
        let logger = Runtime.logger()
        let started = Date()
        let database = try await Database.open(try configuration.databaseConfiguration(), logger: logger)
        let manifest: BackupManifest
        do {
            manifest = try await Backup(database: database, configuration: configuration, logger: logger)
                .write(to: URL(fileURLWithPath: to))
            await database.close()
        } catch {
            await database.close()
            throw error
        }
        let seconds = String(format: "%.1f", Date().timeIntervalSince(started))
        let bytes = manifest.files.reduce(manifest.databaseFile.size) { $0 + $1.size }
        let size = ByteCountFormatter.string(fromByteCount: Int64(bytes), countStyle: .file)
        say("备份完成：\(to)（数据库和 \(manifest.files.count) 个附件，共 \(size)，用时 \(seconds) 秒）。")
        say(
            "Backup written to \(to): the database and \(manifest.files.count) files, \(size), in \(seconds) s"
                + (manifest.ledgerHead.map { "; ledger head \($0.sequence):\($0.hash)" } ?? "") + ".")
    }
}
