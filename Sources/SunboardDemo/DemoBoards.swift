import Foundation
import SQLKit
import SunboardApp
import SunboardCore

/// The people boards of the demo year, played through the real workflow:
/// each community's 低保 roster imported from its spreadsheet in January,
/// the 2025 reviews recorded to match the published review figures, the
/// year's applicants noticed and decided, the odd family moved away, and
/// in November an application in every state (in notice with an objection,
/// notice over awaiting a decision, related to staff, not yet noticed).
/// Also the floating-population and party boards, with 银城 publishing its
/// party members' names and more of its 低保 details, as the seed asks.
struct DemoBoards {
    let services: AppServices
    let people: [String: [Role: StaffActor]]
    let units: [String: Unit]
    let office: Unit
    /// Brings each community's existing rosters over, once, as only the office may.
    let officeAdmin: StaffActor
    let calendar: DemoCalendar

    /// Boards move by days, like the notices they answer to.
    private var shift: DemoShift { calendar.daily }

    /// 2025 review outcomes, matching the published 低保复审情况.
    static let reviews: [String: (continued: Int, adjusted: Int, cancelled: Int)] = [
        "yincheng": (98, 19, 9), "yinnan": (81, 15, 8), "yinbei": (76, 14, 7),
    ]
    /// The demo's year ends here, as written; later decisions have not happened yet.
    static let lastDay = CalendarDate("2026-11-27")!
    /// 银新 was set up this year: its roster came over from the old communities.
    static let newRoster = ["yinxin": 31]

    static func lanes(_ slug: String) -> [String] {
        let profile = DemoData.standingProfiles.first { $0.slug == slug }
        return (profile?.cadres ?? []).flatMap { $0.lanes.split(separator: "、").map(String.init) }.filter { $0 != "—" }
    }

    func steps() throws -> [DemoStep] {
        var steps: [DemoStep] = []
        for (communityIndex, slug) in ["yincheng", "yinnan", "yinbei", "yinxin"].enumerated() {
            guard let unit = units[slug], let roles = people[slug], let director = roles[.director] else {
                throw DemoError.bad("boards: \(slug) is missing")
            }
            let at = { (date: String, hour: Double) in shift(CalendarDate(date)!).startInstant.addingTimeInterval(hour * 3600) }
            if slug == "yincheng" {
                steps.append(
                    DemoStep(at: at("2026-01-04", 9), order: 0) {
                        let workflow = services.boardWorkflow
                        try await workflow.saveSettings(
                            board: .dibao, choices: ["age": .public, "hardship": .public, "public_work": .public], unit: unit,
                            actor: director,
                            at: at("2026-01-04", 9))
                        try await workflow.saveSettings(
                            board: .party, choices: ["name": .public, "duty": .public], unit: unit, actor: director, at: at("2026-01-04", 9)
                        )
                    })
            } else if slug != "yinxin" {
                steps.append(
                    DemoStep(at: at("2026-01-04", 9), order: 0) {
                        try await services.boardWorkflow.saveSettings(
                            board: .dibao, choices: ["hardship": .public], unit: unit, actor: director, at: at("2026-01-04", 9))
                    })
            }
            let size = Self.reviews[slug].map { $0.continued + $0.adjusted + $0.cancelled } ?? Self.newRoster[slug] ?? 0
            let roster = DemoRoster(slug: slug, lanes: Self.lanes(slug), year: CalendarDate(at("2026-01-05", 10)).year)
            steps.append(
                DemoStep(at: at("2026-01-05", 10), order: 0) {
                    let workflow = services.boardWorkflow
                    for (board, bytes) in [
                        (PeopleBoard.dibao, roster.dibaoCSV(count: size)), (.floating, roster.floatingCSV()), (.party, roster.partyCSV()),
                    ] {
                        let reading = try await workflow.importRoster(
                            board: board, bytes: bytes, unit: unit, roles: [.officeAdmin], actor: officeAdmin, at: at("2026-01-05", 10))
                        guard reading.isClean else {
                            throw DemoError.bad("boards: \(slug) \(board.code) roster: \(reading.fileProblem ?? "") \(reading.problems)")
                        }
                    }
                })
            if let outcome = Self.reviews[slug] {
                // Each community's morning in turn, ten seconds a family, all before the day's notices at ten.
                let start = at("2026-01-14", 8 + 0.5 * Double(communityIndex))
                let end = start.addingTimeInterval(Double(outcome.continued + outcome.adjusted + outcome.cancelled) * 10)
                steps.append(
                    DemoStep(at: start, order: 0, until: end) {
                        try await review(unit: unit, outcome: outcome, director: director, at: start)
                    })
            }
            // During the year: a family moves away, another's benefit follows a new job.
            let adjusted = Box()
            steps.append(
                DemoStep(at: at("2026-06-10", 15), order: 0) {
                    let cards = try await services.peopleBoards.cards(unitID: unit.id, board: .dibao, statuses: [.onRoster])
                    guard cards.count > 3 else { return }
                    try await services.boardWorkflow.remove(
                        cards[1], note: shift.text("全家迁往榆林市区居住，已转出户口，6 月起停发。", anchor: CalendarDate("2026-06-10")!),
                        unit: unit, roles: [.director], actor: director, at: at("2026-06-10", 15))
                    adjusted.id = cards[2].id
                })
            steps.append(
                DemoStep(at: at("2026-07-02", 10), order: 0) {
                    guard let id = adjusted.id, let second = try await services.peopleBoards.card(id: id) else { return }
                    let lower = Fen(max(10_000, (second.benefit?.value ?? 30_000) - 12_000)).plainYuan
                    try await services.boardWorkflow.adjust(
                        second, amount: lower, note: "儿子在县城找到工作，家庭收入增加，经入户核实调整。", unit: unit, roles: [.director],
                        actor: director, at: at("2026-07-02", 10))
                })
        }
        steps += try applicants()
        return steps
    }

    /// Records the 2025 reviews so their numbers match the published figures.
    private func review(
        unit: Unit, outcome: (continued: Int, adjusted: Int, cancelled: Int), director: StaffActor, at now: Date
    ) async throws {
        let cards = try await services.peopleBoards.cards(unitID: unit.id, board: .dibao, statuses: [.onRoster])
        let workflow = services.boardWorkflow
        // The year before the one the reviews are recorded in.
        let year = CalendarDate(now).year - 1
        for (index, card) in cards.enumerated() {
            let when = now.addingTimeInterval(Double(index * 10))
            if index < outcome.cancelled {
                try await workflow.review(
                    card, year: year, outcome: .cancelled, amount: "", note: "家庭人均收入已超过低保标准。", unit: unit, roles: [.director],
                    actor: director, at: when)
            } else if index < outcome.cancelled + outcome.adjusted {
                let changed = Fen((card.benefit?.value ?? 40_000) + (index % 2 == 0 ? 6_000 : -5_000))
                try await workflow.review(
                    card, year: year, outcome: .adjusted, amount: changed.plainYuan, note: "家庭人口或收入变化，按复审结果调整。", unit: unit,
                    roles: [.director], actor: director, at: when)
            } else {
                try await workflow.review(
                    card, year: year, outcome: .continued, amount: "", note: "", unit: unit, roles: [.director], actor: director, at: when)
            }
        }
    }

    /// The year's applicants: those whose notices are in the demo's
    /// disclosures, decided after their notice; and November's open cases.
    private func applicants() throws -> [DemoStep] {
        var steps: [DemoStep] = []
        let lastDay = shift(Self.lastDay)
        for (index, written) in DemoData.disclosures.enumerated() where written.item == PeopleBoardWorkflow.noticeItem {
            let demo = written.moved(by: shift)
            guard let unit = units[demo.community], let roles = people[demo.community], let clerk = roles[.clerk],
                let director = roles[.director], let published = CalendarDate(demo.published)
            else { throw DemoError.bad("boards: applicant \(index)") }
            let roster = DemoRoster(slug: demo.community, lanes: Self.lanes(demo.community), year: published.year)
            var values = roster.dibaoValues(index + 500)
            values["name"] = demo.fields["applicant"] ?? ""
            values["household_size"] = demo.fields["household_size"] ?? "1"
            values["monthly_benefit"] = demo.fields["monthly_benefit"] ?? ""
            values["hardship"] = demo.fields["hardship"] ?? ""
            let added = published.adding(days: -3).startInstant.addingTimeInterval(15 * 3600)
            let decided = published.adding(days: 9).startInstant.addingTimeInterval(10 * 3600)
            steps.append(
                DemoStep(at: added, order: 0) {
                    try await services.boardWorkflow.add(
                        board: .dibao, input: CardInput(values: values), relatedToStaff: false, relation: "", unit: unit, actor: clerk,
                        at: added)
                })
            // The latest one is still in its notice period on the demo's day.
            let name = values["name"]!
            let linked = published.startInstant.addingTimeInterval(12 * 3600)
            let notice = Box()
            steps.append(
                DemoStep(at: linked, order: 6) {
                    notice.id = try await link(name: name, unit: unit, published: published, at: linked)
                })
            // The latest one is still in its notice period on the demo's day, and a neighbour has asked a question.
            if decided >= lastDay.startInstant {
                let asked = published.adding(days: 1).startInstant.addingTimeInterval(20 * 3600)
                steps.append(
                    DemoStep(at: asked, order: 6) {
                        guard let id = notice.id else { return }
                        try await objection(id, name: "", text: "听说她家在南门口有一间门面房在出租，请社区核实后再定。", at: asked)
                    })
            }
            guard decided < lastDay.startInstant else { continue }
            steps.append(
                DemoStep(at: decided, order: 6) {
                    guard let card = try await card(named: name, unit: unit) else { return }
                    try await services.boardWorkflow.decide(
                        card, approve: true, amount: values["monthly_benefit"]!, note: "公示期内无异议，经民主评议同意，报办事处审核确认。",
                        unit: unit, roles: [.director], actor: director, at: decided)
                })
        }
        // 银北: a new application noticed in November; an objection came in;
        // the notice is over and the director has yet to decide.
        if let unit = units["yinbei"], let roles = people["yinbei"], let clerk = roles[.clerk], let supervisor = roles[.supervisor],
            let director = roles[.director]
        {
            let at = { (date: String, hour: Double) in shift(CalendarDate(date)!).startInstant.addingTimeInterval(hour * 3600) }
            let roster = DemoRoster(slug: "yinbei", lanes: Self.lanes("yinbei"), year: CalendarDate(at("2026-11-10", 15)).year)
            var values = roster.dibaoValues(901)
            values["name"] = "任桂珍"
            values["age"] = "58"
            values["household_size"] = "2"
            values["monthly_benefit"] = "720.00"
            values["hardship"] = shift.text("丈夫 2026 年 9 月去世，本人 58 岁无工作，与上初中的孙子一起生活。", anchor: CalendarDate("2026-11-10")!)
            // Each step on its own day, so the ledger runs in time order.
            let notice = Box()
            let current = { () async throws -> Disclosure? in
                guard let id = notice.id else { return nil }
                return try await services.disclosures.find(id: id)
            }
            steps.append(
                DemoStep(at: at("2026-11-10", 15), order: 0, until: at("2026-11-10", 16)) {
                    let workflow = services.boardWorkflow
                    let id = try await workflow.add(
                        board: .dibao, input: CardInput(values: values), relatedToStaff: false, relation: "", unit: unit, actor: clerk,
                        at: at("2026-11-10", 15))
                    guard let card = try await services.peopleBoards.card(id: id) else { return }
                    notice.id = try await workflow.startNotice(
                        card, unit: unit, lineage: [unit, office], actor: clerk, at: at("2026-11-10", 16))
                })
            steps.append(
                DemoStep(at: at("2026-11-11", 10), order: 2) {
                    guard let draft = try await current() else { return }
                    try await services.workflow.approve(draft, unit: unit, actor: supervisor, at: at("2026-11-11", 10))
                })
            steps.append(
                DemoStep(at: at("2026-11-12", 10), order: 3) {
                    guard let draft = try await current(),
                        let item = try await services.catalog.effective(lineage: [unit, office]).first(where: {
                            $0.code == PeopleBoardWorkflow.noticeItem
                        })
                    else { return }
                    try await services.workflow.publish(draft, unit: unit, item: item, actor: director, at: at("2026-11-12", 10))
                })
            steps.append(
                DemoStep(at: at("2026-11-14", 19), order: 0) {
                    guard let id = notice.id else { return }
                    try await objection(
                        id, name: "北门巷居民", text: "她家孙子的父母在外地打工，每月往家里寄钱，请核实家庭收入。", at: at("2026-11-14", 19))
                })
        }
        // 银南: an application from a staff member's relative, waiting for the office.
        if let unit = units["yinnan"], let clerk = people["yinnan"]?[.clerk] {
            let when = shift(CalendarDate("2026-11-20")!).startInstant.addingTimeInterval(11 * 3600)
            var values = DemoRoster(slug: "yinnan", lanes: Self.lanes("yinnan"), year: CalendarDate(when).year).dibaoValues(902)
            values["name"] = "冯桂兰"
            values["household_size"] = "1"
            values["monthly_benefit"] = "560.00"
            steps.append(
                DemoStep(at: when, order: 0) {
                    try await services.boardWorkflow.add(
                        board: .dibao, input: CardInput(values: values), relatedToStaff: true, relation: "居委会委员冯小燕的姑姑", unit: unit,
                        actor: clerk, at: when)
                })
        }
        return steps
    }

    /// An id one step leaves for a later one.
    private final class Box: @unchecked Sendable { var id: Int? }

    private func card(named name: String, unit: Unit) async throws -> BoardCard? {
        try await services.peopleBoards.cards(unitID: unit.id, board: .dibao, statuses: [.applicant]).first { $0.name == name }
    }

    /// Links a demo applicant to the notice the timeline published for them
    /// (the one whose notice starts that day); returns its id. The demo's
    /// notices were written as disclosures before the boards existed, so the
    /// link is made here rather than by `startNotice`.
    private func link(name: String, unit: Unit, published: CalendarDate, at now: Date) async throws -> Int? {
        guard let card = try await card(named: name, unit: unit),
            let item = try await services.catalog.effective(lineage: [unit, office]).first(where: {
                $0.code == PeopleBoardWorkflow.noticeItem
            }),
            let id = try await services.database.sql.select().column("id").from("disclosures")
                .where("unit_id", .equal, SQLBind(unit.id)).where("catalog_item_id", .equal, SQLBind(item.id))
                .where("notice_starts", .equal, SQLBind(published.description)).first()?.decode(column: "id", as: Int.self)
        else { throw DemoError.bad("boards: no notice for \(name) on \(published)") }
        try await services.database.sql.update("board_cards").set("notice_disclosure_id", to: SQLBind(id))
            .set("updated_at", to: SQLBind(now.unixSeconds)).where("id", .equal, SQLBind(card.id)).run()
        return id
    }

    /// A resident's objection to a notice, as the public form would file it.
    private func objection(_ disclosureID: Int, name: String, text: String, at now: Date) async throws {
        guard let notice = try await services.disclosures.find(id: disclosureID) else { return }
        try await services.objections.add(
            disclosureID: disclosureID, version: notice.publishedVersion, name: name, contact: "", text: text, address: "demo", at: now)
    }
}
