import ArgumentParser
import Foundation
import SunboardApp
import SunboardCore

struct VerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "核对公开账本 / Check that nothing published was changed, added or deleted behind the system's back.",
        discussion: """
            Without --remote: recomputes every public record of this installation from its database and files against the \
            ledger. With --remote: checks a server from outside, with its public API only — what anyone can do without an \
            account. Exits 0 when everything matches; otherwise exits 1 and names the first record or entry that does not.
            """
    )

    @OptionGroup var dataOptions: DataOptions

    @Flag(name: .long, help: "Do not re-hash the attached files (faster on a large file store).")
    var skipFiles = false

    @Option(name: .long, help: "Check a server from outside: https://… (or http:// for one on this machine).")
    var remote: String?

    @Option(
        name: .long,
        help:
            "An entry kept from an earlier copy, e.g. from a printed notice: N:HASH or the notice's code N-HASH16; the chain must still hold it."
    )
    var head: String?

    func validate() throws {
        if let remote {
            guard let url = URL(string: remote), let host = url.host, let scheme = url.scheme?.lowercased(),
                scheme == "https" || (scheme == "http" && ["localhost", "127.0.0.1", "::1", "[::1]"].contains(host))
            else {
                throw ValidationError(
                    "“\(remote)”不能用：请用 https:// 开头的地址（本机的服务器可以用 http://）。 / --remote must be an https:// address (http:// only for a server on this machine)."
                )
            }
        }
        if let head, Self.head(head) == nil {
            throw ValidationError("“\(head)”不是账本条目：请写成 123:完整指纹 或纸质公告上的 123-前16位。 / --head must be N:HASH or N-HASH16.")
        }
    }

    /// `123:<64 hex>`, or a paper notice's `123-<16 hex>`.
    static func head(_ text: String) -> (sequence: Int, hash: String)? {
        let parts = text.lowercased().split(whereSeparator: { $0 == ":" || $0 == "-" }).map(String.init)
        guard parts.count == 2, let sequence = Int(parts[0]), sequence > 0, [16, 64].contains(parts[1].count),
            parts[1].allSatisfy(\.isHexDigit)
        else { return nil }
        return (sequence, parts[1])
    }

    func run() async throws {
        if let remote {
            try await verifyRemote(remote)
        } else {
            try await verifyLocal()
        }
    }

    private func verifyLocal() async throws {
        let configuration = AppConfiguration.resolve(hostname: nil, port: nil, dataDirectory: dataOptions.data)
        let started = Date()
        let report = try await Runtime.withServices(configuration) { services in
            try await LedgerVerification(database: services.database, files: skipFiles ? nil : services.files)
                .run(head: head.flatMap(Self.head))
        }
        let seconds = String(format: "%.1f", Date().timeIntervalSince(started))
        if let problem = report.problem {
            say("账本核对不通过：\(problem.chinese)。")
            say("Ledger check FAILED: \(problem.description). (\(report.checked) entries checked before it.)")
            throw ExitCode(1)
        }
        say("账本完好：\(report.checked) 条登记、\(report.records) 项公开记录全部核对无误（\(seconds) 秒）。")
        say(
            "Ledger intact: \(report.checked) entries and \(report.records) public records checked in \(seconds) s"
                + (report.lastHash.map { "; last entry hash \($0)" } ?? "") + ".")
    }

    private func verifyRemote(_ remote: String) async throws {
        let base = remote.hasSuffix("/") ? String(remote.dropLast()) : remote
        let client = OutboundHTTPClient(timeout: .seconds(60), allowsPrivate: true)
        let started = Date()
        let report = try await RemoteVerification { path in
            let answer = try await client.get(base + path, maxAnswer: 64 * 1024 * 1024)
            return (answer.status, answer.body)
        }.run(head: head.flatMap(Self.head))
        let seconds = String(format: "%.1f", Date().timeIntervalSince(started))
        if let failure = report.failure {
            say("无法读取 \(base) 的账本：\(failure)。")
            say("Could not read the ledger of \(base): \(failure).")
            throw ExitCode(2)
        }
        if let problem = report.problem {
            say("\(base) 的账本核对不通过：\(problem.chinese)。")
            say("Ledger of \(base) FAILED: \(problem.description). (\(report.checked) entries checked before it.)")
            throw ExitCode(1)
        }
        say("\(base) 的账本完好：\(report.checked) 条登记、\(report.records) 项公开记录全部核对无误（\(seconds) 秒）。最新一条：第 \(report.lastSequence) 条。")
        say(
            "Ledger of \(base) intact: \(report.checked) entries and \(report.records) public records checked in \(seconds) s"
                + (report.lastHash.map { "; head \(report.lastSequence):\($0)" } ?? "") + ".")
    }
}
