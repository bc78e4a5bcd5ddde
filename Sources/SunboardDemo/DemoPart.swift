import SunboardApp
import SunboardCore

/// What every part of the demo plays with: the services, each community's
/// people by role and its 专职工作者, the units by slug, the office and its
/// two accounts, and the calendar that moves the written year to today.
struct DemoContext {
    let services: AppServices
    let people: [String: [Role: StaffActor]]
    let workers: [String: [StaffActor]]
    let units: [String: Unit]
    let office: Unit
    let officeAdmin: StaffActor
    let officeLeader: StaffActor
    let calendar: DemoCalendar
}

/// One feature's share of the demo's year: the steps it adds to the one
/// timeline that `DemoSeeder` plays in time order with the disclosures.
/// Adding a feature's demo is one more part in `DemoSeeder.parts`.
protocol DemoPart {
    init(_ demo: DemoContext)
    func steps() throws -> [DemoStep]
}

extension DemoFinance: DemoPart {
    init(_ demo: DemoContext) { self.demo = demo }

    func steps() throws -> [DemoStep] { try steps(DemoData.money) }
}

extension DemoBoards: DemoPart {
    init(_ demo: DemoContext) {
        self.init(
            services: demo.services, people: demo.people, units: demo.units, office: demo.office, officeAdmin: demo.officeAdmin,
            calendar: demo.calendar)
    }
}

extension DemoServiceBoards: DemoPart {
    init(_ demo: DemoContext) {
        self.init(
            services: demo.services, people: demo.people, units: demo.units, office: demo.office, officeAdmin: demo.officeAdmin,
            calendar: demo.calendar)
    }
}

extension DemoFeedback: DemoPart {
    init(_ demo: DemoContext) {
        self.init(services: demo.services, people: demo.people, units: demo.units, calendar: demo.calendar)
    }
}

extension DemoWebhooks: DemoPart {
    init(_ demo: DemoContext) {
        self.init(services: demo.services, people: demo.people, units: demo.units, calendar: demo.calendar)
    }
}

extension DemoAssessment: DemoPart {
    init(_ demo: DemoContext) {
        self.init(services: demo.services, office: demo.office, officeLeader: demo.officeLeader, units: demo.units, calendar: demo.calendar)
    }
}

extension DemoCivic: DemoPart {
    init(_ demo: DemoContext) {
        self.init(services: demo.services, people: demo.people, units: demo.units, office: demo.office, calendar: demo.calendar)
    }
}
