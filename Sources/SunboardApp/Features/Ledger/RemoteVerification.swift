import Foundation
import SunboardCore

/// Checks a Sunboard server's ledger from outside, with nothing but its
/// public API, as a resident, a journalist or the county would: every entry
/// follows the one before and hashes to itself, and every record version it
/// names — fetched from `/api/v1/records/…`, its canonical form rebuilt here
/// from its fields — hashes to the entry's payload hash, with each part its
/// fields name. Then every record the server lists as public now must be the
/// last version the chain holds of it, and every record the chain holds as
/// public must still be listed. What `sunboard verify --remote` runs.
///
/// It proves what the server's rows say against what the chain says; a
/// server whose program was replaced could answer anything, which is what
/// the head on paper and in the chat groups (`--head`) is for.
public struct RemoteVerification: Sendable {
    /// Reads a path of the server: the status and the body.
    public typealias Fetch = @Sendable (_ path: String) async throws -> (status: Int, body: [UInt8])

    let fetch: Fetch

    public init(fetch: @escaping Fetch) {
        self.fetch = fetch
    }

    public struct Report: Sendable {
        public var checked: Int
        /// The records public now, each found to be its last chained version.
        public var records = 0
        public var problem: LedgerVerifier.Problem?
        /// What went wrong reading the server, when it was not the chain.
        public var failure: String?
        public var lastSequence: Int
        public var lastHash: String?
    }

    /// `head`: a sequence and hash kept from an earlier copy (a printed
    /// notice, a chat message), which the chain must still hold.
    public func run(head: (sequence: Int, hash: String)? = nil, pageSize: Int = 1000) async throws -> Report {
        var verifier = LedgerVerifier()
        var report = Report(checked: 0, lastSequence: 0)
        var after = 0
        var headSeen = head == nil
        var chained: [String: [Int: Chained]] = [:]
        pages: while verifier.problem == nil {
            guard let page: LedgerPage = try await json("/api/v1/ledger?after=\(after)&limit=\(pageSize)", into: &report) else { break }
            for entry in page.entries {
                let record = try await rebuilt(entry, into: &report)
                if report.failure != nil { break pages }
                verifier.check(entry.ledgerEntry, recordHash: record?.hash)
                if let record, entry.format == 2 {
                    chained[entry.kind, default: [:]][entry.recordId] = Chained(
                        sequence: entry.sequence, hash: record.hash, isRemoval: record.fields.isRemoval)
                }
                if verifier.problem != nil { break pages }
                report.lastSequence = entry.sequence
                report.lastHash = entry.entryHash
                if let head, entry.sequence == head.sequence {
                    headSeen = true
                    if head.hash.count < 16 || !entry.entryHash.hasPrefix(head.hash.lowercased()) {
                        verifier.fail(.init(sequence: head.sequence, kind: .headMismatch(expected: head.hash)))
                        break pages
                    }
                }
            }
            guard let next = page.nextAfter else { break }
            after = next
        }
        if verifier.problem == nil, report.failure == nil, let head, !headSeen {
            verifier.fail(.init(sequence: head.sequence, kind: .headMismatch(expected: head.hash)))
        }
        if verifier.problem == nil, report.failure == nil,
            let problem = try await checkCurrent(against: chained, through: report.lastSequence, pageSize: pageSize, into: &report)
        {
            verifier.fail(problem)
        }
        report.checked = verifier.checked
        report.problem = verifier.problem
        return report
    }

    /// The last version the chain holds of a record.
    private struct Chained {
        var sequence: Int
        var hash: String
        var isRemoval: Bool
    }

    /// Each kind's records public now, as the server lists them, against the
    /// chain's last version of each: the first that differs, was never
    /// chained, or is chained as public but no longer listed.
    private func checkCurrent(
        against chained: [String: [Int: Chained]], through lastSequence: Int, pageSize: Int, into report: inout Report
    ) async throws -> LedgerVerifier.Problem? {
        guard let kinds: KindsJSON = try await json("/api/v1/records", into: &report) else { return nil }
        for kind in kinds.kinds {
            let held = chained[kind.kind] ?? [:]
            var listed = Set<Int>()
            var after = 0
            while true {
                guard let page: CurrentJSON = try await json("\(kind.url)?after=\(after)&limit=\(min(pageSize, 1000))", into: &report)
                else { return nil }
                for record in page.records {
                    listed.insert(record.id)
                    let last = held[record.id].flatMap { $0.isRemoval ? nil : $0 }
                    if let last, record.currentSha256 == last.hash {
                        report.records += 1
                        continue
                    }
                    // Changed through the system since the walk: the next run sees it chained.
                    if try await changedSince(lastSequence, kind: kind.kind, id: record.id, into: &report) { continue }
                    if report.failure != nil { return nil }
                    guard let last else { return .init(sequence: 0, kind: .stateNotChained(kind: kind.kind, id: record.id)) }
                    let fields = try await differences(kind: kind.kind, id: record.id, into: &report)
                    return .init(sequence: last.sequence, kind: .stateDiffers(kind: kind.kind, id: record.id, fields: fields))
                }
                guard let next = page.nextAfter else { break }
                after = next
            }
            for (id, last) in held.sorted(by: { $0.key < $1.key }) where !last.isRemoval && !listed.contains(id) {
                if try await changedSince(lastSequence, kind: kind.kind, id: id, into: &report) { continue }
                return .init(sequence: last.sequence, kind: .stateGone(kind: kind.kind, id: id))
            }
        }
        return nil
    }

    private func changedSince(_ sequence: Int, kind: String, id: Int, into report: inout Report) async throws -> Bool {
        let history: HistoryJSON? = try await json("/api/v1/records/\(kind)/\(id)", into: &report, missingIsNil: true)
        return history?.versions.contains { $0.sequence > sequence } ?? false
    }

    /// The keys in which a record's rows now differ from its last version.
    private func differences(kind: String, id: Int, into report: inout Report) async throws -> [String] {
        guard let history: HistoryJSON = try await json("/api/v1/records/\(kind)/\(id)", into: &report, convertKeys: false),
            let last = history.versions.last,
            let version: RecordJSON = try await json(last.url, into: &report, convertKeys: false), let fields = version.fields
        else { return [] }
        return (history.current ?? RecordFields()).differences(from: fields)
    }

    /// The record version as rebuilt here, its fields and hash; `nil` when the
    /// server has no such version or its parts do not match what its fields say.
    private func rebuilt(_ entry: EntryJSON, into report: inout Report) async throws -> (hash: String, fields: RecordFields)? {
        // Its fields keep their keys exactly as they are hashed: no key conversion here.
        guard let record: RecordJSON = try await json(entry.recordUrl, into: &report, missingIsNil: true, convertKeys: false) else {
            return nil
        }
        guard record.kind == entry.kind, record.id == entry.recordId, record.version == entry.version else { return nil }
        if entry.format == 1 { return (CanonicalForm.sha256(record.canonical), RecordFields()) }
        guard let fields = record.fields else { return nil }
        for key in fields.keys where key.hasSuffix(".part") {
            guard let part = record.parts[key], fields[key] == .text(CanonicalForm.sha256(part)) else { return nil }
        }
        return (PublicRecordVersion(kind: entry.kind, id: entry.recordId, version: entry.version, fields: fields).canonical.sha256, fields)
    }

    private func json<T: Decodable>(_ path: String, into report: inout Report, missingIsNil: Bool = false, convertKeys: Bool = true)
        async throws -> T?
    {
        let (status, body) = try await fetch(path)
        if status == 404 && missingIsNil { return nil }
        guard status == 200 else {
            report.failure = "\(path) answered \(status)"
            return nil
        }
        let decoder = JSONDecoder()
        if convertKeys { decoder.keyDecodingStrategy = .convertFromSnakeCase }
        do {
            return try decoder.decode(T.self, from: Data(body))
        } catch {
            report.failure = "\(path) is not what a Sunboard server answers (\(error))"
            return nil
        }
    }

    private struct LedgerPage: Decodable {
        var entries: [EntryJSON]
        var nextAfter: Int?
    }

    private struct EntryJSON: Decodable {
        var sequence: Int
        var format: Int
        var event: String
        var kind: String
        var recordId: Int
        var version: Int
        var recordUrl: String
        var recordedAtUnix: Int
        var payloadHash: String
        var previousHash: String
        var entryHash: String

        var ledgerEntry: LedgerEntry {
            var entry = LedgerEntry(
                sequence: sequence, event: LedgerEntry.Event(rawValue: event) ?? .unknown, kind: kind, recordID: recordId,
                version: version, recordedAt: recordedAtUnix, payloadHash: payloadHash, previousHash: previousHash, format: format)
            // As served: the check recomputes it.
            entry.entryHash = entryHash
            return entry
        }
    }

    private struct KindsJSON: Decodable {
        struct Kind: Decodable {
            var kind: String
            var url: String
        }
        var kinds: [Kind]
    }

    private struct CurrentJSON: Decodable {
        struct Record: Decodable {
            var id: Int
            var currentSha256: String?
        }
        var records: [Record]
        var nextAfter: Int?
    }

    /// Read with its keys as sent: `current` holds a record's fields.
    private struct HistoryJSON: Decodable {
        struct Version: Decodable {
            var sequence: Int
            var url: String
        }
        var current: RecordFields?
        var versions: [Version]
    }

    private struct RecordJSON: Decodable {
        var kind: String
        var id: Int
        var version: Int
        var canonical: String
        var fields: RecordFields?
        var parts: [String: String]
    }
}
