import Foundation
import SunboardCore

/// Fills an empty database with the demo, or tops up one that has it.
/// Running it again creates nothing twice and overwrites nothing a person
/// has changed (a changed password stays changed).
public struct DemoSeeder: Sendable {
    let services: AppServices

    public init(services: AppServices) {
        self.services = services
    }

    /// A demo account as printed for the person trying the demo.
    public struct Login: Sendable {
        public let username: String
        public let displayName: String
        public let unitName: String
        public let roleName: String
    }

    public static var password: String { DemoData.password }

    @discardableResult
    public func seed() async throws -> [Login] {
        let now = services.clock.now
        let units = services.units
        func ensureUnit(slug: String, name: String, kind: UnitKind, parentID: Int?, profile: UnitProfile) async throws -> Unit {
            if let unit = try await units.find(slug: slug) { return unit }
            return try await units.create(slug: slug, name: name, kind: kind, parentID: parentID, profile: profile, at: now)
        }
        let office = try await ensureUnit(
            slug: DemoData.office.slug, name: DemoData.office.name, kind: .office, parentID: nil, profile: DemoData.office.profile
        )
        var communities: [(DemoData.Community, Unit)] = []
        for community in DemoData.communities {
            let unit = try await ensureUnit(
                slug: community.slug, name: community.name, kind: .community, parentID: office.id, profile: community.profile
            )
            communities.append((community, unit))
        }

        // One bcrypt hash serves every new demo account: hashing is slow by design.
        var hash: String?
        var logins: [Login] = []
        func ensure(username: String, name: String, role: Role, unit: Unit) async throws {
            // An account already there is left as it is, roles included: a
            // role the office revoked stays revoked.
            if try await services.users.find(username: username) == nil {
                if hash == nil { hash = try await services.hasher.hash(DemoData.password) }
                let id = try await services.users.create(username: username, displayName: name, passwordHash: hash!, at: now)
                try await services.users.grant(role, userID: id, unitID: unit.id, at: now)
            }
            logins.append(Login(username: username, displayName: name, unitName: unit.name, roleName: role.chineseName))
        }

        try await ensure(username: DemoData.officeAdmin.username, name: DemoData.officeAdmin.name, role: .officeAdmin, unit: office)
        for (community, unit) in communities {
            for (role, name) in community.people {
                try await ensure(username: DemoData.username(community: community.slug, role: role), name: name, role: role, unit: unit)
            }
        }
        return logins
    }
}
