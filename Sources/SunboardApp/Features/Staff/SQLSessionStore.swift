import Foundation
import Hummingbird
import SQLKit
import SunboardCore

/// hummingbird's key/value store for sessions, kept in the `sessions` table
/// so every app instance behind a load balancer sees the same logins.
struct SQLSessionStore: PersistDriver {
    let database: Database
    let clock: WallClock

    func create<Object: Codable & Sendable>(key: String, value: Object, expires: Duration?) async throws {
        let json = try encode(value)
        do {
            try await database.sql.insert(into: "sessions")
                .columns("key", "value", "expires_at")
                .values(SQLBind(key), SQLBind(json), SQLBind(expiry(expires)))
                .run()
        } catch {
            if try await get(key: key, as: Object.self) != nil { throw PersistError.duplicate }
            throw error
        }
    }

    func set<Object: Codable & Sendable>(key: String, value: Object, expires: Duration?) async throws {
        let json = try encode(value)
        let expiresAt = expiry(expires)
        try await database.sql.insert(into: "sessions")
            .columns("key", "value", "expires_at")
            .values(SQLBind(key), SQLBind(json), SQLBind(expiresAt))
            .onConflict(with: ["key"]) { update in
                // Without a new expiry the old one stands (PersistDriver's contract).
                expiresAt == nil
                    ? update.set(excludedValueOf: "value") : update.set(excludedValueOf: "value").set(excludedValueOf: "expires_at")
            }
            .run()
    }

    func get<Object: Codable & Sendable>(key: String, as type: Object.Type) async throws -> Object? {
        try await getWithTTL(key: key, as: type)?.object
    }

    func getWithTTL<Object: Codable & Sendable>(key: String, as type: Object.Type) async throws -> (object: Object, ttl: Duration?)? {
        let now = clock.now.unixSeconds
        let query = database.sql.select().columns("value", "expires_at").from("sessions")
            .where("key", .equal, key)
            .where { $0.where("expires_at", .is, SQLLiteral.null).orWhere("expires_at", .greaterThan, now) }
        guard let row = try await query.first() else { return nil }
        let json = try row.decode(column: "value", as: String.self)
        guard let object = try? JSONDecoder().decode(Object.self, from: Data(json.utf8)) else {
            throw PersistError.invalidConversion
        }
        let ttl = try row.decode(column: "expires_at", as: Int?.self).map { Duration.seconds($0 - now) }
        return (object, ttl)
    }

    func remove(key: String) async throws {
        try await database.sql.delete(from: "sessions").where("key", .equal, key).run()
    }

    /// Deletes sessions that have expired; run from time to time.
    func prune() async throws {
        try await database.sql.delete(from: "sessions")
            .where("expires_at", .lessThanOrEqual, clock.now.unixSeconds)
            .run()
    }

    private func encode(_ value: some Encodable) throws -> String {
        String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
    }

    private func expiry(_ expires: Duration?) -> Int? {
        expires.map { clock.now.unixSeconds + Int($0.components.seconds) }
    }
}
