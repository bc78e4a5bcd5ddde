import Foundation
import SQLKit
import SunboardCore

/// Objections residents raise against a notice during its notice period.
public struct ObjectionRepository: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public struct Objection: Sendable, Codable {
        public var id: Int
        public var disclosureId: Int
        public var version: Int
        public var name: String
        public var contact: String
        public var text: String
        public var address: String
        public var createdAt: Int
    }

    /// Files a resident's objection; the community's public list shows at once that it came.
    package func add(disclosureID: Int, version: Int, name: String, contact: String, text: String, address: String, at now: Date)
        async throws
    {
        let kind = database.kind
        try await database.transaction { sql in
            try await MessageQuota.check(address: address, at: now, database: kind, on: sql)
            let id = try await sql.insert(into: "objections")
                .columns("disclosure_id", "version", "name", "contact", "text", "address", "created_at")
                .values(
                    SQLBind(disclosureID), SQLBind(version), SQLBind(name), SQLBind(contact), SQLBind(text), SQLBind(address),
                    SQLBind(now.unixSeconds)
                )
                .returning("id").first()!.decode(column: "id", as: Int.self)
            try await PublicChange(ObjectionRecord.self, id: id, audit: nil).apply(at: now, database: kind, on: sql)
        }
    }

    public func list(disclosureID: Int) async throws -> [Objection] {
        try await database.sql.select().columns("id", "disclosure_id", "version", "name", "contact", "text", "address", "created_at")
            .from("objections").where("disclosure_id", .equal, disclosureID).orderBy("id")
            .all(decoding: Objection.self, keyDecodingStrategy: .convertFromSnakeCase)
    }
}
