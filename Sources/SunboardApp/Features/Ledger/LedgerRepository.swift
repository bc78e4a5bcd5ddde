import Foundation
import SQLKit
import SunboardCore

/// Appends to and reads the public ledger. Entries are only ever added.
public struct LedgerRepository: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    static let columns = [
        "sequence", "format", "event", "record_kind", "record_id", "version", "recorded_at", "payload_hash", "previous_hash", "entry_hash",
    ]

    /// Appends an entry inside the caller's transaction, after the last one.
    /// Only `RecordStore.chain` calls it: every entry is a record's version.
    ///
    /// On SQLite the transaction already holds the write lock; on PostgreSQL
    /// an advisory lock makes appenders take turns, so sequence numbers
    /// never repeat and every entry chains to the one truly before it.
    static func append(
        event: LedgerEntry.Event, kind: String, recordID: Int, version: Int, payloadHash: String, at now: Date,
        database: DatabaseKind, on sql: any SQLDatabase
    ) async throws -> LedgerEntry {
        if database == .postgresql {
            try await sql.raw("SELECT pg_advisory_xact_lock(1937075299)").run()
        }
        let last = try await head(on: sql)
        let entry = LedgerEntry(
            sequence: (last?.sequence ?? 0) + 1, event: event, kind: kind, recordID: recordID, version: version,
            recordedAt: now.unixSeconds, payloadHash: payloadHash, previousHash: last?.hash ?? LedgerEntry.genesis)
        try await sql.insert(into: "ledger_entries")
            .columns(columns)
            .values(
                SQLBind(entry.sequence), SQLBind(entry.format), SQLBind(entry.event.rawValue), SQLBind(entry.kind), SQLBind(entry.recordID),
                SQLBind(entry.version), SQLBind(entry.recordedAt), SQLBind(entry.payloadHash), SQLBind(entry.previousHash),
                SQLBind(entry.entryHash)
            )
            .run()
        return entry
    }

    /// The last entry's sequence and hash: the head that paper notices and chat groups carry.
    static func head(on sql: any SQLDatabase) async throws -> (sequence: Int, hash: String)? {
        guard
            let row = try await sql.select().columns("sequence", "entry_hash").from("ledger_entries")
                .orderBy("sequence", .descending).limit(1).first()
        else { return nil }
        return (try row.decode(column: "sequence", as: Int.self), try row.decode(column: "entry_hash", as: String.self))
    }

    public func head() async throws -> (sequence: Int, hash: String)? {
        try await Self.head(on: database.sql)
    }

    /// Where each of these records was last chained, by id, in one query:
    /// for the public pages' links to their ledger entries.
    public func lastEntries(kind: String, ids: [Int]) async throws -> [Int: String] {
        guard !ids.isEmpty else { return [:] }
        var links: [Int: String] = [:]
        for row in try await database.sql.select().column("record_id").column(
            SQLFunction("MAX", args: SQLColumn("sequence")), as: "sequence"
        )
        .from("ledger_entries").where("record_kind", .equal, SQLBind(kind)).where("record_id", .in, SQLBind.group(Array(Set(ids))))
        .groupBy("record_id").all() {
            links[try row.decode(column: "record_id", as: Int.self)] = SiteURL.Ledger.entry(
                try row.decode(column: "sequence", as: Int.self))
        }
        return links
    }

    /// The head as an entry: what paper and the chat groups carry.
    public func lastEntry() async throws -> LedgerEntry? {
        try await database.sql.select().columns(Self.columns).from("ledger_entries").orderBy("sequence", .descending).limit(1).first()
            .map(Self.entry)
    }

    /// Entries after `sequence`, in order, at most `limit`.
    public func entries(after sequence: Int, limit: Int) async throws -> [LedgerEntry] {
        try await database.sql.select().columns(Self.columns).from("ledger_entries").where("sequence", .greaterThan, sequence)
            .orderBy("sequence").limit(limit).all().map(Self.entry)
    }

    /// One entry.
    public func entry(sequence: Int) async throws -> LedgerEntry? {
        try await database.sql.select().columns(Self.columns).from("ledger_entries").where("sequence", .equal, sequence).first()
            .map(Self.entry)
    }

    /// Entries of one record, oldest first.
    public func entries(kind: String, id: Int) async throws -> [LedgerEntry] {
        try await database.sql.select().columns(Self.columns).from("ledger_entries").where("record_kind", .equal, kind)
            .where("record_id", .equal, id).orderBy("sequence").all().map(Self.entry)
    }

    /// Entries of one disclosure, oldest first.
    public func entries(disclosureID: Int) async throws -> [LedgerEntry] {
        try await entries(kind: LedgerEntry.disclosureKind, id: disclosureID)
    }

    public func count() async throws -> Int {
        try await database.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("ledger_entries")
            .first()?.decode(column: "n", as: Int.self) ?? 0
    }

    static func entry(_ row: any SQLRow) throws -> LedgerEntry {
        // An unknown event can only come from a change behind the system's
        // back; it must not read as a publication. Its hash will not match.
        let event = LedgerEntry.Event(rawValue: try row.decode(column: "event", as: String.self)) ?? .unknown
        var entry = LedgerEntry(
            sequence: try row.decode(column: "sequence", as: Int.self), event: event,
            kind: try row.decode(column: "record_kind", as: String.self), recordID: try row.decode(column: "record_id", as: Int.self),
            version: try row.decode(column: "version", as: Int.self), recordedAt: try row.decode(column: "recorded_at", as: Int.self),
            payloadHash: try row.decode(column: "payload_hash", as: String.self),
            previousHash: try row.decode(column: "previous_hash", as: String.self), format: try row.decode(column: "format", as: Int.self))
        // As stored, not as recomputed: verification compares the two.
        entry.entryHash = try row.decode(column: "entry_hash", as: String.self)
        return entry
    }
}
