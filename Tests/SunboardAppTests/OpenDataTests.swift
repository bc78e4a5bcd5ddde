import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import SunboardApp

/// `GET /units/{slug}/open-data.zip`, read back with Python's zipfile (an
/// independent reader of the format).
@Suite("Open data")
struct OpenDataTests {
    /// Each file's text in a ZIP archive, by name.
    static func unzip(_ bytes: [UInt8]) throws -> [String: String] {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("open-data-\(UUID().uuidString).zip")
        try Data(bytes).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let python = Process()
        python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        python.arguments = [
            "python3", "-c",
            """
            import json, sys, zipfile
            z = zipfile.ZipFile(sys.argv[1])
            assert z.testzip() is None
            print(json.dumps({n: z.read(n).decode("utf-8") for n in z.namelist()}))
            """, file.path,
        ]
        let output = Pipe()
        python.standardOutput = output
        try python.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        python.waitUntilExit()
        guard python.terminationStatus == 0 else { throw TestFailure("python could not read the archive") }
        return try JSONDecoder().decode([String: String].self, from: data)
    }

    @Test("A community's archive holds its public records as CSV and JSON with a README, made once per change")
    func community() async throws {
        try await TestApp.run { app in
            try await app.publishDirectly(in: "yincheng", item: "major-matter", title: "开放数据测试：巷道照明")
            try await app.publishDirectly(in: "yinnan", item: "major-matter", title: "别的社区的事")
            let first = try await app.client.execute(uri: "/units/yincheng/open-data.zip", method: .get)
            #expect(first.status == .ok)
            #expect(first.headers[.contentType] == "application/zip")
            #expect(first.headers[.contentDisposition]?.contains("yincheng-open-data.zip") == true)
            let etag = try #require(first.headers[.eTag])
            let files = try Self.unzip(Array(first.body.readableBytesView))

            let csv = try #require(files["disclosure.csv"])
            #expect(!csv.contains("\r\n\r\n"), "no blank rows between records")
            #expect(csv.hasPrefix("\u{FEFF}kind,id,unit,ledger_version,ledger_sequence,recorded_at,"))
            #expect(csv.contains("开放数据测试：巷道照明"))
            #expect(!csv.contains("别的社区的事"))
            let rows = try JSONSerialization.jsonObject(with: Data(try #require(files["disclosure.json"]).utf8)) as? [[String: Any]]
            #expect(rows?.count == 1)
            #expect(rows?.first?["unit"] as? String == "yincheng")
            #expect(files["unit.csv"]?.contains("yincheng") == true)
            let head = try #require(try await app.services.ledger.head())
            let readme = try #require(files["README.md"])
            #expect(readme.contains("\(head.sequence):\(head.hash)"))
            #expect(readme.contains("`disclosure.csv`"))

            // Kept as a file until something public changes.
            let kept = URL(fileURLWithPath: app.services.configuration.dataDirectory).appendingPathComponent("open-data")
            #expect(try FileManager.default.contentsOfDirectory(atPath: kept.path).filter { $0.hasPrefix("yincheng-") }.count == 1)
            let again = try await app.client.execute(uri: "/units/yincheng/open-data.zip", method: .get)
            #expect(again.headers[.eTag] == etag && again.body == first.body)
            // What is served is the kept file, not a new build: a mark added to the file is served with it.
            let keptFile = kept.appendingPathComponent(try #require(try FileManager.default.contentsOfDirectory(atPath: kept.path).first))
            try (try Data(contentsOf: keptFile) + Data("KEPT".utf8)).write(to: keptFile)
            let fromFile = try await app.client.execute(uri: "/units/yincheng/open-data.zip", method: .get)
            #expect(String(buffer: fromFile.body).hasSuffix("KEPT"))
            let unchanged = try await app.client.execute(uri: "/units/yincheng/open-data.zip", method: .get, headers: [.ifNoneMatch: etag])
            #expect(unchanged.status == .notModified)

            try await app.publishDirectly(in: "yincheng", item: "major-matter", title: "第二条")
            let changed = try await app.client.execute(uri: "/units/yincheng/open-data.zip", method: .get, headers: [.ifNoneMatch: etag])
            #expect(changed.status == .ok && changed.headers[.eTag] != etag)
            #expect(try Self.unzip(Array(changed.body.readableBytesView))["disclosure.csv"]?.contains("第二条") == true)
            #expect(try FileManager.default.contentsOfDirectory(atPath: kept.path).filter { $0.hasPrefix("yincheng-") }.count == 1)
        }
    }

    @Test("The office's archive holds every community's records; an unknown or hostile slug is 404")
    func office() async throws {
        try await TestApp.run { app in
            try await app.publishDirectly(in: "yincheng", item: "major-matter", title: "城里的事")
            try await app.publishDirectly(in: "yinnan", item: "major-matter", title: "南边的事")
            let response = try await app.client.execute(uri: "/units/yinzhou/open-data.zip", method: .get)
            #expect(response.status == .ok)
            let csv = try #require(try Self.unzip(Array(response.body.readableBytesView))["disclosure.csv"])
            #expect(csv.contains("城里的事") && csv.contains("南边的事"))
            for path in [
                "/units/nowhere/open-data.zip", "/units/..%2F..%2Fetc/open-data.zip",
                "/units/\(String(repeating: "a", count: 500))/open-data.zip",
            ] {
                #expect(try await app.client.execute(uri: path, method: .get).status == .notFound, "\(path)")
            }
        }
    }
}
