import Foundation
import Hummingbird
import SQLKit
import SunboardCore

/// The chained records as anyone may check them (docs/LEDGER.md): the
/// ledger's head, a record's versions, and each version's canonical form
/// with its fields (public values in clear, the others as salted digests —
/// never a salt, never a private value) and the parts its hash names.
struct RecordAPIController {
    let services: AppServices

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get(SiteURL.ledger(.apiHead).route, use: head)
        router.get(SiteURL.ledger(.apiRecords).route, use: kinds)
        router.get(SiteURL.ledger(.apiKind(.key)).route, use: current)
        router.get(SiteURL.ledger(.apiRecord(.key, .key)).route, use: history)
        router.get(SiteURL.ledger(.apiVersion(.key, .key, .key)).route, use: version)
    }

    @Sendable func head(_ request: Request, context: AppRequestContext) async throws -> JSONBody<LedgerHeadJSON> {
        guard let entry = try await services.ledger.lastEntry() else {
            return JSONBody(LedgerHeadJSON(sequence: 0, entryHash: LedgerEntry.genesis, recordedAt: Nullable(nil), code: "0"))
        }
        return JSONBody(
            LedgerHeadJSON(
                sequence: entry.sequence, entryHash: entry.entryHash,
                recordedAt: Nullable(ShanghaiTime.iso8601(Date(unixSeconds: entry.recordedAt))), code: LedgerCode(entry).text))
    }

    @Sendable func kinds(_ request: Request, context: AppRequestContext) async throws -> JSONBody<RecordKindsJSON> {
        JSONBody(
            RecordKindsJSON(
                kinds: RecordKinds.all.map {
                    .init(kind: $0.name, name: RecordKindName.chinese($0.name), url: SiteURL.ledger(.apiKind($0.name)).path)
                }))
    }

    /// `?after=N&limit=100`: the records of a kind residents can see now,
    /// each with the hash its state now gives as its last chained version —
    /// equal to that entry's payload hash unless a row was changed behind
    /// the system's back.
    @Sendable func current(_ request: Request, context: AppRequestContext) async throws -> JSONBody<CurrentRecordsJSON> {
        // The tables as they are now, for verifiers: never kept.
        CacheDependencies.current?.keepNone()
        let name = try context.parameters.require("kind")
        guard let kind = RecordKinds.named(name) else { throw CommonError.notFound }
        let (after, limit) = try AfterPage(request).pair
        let sql = services.database.sql
        let ids = try await kind.publicIDs(after: after, limit: limit, on: sql)
        let states = try await kind.states(ids: ids, on: sql)
        let chained = try await RecordStore.latest(kind: name, ids: ids, on: sql)
        return JSONBody(
            CurrentRecordsJSON(
                kind: name,
                records: ids.map { id in
                    let version = chained[id]?.version
                    var hash: String?
                    if let version, let state = states[id] {
                        hash = PublicRecordVersion(kind: name, id: id, version: version, fields: state.fields).canonical.sha256
                    }
                    return .init(id: id, version: Nullable(version), currentSha256: Nullable(hash))
                }, nextAfter: Nullable(ids.count == limit ? ids.last : nil)))
    }

    /// A known kind and a positive id, or 404 before anything is read.
    private func record(_ context: AppRequestContext) throws -> (kind: String, id: Int) {
        let kind = try context.parameters.require("kind")
        guard RecordKindName.isKnown(kind), let id = context.parameters.get("id", as: Int.self), id > 0 else { throw CommonError.notFound }
        return (kind, id)
    }

    @Sendable func history(_ request: Request, context: AppRequestContext) async throws -> JSONBody<RecordHistoryJSON> {
        // The tables as they are now, for verifiers: never kept.
        CacheDependencies.current?.keepNone()
        let (kind, id) = try record(context)
        let entries = try await services.ledger.entries(kind: kind, id: id)
        guard !entries.isEmpty else { throw CommonError.notFound }
        let now = try await RecordKinds.named(kind)?.state(id: id, on: services.database.sql)
        return JSONBody(
            RecordHistoryJSON(
                kind: kind, kindName: RecordKindName.chinese(kind), id: id, current: Nullable(now?.fields),
                versions: entries.map {
                    .init(
                        version: $0.version, format: $0.format, event: $0.event.rawValue, sequence: $0.sequence,
                        recordedAt: ShanghaiTime.iso8601(Date(unixSeconds: $0.recordedAt)),
                        url: SiteURL.ledger(.apiVersion(kind, id, $0.version)).path + ($0.format == 1 ? "?format=1" : ""))
                }))
    }

    /// `?format=1` for an entry chained before every record was: a
    /// disclosure's version, or its withdrawal, in the form it was hashed with.
    @Sendable func version(_ request: Request, context: AppRequestContext) async throws -> JSONBody<RecordVersionJSON> {
        let (kind, id) = try record(context)
        guard let number = context.parameters.get("version", as: Int.self), number > 0 else { throw CommonError.notFound }
        let format = request.queryDictionary["format"] ?? "2"
        guard format == "1" || format == "2" else { throw CommonError.notFound }
        let sql = services.database.sql
        let entries = try await services.ledger.entries(kind: kind, id: id)
        guard let entry = entries.first(where: { $0.format == Int(format) && $0.version == number }) else { throw CommonError.notFound }
        if entry.format == 1 {
            guard let text = try await legacyPayload(entry) else { throw CommonError.notFound }
            return JSONBody(RecordVersionJSON(entry: entry, canonical: text, fields: nil, parts: [:]))
        }
        guard let stored = try await RecordStore.version(kind: kind, id: id, version: number, on: sql) else { throw CommonError.notFound }
        let chained = PublicRecordVersion(kind: kind, id: id, version: number, fields: stored.fields)
        // Parts are served only while the record names them: each is checked against its hash there.
        let named = Set(stored.fields.keys.filter { $0.hasSuffix(".part") })
        let parts = named.isEmpty ? [:] : try await RecordKinds.named(kind)?.parts(id: id, on: sql).filter { named.contains($0.key) } ?? [:]
        return JSONBody(RecordVersionJSON(entry: entry, canonical: chained.canonical.text, fields: stored.fields, parts: parts))
    }

    private func legacyPayload(_ entry: LedgerEntry) async throws -> String? {
        guard let disclosure = try await services.disclosures.findPublicSide(id: entry.recordID) else { return nil }
        switch entry.event {
        case .publish, .correct:
            return try await services.disclosures.versions(of: entry.recordID).first { $0.number == entry.version }?
                .record(notice: disclosure.notice).text
        case .withdraw:
            guard let at = disclosure.withdrawnAt, let reason = disclosure.withdrawReason, let by = disclosure.withdrawnBy else {
                return nil
            }
            return PublishedRecord.withdrawal(disclosureID: entry.recordID, reason: reason, withdrawnAt: at.unixSeconds, withdrawnBy: by)
                .text
        default:
            return nil
        }
    }
}

/// `GET /api/v1/ledger/head`
struct LedgerHeadJSON: Encodable, Sendable {
    var sequence: Int
    var entryHash: String
    var recordedAt: Nullable<String>
    /// What paper notices carry: `123-1a2b3c4d5e6f7a8b`.
    var code: String
}

/// `GET /api/v1/records/{kind}/{id}`
struct RecordHistoryJSON: Encodable, Sendable {
    struct Version: Encodable, Sendable {
        var version: Int
        var format: Int
        var event: String
        var sequence: Int
        var recordedAt: String
        var url: String
    }

    var kind: String
    var kindName: String
    var id: Int
    /// What residents are shown of it now, read from its rows: equal to the
    /// last version's fields unless a row was changed behind the system's back;
    /// `null` when it is not public now.
    var current: Nullable<RecordFields>
    var versions: [Version]
}

/// `GET /api/v1/records`
struct RecordKindsJSON: Encodable, Sendable {
    struct Kind: Encodable, Sendable {
        var kind: String
        var name: String
        var url: String
    }

    var kinds: [Kind]
}

/// `GET /api/v1/records/{kind}`
struct CurrentRecordsJSON: Encodable, Sendable {
    struct Record: Encodable, Sendable {
        var id: Int
        /// Its last chained version; `null` if it was never chained.
        var version: Nullable<Int>
        var currentSha256: Nullable<String>
    }

    var kind: String
    var records: [Record]
    var nextAfter: Nullable<Int>
}

/// `GET /api/v1/records/{kind}/{id}/versions/{n}`
struct RecordVersionJSON: Encodable, Sendable {
    var kind: String
    var id: Int
    var version: Int
    var format: Int
    var event: String
    var sequence: Int
    var recordedAt: String
    /// The canonical form the entry's payload hash covers.
    var canonical: String
    var sha256: String
    /// Format 2: the fields the canonical form is written from.
    var fields: Nullable<RecordFields>
    /// The documents the fields name by hash (`version.1.part`).
    var parts: [String: String]
    var entryUrl: String

    init(entry: LedgerEntry, canonical: String, fields: RecordFields?, parts: [String: String]) {
        kind = entry.kind
        id = entry.recordID
        version = entry.version
        format = entry.format
        event = entry.event.rawValue
        sequence = entry.sequence
        recordedAt = ShanghaiTime.iso8601(Date(unixSeconds: entry.recordedAt))
        self.canonical = canonical
        sha256 = CanonicalForm.sha256(canonical)
        self.fields = Nullable(fields)
        self.parts = parts
        entryUrl = SiteURL.Ledger.entry(entry.sequence)
    }
}
