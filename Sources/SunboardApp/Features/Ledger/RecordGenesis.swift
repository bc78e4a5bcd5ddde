import Foundation
import SQLKit
import SunboardCore

/// Chains every public record that has no version yet, as it stands, with a
/// `genesis` entry each after the current head: what an installation made
/// before every record was chained gets on upgrading (and what a kind added
/// later gets for the rows it already had). Idempotent, in batches.
struct RecordGenesis: Sendable {
    let database: Database

    /// Returns how many records it chained.
    @discardableResult
    func run(at now: Date = Date(), batchSize: Int = 500) async throws -> Int {
        var chained = 0
        for kind in RecordKinds.all {
            var after = 0
            while true {
                let ids = try await kind.publicIDs(after: after, limit: batchSize, on: database.sql)
                guard let last = ids.last else { break }
                chained += try await chain(kind, ids: ids, at: now)
                after = last
            }
        }
        return chained
    }

    private func chain(_ kind: any RecordKind.Type, ids: [Int], at now: Date) async throws -> Int {
        let database = database.kind
        return try await self.database.transaction { sql in
            let known = try await RecordStore.latest(kind: kind.name, ids: ids, on: sql)
            let missing = ids.filter { known[$0] == nil }
            guard !missing.isEmpty else { return 0 }
            if kind.keepsSecrets {
                for id in missing { try await RecordSalts.ensure(kind: kind.name, id: id, on: sql) }
            }
            let states = try await kind.states(ids: missing, on: sql)
            var count = 0
            for id in missing {
                guard let state = states[id] else { continue }
                _ = try await RecordStore.chain(
                    PublicRecordVersion(kind: kind.name, id: id, version: 1, fields: state.fields), event: .genesis, unitID: state.unitID,
                    at: now, database: database, on: sql)
                count += 1
            }
            return count
        }
    }
}
