import Foundation
import SQLKit
import SunboardCore

/// One kind of public record, and how its public state is read from the
/// feature's own tables. The same reading makes the version the write path
/// chains when something changes and the state `sunboard verify` recomputes
/// later, so the two cannot drift apart: a row changed behind the app's back
/// shows as a state that differs from its last chained version.
///
/// A state covers everything a public page, feed, print view, export or API
/// reads of the record — history included (a card's changes, a disclosure's
/// earlier versions as the SHA-256 of each) — public values in clear and the
/// others as salted digests.
protocol RecordKind: Sendable {
    /// As in the ledger and the API (`finance_line`); see `RecordKindName`.
    static var name: String { get }
    /// Whether its states digest private values with the record's own salt.
    static var keepsSecrets: Bool { get }
    /// The ids of the records residents can see now, ascending, after `after`, at most `limit`.
    static func publicIDs(after: Int, limit: Int, on sql: any SQLDatabase) async throws -> [Int]
    /// The state of each record residents can see now; an id left out is not public.
    static func states(ids: [Int], on sql: any SQLDatabase) async throws -> [Int: RecordState]
    /// The documents a state names by their hash (`version.2.part`), served
    /// beside the record so anyone can recompute them.
    static func parts(id: Int, on sql: any SQLDatabase) async throws -> [String: String]
    /// After a record's public state was chained, in the same transaction:
    /// for what is kept beside the records (disclosures' search index).
    static func didChange(id: Int, database: DatabaseKind, on sql: any SQLDatabase) async throws
}

extension RecordKind {
    static var keepsSecrets: Bool { false }
    static func parts(id: Int, on sql: any SQLDatabase) async throws -> [String: String] { [:] }
    static func didChange(id: Int, database: DatabaseKind, on sql: any SQLDatabase) async throws {}

    static func state(id: Int, on sql: any SQLDatabase) async throws -> RecordState? {
        try await states(ids: [id], on: sql)[id]
    }
}

/// A kind read from one table's columns (`RowProjection`): its public ids
/// and states come from the projection unless it says otherwise.
protocol ProjectedRecordKind: RecordKind {
    static var projection: RowProjection { get }
}

extension ProjectedRecordKind {
    static func publicIDs(after: Int, limit: Int, on sql: any SQLDatabase) async throws -> [Int] {
        try await projection.ids(after: after, limit: limit, on: sql)
    }

    static func states(ids: [Int], on sql: any SQLDatabase) async throws -> [Int: RecordState] {
        try await projection.states(ids: ids, kind: name, on: sql)
    }
}

/// What a record shows the public now, and on whose board.
struct RecordState: Sendable, Equatable {
    var unitID: Int?
    var fields: RecordFields
}

/// Every kind in the chain, in the order `verify` checks them.
enum RecordKinds {
    static let all: [any RecordKind.Type] = [
        UnitRecord.self, CatalogItemRecord.self, DisclosureRecord.self, FinanceLineRecord.self, SignatureChainRecord.self,
        BoardSettingsRecord.self, BoardCardRecord.self, CadreRecord.self, DirectoryEntryRecord.self, GuideRecord.self,
        ElectionRecord.self, MeetingRecord.self, HearingRecord.self, ProjectRecord.self, FeedbackRecord.self, ObjectionRecord.self,
        AssessmentNoteRecord.self, AssessmentWeightsRecord.self, BoardImportRecord.self,
    ]

    static func named(_ name: String) -> (any RecordKind.Type)? { all.first { $0.name == name } }
}

/// Each record's secret salt, made when its first version is chained.
enum RecordSalts {
    static func ensure(kind: String, id: Int, on sql: any SQLDatabase) async throws {
        try await sql.insert(into: "record_salts").columns("kind", "record_id", "salt")
            .values(SQLBind(kind), SQLBind(id), SQLBind(DisclosureWorkflow.newSalt())).ignoringConflicts(with: ["kind", "record_id"]).run()
    }

    /// The salts of these records; a missing one reads as empty, so its digests no longer match.
    static func salts(kind: String, ids: [Int], on sql: any SQLDatabase) async throws -> [Int: String] {
        guard !ids.isEmpty else { return [:] }
        var salts: [Int: String] = [:]
        for row in try await sql.select().columns("record_id", "salt").from("record_salts").where("kind", .equal, kind)
            .where("record_id", .in, ids).all()
        {
            salts[try row.decode(column: "record_id", as: Int.self)] = try row.decode(column: "salt", as: String.self)
        }
        return salts
    }
}

extension SQLSelectBuilder {
    /// `id > after ORDER BY id LIMIT limit`, the page every kind's `publicIDs` reads.
    func page(_ column: SQLColumn, after: Int, limit: Int) -> Self {
        self.where(column, .greaterThan, SQLBind(after)).orderBy(column).limit(limit)
    }
}
