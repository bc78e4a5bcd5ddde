import ArgumentParser
import Foundation
import SunboardApp
import SunboardCore
import SunboardDemo

struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "创建演示数据并启动 / Create the demo (银州镇办事处 and four communities) and serve it."
    )

    @OptionGroup var server: ServerOptions
    @OptionGroup var dataOptions: DataOptions

    @Flag(name: .long, help: "Seed the demo data and exit without serving.")
    var seedOnly = false

    @Option(
        name: .long,
        help:
            "Play the demo as if today were this day, YYYY-MM-DD (default: $SUNBOARD_TODAY, else the real day). For tests and screenshots.")
    var today: String?

    /// The day asked for, by the flag or the environment; `nil` for the real one.
    private var day: String? {
        (today ?? ProcessInfo.processInfo.environment[Self.todayVariable]).flatMap { $0.isEmpty ? nil : $0 }
    }

    func validate() throws {
        if let day, CalendarDate(day) == nil {
            throw ValidationError("“\(day)”不是日期，请写成 2026-11-20 / --today must be a date such as 2026-11-20.")
        }
    }

    func run() async throws {
        let configuration = AppConfiguration.resolve(hostname: server.hostname, port: server.port, dataDirectory: dataOptions.data)
        let clock = day.flatMap(CalendarDate.init).map { WallClock.shifted(to: $0) } ?? .system
        try await Runtime.withServices(configuration, clock: clock) { services in
            let logins = try await DemoSeeder(services: services).seed()
            let base = "http://\(configuration.hostname):\(configuration.port)"
            say(
                """

                阳光居务演示已就绪 / Sunboard demo is ready  (\(Runtime.describe(configuration)))
                  今天 Today:       \(CalendarDate(services.clock.now).chinese)
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

    /// Sets the demo's day; only `demo` reads it, and `serve` refuses to start while it is set.
    static let todayVariable = "SUNBOARD_TODAY"
}
