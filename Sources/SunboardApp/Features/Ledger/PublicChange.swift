import Foundation
import SQLKit
import SunboardCore

/// A change residents can see, and the one way it reaches them: inside the
/// transaction that made it, the record's state is read back and chained as
/// its next version, the change is written to the audit log, the unit's
/// board moves on (so its cached pages are rendered anew) and chat groups
/// are told. A feature cannot publish anything except through here.
struct PublicChange: Sendable {
    var kind: any RecordKind.Type
    var id: Int
    /// `nil`: `create` for a first version, `remove` when the record left public view, else `change`.
    var event: LedgerEntry.Event?
    var audit: AuditLog.Entry?
    /// Messages for the chat groups of a unit.
    var messages: [(message: WebhookMessage, unitID: Int)] = []

    init(
        _ kind: any RecordKind.Type, id: Int, event: LedgerEntry.Event? = nil, audit: AuditLog.Entry?,
        messages: [(message: WebhookMessage, unitID: Int)] = []
    ) {
        self.kind = kind
        self.id = id
        self.event = event
        self.audit = audit
        self.messages = messages
    }

    /// Chains the record's state now; returns the entry, or `nil` when its
    /// public state did not change (the audit entry is written either way).
    @discardableResult
    func apply(at now: Date, database: DatabaseKind, on sql: any SQLDatabase) async throws -> LedgerEntry? {
        if kind.keepsSecrets { try await RecordSalts.ensure(kind: kind.name, id: id, on: sql) }
        let state = try await kind.state(id: id, on: sql)
        let last = try await RecordStore.latest(kind: kind.name, ids: [id], on: sql)[id]
        if let audit { try await AuditLog.insert(audit, at: now, on: sql) }
        let fields = state?.fields ?? .removed
        guard fields != last?.fields, state != nil || last != nil else { return nil }
        let event =
            self.event
            ?? (state == nil ? .remove : last == nil || last!.isRemoval ? .create : .change)
        let version = PublicRecordVersion(kind: kind.name, id: id, version: (last?.version ?? 0) + 1, fields: fields)
        let entry = try await RecordStore.chain(
            version, event: event, unitID: state?.unitID ?? last?.unitID, at: now, database: database, on: sql)
        if let unitID = state?.unitID ?? last?.unitID {
            try await BoardVersion.bump(unitID: unitID, on: sql)
        } else {
            try await PublicVersions.changed(on: sql)
        }
        try await kind.didChange(id: id, database: database, on: sql)
        for (message, unitID) in messages {
            try await WebhookOutbox.enqueue(message, unitID: unitID, at: now, on: sql)
        }
        return entry
    }
}

/// The versions of every record as they were chained: what the ledger's
/// payload hashes cover and what the records API serves.
enum RecordStore {
    struct Stored: Sendable {
        var kind: String
        var recordID: Int
        var version: Int
        var unitID: Int?
        var sequence: Int
        var fields: RecordFields
        var recordedAt: Int
        var isRemoval: Bool { fields[RecordFields.removedKey] == .number(1) }
    }

    /// Appends the version and its ledger entry, chained after the last one.
    static func chain(
        _ version: PublicRecordVersion, event: LedgerEntry.Event, unitID: Int?, at now: Date, database: DatabaseKind,
        on sql: any SQLDatabase
    ) async throws -> LedgerEntry {
        let entry = try await LedgerRepository.append(
            event: event, kind: version.kind, recordID: version.id, version: version.version, payloadHash: version.canonical.sha256,
            at: now,
            database: database, on: sql)
        try await sql.insert(into: "record_versions")
            .columns("kind", "record_id", "version", "unit_id", "sequence", "fields", "recorded_at")
            .values(
                SQLBind(version.kind), SQLBind(version.id), SQLBind(version.version), SQLBind(unitID), SQLBind(entry.sequence),
                SQLBind(version.fields.json), SQLBind(now.unixSeconds)
            )
            .run()
        return entry
    }

    /// The last version of each record.
    static func latest(kind: String, ids: [Int], on sql: any SQLDatabase) async throws -> [Int: Stored] {
        guard !ids.isEmpty else { return [:] }
        let rows = try await sql.raw(
            """
            SELECT v.kind, v.record_id, v.version, v.unit_id, v.sequence, v.fields, v.recorded_at FROM record_versions v
            WHERE v.kind = \(bind: kind) AND v.record_id IN (\(binds: ids)) AND v.version = (
                SELECT MAX(w.version) FROM record_versions w WHERE w.kind = v.kind AND w.record_id = v.record_id)
            """
        ).all()
        return try Dictionary(
            rows.map { (try $0.decode(column: "record_id", as: Int.self), try stored($0)) }, uniquingKeysWith: { a, _ in a })
    }

    /// One version of one record.
    static func version(kind: String, id: Int, version: Int, on sql: any SQLDatabase) async throws -> Stored? {
        try await sql.select().columns(columns).from("record_versions")
            .where("kind", .equal, kind).where("record_id", .equal, id).where("version", .equal, version).first().map(stored)
    }

    /// The versions the entries in `sequences` chained, by sequence.
    static func versions(sequences: [Int], on sql: any SQLDatabase) async throws -> [Int: Stored] {
        guard !sequences.isEmpty else { return [:] }
        let rows = try await sql.select().columns(columns).from("record_versions").where("sequence", .in, sequences).all()
        return try Dictionary(
            rows.map { (try $0.decode(column: "sequence", as: Int.self), try stored($0)) }, uniquingKeysWith: { a, _ in a })
    }

    /// Every version of one record, oldest first.
    static func history(kind: String, id: Int, on sql: any SQLDatabase) async throws -> [Stored] {
        try await sql.select().columns(columns).from("record_versions")
            .where("kind", .equal, kind).where("record_id", .equal, id).orderBy("version").all().map(stored)
    }

    /// The last version of each record of a kind whose id is in `after+1 ... through`.
    static func latest(kind: String, after: Int, through: Int, on sql: any SQLDatabase) async throws -> [Int: Stored] {
        let rows = try await sql.raw(
            """
            SELECT v.kind, v.record_id, v.version, v.unit_id, v.sequence, v.fields, v.recorded_at FROM record_versions v
            WHERE v.kind = \(bind: kind) AND v.record_id > \(bind: after) AND v.record_id <= \(bind: through) AND v.version = (
                SELECT MAX(w.version) FROM record_versions w WHERE w.kind = v.kind AND w.record_id = v.record_id)
            """
        ).all()
        return try Dictionary(
            rows.map { (try $0.decode(column: "record_id", as: Int.self), try stored($0)) }, uniquingKeysWith: { a, _ in a })
    }

    private static let columns = ["kind", "record_id", "version", "unit_id", "sequence", "fields", "recorded_at"]

    static func stored(_ row: any SQLRow) throws -> Stored {
        // A row whose fields no longer read is kept as empty: its hash will not match.
        Stored(
            kind: try row.decode(column: "kind", as: String.self), recordID: try row.decode(column: "record_id", as: Int.self),
            version: try row.decode(column: "version", as: Int.self), unitID: try row.decode(column: "unit_id", as: Int?.self),
            sequence: try row.decode(column: "sequence", as: Int.self),
            fields: RecordFields(json: try row.decode(column: "fields", as: String.self)) ?? RecordFields(),
            recordedAt: try row.decode(column: "recorded_at", as: Int.self))
    }
}
