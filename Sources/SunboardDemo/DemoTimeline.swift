import Foundation
import SQLKit
import SunboardApp
import SunboardCore

/// Plays the demo's year through the real workflow, in the order it
/// happened: each disclosure is drafted by the clerk, submitted, reviewed by
/// the supervisor and published by the director, on the days the content
/// says, moved to the present by `calendar`; corrections and withdrawals
/// follow on theirs. What has not happened by now is left out, so a
/// statement due later this month is simply not there yet. The ledger and
/// the audit log come out as they would from a year of real work.
struct DemoTimeline {
    let services: AppServices
    /// The people who take the steps, by community and role.
    let people: [String: [Role: StaffActor]]
    /// Each community's unit and catalog.
    let units: [String: (unit: Unit, catalog: [CatalogItem])]
    let office: Unit
    let calendar: DemoCalendar

    typealias Step = DemoStep

    /// Plays the disclosures together with `other` steps (the books), all
    /// in the order of their times.
    func play(_ disclosures: [DemoDisclosure], with other: [DemoStep] = []) async throws {
        var steps: [Step] = other
        // Ids of created drafts, filled in as the timeline runs.
        final class Created: @unchecked Sendable { var ids: [Int: Int] = [:] }
        let created = Created()

        for (index, written) in disclosures.enumerated() {
            guard let (unit, catalog) = units[written.community], let people = people[written.community],
                let item = catalog.first(where: { $0.code == written.item }), let writtenDay = CalendarDate(written.published)
            else {
                throw DemoError.bad(
                    "disclosure \(index): unknown community, item or date (\(written.community) \(written.item) \(written.published))")
            }
            let shift = calendar.shift(for: item.disclosureClass == .periodic ? item.frequency : nil, published: writtenDay)
            let demo = written.moved(by: shift)
            let day = CalendarDate(demo.published)!
            let clerk = people[.clerk]!, supervisor = people[.supervisor]!, director = people[.director]!
            // Steps of one day keep their order; different disclosures interleave by time.
            let at = { (dayOffset: Int, hour: Int) in
                day.adding(days: dayOffset).startInstant.addingTimeInterval(Double(hour * 3600 + index))
            }
            var times = Lifecycle(drafted: at(-2, 9), submitted: at(-2, 16), reviewed: at(-1, 10), published: at(0, 10))
            if item.code == "work-bulletin", let period = demo.period.flatMap(Period.init) { times = hurried(times, bulletinOf: period) }
            let current = { () async throws -> Disclosure in
                guard let disclosure = try await services.disclosures.find(id: created.ids[index]!) else {
                    throw DemoError.bad("lost \(index)")
                }
                return disclosure
            }
            let input = DisclosureInput(title: demo.title, body: demo.body, period: demo.period ?? "", fields: demo.fields)
            let uploads = DemoFiles.uploads(for: demo)

            steps.append(
                Step(at: times.drafted, order: 0) {
                    if demo.statement, let period = Period(demo.period ?? "") {
                        created.ids[index] = try await services.statements.generate(
                            unit: unit, period: period, lineage: [unit, office], actor: clerk, at: times.drafted)
                    } else if let id = try await DemoCivic.draft(
                        demo, written: written, shift: shift, unit: unit, office: office, clerk: clerk, services: services,
                        at: times.drafted)
                    {
                        created.ids[index] = id
                    } else {
                        created.ids[index] = try await services.workflow.create(
                            unit: unit, item: item, input: input, uploads: uploads, actor: clerk, at: times.drafted)
                    }
                })
            let stage = demo.stage
            if case .draft = stage { continue }
            steps.append(
                Step(at: times.submitted, order: 1) {
                    try await services.workflow.submit(try await current(), unit: unit, actor: clerk, at: times.submitted)
                })
            if case .submitted = stage { continue }
            if case .returned(let comment) = stage {
                steps.append(
                    Step(at: times.reviewed, order: 2) {
                        try await services.workflow.returnForChanges(
                            try await current(), unit: unit, comment: comment, actor: supervisor, at: times.reviewed)
                    })
                continue
            }
            steps.append(
                Step(at: times.reviewed, order: 2) {
                    try await services.workflow.approve(try await current(), unit: unit, actor: supervisor, at: times.reviewed)
                })
            if case .approved = stage { continue }
            steps.append(
                Step(at: times.published, order: 3) {
                    try await services.workflow.publish(try await current(), unit: unit, item: item, actor: director, at: times.published)
                })

            if let correction = demo.correction, let on = CalendarDate(correction.on) {
                let when = { (hour: Int) in on.startInstant.addingTimeInterval(Double(hour * 3600 + index)) }
                // Prepared in the day, published at four: the ledger runs in time order.
                steps.append(
                    Step(at: when(9), order: 4, until: when(16)) {
                        try await services.workflow.startCorrection(
                            try await current(), unit: unit, reason: correction.reason, actor: director, at: when(9))
                        let disclosure = try await current()
                        var changed = DisclosureInput(disclosure.content, item: item)
                        if let title = correction.title { changed.title = title }
                        if let body = correction.body { changed.body = body }
                        for (key, value) in correction.fields { changed.fields[key] = value }
                        try await services.workflow.update(
                            disclosure, unit: unit, item: item, input: changed, uploads: [], removing: [], actor: clerk, at: when(10))
                        try await services.workflow.submit(try await current(), unit: unit, actor: clerk, at: when(11))
                        try await services.workflow.approve(try await current(), unit: unit, actor: supervisor, at: when(14))
                    })
                steps.append(
                    Step(at: when(16), order: 4) {
                        try await services.workflow.publish(try await current(), unit: unit, item: item, actor: director, at: when(16))
                    })
            }
            if let withdrawal = demo.withdrawal, let on = CalendarDate(withdrawal.on) {
                let when = on.startInstant.addingTimeInterval(Double(11 * 3600 + index))
                steps.append(
                    Step(at: when, order: 5) {
                        try await services.workflow.withdraw(
                            try await current(), unit: unit, reason: withdrawal.reason, actor: director, at: when)
                    })
            }
        }
        for step in steps.sorted(by: { ($0.at, $0.order) < ($1.at, $1.order) }) where calendar.hasHappened(step.until) {
            try await step.run()
        }
    }

    /// When a disclosure is drafted, submitted, reviewed and published.
    struct Lifecycle {
        var drafted: Date
        var submitted: Date
        var reviewed: Date
        var published: Date
    }

    /// The bulletin of the quarter just ended is out by today: when its
    /// written day has not come yet, its steps are taken in the hours (early
    /// on the quarter's first day, the minutes) before now.
    private func hurried(_ times: Lifecycle, bulletinOf period: Period) -> Lifecycle {
        guard period == Period.containing(calendar.today, frequency: .quarterly).previous, times.published > calendar.now else {
            return times
        }
        let start = max(calendar.today.startInstant, calendar.now.addingTimeInterval(-4 * 3600))
        let gap = calendar.now.timeIntervalSince(start) / 5
        return Lifecycle(
            drafted: start.addingTimeInterval(gap), submitted: start.addingTimeInterval(2 * gap),
            reviewed: start.addingTimeInterval(3 * gap),
            published: start.addingTimeInterval(4 * gap))
    }
}

/// One dated step of the demo's year. It runs only if it is over by the
/// time the demo is seeded: `until` is when its last action happens.
struct DemoStep {
    var at: Date
    var order: Int
    var until: Date
    var run: () async throws -> Void

    init(at: Date, order: Int, until: Date? = nil, run: @escaping () async throws -> Void) {
        self.at = at
        self.order = order
        self.until = until ?? at
        self.run = run
    }
}

enum DemoError: Error, CustomStringConvertible {
    case bad(String)
    var description: String {
        switch self {
        case .bad(let text): "demo data: \(text)"
        }
    }
}
