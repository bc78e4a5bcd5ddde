import ArgumentParser
import Foundation
import SunboardApp

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "启动服务 / Start the server (migrates the database first)."
    )

    @OptionGroup var server: ServerOptions
    @OptionGroup var dataOptions: DataOptions

    func validate() throws {
        if ProcessInfo.processInfo.environment[DemoCommand.todayVariable] != nil {
            throw ValidationError(
                "\(DemoCommand.todayVariable) 只用于演示，正式服务总用真实的日期；请取消这个设置后再启动。"
                    + " / \(DemoCommand.todayVariable) is for the demo only: a real server always runs on the real date. Unset it to serve."
            )
        }
    }

    func run() async throws {
        let configuration = AppConfiguration.resolve(hostname: server.hostname, port: server.port, dataDirectory: dataOptions.data)
        try await Runtime.withServices(configuration) { services in
            say("阳光居务 Sunboard: http://\(configuration.hostname):\(configuration.port)/  (\(Runtime.describe(configuration)))")
            try await Runtime.serve(services)
        }
    }
}
