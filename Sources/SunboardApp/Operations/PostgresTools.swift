import Foundation

/// PostgreSQL's own `pg_dump` and `pg_restore`, for backups: they take a
/// consistent snapshot while the server keeps writing, and restore it.
struct PostgresTools {
    /// A URL libpq understands: our own `pool` and `search_path` left out,
    /// and the password too — it goes in the environment, where `ps` does not show it.
    let url: String
    let password: String?
    /// The schema the app uses: the URL's `search_path`, else `public`.
    let schema: String

    init(databaseURL: String) throws {
        guard var components = URLComponents(string: databaseURL) else { throw DatabaseURLError(url: databaseURL) }
        let items = components.queryItems ?? []
        schema = items.first { $0.name == "search_path" }?.value.flatMap { $0.isEmpty ? nil : $0 } ?? "public"
        guard schema.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) else {
            throw DatabaseURLError(url: databaseURL)
        }
        let kept = items.filter { !["pool", "search_path"].contains($0.name) }
        components.queryItems = kept.isEmpty ? nil : kept
        password = components.password
        components.password = nil
        // The app's default user, which libpq would otherwise take from the system account.
        if components.user == nil { components.user = "postgres" }
        guard let url = components.string else { throw DatabaseURLError(url: databaseURL) }
        self.url = url
    }

    /// A tool on the PATH, else the newest in Debian's `/usr/lib/postgresql/<version>/bin`.
    static func find(_ tool: String) throws -> URL {
        let fileManager = FileManager.default
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(tool)
            if fileManager.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        let versions = (try? fileManager.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []
        for version in versions.sorted(by: { $0.compare($1, options: .numeric) == .orderedDescending }) {
            let candidate = URL(fileURLWithPath: "/usr/lib/postgresql/\(version)/bin/\(tool)")
            if fileManager.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        throw BackupError.pgToolMissing(tool)
    }

    /// `pg_dump` in its custom format: compressed, restored by `pg_restore`.
    func dump(to file: URL) async throws {
        var arguments = ["--format=custom", "--no-owner", "--no-privileges", "--file=\(file.path)"]
        if schema != "public" { arguments.append("--schema=\(schema)") }
        try await run("pg_dump", arguments + [url])
    }

    func restore(from file: URL) async throws {
        try await run("pg_restore", ["--no-owner", "--no-privileges", "--exit-on-error", "--dbname=\(url)", file.path])
    }

    /// Runs a tool to its end off the event loop; its error output is the message when it fails.
    private func run(_ tool: String, _ arguments: [String]) async throws {
        let executable = try Self.find(tool)
        let environment = ProcessInfo.processInfo.environment.merging(password.map { ["PGPASSWORD": $0] } ?? [:]) { $1 }
        try await Task.detached {
            let process = Process()
            process.executableURL = executable
            process.arguments = arguments
            process.environment = environment
            let errors = Pipe()
            process.standardError = errors
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            let output = errors.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else {
                let text = String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
                throw BackupError.pgToolFailed(tool, text.replacing(/:[^:@\/]*@/, with: ":***@"))
            }
        }.value
    }
}
