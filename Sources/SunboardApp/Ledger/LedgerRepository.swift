import Foundation
import SQLKit
import SunboardCore

/// Appends to and reads the public ledger. Entries are only ever added.
public struct LedgerRepository: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// Appends an entry inside the caller's transaction, after the last one.
    ///
    /// On SQLite the transaction already holds the write lock; on PostgreSQL
    /// an advisory lock makes appenders take turns, so sequence numbers
    /// never repeat and every entry chains to the one truly before it.
    static func append(
        event: LedgerEntry.Event, disclosureID: Int, version: Int, payloadHash: String, at now: Date,
        kind: DatabaseKind, on sql: any SQLDatabase
    ) async throws -> LedgerEntry {
        if kind == .postgresql {
            try await sql.raw("SELECT pg_advisory_xact_lock(1937075299)").run()
        }
        let last = try await sql.select().columns("sequence", "entry_hash").from("ledger_entries")
            .orderBy("sequence", .descending).limit(1).first()
        let entry = LedgerEntry(
            sequence: (try last?.decode(column: "sequence", as: Int.self) ?? 0) + 1, event: event, disclosureID: disclosureID,
            version: version, recordedAt: now.unixSeconds, payloadHash: payloadHash,
            previousHash: try last?.decode(column: "entry_hash", as: String.self) ?? LedgerEntry.genesis
        )
        try await sql.insert(into: "ledger_entries")
            .columns("sequence", "event", "disclosure_id", "version", "recorded_at", "payload_hash", "previous_hash", "entry_hash")
            .values(
                SQLBind(entry.sequence), SQLBind(entry.event.rawValue), SQLBind(entry.disclosureID), SQLBind(entry.version),
                SQLBind(entry.recordedAt), SQLBind(entry.payloadHash), SQLBind(entry.previousHash), SQLBind(entry.entryHash)
            )
            .run()
        return entry
    }

    /// Entries after `sequence`, in order, at most `limit`.
    public func entries(after sequence: Int, limit: Int) async throws -> [LedgerEntry] {
        try await database.sql.select()
            .columns("sequence", "event", "disclosure_id", "version", "recorded_at", "payload_hash", "previous_hash", "entry_hash")
            .from("ledger_entries").where("sequence", .greaterThan, sequence).orderBy("sequence").limit(limit)
            .all().map(Self.entry)
    }

    /// Entries of one disclosure, oldest first.
    public func entries(disclosureID: Int) async throws -> [LedgerEntry] {
        try await database.sql.select()
            .columns("sequence", "event", "disclosure_id", "version", "recorded_at", "payload_hash", "previous_hash", "entry_hash")
            .from("ledger_entries").where("disclosure_id", .equal, disclosureID).orderBy("sequence")
            .all().map(Self.entry)
    }

    public func count() async throws -> Int {
        try await database.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("ledger_entries")
            .first()?.decode(column: "n", as: Int.self) ?? 0
    }

    static func entry(_ row: any SQLRow) throws -> LedgerEntry {
        let sequence = try row.decode(column: "sequence", as: Int.self)
        let eventName = try row.decode(column: "event", as: String.self)
        // An unknown event can only come from a change behind the system's
        // back; it must not read as a publication. Its hash will not match.
        let event = LedgerEntry.Event(rawValue: eventName) ?? .unknown
        var entry = LedgerEntry(
            sequence: sequence,
            event: event,
            disclosureID: try row.decode(column: "disclosure_id", as: Int.self),
            version: try row.decode(column: "version", as: Int.self),
            recordedAt: try row.decode(column: "recorded_at", as: Int.self),
            payloadHash: try row.decode(column: "payload_hash", as: String.self),
            previousHash: try row.decode(column: "previous_hash", as: String.self)
        )
        // As stored, not as recomputed: verification compares the two.
        entry.entryHash = try row.decode(column: "entry_hash", as: String.self)
        return entry
    }
}
