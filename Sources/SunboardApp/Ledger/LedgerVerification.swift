import Crypto
import Foundation
import SQLKit
import SunboardCore

/// Recomputes the whole ledger against the stored records: what
/// `sunboard verify` runs. Reads in batches, so a ledger of millions of
/// entries needs neither millions of queries nor all of them in memory.
public struct LedgerVerification: Sendable {
    let database: Database
    let ledger: LedgerRepository
    let disclosures: DisclosureRepository
    let files: FileStore?

    /// `files`: also hash every attached file, to catch one swapped on disk.
    public init(database: Database, files: FileStore? = nil) {
        self.database = database
        self.ledger = LedgerRepository(database: database)
        self.disclosures = DisclosureRepository(database: database)
        self.files = files
    }

    public struct Report: Sendable {
        public var checked: Int
        public var problem: LedgerVerifier.Problem?
        public var lastHash: String?
    }

    public func run(batchSize: Int = 1000) async throws -> Report {
        var verifier = LedgerVerifier()
        var after = 0
        var lastHash: String?
        while verifier.problem == nil {
            let batch = try await ledger.entries(after: after, limit: batchSize)
            guard !batch.isEmpty else { break }
            let versions = try await disclosures.versions(
                for: batch.filter { $0.event == .publish || $0.event == .correct }.map {
                    (disclosureID: $0.disclosureID, number: $0.version)
                })
            let rows = try await disclosures.rows(ids: batch.map(\.disclosureID))
            for entry in batch {
                var recordHash: String?
                var filesIntact = true
                switch entry.event {
                case .publish, .correct:
                    if let version = versions["\(entry.disclosureID):\(entry.version)"], let row = rows[entry.disclosureID] {
                        recordHash = version.record(notice: row.notice).sha256
                        filesIntact = try await intact(version.content.attachments)
                    }
                case .withdraw:
                    recordHash = rows[entry.disclosureID].flatMap(Self.withdrawalHash)
                case .unknown:
                    recordHash = nil
                }
                verifier.check(entry, recordHash: recordHash, filesIntact: filesIntact)
                if verifier.problem != nil { break }
                lastHash = entry.entryHash
            }
            after = batch.last!.sequence
        }
        if verifier.problem == nil, let unrecorded = try await unrecordedVersion() {
            verifier.fail(.init(sequence: 0, kind: .versionNotRecorded(disclosureID: unrecorded.0, version: unrecorded.1)))
        }
        return Report(checked: verifier.checked, problem: verifier.problem, lastHash: lastHash)
    }

    /// A version no publication or correction entry covers, if any.
    private func unrecordedVersion() async throws -> (Int, Int)? {
        let row = try await database.sql.raw(
            """
            SELECT v.disclosure_id, v.number FROM disclosure_versions v
            LEFT JOIN ledger_entries e ON e.disclosure_id = v.disclosure_id AND e.version = v.number AND e.event IN ('publish', 'correct')
            WHERE e.sequence IS NULL ORDER BY v.disclosure_id, v.number LIMIT 1
            """
        ).first()
        guard let row else { return nil }
        return (try row.decode(column: "disclosure_id", as: Int.self), try row.decode(column: "number", as: Int.self))
    }

    private func intact(_ attachments: [AttachmentRef]) async throws -> Bool {
        guard let files else { return true }
        for attachment in attachments {
            guard let data = try await files.read(attachment.sha256),
                SHA256.hash(data: data).map({ String(format: "%02x", $0) }).joined() == attachment.sha256
            else { return false }
        }
        return true
    }

    static func withdrawalHash(_ disclosure: Disclosure) -> String? {
        guard let at = disclosure.withdrawnAt, let reason = disclosure.withdrawReason, let by = disclosure.withdrawnBy else { return nil }
        return PublishedRecord.withdrawal(disclosureID: disclosure.id, reason: reason, withdrawnAt: at.unixSeconds, withdrawnBy: by).sha256
    }
}
