import ArgumentParser
import SunboardApp
import SunboardCore

struct VerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "核对公开账本 / Recompute the ledger's hash chain against the stored records.",
        discussion: "Exits 0 when every entry matches; otherwise exits 1 and names the first entry that does not."
    )

    @OptionGroup var dataOptions: DataOptions

    @Flag(name: .long, help: "Do not re-hash the attached files (faster on a large file store).")
    var skipFiles = false

    func run() async throws {
        let configuration = AppConfiguration.resolve(hostname: nil, port: nil, dataDirectory: dataOptions.data)
        let report = try await Runtime.withServices(configuration) { services in
            try await LedgerVerification(database: services.database, files: skipFiles ? nil : services.files).run()
        }
        if let problem = report.problem {
            say("账本核对不通过：\(problem.chinese)。之前的 \(report.checked) 条无误。")
            say("Ledger check FAILED at \(problem.description). \(report.checked) entries before it are intact.")
            throw ExitCode(1)
        }
        say("账本完好：\(report.checked) 条登记全部核对无误。")
        say("Ledger intact: \(report.checked) entries checked\(report.lastHash.map { "; last entry hash \($0)" } ?? "").")
    }
}
