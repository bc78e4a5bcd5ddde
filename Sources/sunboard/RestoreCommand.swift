import ArgumentParser
import Foundation
import SunboardApp
import SunboardCore

struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "从备份恢复 / Restore a backup written by `sunboard backup`, then verify the ledger.",
        discussion: """
            Stop the server first. Checks every file of DIR against its manifest before changing anything; refuses an \
            installation that already holds data unless --force (what it replaces is kept: an SQLite file as \
            sunboard.sqlite.before-restore-…, a PostgreSQL schema as <schema>_old_<time>; put back if the restore fails). Then migrates the database forward and runs `verify`: exits 1 if the \
            restored ledger does not check out.
            """
    )

    @OptionGroup var dataOptions: DataOptions

    @Option(name: .long, help: "备份目录 / The backup folder.")
    var from: String

    @Flag(name: .long, help: "覆盖已有数据 / Replace the data this installation holds.")
    var force = false

    func run() async throws {
        let configuration = AppConfiguration.resolve(hostname: nil, port: nil, dataDirectory: dataOptions.data)
        let started = Date()
        let report = try await Restore(configuration: configuration, logger: Runtime.logger())
            .run(from: URL(fileURLWithPath: from), force: force)
        let seconds = String(format: "%.1f", Date().timeIntervalSince(started))
        if let aside = report.setAside {
            say("被替换的数据已另存为 \(aside)，确认无误后可删除 / What was replaced is kept as \(aside); remove it once you are satisfied.")
        }
        if !report.migrated.isEmpty {
            say("已升级数据库结构 / Migrated forward: \(report.migrated.joined(separator: ", ")).")
        }
        if let problem = report.verification.problem {
            say("已恢复，但账本核对不通过：\(problem.chinese)。")
            say("Restored, but the ledger check FAILED: \(problem.description).")
            throw ExitCode(1)
        }
        say(
            "恢复完成：\(report.manifest.createdAt) 的备份，\(report.manifest.files.count) 个附件；账本完好，\(report.verification.checked) 条登记核对无误（\(seconds) 秒）。"
        )
        say(
            "Restored the backup of \(report.manifest.createdAt) with \(report.manifest.files.count) files; ledger intact, "
                + "\(report.verification.checked) entries checked, in \(seconds) s.")
    }
}
