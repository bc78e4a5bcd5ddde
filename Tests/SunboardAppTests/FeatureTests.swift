import Foundation
import SunboardCore
import Testing

@testable import SunboardApp

/// Each capability is one folder registered through one `Feature`.
@Suite("Features: one folder and one registration per capability")
struct FeatureTests {
    static let app = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/SunboardApp")

    static func folders(_ path: String) throws -> Set<String> {
        let url = app.appendingPathComponent(path)
        return Set(
            try FileManager.default.contentsOfDirectory(at: url, includingPropertiesForKeys: [.isDirectoryKey]).filter {
                (try? $0.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true
            }.map(\.lastPathComponent))
    }

    @Test("Every folder under Features/ is a registered feature, and every feature has its folder")
    func foldersAndRegistrations() throws {
        let names = Features.all.map(\.name)
        #expect(Set(names).count == names.count)
        #expect(try Self.folders("Features") == Set(names))
        // Templates sit in a feature's folder of Resources/Templates, or in Shared.
        #expect(try Self.folders("Resources/Templates").subtracting(["Shared"]).isSubset(of: Set(names)))
    }

    @Test("The schema's history runs in the order of its numbers, as released")
    func migrationOrder() {
        let names = Migrations.all.map(\.name)
        let released = [
            "001_create_units", "002_create_users", "003_create_role_grants", "004_create_sessions",
            "005_create_login_attempts", "006_create_audit_log", "007_create_catalog_items", "008_create_stored_files",
            "009_create_disclosures", "010_create_ledger", "011_create_finance", "012_create_people_boards",
            "013_create_service_boards", "014_create_feedback", "015_create_webhooks", "016_create_compliance",
            "017_create_civic", "018_chain_every_record",
        ]
        // A released step keeps its number and place; a new one takes the next number.
        #expect(Array(names.prefix(released.count)) == released)
        let numbers = names.map { Int($0.prefix(3)) }
        #expect(numbers == (1...names.count).map { Optional($0) })
    }

    @Test("Search asks a source for every kind of hit it can show")
    func searchSources() async throws {
        try await TestApp.run(demo: .none) { app in
            #expect(app.services.search.sources.count == Features.all.flatMap(\.searchSources).count)
            #expect(app.services.search.sources.count >= SearchHit.Kind.allCases.count)
        }
    }

    @Test("A board section links to one feature's page at most, and every such section is on the board")
    func boardLinks() {
        let sections = Features.all.flatMap(\.boardLinks).map(\.section)
        #expect(Set(sections).count == sections.count)
        #expect(Set(sections).isSubset(of: Set(BoardSection.community.map(\.id))))
        #expect(CommunityHome.boardLinks.count == sections.count)
    }

    @Test("The production library carries no demo")
    func noDemoInTheApp() throws {
        var found: [String] = []
        for case let file as URL in FileManager.default.enumerator(at: Self.app, includingPropertiesForKeys: nil)! {
            if file.lastPathComponent.hasPrefix("Demo") { found.append(file.path) }
        }
        #expect(found.isEmpty, "demo files in SunboardApp: \(found)")
    }
}
