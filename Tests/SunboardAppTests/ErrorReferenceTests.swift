import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Synchronization
import Testing

@testable import SunboardApp

/// A fault on our side leaves one log line, and the answer names it.
@Suite("Errors a resident can report")
struct ErrorReferenceTests {
    /// Keeps every log line, with its metadata, for the test to read.
    final class Lines: Sendable {
        let lines = Mutex<[(message: String, metadata: Logger.Metadata)]>([])
    }

    struct Capture: LogHandler {
        let store: Lines
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .info
        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }
        func log(event: LogEvent) {
            var all = metadata
            for (key, value) in event.metadata ?? [:] { all[key] = value }
            store.lines.withLock { $0.append(("\(event.message)", all)) }
        }
    }

    struct Broken: Error {}

    @Test("A fault is logged once under the request's id, and the page and the API answer show that id")
    func reference() async throws {
        try await TestApp.run(demo: .none) { app in
            let store = Lines()
            let logger = Logger(label: "test") { _ in Capture(store: store) }
            let router = Router(context: AppRequestContext.self)
            router.add(middleware: ErrorMiddleware(renderer: app.services.renderer))
            router.get("/broken") { _, _ -> String in throw Broken() }
            router.get("/api/v1/broken") { _, _ -> String in throw Broken() }
            try await Application(router: router, logger: logger).test(.router) { client in
                let page = try await client.execute(uri: "/broken", method: .get)
                #expect(page.status == .internalServerError)
                let shown = try #require(String(buffer: page.body).firstMatch(of: /<span class="reference">([^<]+)<\/span>/)?.1)
                let api = try await client.execute(uri: "/api/v1/broken", method: .get)
                let answered = try #require(String(buffer: api.body).firstMatch(of: /"request_id":"([^"]+)"/)?.1)
                let failures = store.lines.withLock { $0.filter { $0.message == "Request failed" } }
                #expect(failures.count == 2)
                #expect(failures.map { $0.metadata["request_id"]?.description } == [String(shown), String(answered)])
                #expect(failures.first?.metadata["path"]?.description == "/broken")
                #expect(shown != answered)
                // A refusal is not a fault: no id, no line.
                let missing = try await client.execute(uri: "/api/v1/nothing-here", method: .get)
                #expect(!String(buffer: missing.body).contains("request_id"))
                #expect(store.lines.withLock { $0.filter { $0.message == "Request failed" }.count } == 2)
            }
        }
    }
}
