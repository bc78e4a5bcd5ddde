import ArgumentParser
import SunboardApp

/// Where the data lives. `DATABASE_URL` in the environment selects
/// PostgreSQL instead of the SQLite file.
struct DataOptions: ParsableArguments {
    @Option(name: .long, help: "Data folder (default: $SUNBOARD_DATA or ./data).")
    var data: String?
}

/// Where the server listens.
struct ServerOptions: ParsableArguments {
    @Option(name: .long, help: "Address to listen on (default 127.0.0.1).")
    var hostname: String?

    @Option(name: .long, help: "Port to listen on (default 8080).")
    var port: Int?
}
