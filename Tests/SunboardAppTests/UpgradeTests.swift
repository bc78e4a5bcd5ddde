import Foundation
import SQLKit
import SunboardCore
import Testing

@testable import SunboardApp

/// A database made by the release before every public record was chained
/// (Fixtures/README.md) upgrades in place: its disclosures' entries are kept
/// as they were hashed, every other record public then gets one genesis entry
/// after them, and the whole verifies — and still catches a changed row.
@Suite("A database from the previous release upgrades and verifies")
struct UpgradeTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/release-c371fef.sqlite.gz")

    /// A copy of the old database in a new folder (SQLite: the file is what an installation keeps).
    static func oldDatabase() throws -> (path: String, folder: URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sunboard-upgrade-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("sunboard.sqlite").path
        let gunzip = Process()
        gunzip.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        gunzip.arguments = ["gzip", "-dc", fixture.path]
        FileManager.default.createFile(atPath: path, contents: nil)
        gunzip.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try gunzip.run()
        gunzip.waitUntilExit()
        guard gunzip.terminationStatus == 0 else { throw TestFailure("gzip could not read \(fixture.path)") }
        return (path, folder)
    }

    static func entryCounts(_ database: Database) async throws -> [String: Int] {
        let rows = try await database.sql.raw(
            "SELECT record_kind AS kind, COUNT(*) AS n FROM ledger_entries WHERE event = 'genesis' GROUP BY record_kind"
        ).all()
        return Dictionary(
            uniqueKeysWithValues: try rows.map {
                (try $0.decode(column: "kind", as: String.self), try $0.decode(column: "n", as: Int.self))
            })
    }

    @Test(
        "A dry run lists the steps the previous release lacks, in order, and changes nothing", .enabled(if: TestDatabase.postgresURL == nil)
    )
    func dryRun() async throws {
        let (path, folder) = try Self.oldDatabase()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = try await Database.open(.sqlite(path: path), logger: TestDatabase.logger)
        do {
            let migrator = Migrator(database: database, logger: TestDatabase.logger)
            let applied = try await migrator.appliedNames()
            let pending = try await migrator.pendingNames()
            #expect(pending.contains(ChainEveryRecord().name))
            #expect(applied + pending == Migrations.all.map(\.name))
            #expect(try await migrator.appliedNames() == applied)
            // What it listed is what runs.
            #expect(try await migrator.migrate() == pending)
            #expect(try await migrator.pendingNames().isEmpty)
            await database.close()
        } catch {
            await database.close()
            throw error
        }
    }

    @Test("A dry run on an empty database lists every step and creates no table")
    func dryRunEmpty() async throws {
        let fresh = try await TestDatabase.make()
        let database = try await fresh.open()
        let migrator = Migrator(database: database, logger: TestDatabase.logger)
        #expect(try await migrator.pendingNames() == Migrations.all.map(\.name))
        #expect(try await migrator.pendingNames() == Migrations.all.map(\.name))  // the first created nothing
        try await migrator.migrate()
        #expect(try await migrator.pendingNames().isEmpty)
        await database.close()
        await fresh.destroy()
    }

    // The fixture is a SQLite file, so the suite's PostgreSQL pass has nothing more to show here.
    @Test(
        "Migrating chains what was public, keeps the old entries, verifies, and names a row changed afterwards",
        .enabled(if: TestDatabase.postgresURL == nil))
    func upgrade() async throws {
        let (path, folder) = try Self.oldDatabase()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = try await Database.open(.sqlite(path: path), logger: TestDatabase.logger)
        do {
            let ledger = LedgerRepository(database: database)
            // Read with the old release's columns: the entries as they were hashed.
            let before = try await database.sql.raw("SELECT sequence, entry_hash FROM ledger_entries ORDER BY sequence").all().map {
                (try $0.decode(column: "sequence", as: Int.self), try $0.decode(column: "entry_hash", as: String.self))
            }
            #expect(!before.isEmpty)

            let applied = try await Migrator(database: database, logger: TestDatabase.logger).migrate()
            #expect(applied.contains(ChainEveryRecord().name))

            // The old entries are untouched, and every kind of record public then is chained after them.
            let after = try await ledger.entries(after: 0, limit: 10_000)
            #expect(after.prefix(before.count).map { "\($0.sequence) \($0.entryHash)" } == before.map { "\($0.0) \($0.1)" })
            #expect(after.prefix(before.count).allSatisfy { $0.format == 1 })
            #expect(after.dropFirst(before.count).allSatisfy { $0.event == .genesis && $0.format == 2 })
            let genesis = try await Self.entryCounts(database)
            for kind in [
                "finance_line", "signature_chain", "board_card", "cadre", "directory_entry", "guide", "election", "meeting",
                "hearing", "project", "feedback", "unit", "catalog_item",
            ] {
                #expect((genesis[kind] ?? 0) > 0, "no genesis entries for \(kind)")
            }
            let postedLines = try await database.sql.raw("SELECT COUNT(*) AS n FROM finance_entries").first()!
                .decode(column: "n", as: Int.self)
            #expect(genesis["finance_line"] == postedLines)

            var report = try await LedgerVerification(database: database).run()
            #expect(report.problem == nil)
            #expect(report.checked == after.count)

            // Migrating again changes nothing.
            #expect(try await Migrator(database: database, logger: TestDatabase.logger).migrate().isEmpty)
            #expect(try await ledger.count() == after.count)

            // A posted line raised by ¥100 behind the system's back is named.
            let line = try await database.sql.raw(
                "SELECT MIN(id) AS id FROM finance_entries WHERE kind = 'expense'"
            ).first()!.decode(column: "id", as: Int.self)
            try await database.sql.raw("UPDATE finance_entries SET amount_fen = amount_fen + 10000 WHERE id = \(bind: line)").run()
            report = try await LedgerVerification(database: database).run()
            guard case .stateDiffers(kind: "finance_line", id: line, let fields)? = report.problem?.kind else {
                Issue.record("expected finance line \(line) to be named, got \(String(describing: report.problem))")
                await database.close()
                return
            }
            #expect(fields == ["amount_fen"])
        } catch {
            await database.close()
            throw error
        }
        await database.close()
    }
}
