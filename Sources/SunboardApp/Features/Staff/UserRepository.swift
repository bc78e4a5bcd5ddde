import Foundation
import SQLKit
import SunboardCore

/// Reads and writes staff accounts and their role grants.
public struct UserRepository: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    package func find(username: String) async throws -> StoredUser? {
        try await database.sql.select().columns(StoredUser.columns).from("users")
            .where("username", .equal, username)
            .first(decoding: StoredUser.self, keyDecodingStrategy: .convertFromSnakeCase)
    }

    func find(id: Int) async throws -> StoredUser? {
        try await database.sql.select().columns(StoredUser.columns).from("users")
            .where("id", .equal, id)
            .first(decoding: StoredUser.self, keyDecodingStrategy: .convertFromSnakeCase)
    }

    public func grants(userID: Int) async throws -> [RoleGrant] {
        try await database.sql.select().columns("unit_id", "role").from("role_grants")
            .where("user_id", .equal, userID)
            .all()
            .compactMap { row in
                guard let role = Role(rawValue: try row.decode(column: "role", as: String.self)) else { return nil }
                return RoleGrant(unitID: try row.decode(column: "unit_id", as: Int.self), role: role)
            }
    }

    /// Creates an account; fails with ``PeopleError/usernameTaken`` when the
    /// name is in use.
    @discardableResult
    public func create(username: String, displayName: String, passwordHash: String, at now: Date) async throws -> Int {
        try await Self.create(username: username, displayName: displayName, passwordHash: passwordHash, at: now, on: database.sql)
    }

    static func create(
        username: String, displayName: String, passwordHash: String, at now: Date, on sql: any SQLDatabase
    ) async throws -> Int {
        let existing = { try await sql.select().column("id").from("users").where("username", .equal, username).first() }
        if try await existing() != nil { throw PeopleError.usernameTaken(username) }
        do {
            let row = try await sql.insert(into: "users")
                .columns("username", "display_name", "password_hash", "is_active", "created_at", "updated_at")
                .values(
                    SQLBind(username), SQLBind(displayName), SQLBind(passwordHash), SQLBind(true),
                    SQLBind(now.unixSeconds), SQLBind(now.unixSeconds)
                )
                .returning("id")
                .first()
            return try row!.decode(column: "id", as: Int.self)
        } catch {
            // Someone took the name between the check and the insert.
            if try await existing() != nil { throw PeopleError.usernameTaken(username) }
            throw error
        }
    }

    /// Creates an account holding one role, with its audit entry: all of it
    /// or, on any failure, none of it.
    @discardableResult
    public func createAccount(
        username: String, displayName: String, passwordHash: String, role: Role, unitID: Int,
        audit: AuditLog, entry: AuditLog.Entry, at now: Date
    ) async throws -> Int {
        try await database.transaction { sql in
            let id = try await Self.create(username: username, displayName: displayName, passwordHash: passwordHash, at: now, on: sql)
            try await Self.grant(role, userID: id, unitID: unitID, at: now, on: sql)
            try await audit.record(entry, at: now, on: sql)
            return id
        }
    }

    /// Grants a role; granting one already held changes nothing.
    public func grant(_ role: Role, userID: Int, unitID: Int, at now: Date) async throws {
        try await Self.grant(role, userID: userID, unitID: unitID, at: now, on: database.sql)
    }

    /// Grants a role with its audit entry; only a change is recorded.
    public func grant(_ role: Role, userID: Int, unitID: Int, audit: AuditLog, entry: AuditLog.Entry, at now: Date) async throws {
        try await database.transaction { sql in
            if try await Self.grant(role, userID: userID, unitID: unitID, at: now, on: sql) {
                try await audit.record(entry, at: now, on: sql)
            }
        }
    }

    /// Takes a role back with its audit entry; only a change is recorded.
    public func revoke(_ role: Role, userID: Int, unitID: Int, audit: AuditLog, entry: AuditLog.Entry, at now: Date) async throws {
        try await database.transaction { sql in
            if try await Self.revoke(role, userID: userID, unitID: unitID, on: sql) { try await audit.record(entry, at: now, on: sql) }
        }
    }

    /// Stops or restores an account, with its audit entry.
    public func setActive(_ active: Bool, userID: Int, audit: AuditLog, entry: AuditLog.Entry, at now: Date) async throws {
        try await database.transaction { sql in
            try await Self.setActive(active, userID: userID, at: now, on: sql)
            try await audit.record(entry, at: now, on: sql)
        }
    }

    /// Sets a new password (already hashed), with its audit entry.
    public func setPasswordHash(_ hash: String, userID: Int, audit: AuditLog, entry: AuditLog.Entry, at now: Date) async throws {
        try await database.transaction { sql in
            try await Self.setPasswordHash(hash, userID: userID, at: now, on: sql)
            try await audit.record(entry, at: now, on: sql)
        }
    }

    /// Returns whether the role was new.
    @discardableResult
    static func grant(_ role: Role, userID: Int, unitID: Int, at now: Date, on sql: any SQLDatabase) async throws -> Bool {
        let rows = try await sql.insert(into: "role_grants")
            .columns("user_id", "unit_id", "role", "granted_at")
            .values(SQLBind(userID), SQLBind(unitID), SQLBind(role.rawValue), SQLBind(now.unixSeconds))
            .ignoringConflicts(with: ["user_id", "unit_id", "role"])
            .returning("id")
            .all()
        return !rows.isEmpty
    }

    /// Returns whether the role was held.
    @discardableResult
    static func revoke(_ role: Role, userID: Int, unitID: Int, on sql: any SQLDatabase) async throws -> Bool {
        let rows = try await sql.delete(from: "role_grants")
            .where("user_id", .equal, userID)
            .where("unit_id", .equal, unitID)
            .where("role", .equal, role.rawValue)
            .returning("id")
            .all()
        return !rows.isEmpty
    }

    static func setActive(_ active: Bool, userID: Int, at now: Date, on sql: any SQLDatabase) async throws {
        try await sql.update("users")
            .set("is_active", to: SQLBind(active))
            .set("updated_at", to: now.unixSeconds)
            .where("id", .equal, userID)
            .run()
    }

    func setPasswordHash(_ hash: String, userID: Int, at now: Date) async throws {
        try await Self.setPasswordHash(hash, userID: userID, at: now, on: database.sql)
    }

    static func setPasswordHash(_ hash: String, userID: Int, at now: Date, on sql: any SQLDatabase) async throws {
        try await sql.update("users")
            .set("password_hash", to: hash)
            .set("updated_at", to: now.unixSeconds)
            .where("id", .equal, userID)
            .run()
    }

    /// People holding a role in the given units, with those roles: one
    /// query, whatever the number of people.
    public func staff(inUnits unitIDs: [Int]) async throws -> [StaffMember] {
        guard !unitIDs.isEmpty else { return [] }
        let rows = try await database.sql.select()
            .column(SQLColumn("id", table: "users"), as: "user_id")
            .column(SQLColumn("username", table: "users"))
            .column(SQLColumn("display_name", table: "users"))
            .column(SQLColumn("is_active", table: "users"))
            .column(SQLColumn("unit_id", table: "role_grants"))
            .column(SQLColumn("role", table: "role_grants"))
            .from("role_grants")
            .join("users", on: SQLColumn("user_id", table: "role_grants"), .equal, SQLColumn("id", table: "users"))
            .where(SQLColumn("unit_id", table: "role_grants"), .in, SQLBind.group(unitIDs))
            .orderBy(SQLColumn("id", table: "users"))
            .all()
        var members: [StaffMember] = []
        var index: [Int: Int] = [:]
        for row in rows {
            let userID = try row.decode(column: "user_id", as: Int.self)
            guard let role = Role(rawValue: try row.decode(column: "role", as: String.self)) else { continue }
            let grant = RoleGrant(unitID: try row.decode(column: "unit_id", as: Int.self), role: role)
            if let position = index[userID] {
                members[position].grants.append(grant)
            } else {
                index[userID] = members.count
                members.append(
                    StaffMember(
                        id: userID,
                        username: try row.decode(column: "username", as: String.self),
                        displayName: try row.decode(column: "display_name", as: String.self),
                        isActive: try row.decode(column: "is_active", as: Bool.self),
                        grants: [grant]
                    ))
            }
        }
        return members
    }

    /// The accounts an office administrator manages: everyone holding a
    /// role in one of `unitIDs`, and everyone holding no role yet (a new
    /// account waiting for one). Two queries, whatever the number of people.
    public func managedStaff(inUnits unitIDs: [Int]) async throws -> [StaffMember] {
        guard !unitIDs.isEmpty else { return [] }
        let users = try await database.sql.select().columns(StoredUser.columns).from("users")
            .where("id", .in, SQLSubquery.select { $0.column("user_id").from("role_grants").where("unit_id", .in, SQLBind.group(unitIDs)) })
            .orWhere("id", .notIn, SQLSubquery.select { $0.column("user_id").from("role_grants") })
            .orderBy("id")
            .all(decoding: StoredUser.self, keyDecodingStrategy: .convertFromSnakeCase)
        guard !users.isEmpty else { return [] }
        let grantRows = try await database.sql.select().columns("user_id", "unit_id", "role").from("role_grants")
            .where("user_id", .in, SQLBind.group(users.map(\.id)))
            .all()
        var grants: [Int: [RoleGrant]] = [:]
        for row in grantRows {
            guard let role = Role(rawValue: try row.decode(column: "role", as: String.self)) else { continue }
            grants[try row.decode(column: "user_id", as: Int.self), default: []]
                .append(RoleGrant(unitID: try row.decode(column: "unit_id", as: Int.self), role: role))
        }
        return users.map {
            StaffMember(id: $0.id, username: $0.username, displayName: $0.displayName, isActive: $0.isActive, grants: grants[$0.id] ?? [])
        }
    }
}

/// A member of staff as lists show them.
public struct StaffMember: Sendable, Equatable {
    public let id: Int
    public let username: String
    public let displayName: String
    public let isActive: Bool
    public var grants: [RoleGrant]
}

extension UserRepository {
    /// Sets a new password for a named account, recorded in the audit log.
    /// For the command line, when someone has locked themselves out.
    public func resetPassword(username: String, to password: String, hasher: PasswordHasher, audit: AuditLog, at now: Date) async throws {
        guard let user = try await find(username: username) else { throw PeopleError.unknownUser(username) }
        try await setPasswordHash(try await hasher.hash(password), userID: user.id, at: now)
        try await audit.record(
            .init(
                actorID: nil, actorName: "sunboard user password", action: "password.reset", subject: username, detail: "命令行重设密码",
                address: "cli"),
            at: now
        )
    }
}
