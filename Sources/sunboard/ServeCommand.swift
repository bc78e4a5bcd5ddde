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

    func run() async throws {
        let configuration = AppConfiguration.resolve(hostname: server.hostname, port: server.port, dataDirectory: dataOptions.data)
        try await Runtime.withServices(configuration) { services in
            say("阳光居务 Sunboard: http://\(configuration.hostname):\(configuration.port)/  (\(Runtime.describe(configuration)))")
            try await Runtime.serve(services)
        }
    }
}
