import Foundation
import Hummingbird
import SunboardCore

/// The civic processes' public pages under `/units/{slug}/…`: elections
/// stage by stage, meetings and their votes, hearings and whether their
/// decisions were carried out, projects and their progress, bulletins, the
/// honor roll, albums and the appraisal. Built from published posts only;
/// kept in memory per board version and day (deadlines pass with the day).
struct CivicPagesController {
    let services: AppServices

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get(SiteURL.civic(.page(.key, "elections")).route, use: elections)
        router.get(SiteURL.civic(.item(.key, "elections", .key)).route, use: elections)
        router.get(SiteURL.civic(.page(.key, "meetings")).route, use: meetings)
        router.get(SiteURL.civic(.item(.key, "meetings", .key)).route, use: meetings)
        router.get(SiteURL.civic(.page(.key, "hearings")).route, use: hearings)
        router.get(SiteURL.civic(.item(.key, "hearings", .key)).route, use: hearings)
        router.get(SiteURL.civic(.page(.key, "projects")).route, use: projects)
        router.get(SiteURL.civic(.item(.key, "projects", .key)).route, use: project)
        router.get(SiteURL.civic(.page(.key, "bulletins")).route, use: bulletins)
        router.get(SiteURL.civic(.page(.key, "honors")).route, use: honors)
        router.get(SiteURL.civic(.page(.key, "albums")).route, use: albums)
        router.get(SiteURL.civic(.item(.key, "albums", .key)).route, use: albums)
        router.get(SiteURL.civic(.page(.key, "appraisals")).route, use: appraisals)
    }

    /// What every civic page has: the frame, the community's name, the
    /// links between the civic pages.
    struct Page<Content: Sendable>: Sendable {
        var frame: Frame
        var name: String
        var boardURL: String
        var tabs: [Tab]
        var content: Content
        var isDetail: Bool
    }

    struct Tab: Sendable {
        var title: String
        var url: String
        var current: Bool
    }

    static let sections: [(String, String)] = [
        ("elections", "选举"), ("meetings", "会议"), ("hearings", "听证会"), ("projects", "民生工程"), ("bulletins", "工作简报"),
        ("honors", "光荣榜"), ("albums", "活动剪影"), ("appraisals", "民主评议"),
    ]

    static func title(_ section: String) -> String { sections.first { $0.0 == section }?.1 ?? "" }

    /// Renders a civic page, cached by the community's board version, the
    /// day and the address.
    private func render<Content: Sendable>(
        _ request: Request, _ context: AppRequestContext, section: String, template: String,
        build: @escaping @Sendable (_ unit: Unit, _ today: CalendarDate, _ id: Int?) async throws -> (Content, String)?
    ) async throws -> HTML {
        let (unit, lineage) = try await services.community(context)
        let id = context.parameters.get("id").map { Int($0) ?? -1 }
        let today = CalendarDate(services.clock.now)
        let key = "civic:\(section):\(id ?? 0):\(today):" + lineage.versionKey
        if let page = services.pages.cached(key) { return page }
        guard let (content, title) = try await build(unit, today, id) else { throw CommonError.notFound }
        let parent = lineage.dropFirst().first
        let listURL = SiteURL.civic(.page(unit.slug, section)).path
        var crumbs = Frame.Crumb.trail(to: unit, parent: parent) + [.init(title: Self.title(section), url: listURL)]
        if id != nil { crumbs.append(.init(title: title, url: request.uri.path)) }
        return try services.pages.page(for: key) {
            let model = Page(
                frame: Frame(title: id == nil ? "\(unit.name)\(title)" : title, crumbs: crumbs, assets: services.renderer.assets),
                name: unit.name, boardURL: SiteURL.units(.page(unit.slug)).path,
                tabs: Self.sections.map { Tab(title: $0.1, url: SiteURL.civic(.page(unit.slug, $0.0)).path, current: $0.0 == section) },
                content: content, isDetail: id != nil)
            return HTML(try services.renderer.render(template, model), caching: .publicRevalidate)
        }
    }

    @Sendable func elections(_ request: Request, context: AppRequestContext) async throws -> HTML {
        try await render(request, context, section: "elections", template: "public/elections") {
            (unit, today, id) async throws -> ([CivicViews.ElectionView], String)? in
            let states = try await services.civicReport.elections(unitID: unit.id, today: today, publicOnly: true)
                .filter { id == nil || $0.election.id == id }
            if id != nil && states.isEmpty { return nil }
            return (
                states.map { CivicViews.election($0, slug: unit.slug) }, states.first.map { id == nil ? "选举" : $0.election.title } ?? "选举"
            )
        }
    }

    @Sendable func meetings(_ request: Request, context: AppRequestContext) async throws -> HTML {
        try await render(request, context, section: "meetings", template: "public/meetings") {
            (unit, _, id) async throws -> ([CivicViews.MeetingView], String)? in
            let states = try await services.civicReport.meetings(unitID: unit.id, publicOnly: true).filter {
                id == nil || $0.meeting.id == id
            }
            if id != nil && states.isEmpty { return nil }
            return (states.map { CivicViews.meeting($0, slug: unit.slug) }, id == nil ? "会议" : states[0].meeting.title)
        }
    }

    @Sendable func hearings(_ request: Request, context: AppRequestContext) async throws -> HTML {
        try await render(request, context, section: "hearings", template: "public/hearings") {
            (unit, today, id) async throws -> ([CivicViews.HearingView], String)? in
            let states = try await services.civicReport.hearings(unitID: unit.id, publicOnly: true).filter {
                id == nil || $0.hearing.id == id
            }
            if id != nil && states.isEmpty { return nil }
            return (states.map { CivicViews.hearing($0, slug: unit.slug, today: today) }, id == nil ? "听证会" : states[0].hearing.topic)
        }
    }

    struct Projects: Sendable {
        var years: [Year]
        var hasAny: Bool

        struct Year: Sendable {
            var year: Int
            var plan: CivicViews.Link?
            var projects: [CivicViews.ProjectView]
        }
    }

    @Sendable func projects(_ request: Request, context: AppRequestContext) async throws -> HTML {
        try await render(request, context, section: "projects", template: "public/projects") {
            (unit, today, _) async throws -> (Projects, String)? in
            let states = try await services.civicReport.projects(unitID: unit.id, publicOnly: true)
            let plans = try await services.civic.plans(unitID: unit.id)
            let years = Set(states.map(\.project.year)).sorted(by: >).map { year in
                Projects.Year(
                    year: year,
                    plan: plans.first { $0.period == String(year) }.map {
                        CivicViews.Link(title: $0.title, url: SiteURL.disclosures(.page($0.id)).path, meta: "")
                    },
                    projects: states.filter { $0.project.year == year }.map { CivicViews.project($0, slug: unit.slug, today: today) })
            }
            return (Projects(years: years, hasAny: !years.isEmpty), "民生工程")
        }
    }

    @Sendable func project(_ request: Request, context: AppRequestContext) async throws -> HTML {
        try await render(request, context, section: "projects", template: "public/project") {
            (unit, today, id) async throws -> (CivicViews.ProjectView, String)? in
            let states = try await services.civicReport.projects(unitID: unit.id, publicOnly: true)
            let all = states + states.flatMap(\.children)
            guard let state = all.first(where: { $0.project.id == id }), !state.updates.isEmpty || !state.children.isEmpty else {
                return nil
            }
            return (CivicViews.project(state, slug: unit.slug, today: today), state.project.name)
        }
    }

    struct Bulletin: Sendable {
        var title: String
        var url: String
        var printURL: String
        var published: String
        var figures: String
    }

    @Sendable func bulletins(_ request: Request, context: AppRequestContext) async throws -> HTML {
        let slug = try context.parameters.require("slug")
        if let office = try await services.units.find(slug: slug), office.kind == .office { return try await officeBulletins(office) }
        return try await render(request, context, section: "bulletins", template: "public/bulletins") {
            (unit, _, _) async throws -> ([Bulletin], String)? in
            let posts = try await services.civicReport.posts(unitID: unit.id, kind: .bulletin)
            let items = posts.compactMap { record -> Bulletin? in
                guard case .bulletin(let post) = record.post else { return nil }
                return Bulletin(
                    title: record.title, url: SiteURL.disclosures(.page(record.disclosureID)).path,
                    printURL: SiteURL.disclosures(.print(record.disclosureID)).path,
                    published: record.firstPublishedAt.map(ShanghaiTime.date) ?? "",
                    figures:
                        "公开 \(post.disclosureTotal) 项 · 收入 \(post.income.yuan) · 支出 \(post.expense.yuan) · 居民意见 \(post.feedbackReceived) 件，已答复 \(post.feedbackReplied) 件"
                )
            }
            return (items, "工作简报")
        }
    }

    /// The office's bulletin: each quarter, every community's published
    /// figures side by side with the totals, and who has not published.
    struct OfficeBulletins: Sendable {
        struct Quarter: Sendable {
            var title: String
            var rows: [Row]
            var total: Row
            var missing: String?
        }

        struct Row: Sendable {
            var name: String
            var url: String?
            var disclosures: String
            var income: String
            var expense: String
            var feedback: String
        }

        var frame: Frame
        var name: String
        var quarters: [Quarter]
    }

    private func officeBulletins(_ office: Unit) async throws -> HTML {
        let communities = try await services.units.children(of: office.id).filter { $0.kind == .community }
        let key = "civic:office-bulletins:" + ([office] + communities).versionKey
        if let page = services.pages.cached(key) { return page }
        let quarters = try await services.civicReport.officeQuarters(office: office)
        return try services.pages.page(for: key) {
            let model = OfficeBulletins(
                frame: Frame(
                    title: "\(office.name)社区工作简报汇总",
                    crumbs: [
                        .init(title: office.name, url: SiteURL.units(.page(office.slug)).path),
                        .init(title: "工作简报汇总", url: SiteURL.civic(.page(office.slug, "bulletins")).path),
                    ], assets: services.renderer.assets),
                name: office.name,
                quarters: quarters.map { quarter in
                    let rows = quarter.lines.map { line in
                        OfficeBulletins.Row(
                            name: line.community.name, url: line.record.map { SiteURL.disclosures(.page($0.disclosureID)).path },
                            disclosures: line.post.map { "\($0.disclosureTotal) 项" } ?? "未公开简报", income: line.post?.income.yuan ?? "—",
                            expense: line.post?.expense.yuan ?? "—",
                            feedback: line.post.map { "\($0.feedbackReplied) / \($0.feedbackReceived) 件" } ?? "—")
                    }
                    let missing = quarter.lines.filter { $0.post == nil }.map(\.community.name)
                    return OfficeBulletins.Quarter(
                        title: quarter.period.chinese, rows: rows,
                        total: .init(
                            name: "合计（\(quarter.published.count) 个社区）", url: nil, disclosures: "\(quarter.disclosures) 项",
                            income: quarter.income.yuan, expense: quarter.expense.yuan,
                            feedback: "\(quarter.feedbackReplied) / \(quarter.feedbackReceived) 件"),
                        missing: missing.isEmpty ? nil : missing.joined(separator: "、") + "本季度的简报还没有公开。")
                })
            return HTML(try services.renderer.render("public/office-bulletins", model), caching: .publicRevalidate)
        }
    }

    struct Honors: Sendable {
        var title: String
        var url: String
        var published: String
        var entries: [HonorsPost.Entry]
    }

    @Sendable func honors(_ request: Request, context: AppRequestContext) async throws -> HTML {
        try await render(request, context, section: "honors", template: "public/honors") {
            (unit, _, _) async throws -> ([Honors], String)? in
            let rolls = try await services.civicReport.posts(unitID: unit.id, kind: .honors).compactMap { record -> Honors? in
                guard case .honors(let post) = record.post else { return nil }
                return Honors(
                    title: record.title, url: SiteURL.disclosures(.page(record.disclosureID)).path,
                    published: record.firstPublishedAt.map(ShanghaiTime.date) ?? "", entries: post.entries)
            }
            return (rolls, "光荣榜")
        }
    }

    struct Album: Sendable {
        var title: String
        var url: String
        var disclosureURL: String
        var date: String
        var place: String
        var cover: CivicViews.Photo?
        var photos: [CivicViews.Photo]
        var count: Int
    }

    @Sendable func albums(_ request: Request, context: AppRequestContext) async throws -> HTML {
        try await render(request, context, section: "albums", template: "public/albums") {
            (unit, _, id) async throws -> ([Album], String)? in
            let albums = try await services.civicReport.posts(unitID: unit.id, kind: .album).compactMap { record -> Album? in
                guard case .album(let post) = record.post, id == nil || record.disclosureID == id else { return nil }
                let photos = post.photos.map { CivicViews.photo($0.sha256, caption: $0.caption) }
                return Album(
                    title: record.title, url: SiteURL.civic(.item(unit.slug, "albums", record.disclosureID)).path,
                    disclosureURL: SiteURL.disclosures(.page(record.disclosureID)).path, date: post.heldOn.chinese, place: post.place,
                    cover: photos.first, photos: photos, count: photos.count)
            }
            if id != nil && albums.isEmpty { return nil }
            return (albums, id == nil ? "活动剪影" : albums[0].title)
        }
    }

    struct Appraisal: Sendable {
        var title: String
        var url: String
        var year: Int
        var voters: Int
        var results: [Row]

        struct Row: Sendable {
            var name: String
            var post: String
            var satisfied: Int
            var basicallySatisfied: Int
            var unsatisfied: Int
            var approval: String
        }
    }

    @Sendable func appraisals(_ request: Request, context: AppRequestContext) async throws -> HTML {
        try await render(request, context, section: "appraisals", template: "public/appraisals") {
            (unit, _, _) async throws -> ([Appraisal], String)? in
            let items = try await services.civicReport.posts(unitID: unit.id, kind: .appraisal).compactMap { record -> Appraisal? in
                guard case .appraisal(let post) = record.post else { return nil }
                return Appraisal(
                    title: record.title, url: SiteURL.disclosures(.page(record.disclosureID)).path, year: post.year, voters: post.voters,
                    results: post.results.map {
                        .init(
                            name: $0.name, post: $0.post, satisfied: $0.satisfied, basicallySatisfied: $0.basicallySatisfied,
                            unsatisfied: $0.unsatisfied, approval: "\($0.approval)%")
                    })
            }
            return (items, "民主评议")
        }
    }
}
