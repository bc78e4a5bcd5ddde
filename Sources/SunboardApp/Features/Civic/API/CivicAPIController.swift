import Foundation
import Hummingbird
import SunboardCore

/// `GET /api/v1/units/{slug}/elections|meetings|hearings|projects|bulletins`
/// with `/{id}` detail routes, and the honor roll, albums and appraisals:
/// the civic processes as published, for other systems and for checking.
/// Money in fen, days as `2026-11-27`, times in ISO 8601 with +08:00.
struct CivicAPIController {
    let services: AppServices

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get(SiteURL.civic(.api(.key, "elections")).route) { try await self.elections($1, id: nil) }
        router.get(SiteURL.civic(.apiItem(.key, "elections", .key)).route) { try await self.elections($1, id: try Self.id($1)) }
        router.get(SiteURL.civic(.api(.key, "meetings")).route) { try await self.meetings($1, id: nil) }
        router.get(SiteURL.civic(.apiItem(.key, "meetings", .key)).route) { try await self.meetings($1, id: try Self.id($1)) }
        router.get(SiteURL.civic(.api(.key, "hearings")).route) { try await self.hearings($1, id: nil) }
        router.get(SiteURL.civic(.apiItem(.key, "hearings", .key)).route) { try await self.hearings($1, id: try Self.id($1)) }
        router.get(SiteURL.civic(.api(.key, "projects")).route) { try await self.projects($1, id: nil) }
        router.get(SiteURL.civic(.apiItem(.key, "projects", .key)).route) { try await self.projects($1, id: try Self.id($1)) }
        router.get(SiteURL.civic(.api(.key, "bulletins")).route) { try await self.bulletins($1, id: nil) }
        router.get(SiteURL.civic(.apiItem(.key, "bulletins", .key)).route) { try await self.bulletins($1, id: try Self.id($1)) }
        router.get(SiteURL.civic(.api(.key, "honors")).route) { try await self.posts($1, kind: .honors) }
        router.get(SiteURL.civic(.api(.key, "albums")).route) { try await self.posts($1, kind: .album) }
        router.get(SiteURL.civic(.api(.key, "appraisals")).route) { try await self.posts($1, kind: .appraisal) }
    }

    static func id(_ context: AppRequestContext) throws -> Int {
        guard let id = context.parameters.get("id", as: Int.self), id > 0 else { throw CommonError.notFound }
        return id
    }

    /// The answer kept in the page cache while the community's board and
    /// the day stay the same (deadlines and overdue actions move with the day).
    private func cached(
        _ context: AppRequestContext, _ name: String, id: Int?, _ build: (Unit) async throws -> HTML
    ) async throws -> HTML {
        let (unit, lineage) = try await services.community(context)
        let key = "api:civic:\(name):\(id.map(String.init) ?? "list"):\(CalendarDate(services.clock.now)):" + lineage.versionKey
        if let answer = services.pages.cached(key) { return answer }
        let answer = try await build(unit)
        return services.pages.page(for: key) { answer }
    }

    /// A list, or with `id` the one item (404 when it is not public).
    private func answer<Item: Encodable & Sendable>(_ items: [Item], id: Int?, slug: String) throws -> HTML {
        if id != nil {
            guard let item = items.first else { throw CommonError.notFound }
            return try HTML.json(item)
        }
        return try HTML.json(List(unit: slug, items: items))
    }

    struct List<Item: Encodable & Sendable>: Encodable, Sendable {
        var unit: String
        var items: [Item]
    }

    struct Published: Encodable, Sendable {
        var disclosureId: Int
        var title: String
        var publishedAt: String
        var url: String

        init(_ record: CivicPostRecord) {
            disclosureId = record.disclosureID
            title = record.title
            publishedAt = record.firstPublishedAt.map(ShanghaiTime.iso8601) ?? ""
            url = SiteURL.disclosures(.page(record.disclosureID)).path
        }
    }

    // MARK: Elections

    struct ElectionJSON: Encodable, Sendable {
        struct Stage: Encodable, Sendable {
            var stage: String
            var name: String
            var deadline: String
            /// `done`, `late` (done after its deadline), `next`, `overdue` (next and past its deadline) or `later`.
            var state: String
            var stateText: String
            var publishedOn: Nullable<String>
            var disclosure: Nullable<Published>
            var post: Nullable<StagePost>
        }

        var id: Int
        var title: String
        var kind: String
        var kindName: String
        var voteOn: String
        var next: String
        var missedDeadline: Bool
        var stages: [Stage]
    }

    func elections(_ context: AppRequestContext, id: Int?) async throws -> HTML {
        try await cached(context, "elections", id: id) { unit in
            let today = CalendarDate(services.clock.now)
            let states = try await services.civicReport.elections(unitID: unit.id, today: today, publicOnly: true)
                .filter { id == nil || $0.election.id == id }
            let items = states.map { state in
                let view = CivicViews.election(state, slug: unit.slug)
                return ElectionJSON(
                    id: state.election.id, title: state.election.title, kind: state.election.kind.rawValue,
                    kindName: state.election.kind.chinese,
                    voteOn: state.election.voteOn.description, next: view.next, missedDeadline: view.missed,
                    stages: zip(state.timeline.steps, view.steps).map { step, shown in
                        let done = state.stages[step.stage]
                        return .init(
                            stage: step.stage.rawValue, name: step.stage.chinese, deadline: step.deadline.description,
                            state: shown.stateClass,
                            stateText: step.chinese, publishedOn: .init(done?.record.publishedOn?.description),
                            disclosure: .init(done.map { Published($0.record) }), post: .init(done?.post))
                    })
            }
            return try answer(items, id: id, slug: unit.slug)
        }
    }

    // MARK: Meetings

    struct MeetingJSON: Encodable, Sendable {
        var id: Int
        var title: String
        /// `regular` or `temporary`.
        var kind: String
        var startsAt: String
        var place: String
        var agenda: Nullable<AgendaPost>
        var agendaDisclosure: Nullable<Published>
        var decisions: Nullable<DecisionsPost>
        var decisionsDisclosure: Nullable<Published>
    }

    func meetings(_ context: AppRequestContext, id: Int?) async throws -> HTML {
        try await cached(context, "meetings", id: id) { unit in
            let items = try await services.civicReport.meetings(unitID: unit.id, publicOnly: true).filter {
                id == nil || $0.meeting.id == id
            }
            .map { state in
                MeetingJSON(
                    id: state.meeting.id, title: state.meeting.title, kind: state.meeting.kind.rawValue,
                    startsAt: ShanghaiTime.iso8601(state.meeting.startsAt), place: state.meeting.place, agenda: .init(state.agenda?.post),
                    agendaDisclosure: .init(state.agenda.map { Published($0.record) }), decisions: .init(state.decisions?.post),
                    decisionsDisclosure: .init(state.decisions.map { Published($0.record) }))
            }
            return try answer(items, id: id, slug: unit.slug)
        }
    }

    // MARK: Hearings

    struct HearingJSON: Encodable, Sendable {
        struct Action: Encodable, Sendable {
            var action: String
            var owner: String
            var deadline: String
            /// `open`, `in_progress` or `done`.
            var status: String
            var doneOn: Nullable<String>
            var overdue: Bool
        }

        var id: Int
        var topic: String
        var heldOn: String
        var place: String
        var participants: String
        var decision: String
        var actions: [Action]
        var overdueActions: Int
        /// Every published record, oldest first.
        var disclosures: [Published]
    }

    func hearings(_ context: AppRequestContext, id: Int?) async throws -> HTML {
        try await cached(context, "hearings", id: id) { unit in
            let today = CalendarDate(services.clock.now)
            let items = try await services.civicReport.hearings(unitID: unit.id, publicOnly: true).filter {
                id == nil || $0.hearing.id == id
            }
            .map { state in
                HearingJSON(
                    id: state.hearing.id, topic: state.hearing.topic, heldOn: state.hearing.heldOn.description, place: state.hearing.place,
                    participants: state.latest?.participants ?? "", decision: state.latest?.decision ?? "",
                    actions: (state.latest?.actions ?? []).map {
                        .init(
                            action: $0.action, owner: $0.owner, deadline: $0.deadline.description, status: $0.status.rawValue,
                            doneOn: .init($0.doneOn?.description), overdue: $0.rule.isOverdue(today: today))
                    }, overdueActions: state.overdue(today: today).count, disclosures: state.history.map { Published($0.record) })
            }
            return try answer(items, id: id, slug: unit.slug)
        }
    }

    // MARK: Projects

    final class ProjectJSON: Encodable, Sendable {
        let id: Int
        let name: String
        let year: Int
        let parentId: Nullable<Int>
        let summary: String
        let budgetFen: Int
        let spentFen: Int
        let funding: String
        let contractor: String
        let weight: Int
        /// Whole percent: from the steps, or the children's by weight.
        let progress: Int
        let milestones: [ProjectPost.Step]
        let spending: [ProjectPost.Spending]
        /// Phone-sized photo addresses; drop `?size=phone` for the original.
        let photos: [String]
        let updates: [Published]
        let children: [ProjectJSON]

        init(_ state: CivicReport.ProjectState) {
            id = state.project.id
            name = state.project.name
            year = state.project.year
            parentId = .init(state.project.parentID)
            summary = state.summary
            budgetFen = state.project.budget.value
            spentFen = state.spent.value
            funding = state.project.funding
            contractor = state.project.contractor
            weight = state.project.weight
            progress = state.progress
            milestones = state.latest?.steps ?? []
            spending = state.latest?.spending ?? []
            photos = state.updates.flatMap { $0.post.photos.map { SiteURL.disclosures(.file($0)).path + "?size=phone" } }
            updates = state.updates.map { Published($0.record) }
            children = state.children.map(ProjectJSON.init)
        }
    }

    func projects(_ context: AppRequestContext, id: Int?) async throws -> HTML {
        try await cached(context, "projects", id: id) { unit in
            let states = try await services.civicReport.projects(unitID: unit.id, publicOnly: true)
            let chosen = id.map { id in (states + states.flatMap(\.children)).filter { $0.project.id == id } } ?? states
            return try answer(chosen.map(ProjectJSON.init), id: id, slug: unit.slug)
        }
    }

    // MARK: Bulletins and the rest

    struct PostJSON<Post: Encodable & Sendable>: Encodable, Sendable {
        var id: Int
        var disclosure: Published
        var printUrl: String
        var content: Post
    }

    /// The office's quarters: each community's published bulletin, or `null`.
    struct OfficeQuarterJSON: Encodable, Sendable {
        struct Line: Encodable, Sendable {
            var unit: String
            var name: String
            var bulletin: Nullable<PostJSON<BulletinPost>>
        }

        var period: String
        var communities: [Line]
        var disclosures: Int
        var incomeFen: Int
        var expenseFen: Int
        var feedbackReceived: Int
        var feedbackReplied: Int
        var feedbackOnTime: Int
    }

    static func quarter(_ quarter: CivicReport.OfficeQuarter) -> OfficeQuarterJSON {
        let lines = quarter.lines.map { line -> OfficeQuarterJSON.Line in
            var bulletin: PostJSON<BulletinPost>?
            if let record = line.record, let post = line.post {
                bulletin = PostJSON(
                    id: record.disclosureID, disclosure: Published(record),
                    printUrl: SiteURL.disclosures(.print(record.disclosureID)).path,
                    content: post)
            }
            return OfficeQuarterJSON.Line(unit: line.community.slug, name: line.community.name, bulletin: Nullable(bulletin))
        }
        return OfficeQuarterJSON(
            period: quarter.period.description, communities: lines, disclosures: quarter.disclosures, incomeFen: quarter.income.value,
            expenseFen: quarter.expense.value, feedbackReceived: quarter.feedbackReceived, feedbackReplied: quarter.feedbackReplied,
            feedbackOnTime: quarter.feedbackOnTime)
    }

    func bulletins(_ context: AppRequestContext, id: Int?) async throws -> HTML {
        let slug = try context.parameters.require("slug")
        if id == nil, let office = try await services.units.find(slug: slug), office.kind == .office {
            let quarters = try await services.civicReport.officeQuarters(office: office).map(Self.quarter)
            return try answer(quarters, id: nil, slug: office.slug)
        }
        return try await cached(context, "bulletins", id: id) { unit in
            let items = try await services.civicReport.posts(unitID: unit.id, kind: .bulletin).compactMap {
                record -> PostJSON<BulletinPost>? in
                guard case .bulletin(let post) = record.post, id == nil || record.disclosureID == id else { return nil }
                return PostJSON(
                    id: record.disclosureID, disclosure: Published(record),
                    printUrl: SiteURL.disclosures(.print(record.disclosureID)).path, content: post)
            }
            return try answer(items, id: id, slug: unit.slug)
        }
    }

    func posts(_ context: AppRequestContext, kind: CivicPost.Kind) async throws -> HTML {
        try await cached(context, kind.rawValue, id: nil) { unit in
            let records = try await services.civicReport.posts(unitID: unit.id, kind: kind)
            func wrap<Post: Encodable & Sendable>(_ record: CivicPostRecord, _ post: Post) -> PostJSON<Post> {
                PostJSON(
                    id: record.disclosureID, disclosure: Published(record),
                    printUrl: SiteURL.disclosures(.print(record.disclosureID)).path,
                    content: post)
            }
            switch kind {
            case .honors:
                return try answer(
                    records.compactMap { if case .honors(let post) = $0.post { wrap($0, post) } else { nil } }, id: nil, slug: unit.slug)
            case .album:
                return try answer(
                    records.compactMap { if case .album(let post) = $0.post { wrap($0, post) } else { nil } }, id: nil, slug: unit.slug)
            default:
                return try answer(
                    records.compactMap { if case .appraisal(let post) = $0.post { wrap($0, post) } else { nil } }, id: nil, slug: unit.slug)
            }
        }
    }
}
