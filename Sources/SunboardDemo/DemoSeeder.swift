import Foundation
import SunboardApp
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

    /// Seeds the organization, people and catalog, and unless `year` is
    /// false a year of disclosures played through the workflow.
    @discardableResult
    public func seed(year: Bool = true) async throws -> [Login] {
        let calendar = DemoCalendar(now: services.clock.now)
        // With its year, the organization is as old as the year it plays.
        let now = year ? calendar.founded : services.clock.now
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
            let isNew = try await units.find(slug: community.slug) == nil
            let unit = try await ensureUnit(
                slug: community.slug, name: community.name, kind: .community, parentID: office.id, profile: community.profile
            )
            communities.append((community, unit))
            // What is owed starts with the books, which move by months (see
            // `DemoCalendar`); a later run keeps the day of the first.
            if isNew { try await services.compliance.setSince(calendar.monthly(community.obligationsSince), unitID: unit.id, at: now) }
        }

        // One bcrypt hash serves every new demo account: hashing is slow by design.
        var hash: String?
        var logins: [Login] = []
        func ensure(username: String, name: String, roles: [Role], unit: Unit) async throws {
            // An account already there is left as it is, roles included: a
            // role the office revoked stays revoked.
            if try await services.users.find(username: username) == nil {
                if hash == nil { hash = try await services.hasher.hash(DemoData.password) }
                let id = try await services.users.create(username: username, displayName: name, passwordHash: hash!, at: now)
                for role in roles { try await services.users.grant(role, userID: id, unitID: unit.id, at: now) }
            }
            logins.append(
                Login(username: username, displayName: name, unitName: unit.name, roleName: roles.map(\.chineseName).joined(separator: "、"))
            )
        }

        try await ensure(username: DemoData.officeAdmin.username, name: DemoData.officeAdmin.name, roles: [.officeAdmin], unit: office)
        try await ensure(username: DemoData.officeLeader.username, name: DemoData.officeLeader.name, roles: [.officeLeader], unit: office)
        for (community, unit) in communities {
            for (role, name) in community.people {
                // The supervisory committee's member on the demo also chairs it and signs.
                let roles: [Role] = role == .supervisor ? [.supervisor, .supervisionChair] : [role]
                try await ensure(username: DemoData.username(community: community.slug, role: role), name: name, roles: roles, unit: unit)
            }
            for (number, name) in community.workers.enumerated() {
                try await ensure(
                    username: DemoData.workerUsername(community: community.slug, number: number + 1), name: name, roles: [.worker],
                    unit: unit)
            }
        }

        // The catalog: the office's defaults and each community's 细则.
        try await services.catalog.seedDefaults(ownerUnitID: office.id, at: now)
        for demo in DemoData.communityItems {
            guard let (_, unit) = communities.first(where: { $0.0.slug == demo.community }) else { continue }
            let owned = Set(try await services.catalog.owned(by: unit.id).map(\.code))
            guard !owned.contains(demo.code) else { continue }
            try await services.catalog.create(try demo.item(ownerUnitID: unit.id), at: now, effectiveFrom: ComplianceRepository.always)
        }

        // A year of disclosures, once: a database that has any keeps its own.
        if year, try await services.disclosures.working(unitID: communities[0].1.id, limit: 1).isEmpty {
            try await playYear(office: office, communities: communities.map(\.1), calendar: calendar)
        }
        return logins
    }

    /// Each feature's share of the year, played on one timeline with the disclosures.
    static let parts: [any DemoPart.Type] = [
        DemoFinance.self, DemoBoards.self, DemoServiceBoards.self, DemoFeedback.self, DemoWebhooks.self, DemoAssessment.self,
        DemoCivic.self,
    ]

    private func playYear(office: Unit, communities: [Unit], calendar: DemoCalendar) async throws {
        var people: [String: [Role: StaffActor]] = [:]
        var workers: [String: [StaffActor]] = [:]
        var units: [String: (unit: Unit, catalog: [CatalogItem])] = [:]
        func actor(_ member: StaffMember, _ roles: [Role]) -> StaffActor {
            .init(
                id: member.id, name: member.displayName, address: "demo",
                permissions: roles.reduce(into: Set<Permission>()) { $0.formUnion($1.permissions) })
        }
        for unit in communities {
            for member in try await services.users.staff(inUnits: [unit.id]) {
                let roles = member.grants.filter { $0.unitID == unit.id }.map(\.role)
                for role in roles { people[unit.slug, default: [:]][role] = actor(member, roles) }
                if roles == [.worker] { workers[unit.slug, default: []].append(actor(member, roles)) }
            }
            workers[unit.slug]?.sort { $0.id < $1.id }
            units[unit.slug] = (unit, try await services.catalog.effective(lineage: [unit, office]))
        }
        var officePeople: [Role: StaffActor] = [:]
        for member in try await services.users.staff(inUnits: [office.id]) {
            for grant in member.grants where grant.unitID == office.id { officePeople[grant.role] = actor(member, [grant.role]) }
        }
        guard let admin = officePeople[.officeAdmin], let leader = officePeople[.officeLeader] else {
            throw DemoError.bad("the office's administrator and leader accounts are missing")
        }
        let demo = DemoContext(
            services: services, people: people, workers: workers, units: units.mapValues(\.unit), office: office, officeAdmin: admin,
            officeLeader: leader, calendar: calendar)
        try await DemoTimeline(services: services, people: people, units: units, office: office, calendar: calendar)
            .play(DemoData.disclosures, with: try Self.parts.flatMap { try $0.init(demo).steps() })
    }
}
