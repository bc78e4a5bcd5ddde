import ArgumentParser
import Foundation
import SunboardApp
import SunboardCore

struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "管理工作人员账号 / Manage staff accounts.",
        subcommands: [Add.self, Password.self]
    )

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "新建账号并授予一个角色 / Create an account with one role in one unit.",
            discussion: "Roles: \(Role.allCases.map { "\($0.rawValue) (\($0.chineseName))" }.joined(separator: ", "))."
        )

        @Option(help: "Login name: lowercase letters, digits, . _ -")
        var username: String

        @Option(help: "Full name, e.g. 王建国.")
        var name: String

        @Option(help: "Role to grant.")
        var role: String

        @Option(help: "Slug of the unit the role is held in, e.g. yincheng.")
        var unit: String

        @Option(help: "Initial password; when omitted a strong one is generated and printed.")
        var password: String?

        @OptionGroup var dataOptions: DataOptions

        func run() async throws {
            let username = self.username.lowercased()
            guard let role = Role(rawValue: role) else {
                throw ValidationError(
                    "未知角色 Unknown role “\(self.role)”. Use one of: \(Role.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            let password = self.password ?? Self.generatePassword()
            let issues = [Credentials.usernameIssue(username), Credentials.displayNameIssue(name), Credentials.passwordIssue(password)]
                .compactMap { $0 }
            guard issues.isEmpty else {
                throw ValidationError(issues.map { "\($0.message) / \($0.englishMessage)" }.joined(separator: "\n"))
            }
            let configuration = AppConfiguration.resolve(hostname: nil, port: nil, dataDirectory: dataOptions.data)
            try await Runtime.withServices(configuration) { services in
                guard let unit = try await services.units.find(slug: self.unit) else {
                    throw ValidationError("没有这个单位 No unit with slug “\(self.unit)”.")
                }
                guard role.isGrantable(in: unit.kind) else {
                    throw ValidationError(
                        "“\(role.chineseName)”不能设在\(unit.kind.chineseName) / role \(role.rawValue) cannot be held in a unit of kind \(unit.kind.rawValue)."
                    )
                }
                try await services.users.createAccount(
                    username: username, displayName: name.trimmed, passwordHash: try await services.hasher.hash(password),
                    role: role, unitID: unit.id, audit: services.audit,
                    entry: .init(
                        actorID: nil, actorName: "sunboard user add", action: "user.create", unitID: unit.id, subject: username,
                        detail: "命令行新建用户“\(name)”，角色：\(unit.name)\(role.chineseName)", address: "cli"),
                    at: services.clock.now
                )
                say("已创建 Created \(username) (\(name)): \(unit.name) \(role.chineseName)")
                if self.password == nil { say("初始密码 Initial password: \(password)") }
            }
        }

        /// 16 characters from an alphabet without look-alikes (0/O, 1/l).
        static func generatePassword() -> String {
            let alphabet = Array("abcdefghjkmnpqrstuvwxyzACDEFGHJKMNPQRSTUVWXYZ23456789")
            var generator = SystemRandomNumberGenerator()
            return String((0..<16).map { _ in alphabet.randomElement(using: &generator)! })
        }
    }

    struct Password: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "password",
            abstract: "重设密码 / Reset an account's password (prints a new one)."
        )

        @Option(help: "Login name.")
        var username: String

        @OptionGroup var dataOptions: DataOptions

        func run() async throws {
            let configuration = AppConfiguration.resolve(hostname: nil, port: nil, dataDirectory: dataOptions.data)
            try await Runtime.withServices(configuration) { services in
                let password = Add.generatePassword()
                try await services.users.resetPassword(
                    username: username.lowercased(), to: password, hasher: services.hasher, audit: services.audit,
                    at: services.clock.now)
                say("新密码 New password for \(username): \(password)")
            }
        }
    }
}
