import ArgumentParser
import Hummingbird
import SunboardApp

/// `sunboard routes`: the route table, for tools that must visit every page
/// (the browser tests' layout walk) and for an operator's proxy rules.
struct RoutesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "routes",
        abstract: "列出全部网址 / Print the route table, one `METHOD /pattern` per line, in path order."
    )

    @OptionGroup var dataOptions: DataOptions

    func run() async throws {
        let configuration = AppConfiguration.resolve(hostname: nil, port: nil, dataDirectory: dataOptions.data)
        let routes = try await Runtime.withServices(configuration) { services in
            buildRouter(services: services).routes.map(\.description)
        }
        for route in routes.sorted(by: { ($0.split(separator: " ").last!, $0) < ($1.split(separator: " ").last!, $1) }) {
            print(route)
        }
    }
}
