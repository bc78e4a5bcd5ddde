import ArgumentParser
import Foundation
import SunboardApp

struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "创建演示数据并启动 / Create the demo (银州镇办事处 and four communities) and serve it."
    )

    @OptionGroup var server: ServerOptions
    @OptionGroup var dataOptions: DataOptions

    @Flag(name: .long, help: "Seed the demo data and exit without serving.")
    var seedOnly = false

    func run() async throws {
        let configuration = AppConfiguration.resolve(hostname: server.hostname, port: server.port, dataDirectory: dataOptions.data)
        try await Runtime.withServices(configuration) { services in
            let logins = try await DemoSeeder(services: services).seed()
            let base = "http://\(configuration.hostname):\(configuration.port)"
            say(
                """

                阳光居务演示已就绪 / Sunboard demo is ready  (\(Runtime.describe(configuration)))
                  网址 Site:        \(base)/
                  管理 Admin login: \(base)/admin/login
                  所有演示账号的密码 Password of every demo account: \(DemoSeeder.password)

                """)
            let width = logins.map(\.username.count).max() ?? 10
            for login in logins {
                let padded = login.username.padding(toLength: width + 2, withPad: " ", startingAt: 0)
                say("  \(padded)\(login.displayName)  \(login.unitName) \(login.roleName)")
            }
            say("")
            if !seedOnly { try await Runtime.serve(services) }
        }
    }
}
