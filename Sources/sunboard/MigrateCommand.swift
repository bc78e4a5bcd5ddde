import ArgumentParser
import SunboardApp

struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "升级数据库结构 / Apply pending database migrations and exit."
    )

    @OptionGroup var dataOptions: DataOptions

    @Flag(name: .customLong("dry-run"), help: "只列出将要执行的迁移，不改动数据库 / List the migrations that would run; change nothing.")
    var dryRun = false

    func run() async throws {
        let configuration = AppConfiguration.resolve(hostname: nil, port: nil, dataDirectory: dataOptions.data)
        let logger = Runtime.logger()
        let database = try await Database.open(try configuration.databaseConfiguration(), logger: logger)
        do {
            let migrator = Migrator(database: database, logger: logger)
            if dryRun {
                let pending = try await migrator.pendingNames()
                say(
                    pending.isEmpty
                        ? "数据库已是最新，没有要执行的迁移 / Database is up to date; nothing would run."
                        : "将要执行 \(pending.count) 个迁移（未改动数据库）/ \(pending.count) migrations would run (nothing changed):\n"
                            + pending.map { "  \($0)" }.joined(separator: "\n"))
                await database.close()
                return
            }
            let applied = try await migrator.migrate()
            let all = try await migrator.appliedNames()
            say(
                applied.isEmpty
                    ? "数据库已是最新（\(all.count) 个迁移）/ Database is up to date (\(all.count) migrations)."
                    : "已应用 \(applied.count) 个迁移 / Applied \(applied.count) migrations: \(applied.joined(separator: ", "))")
            await database.close()
        } catch {
            await database.close()
            throw error
        }
    }
}
