import Foundation
import SQLKit
import SunboardCore
import Testing

@testable import SunboardApp

/// Every table of the database, changed with plain SQL behind the app's
/// back, one row at a time: `verify` must name what changed. A table that
/// feeds a public page, feed, print view, export or API has its cases; every
/// other table says why nothing public reads it. A new table with neither
/// fails the first test until it is placed.
@Suite("verify catches a change, an insertion or a deletion in any table a public page reads")
struct TamperTests {
    /// What `verify` must report.
    enum Finding: Sendable, CustomStringConvertible {
        /// The record of this kind differs from its last chained version.
        case differs(String)
        /// A record of this kind is public but was never chained.
        case notChained(String)
        /// A record of this kind is chained as public but its rows are gone.
        case gone(String)
        /// The chain itself: an entry or a stored version.
        case chain
        /// A file a public record names.
        case file

        func matches(_ problem: LedgerVerifier.Problem?) -> Bool {
            switch (self, problem?.kind) {
            case (.differs(let kind), .stateDiffers(let found, _, _)?): found == kind
            case (.notChained(let kind), .stateNotChained(let found, _)?): found == kind
            case (.gone(let kind), .stateGone(let found, _)?): found == kind
            case (.chain, .recordChanged?), (.chain, .recordMissing?), (.chain, .entryChanged?), (.chain, .chainBroken?),
                (.chain, .sequenceGap?), (.chain, .recordNotChained?):
                true
            case (.file, .fileAltered?): true
            default: false
            }
        }

        var description: String {
            switch self {
            case .differs(let kind): "\(kind) differs"
            case .notChained(let kind): "\(kind) not chained"
            case .gone(let kind): "\(kind) gone"
            case .chain: "the chain"
            case .file: "a file"
            }
        }
    }

    /// A statement as written, or a copy of a row under a new id.
    enum Statement: Sendable, ExpressibleByStringLiteral, ExpressibleByStringInterpolation {
        case sql(String)
        case copy(table: String, condition: String, changes: [String: String])

        init(stringLiteral value: String) { self = .sql(value) }
        init(stringInterpolation: DefaultStringInterpolation) { self = .sql(String(stringInterpolation: stringInterpolation)) }
    }

    struct Case: Sendable {
        var what: String
        var sql: [Statement]
        var finding: Finding

        init(_ what: String, _ finding: Finding, _ sql: Statement...) {
            self.what = what
            self.sql = sql
            self.finding = finding
        }
    }

    /// Rows picked by what they are, not by id: the fixture's own.
    static let card =
        "(SELECT MIN(id) FROM board_cards WHERE status = 'on_roster' AND unit_id = (SELECT id FROM units WHERE slug = 'yincheng'))"
    static let expense = "(SELECT MIN(id) FROM finance_entries WHERE reimbursement_id IS NOT NULL)"
    static let request = "(SELECT reimbursement_id FROM finance_entries WHERE reimbursement_id IS NOT NULL)"
    static let income = "(SELECT MIN(id) FROM finance_entries WHERE kind = 'income')"
    static let corrected = "(SELECT MIN(disclosure_id) FROM disclosure_versions WHERE number = 2)"
    static let first = "(SELECT MIN(id) FROM disclosures WHERE published_version > 0 AND withdrawn_at IS NULL)"
    static let attachment = "(SELECT MIN(sha256) FROM version_attachments)"

    /// The public tables and the single-row changes each must reveal.
    static let cases: [String: [Case]] = [
        "units": [
            Case("a community renamed", .differs("unit"), "UPDATE units SET name = name || '二' WHERE slug = 'yincheng'"),
            Case("its population changed", .differs("unit"), "UPDATE units SET population = 1 WHERE slug = 'yincheng'"),
            Case("a community added", .notChained("unit"), copy("units", "slug = 'yinxin'", ["slug": "'yinxi2'", "name": "'银西社区'"])),
            Case("a community deleted", .gone("unit"), "DELETE FROM units WHERE slug = 'yinxin'"),
        ],
        "catalog_items": [
            Case("an item retitled", .differs("catalog_item"), "UPDATE catalog_items SET title = '改' WHERE code = 'office-funds'"),
            Case("an item added", .notChained("catalog_item"), copy("catalog_items", "code = 'duties'", ["code": "'duties-2'"])),
            Case("an item deleted", .gone("catalog_item"), "DELETE FROM catalog_items WHERE code = 'duties'"),
        ],
        "catalog_rules": [
            Case("a rule's due day", .differs("catalog_item"), "UPDATE catalog_rules SET due_day = 28"),
            Case("a rule deleted", .differs("catalog_item"), "DELETE FROM catalog_rules"),
            Case(
                "a rule added", .differs("catalog_item"),
                copy("catalog_rules", "id = (SELECT MIN(id) FROM catalog_rules)", ["effective_from": "'2027-01-01'"])),
        ],
        "compliance_settings": [
            Case("a weight", .differs("assessment_weights"), "UPDATE compliance_settings SET weight_on_time = 90"),
            Case("the weights deleted", .gone("assessment_weights"), "DELETE FROM compliance_settings"),
        ],
        "assessment_notes": [
            Case("a note's words", .differs("assessment_note"), "UPDATE assessment_notes SET text = '通报批评'"),
            Case("a note deleted", .gone("assessment_note"), "DELETE FROM assessment_notes"),
            Case("a note added", .notChained("assessment_note"), copy("assessment_notes", "id = (SELECT MIN(id) FROM assessment_notes)")),
        ],
        "disclosures": [
            Case(
                "a correction hidden: published_version lowered", .differs("disclosure"),
                "UPDATE disclosures SET published_version = 1 WHERE id = \(corrected)"),
            Case(
                "a fake withdrawal", .differs("disclosure"),
                "UPDATE disclosures SET withdrawn_at = first_published_at + 60, withdraw_reason = '重复', withdrawn_by = '某人' WHERE id = \(first)"
            ),
            Case(
                "moved to another community", .differs("disclosure"),
                "UPDATE disclosures SET unit_id = (SELECT id FROM units WHERE slug = 'yinnan') WHERE id = \(first)"),
            Case(
                "published earlier (scores change)", .differs("disclosure"),
                "UPDATE disclosures SET first_published_at = first_published_at - 864000 WHERE id = \(first)"),
            Case("its period", .differs("disclosure"), "UPDATE disclosures SET period = '2026-10' WHERE id = \(first)"),
            Case(
                "its catalog item", .differs("disclosure"),
                "UPDATE disclosures SET catalog_item_id = (SELECT id FROM catalog_items WHERE code = 'duties') WHERE id = \(first)"),
            Case(
                "a notice made longer", .differs("disclosure"),
                "UPDATE disclosures SET notice_ends = '2027-01-01' WHERE notice_ends IS NOT NULL AND published_version > 0"),
            Case("one added", .notChained("disclosure"), copy("disclosures", "id = \(first)")),
            Case("one deleted", .gone("disclosure"), "DELETE FROM disclosures WHERE id = \(first)"),
        ],
        "disclosure_versions": [
            Case("a version's words", .differs("disclosure"), "UPDATE disclosure_versions SET body = '改过' WHERE disclosure_id = \(first)"),
            Case(
                "who published it", .differs("disclosure"),
                "UPDATE disclosure_versions SET published_by = '某人' WHERE disclosure_id = \(first)"),
            Case(
                "a version deleted", .differs("disclosure"),
                "DELETE FROM disclosure_versions WHERE disclosure_id = \(corrected) AND number = 2"),
            Case(
                "a version added", .differs("disclosure"),
                copy("disclosure_versions", "disclosure_id = \(first)", ["number": "7"])),
        ],
        "version_attachments": [
            Case("a file's name", .differs("disclosure"), "UPDATE version_attachments SET name = '别的.pdf'"),
            Case("a file taken off", .differs("disclosure"), "DELETE FROM version_attachments WHERE sha256 = \(attachment)"),
        ],
        "civic_posts": [
            Case(
                "a step's data", .differs("disclosure"),
                "UPDATE civic_posts SET payload = REPLACE(payload, '服务中心', '别处') WHERE kind = 'election_stage'"),
            Case("a step's data deleted", .differs("disclosure"), "DELETE FROM civic_posts WHERE kind = 'meeting_agenda'"),
        ],
        "elections": [
            Case("its name", .differs("election"), "UPDATE elections SET title = '改'"),
            Case("its voting day", .differs("election"), "UPDATE elections SET vote_on = '2027-01-05'"),
        ],
        "meetings": [Case("its place", .differs("meeting"), "UPDATE meetings SET place = '别处'")],
        "hearings": [Case("its topic", .differs("hearing"), "UPDATE hearings SET topic = '别的'")],
        "projects": [
            Case("its budget", .differs("project"), "UPDATE projects SET budget = budget * 2"),
            Case("deleted", .gone("project"), "DELETE FROM projects"),
        ],
        "finance_entries": [
            Case(
                "an expense raised by ¥100", .differs("finance_line"),
                "UPDATE finance_entries SET amount_fen = amount_fen + 10000 WHERE id = \(expense)"),
            Case("an income's summary", .differs("finance_line"), "UPDATE finance_entries SET summary = '改' WHERE id = \(income)"),
            Case("an expense deleted", .gone("finance_line"), "DELETE FROM finance_entries WHERE id = \(expense)"),
            Case("a line added", .notChained("finance_line"), copy("finance_entries", "id = \(income)")),
        ],
        "reimbursement_receipts": [
            Case("a receipt swapped", .differs("finance_line"), "UPDATE reimbursement_receipts SET sha256 = \(attachment)"),
            Case("a receipt deleted", .differs("finance_line"), "DELETE FROM reimbursement_receipts"),
            Case(
                "a receipt added", .differs("finance_line"),
                copy("reimbursement_receipts", "reimbursement_id = \(request)", ["position": "9"])),
        ],
        "reimbursement_signatures": [
            Case("a signer renamed", .differs("finance_line"), "UPDATE reimbursement_signatures SET user_name = '某人' WHERE slot = 1"),
            Case(
                "a signature's time", .differs("finance_line"),
                "UPDATE reimbursement_signatures SET signed_at = signed_at + 1 WHERE slot = 0"),
            Case("a signature deleted", .differs("finance_line"), "DELETE FROM reimbursement_signatures WHERE slot = 2"),
        ],
        "signature_chains": [
            Case("the rule", .differs("signature_chain"), "UPDATE signature_chains SET chain = REPLACE(chain, '500000', '900000')"),
            Case("deleted", .gone("signature_chain"), "DELETE FROM signature_chains"),
        ],
        "board_cards": [
            Case(
                "a 低保 card's stored fields", .differs("board_card"),
                "UPDATE board_cards SET field_values = REPLACE(field_values, '65000', '95000') WHERE id = \(card)"),
            Case("a family's name", .differs("board_card"), "UPDATE board_cards SET name = '某人' WHERE id = \(card)"),
            Case("taken off the roster", .differs("board_card"), "UPDATE board_cards SET status = 'removed' WHERE id = \(card)"),
            Case("deleted", .gone("board_card"), "DELETE FROM board_cards WHERE id = \(card)"),
            Case("a family added", .notChained("board_card"), copy("board_cards", "id = \(card)")),
        ],
        "board_card_events": [
            Case("a step's note", .differs("board_card"), "UPDATE board_card_events SET note = '改' WHERE card_id = \(card)"),
            Case(
                "a step's amount", .differs("board_card"),
                "UPDATE board_card_events SET amount_after = 99999 WHERE card_id = \(card) AND amount_after IS NOT NULL"),
            Case(
                "a step deleted", .differs("board_card"),
                "DELETE FROM board_card_events WHERE id = (SELECT MAX(id) FROM board_card_events WHERE card_id = \(card))"),
            Case(
                "a step added", .differs("board_card"),
                copy("board_card_events", "id = (SELECT MAX(id) FROM board_card_events WHERE card_id = \(card))")),
        ],
        "board_field_settings": [
            Case(
                "a field uncovered", .differs("board_settings"), "UPDATE board_field_settings SET visibility = 'staff' WHERE field = 'age'"),
            Case("a setting deleted", .differs("board_settings"), "DELETE FROM board_field_settings WHERE field = 'hardship'"),
            Case(
                "a setting added", .differs("board_settings"),
                copy("board_field_settings", "field = 'age'", ["field": "'lane'"])),
        ],
        "board_imports": [
            Case("the count of families", .differs("board_import"), "UPDATE board_imports SET cards = 40"),
            Case("the import deleted", .gone("board_import"), "DELETE FROM board_imports"),
        ],
        "cadres": [
            Case("a phone", .differs("cadre"), "UPDATE cadres SET phone = '13900000000'"),
            Case("a photo swapped", .differs("cadre"), "UPDATE cadres SET photo_sha256 = \(attachment)"),
            Case("deleted", .gone("cadre"), "DELETE FROM cadres"),
            Case("one added", .notChained("cadre"), copy("cadres", "id = (SELECT MIN(id) FROM cadres)")),
        ],
        "directory_entries": [
            Case("a number", .differs("directory_entry"), "UPDATE directory_entries SET phone = '110'"),
            Case("deleted", .gone("directory_entry"), "DELETE FROM directory_entries"),
            Case("one added", .notChained("directory_entry"), copy("directory_entries", "id = (SELECT MIN(id) FROM directory_entries)")),
        ],
        "guides": [
            Case("its words", .differs("guide"), "UPDATE guides SET content = REPLACE(content, '15 个工作日', '60 个工作日')"),
            Case("deleted", .gone("guide"), "DELETE FROM guides"),
            Case("one added", .notChained("guide"), copy("guides", "id = (SELECT MIN(id) FROM guides)")),
        ],
        "guide_forms": [
            Case("a form's name", .differs("guide"), "UPDATE guide_forms SET name = '别的.pdf'"),
            Case("a form deleted", .differs("guide"), "DELETE FROM guide_forms"),
        ],
        "feedback": [
            Case("a public reply rewritten", .differs("feedback"), "UPDATE feedback SET reply = '不归我们管'"),
            Case("its reply's date", .differs("feedback"), "UPDATE feedback SET replied_on = '2026-11-01'"),
            Case("deleted", .gone("feedback"), "DELETE FROM feedback"),
            Case("one added", .notChained("feedback"), copy("feedback", "id = (SELECT MIN(id) FROM feedback)")),
        ],
        "objections": [
            Case("its words", .differs("objection"), "UPDATE objections SET text = '改'"),
            Case("deleted", .gone("objection"), "DELETE FROM objections"),
        ],
        "stored_files": [
            Case("a file's kind", .file, "UPDATE stored_files SET kind = 'png' WHERE sha256 = \(attachment)"),
            Case("a file's size", .file, "UPDATE stored_files SET size = size + 1 WHERE sha256 = \(attachment)"),
        ],
        "photo_variants": [
            Case(
                "a photo's phone copy swapped", .differs("disclosure"),
                "UPDATE photo_variants SET phone_sha256 = \(attachment) WHERE sha256 IN (SELECT sha256 FROM version_attachments)")
        ],
        "record_salts": [
            Case("a record's salt", .differs("board_card"), "UPDATE record_salts SET salt = 'x' WHERE kind = 'board_card'")
        ],
        "record_versions": [
            Case(
                "a chained version's fields", .chain,
                "UPDATE record_versions SET fields = REPLACE(fields, 'yincheng', 'yinnan') WHERE kind = 'unit'"),
            Case("a chained version deleted", .chain, "DELETE FROM record_versions WHERE sequence = 3"),
            Case(
                "a version slipped in", .chain,
                copy("record_versions", "sequence = 3", ["version": "version + 100", "sequence": "1000000"])),
        ],
        "ledger_entries": [
            Case("an entry's time", .chain, "UPDATE ledger_entries SET recorded_at = recorded_at + 1 WHERE sequence = 2"),
            Case("an entry deleted", .chain, "DELETE FROM ledger_entries WHERE sequence = 2"),
            Case(
                "the last entry deleted", .chain, "DELETE FROM ledger_entries WHERE sequence = (SELECT MAX(sequence) FROM ledger_entries)"),
        ],
    ]

    /// The tables no public page, feed, print view, export or API reads, and why.
    static let privateTables: [String: String] = [
        "schema_migrations": "the schema's version",
        "users": "staff accounts; the names the public sees are the ones each record was chained with",
        "role_grants": "who may do what; the public cadre board is its own table",
        "sessions": "sign-ins",
        "login_attempts": "break-in watch",
        "audit_log": "the staff's record of who did what; everything public is in the chain",
        "draft_attachments": "files of drafts, public only once a version is published (version_attachments)",
        "reimbursements": "requests on their way to the books, staff-only; a posted line carries its receipts and signatures",
        "project_milestones": "the plan a project update is drafted from; the public page reads the published update",
        "reminders_sent": "reminders already sent to staff groups",
        "webhook_subscriptions": "where messages go",
        "webhook_outbox": "messages waiting to go",
        "webhook_attempts": "delivery log",
        "ledger_heads_sent": "which groups were sent the head today",
    ]

    /// The search index, made from the chained words of each public disclosure
    /// (`DisclosureSearchIndex`): it only narrows which versions search reads,
    /// and `LIKE` on those versions decides, so a changed row cannot put words
    /// on a page; a deleted one can hide a disclosure from search, never from its
    /// board, and `sunboard reindex` makes it anew. SQLite's FTS5 keeps it in
    /// tables of its own.
    static func searchIndexTables(_ kind: DatabaseKind) -> Set<String> {
        kind == .sqlite
            ? [
                "disclosure_grams", "disclosure_grams_config", "disclosure_grams_data", "disclosure_grams_docsize",
                "disclosure_grams_idx", "disclosure_search_keys",
            ]
            : ["disclosure_grams"]
    }

    /// `INSERT … SELECT`: a copy of the row `condition` picks, with `changes` (SQL per column), under a new id.
    static func copy(_ table: String, _ condition: String, _ changes: [String: String] = [:]) -> Statement {
        .copy(table: table, condition: condition, changes: changes)
    }

    static func tables(_ app: TestApp) async throws -> Set<String> {
        let sql: SQLQueryString =
            app.database.kind == .sqlite
            ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            : "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
        return Set(try await app.database.sql.raw(sql).all().map { try $0.decode(column: "name", as: String.self) })
    }

    static func columns(_ table: String, on sql: any SQLDatabase, kind: DatabaseKind) async throws -> [String] {
        let query: SQLQueryString =
            kind == .sqlite
            ? "SELECT name FROM pragma_table_info(\(bind: table))"
            : """
            SELECT column_name AS name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = \(bind: table)
            ORDER BY ordinal_position
            """
        return try await sql.raw(query).all().map { try $0.decode(column: "name", as: String.self) }
    }

    /// Runs one statement; a copy's columns are read from the table on this database.
    static func run(_ statement: Statement, on sql: any SQLDatabase, kind: DatabaseKind) async throws {
        switch statement {
        case .sql(let text):
            try await sql.raw(SQLQueryString(text)).run()
        case .copy(let table, let condition, let changes):
            let columns = try await Self.columns(table, on: sql, kind: kind).filter { $0 != "id" }
            let names = columns.map { "\"\($0)\"" }.joined(separator: ", ")
            let values = columns.map { changes[$0] ?? "\"\($0)\"" }.joined(separator: ", ")
            try await sql.raw(SQLQueryString("INSERT INTO \(table) (\(names)) SELECT \(values) FROM \(table) WHERE \(condition)")).run()
        }
    }

    private struct Undo: Error {
        var problem: LedgerVerifier.Problem?
    }

    /// Runs `statements` and `verify` in one transaction that is then rolled
    /// back: every case starts from the same rows. Foreign keys are not
    /// enforced inside it, as they are not for someone editing the file.
    static func verify(after statements: [Statement], _ app: TestApp) async throws -> LedgerVerifier.Problem? {
        let kind = app.database.kind
        let files = app.services.files
        do {
            _ = try await app.database.transaction { sql -> Int in
                if kind == .sqlite {
                    try await sql.raw("PRAGMA defer_foreign_keys = ON").run()
                } else {
                    try await sql.raw("SET LOCAL session_replication_role = replica").run()
                }
                for statement in statements {
                    do { try await Self.run(statement, on: sql, kind: kind) } catch { throw TestFailure("\(statement): \(error)") }
                }
                let report = try await LedgerVerification(database: .within(sql, kind: kind), files: files).run()
                throw Undo(problem: report.problem)
            }
        } catch let undo as Undo {
            return undo.problem
        }
        return nil
    }

    @Test("Every table is either public, with cases that change it, or named as not read by any public page")
    func everyTablePlaced() async throws {
        try await TestApp.run(demo: .none) { app in
            let tables = try await Self.tables(app)
            let placed = Set(Self.cases.keys).union(Self.privateTables.keys).union(Self.searchIndexTables(app.database.kind))
            #expect(tables.subtracting(placed).sorted() == [], "tables without a tamper case or a reason")
            #expect(placed.subtracting(tables).sorted() == [], "cases for tables that do not exist")
            #expect(Set(Self.cases.keys).isDisjoint(with: Self.privateTables.keys))
        }
    }

    @Test("Each single-row change to a public table is named by verify, and the untouched rows verify")
    func everyCase() async throws {
        try await TestApp.run { app in
            _ = try await app.seedEveryPublicRecord()
            let intact = try await LedgerVerification(database: app.database, files: app.services.files).run()
            #expect(intact.problem == nil, "the fixture itself: \(String(describing: intact.problem))")
            for (table, cases) in Self.cases.sorted(by: { $0.key < $1.key }) {
                for tamper in cases {
                    let problem = try await Self.verify(after: tamper.sql, app)
                    #expect(
                        tamper.finding.matches(problem),
                        "\(table): \(tamper.what) — expected \(tamper.finding), verify said \(problem.map { "\($0)" } ?? "intact")")
                }
            }
            // Rolled back: the rows are as they were.
            #expect(try await LedgerVerification(database: app.database, files: app.services.files).run().problem == nil)
        }
    }

    @Test("A public file changed on disk is named; put back, it verifies")
    func fileOnDisk() async throws {
        try await TestApp.run { app in
            _ = try await app.seedEveryPublicRecord()
            let sha256 = try #require(
                try await app.database.sql.raw("SELECT MIN(sha256) AS sha256 FROM version_attachments").first()?
                    .decode(column: "sha256", as: String.self))
            let path = app.services.files.url(sha256)
            let original = try Data(contentsOf: path)
            try Data("%PDF-1.4 forged".utf8).write(to: path)
            #expect(
                try await LedgerVerification(database: app.database, files: app.services.files).run().problem
                    == .init(sequence: 0, kind: .fileAltered(sha256: sha256)))
            try original.write(to: path)
            #expect(try await LedgerVerification(database: app.database, files: app.services.files).run().problem == nil)
        }
    }
}
