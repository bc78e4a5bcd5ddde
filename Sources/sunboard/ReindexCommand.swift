import ArgumentParser
import SunboardApp

struct ReindexCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reindex",
        abstract: "重建搜索索引 / Rebuild the search index from the disclosures public now.",
        discussion: """
            发布、更正和撤回时索引已随之更新，平时不用运行。只在绕过系统直接导入了大量数据（如性能测试）或怀疑索引有误时用。\
            服务可以不停，但重建期间（一百万条约需几分钟）搜索和发布都要等它完成。

            Publishing, correcting and withdrawing keep the index in step; this is for rows loaded beside the system \
            (the search benchmark) or an index in doubt. The server may keep running, but searches and publications \
            wait until the rebuild commits (minutes at a million disclosures).
            """
    )

    @OptionGroup var dataOptions: DataOptions

    func run() async throws {
        let configuration = AppConfiguration.resolve(hostname: nil, port: nil, dataDirectory: dataOptions.data)
        let logger = Runtime.logger()
        let database = try await Database.open(try configuration.databaseConfiguration(), logger: logger)
        do {
            let count = try await database.rebuildSearchIndex()
            say("已重建搜索索引：\(count) 条公开内容 / Search index rebuilt: \(count) disclosures.")
            await database.close()
        } catch {
            await database.close()
            throw error
        }
    }
}
