import Crypto
import Foundation
import SQLKit
import SunboardCore

/// Recomputes the whole public record against the ledger: what `sunboard
/// verify` runs. In order, it checks
///
/// 1. the chain: each entry follows the one before and hashes to itself, and
///    the record version it names still hashes to its payload hash;
/// 2. that every stored record version has its entry (none slipped in);
/// 3. every kind's public state now, recomputed from the feature's own rows,
///    against the last version chained — so a row changed, added or deleted
///    behind the app's back in any table a public page reads is named;
/// 4. every file a public record names, hashed again (unless skipped).
///
/// Reads in batches, so millions of records need neither millions of
/// queries nor all of them in memory.
public struct LedgerVerification: Sendable {
    let database: Database
    let files: FileStore?

    /// `files`: also hash every file a public record names, to catch one swapped on disk.
    public init(database: Database, files: FileStore? = nil) {
        self.database = database
        self.files = files
    }

    public struct Report: Sendable {
        /// Ledger entries checked.
        public var checked: Int
        /// Public records recomputed.
        public var records: Int
        public var problem: LedgerVerifier.Problem?
        public var lastHash: String?
    }

    /// `head`: an entry's sequence and hash (or its first 16 hex digits, as
    /// printed) kept from an earlier copy; the chain must still hold it there.
    public func run(batchSize: Int = 1000, head: (sequence: Int, hash: String)? = nil) async throws -> Report {
        var verifier = LedgerVerifier()
        var lastHash: String?
        var after = 0
        var headSeen = head == nil
        let sql = database.sql
        let ledger = LedgerRepository(database: database)
        while verifier.problem == nil {
            let batch = try await ledger.entries(after: after, limit: batchSize)
            guard !batch.isEmpty else { break }
            let stored = try await RecordStore.versions(sequences: batch.filter { $0.format == 2 }.map(\.sequence), on: sql)
            let legacy = try await LegacyEntries(database: database, batch: batch.filter { $0.format == 1 })
            for entry in batch {
                let recordHash: String?
                var filesIntact = true
                if entry.format == 1 {
                    (recordHash, filesIntact) = try await legacy.payload(of: entry, files: files)
                } else if let version = stored[entry.sequence], version.kind == entry.kind, version.recordID == entry.recordID,
                    version.version == entry.version
                {
                    recordHash =
                        PublicRecordVersion(kind: entry.kind, id: entry.recordID, version: entry.version, fields: version.fields)
                        .canonical.sha256
                } else {
                    recordHash = nil
                }
                verifier.check(entry, recordHash: recordHash, filesIntact: filesIntact)
                if verifier.problem != nil { break }
                lastHash = entry.entryHash
                if let head, entry.sequence == head.sequence {
                    headSeen = true
                    // A code from paper holds the first 16 hex digits; a kept copy, all 64.
                    if head.hash.count < 16 || !entry.entryHash.hasPrefix(head.hash.lowercased()) {
                        verifier.fail(.init(sequence: head.sequence, kind: .headMismatch(expected: head.hash)))
                    }
                }
            }
            after = batch.last!.sequence
        }
        if verifier.problem == nil, let head, !headSeen {
            verifier.fail(.init(sequence: head.sequence, kind: .headMismatch(expected: head.hash)))
        }
        if verifier.problem == nil, let unchained = try await unchainedVersion() { verifier.fail(unchained) }
        var records = 0
        if verifier.problem == nil {
            for kind in RecordKinds.all {
                let (count, problem) = try await check(kind, batchSize: batchSize)
                records += count
                if let problem {
                    verifier.fail(problem)
                    break
                }
            }
        }
        if verifier.problem == nil, let files, let problem = try await checkFiles(files) { verifier.fail(problem) }
        return Report(checked: verifier.checked, records: records, problem: verifier.problem, lastHash: lastHash)
    }

    /// A stored record version that no entry vouches for, if any.
    private func unchainedVersion() async throws -> LedgerVerifier.Problem? {
        guard
            let row = try await database.sql.raw(
                """
                SELECT v.kind, v.record_id, v.version FROM record_versions v
                LEFT JOIN ledger_entries e ON e.sequence = v.sequence AND e.record_kind = v.kind AND e.record_id = v.record_id
                    AND e.version = v.version AND e.format = 2
                WHERE e.sequence IS NULL ORDER BY v.kind, v.record_id, v.version LIMIT 1
                """
            ).first()
        else { return nil }
        return .init(
            sequence: 0,
            kind: .recordNotChained(
                kind: try row.decode(column: "kind", as: String.self), id: try row.decode(column: "record_id", as: Int.self),
                version: try row.decode(column: "version", as: Int.self)))
    }

    /// One kind's public records now against their last chained versions,
    /// walking both in id order a batch at a time.
    private func check(_ kind: any RecordKind.Type, batchSize: Int) async throws -> (Int, LedgerVerifier.Problem?) {
        let sql = database.sql
        var after = 0
        var count = 0
        while true {
            let ids = try await kind.publicIDs(after: after, limit: batchSize, on: sql)
            // The last page reaches to the end, so a record chained past the last public one is seen too.
            let through = ids.count < batchSize ? Int.max : ids.last!
            let states = try await kind.states(ids: ids, on: sql)
            let chained = try await RecordStore.latest(kind: kind.name, after: after, through: through, on: sql)
            for id in Set(ids).union(chained.keys).sorted() {
                let last = chained[id].flatMap { $0.isRemoval ? nil : $0 }
                switch (states[id], last) {
                case (nil, nil):
                    continue
                case (.some, nil):
                    return (count, .init(sequence: chained[id]?.sequence ?? 0, kind: .stateNotChained(kind: kind.name, id: id)))
                case (nil, let last?):
                    return (count, .init(sequence: last.sequence, kind: .stateGone(kind: kind.name, id: id)))
                case (let state?, let last?):
                    count += 1
                    if state.fields != last.fields {
                        return (
                            count,
                            .init(
                                sequence: last.sequence,
                                kind: .stateDiffers(kind: kind.name, id: id, fields: state.fields.differences(from: last.fields)))
                        )
                    }
                }
            }
            if through == Int.max { return (count, nil) }
            after = through
        }
    }

    /// Every file a public record names, and the phone-sized copy of each
    /// photo, still has the content it is named by, and the size and kind
    /// it was recorded with at upload (what the file's answer says it is).
    private func checkFiles(_ files: FileStore) async throws -> LedgerVerifier.Problem? {
        let rows = try await database.sql.raw(
            """
            WITH f(sha256) AS (
                SELECT sha256 FROM version_attachments
                UNION SELECT r.sha256 FROM reimbursement_receipts r JOIN finance_entries e ON e.reimbursement_id = r.reimbursement_id
                UNION SELECT sha256 FROM guide_forms
                UNION SELECT photo_sha256 FROM cadres WHERE photo_sha256 IS NOT NULL)
            SELECT f.sha256 AS sha256, s.kind AS kind, s.size AS size FROM f LEFT JOIN stored_files s ON s.sha256 = f.sha256
            UNION SELECT v.phone_sha256, s.kind, s.size FROM photo_variants v JOIN f ON f.sha256 = v.sha256
                LEFT JOIN stored_files s ON s.sha256 = v.phone_sha256
            ORDER BY 1
            """
        ).all()
        for row in rows {
            let sha256 = try row.decode(column: "sha256", as: String.self)
            guard let data = try await files.read(sha256), Self.sha256(data) == sha256,
                try row.decode(column: "size", as: Int?.self) == data.count,
                try row.decode(column: "kind", as: String?.self) == AttachmentKind.detect(data)?.rawValue
            else {
                return .init(sequence: 0, kind: .fileAltered(sha256: sha256))
            }
        }
        return nil
    }

    static func sha256(_ data: Data) -> String {
        CanonicalForm.hex(SHA256.hash(data: data))
    }
}

/// The entries chained before every public record was (format 1): each a
/// disclosure's version or withdrawal, checked in the form it was hashed with.
private struct LegacyEntries {
    var versions: [String: PublishedVersion] = [:]
    var rows: [Int: Disclosure] = [:]

    init(database: Database, batch: [LedgerEntry]) async throws {
        guard !batch.isEmpty else { return }
        let disclosures = DisclosureRepository(database: database)
        versions = try await disclosures.versions(
            for: batch.filter { $0.event == .publish || $0.event == .correct }.map { (disclosureID: $0.recordID, number: $0.version) })
        rows = try await disclosures.rows(ids: batch.map(\.recordID))
    }

    func payload(of entry: LedgerEntry, files: FileStore?) async throws -> (String?, Bool) {
        switch entry.event {
        case .publish, .correct:
            guard let version = versions["\(entry.recordID):\(entry.version)"], let row = rows[entry.recordID] else { return (nil, true) }
            var intact = true
            if let files {
                for attachment in version.content.attachments {
                    guard let data = try await files.read(attachment.sha256), LedgerVerification.sha256(data) == attachment.sha256 else {
                        intact = false
                        break
                    }
                }
            }
            return (version.record(notice: row.notice).sha256, intact)
        case .withdraw:
            guard let row = rows[entry.recordID], let at = row.withdrawnAt, let reason = row.withdrawReason, let by = row.withdrawnBy else {
                return (nil, true)
            }
            return (
                PublishedRecord.withdrawal(disclosureID: row.id, reason: reason, withdrawnAt: at.unixSeconds, withdrawnBy: by).sha256, true
            )
        default:
            return (nil, true)
        }
    }
}
