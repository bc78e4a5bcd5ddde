import Foundation
import SunboardCore

/// Recomputes the whole ledger against the stored records: what
/// `sunboard verify` runs. Reads in batches, so a ledger of millions of
/// entries needs neither millions of queries nor all of them in memory.
public struct LedgerVerification: Sendable {
    let ledger: LedgerRepository
    let disclosures: DisclosureRepository

    public init(database: Database) {
        self.ledger = LedgerRepository(database: database)
        self.disclosures = DisclosureRepository(database: database)
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
                for: batch.filter { $0.event != .withdraw }.map { (disclosureID: $0.disclosureID, number: $0.version) })
            let withdrawn = try await disclosures.rows(ids: batch.filter { $0.event == .withdraw }.map(\.disclosureID))
            for entry in batch {
                let recordHash: String? =
                    switch entry.event {
                    case .publish, .correct: versions["\(entry.disclosureID):\(entry.version)"]?.record.sha256
                    case .withdraw: withdrawn[entry.disclosureID].flatMap(Self.withdrawalHash)
                    }
                verifier.check(entry, recordHash: recordHash)
                if verifier.problem != nil { break }
                lastHash = entry.entryHash
            }
            after = batch.last!.sequence
        }
        return Report(checked: verifier.checked, problem: verifier.problem, lastHash: lastHash)
    }

    static func withdrawalHash(_ disclosure: Disclosure) -> String? {
        guard let at = disclosure.withdrawnAt, let reason = disclosure.withdrawReason, let by = disclosure.withdrawnBy else { return nil }
        return PublishedRecord.withdrawal(disclosureID: disclosure.id, reason: reason, withdrawnAt: at.unixSeconds, withdrawnBy: by).sha256
    }
}
