import Foundation
import Hummingbird
import SunboardCore

/// `/admin/units/{slug}/civic`: the committee's elections, meetings,
/// hearings and projects, and the forms that turn each step into a
/// disclosure draft — which then goes through review and publication on
/// the disclosure's own page. Everyone on the unit's staff may look;
/// drafting needs the right to draft disclosures.
struct CivicAdminController {
    let services: AppServices

    func addRoutes(to group: RouterGroup<UnitAdminContext>) {
        let prefix = SiteURL.units(.admin(.key))
        group.get(SiteURL.civic(.admin(.key)).route(under: prefix), use: hub)
        group.post(SiteURL.civic(.create(.key, .key)).route(under: prefix), use: create)
        group.get(SiteURL.civic(.adminItem(.key, .key, .key)).route(under: prefix), use: item)
        group.post(SiteURL.civic(.adminStep(.key, .key, .key, .key)).route(under: prefix), use: step)
    }

    // MARK: The hub

    @Sendable func hub(_ request: Request, context: UnitAdminContext) async throws -> HTML {
        try Self.requireCommunity(context)
        return try await renderHub(context, error: nil, form: [:], status: .ok)
    }

    /// The processes are a community's; the office reads them on the public pages.
    static func requireCommunity(_ context: UnitAdminContext) throws {
        guard context.unit.kind == .community else { throw CommonError.notFound }
    }

    private func renderHub(_ context: UnitAdminContext, error: (any Error)?, form: [String: String], status: HTTPResponse.Status)
        async throws
        -> HTML
    {
        let unit = context.unit
        let report = services.civicReport
        let today = CalendarDate(services.clock.now)
        var form = form
        if form["year"] == nil { form["year"] = String(today.year) }
        if form["period"] == nil { form["period"] = Period.containing(today, frequency: .quarterly).previous.description }
        let projects = try await report.projects(unitID: unit.id, publicOnly: false)
        let model = CivicAdminHub(
            frame: frame(context, "居务进程", []), unitName: unit.name, canDraft: context.can(.draftDisclosures),
            error: error.map(Self.message), form: form,
            elections: try await report.elections(unitID: unit.id, today: today, publicOnly: false).map {
                CivicAdminHub.Row(
                    title: $0.election.title, url: SiteURL.civic(.adminItem(unit.slug, "elections", $0.election.id)).path,
                    meta: CivicViews.election($0, slug: unit.slug).next)
            },
            meetings: try await report.meetings(unitID: unit.id, publicOnly: false).map {
                CivicAdminHub.Row(
                    title: $0.meeting.title, url: SiteURL.civic(.adminItem(unit.slug, "meetings", $0.meeting.id)).path,
                    meta: ShanghaiTime.dateTime($0.meeting.startsAt) + " · "
                        + ($0.decisions != nil ? "决议已公开" : $0.agenda != nil ? "议程已公开" : "未公开"))
            },
            hearings: try await report.hearings(unitID: unit.id, publicOnly: false).map {
                CivicAdminHub.Row(
                    title: $0.hearing.topic, url: SiteURL.civic(.adminItem(unit.slug, "hearings", $0.hearing.id)).path,
                    meta: CivicViews.hearing($0, slug: unit.slug, today: today).summary)
            },
            projects: (projects + projects.flatMap(\.children)).map {
                CivicAdminHub.Row(
                    title: ($0.project.parentID == nil ? "" : "　└ ") + "\($0.project.year)年 \($0.project.name)",
                    url: SiteURL.civic(.adminItem(unit.slug, "projects", $0.project.id)).path, meta: "已公开进度 \($0.progress)%")
            },
            parents: projects.map { .init(title: $0.project.name, url: String($0.project.id), meta: "") },
            formURL: { SiteURL.civic(.create(unit.slug, $0)).path })
        return HTML(try services.renderer.render("admin/civic", model), status: status)
    }

    // MARK: Creating

    @Sendable func create(_ request: Request, context: UnitAdminContext) async throws -> Response {
        try Self.requireCommunity(context)
        try context.require(.draftDisclosures)
        let unit = context.unit
        let form = context.staff.form
        let now = services.clock.now
        let civic = services.civicWorkflow
        let lineage = context.scope.lineage
        let page = try context.parameters.require("page")
        do {
            switch page {
            case "elections":
                let id = try await civic.createElection(
                    unit: unit, kind: ElectionKind(rawValue: form["kind"]) ?? .committee, title: form["title"], voteOn: form["vote_on"],
                    actor: context.actor, at: now)
                return .redirect(to: SiteURL.civic(.adminItem(unit.slug, page, id)).path, type: .normal)
            case "meetings":
                let id = try await civic.createMeeting(
                    unit: unit, kind: Meeting.Kind(rawValue: form["kind"]) ?? .regular, title: form["title"], startsAt: form["starts_at"],
                    place: form["place"], actor: context.actor, at: now)
                return .redirect(to: SiteURL.civic(.adminItem(unit.slug, page, id)).path, type: .normal)
            case "hearings":
                let id = try await civic.createHearing(
                    unit: unit, topic: form["topic"], heldOn: form["held_on"], place: form["place"], actor: context.actor, at: now)
                return .redirect(to: SiteURL.civic(.adminItem(unit.slug, page, id)).path, type: .normal)
            case "projects":
                let input = ProjectInput(
                    year: form["year"], name: form["name"], summary: form["summary"], budget: form["budget"], funding: form["funding"],
                    contractor: form["contractor"], parent: form["parent"], weight: form["weight"])
                let id = try await civic.createProject(unit: unit, input: input, actor: context.actor, at: now)
                return .redirect(to: SiteURL.civic(.adminItem(unit.slug, page, id)).path, type: .normal)
            case "bulletins":
                guard let period = Period(form["period"].trimmed) else { throw CivicError.notAQuarter }
                let id = try await civic.compileBulletin(
                    period: period, text: form["text"], unit: unit, lineage: lineage, actor: context.actor, at: now)
                return drafted(unit, id)
            case "honors":
                let post = try CivicInput.honors(year: CivicInput.year(form["year"]), lines: form["entries"])
                return drafted(unit, try await civic.draftHonors(post, unit: unit, lineage: lineage, actor: context.actor, at: now))
            case "albums":
                let captions = form["captions"].split(whereSeparator: \.isNewline).map(String.init)
                let photos = context.staff.files.filter { $0.field == "photos" && !$0.bytes.isEmpty }.enumerated().map {
                    (
                        upload: DisclosureWorkflow.Upload(name: $0.element.filename, bytes: $0.element.bytes),
                        caption: $0.offset < captions.count ? captions[$0.offset] : ""
                    )
                }
                let id = try await civic.draftAlbum(
                    title: form["title"], heldOn: form["held_on"], place: form["place"], photos: photos, unit: unit, lineage: lineage,
                    actor: context.actor, at: now)
                return drafted(unit, id)
            case "appraisals":
                let post = try CivicInput.appraisal(year: CivicInput.year(form["year"]), voters: form["voters"], lines: form["results"])
                return drafted(unit, try await civic.draftAppraisal(post, unit: unit, lineage: lineage, actor: context.actor, at: now))
            default:
                throw CommonError.notFound
            }
        } catch let error as any SunboardError where !(error is CommonError) {
            var typed = form.dictionary
            typed["section"] = page
            return try await renderHub(context, error: error, form: typed, status: error.kind.status).response(
                from: request, context: context)
        }
    }

    private func drafted(_ unit: Unit, _ id: Int) -> Response {
        .redirect(to: SiteURL.disclosures(.admin(unit.slug, id)).path + "?done=civic", type: .normal)
    }

    // MARK: One record

    @Sendable func item(_ request: Request, context: UnitAdminContext) async throws -> HTML {
        try Self.requireCommunity(context)
        let notices = Flash([
            "saved": "节点已保存（还没有公开）。要让居民看到，请点“生成进展草稿”。",
            "corrected": "基本信息已保存。已公开的记录，更正在公开账本里登记为它的新版本。",
        ])
        return try await renderItem(
            context, error: nil, notice: notices.message(for: request), form: [:], status: .ok)
    }

    private func renderItem(
        _ context: UnitAdminContext, error: (any Error)?, notice: String? = nil, form: [String: String], status: HTTPResponse.Status
    ) async throws -> HTML {
        let unit = context.unit
        let page = try context.parameters.require("page")
        guard let id = context.parameters.get("id", as: Int.self) else { throw CommonError.notFound }
        let today = CalendarDate(services.clock.now)
        let report = services.civicReport
        var base = CivicAdminParts.Base(
            unitName: unit.name, canDraft: context.can(.draftDisclosures), error: error.map(Self.message), notice: notice, form: form,
            publicURL: SiteURL.civic(.item(unit.slug, page, id)).path,
            stepURL: { SiteURL.civic(.adminStep(unit.slug, page, id, $0)).path })
        let sql = services.database.sql
        typealias Fact = CivicAdminParts.Fact
        switch page {
        case "elections":
            guard
                let state = try await report.elections(unitID: unit.id, today: today, publicOnly: false).first(where: {
                    $0.election.id == id
                })
            else { throw CommonError.notFound }
            base.facts = [
                Fact(name: "title", label: "选举名称", value: state.election.title),
                Fact(name: "vote_on", label: "投票日", value: state.election.voteOn.description, type: "date"),
            ]
            base.isPublic = try await ElectionRecord.state(id: id, on: sql) != nil
            base.stageCorrections = state.stages.values.filter(\.record.inCorrection).sorted { $0.post.stage < $1.post.stage }.map {
                CivicAdminParts.StageForm(
                    stage: $0.post.stage.rawValue, name: $0.post.stage.chinese, details: $0.post.details,
                    count: $0.post.count.map(String.init) ?? "", names: $0.post.names.joined(separator: "\n"))
            }
            let model = CivicAdminItem(
                frame: frame(context, state.election.title, [page]), base: base, content: CivicViews.election(state, slug: unit.slug))
            return HTML(try services.renderer.render("admin/civic-election", model), status: status)
        case "meetings":
            guard let state = try await report.meetings(unitID: unit.id, publicOnly: false).first(where: { $0.meeting.id == id }) else {
                throw CommonError.notFound
            }
            var view = CivicAdminParts.MeetingPage(
                meeting: CivicViews.meeting(state, slug: unit.slug), agendaOpen: false, decisionsOpen: false)
            // Open for the next step, or for drafting a published one again while it is being corrected.
            view.agendaOpen =
                (state.agenda == nil && services.clock.now < state.meeting.startsAt) || state.agenda?.record.inCorrection == true
            view.decisionsOpen =
                (state.agenda != nil && state.decisions == nil && services.clock.now >= state.meeting.startsAt)
                || state.decisions?.record.inCorrection == true
            if form.isEmpty {
                if let agenda = state.agenda?.post { base.form["agenda"] = agenda.items.joined(separator: "\n") }
                if let decisions = state.decisions?.post {
                    base.form["members"] = String(decisions.members)
                    base.form["present"] = String(decisions.present)
                    base.form["decisions"] = decisions.decisions.map {
                        "\($0.text)｜\($0.votesFor)｜\($0.votesAgainst)｜\($0.abstentions)"
                    }.joined(separator: "\n")
                }
            }
            base.facts = [
                Fact(name: "title", label: "会议名称", value: state.meeting.title),
                Fact(name: "starts_at", label: "开会时间", value: ShanghaiTime.inputValue(state.meeting.startsAt), type: "datetime-local"),
                Fact(name: "place", label: "地点", value: state.meeting.place),
            ]
            base.isPublic = try await MeetingRecord.state(id: id, on: sql) != nil
            let model = CivicAdminItem(frame: frame(context, state.meeting.title, [page]), base: base, content: view)
            return HTML(try services.renderer.render("admin/civic-meeting", model), status: status)
        case "hearings":
            guard let state = try await report.hearings(unitID: unit.id, publicOnly: false).first(where: { $0.hearing.id == id }) else {
                throw CommonError.notFound
            }
            let view = CivicViews.hearing(state, slug: unit.slug, today: today)
            base.facts = [
                Fact(name: "topic", label: "听证事项", value: state.hearing.topic),
                Fact(name: "held_on", label: "听证日期", value: state.hearing.heldOn.description, type: "date"),
                Fact(name: "place", label: "地点", value: state.hearing.place),
            ]
            base.isPublic = try await HearingRecord.state(id: id, on: sql) != nil
            if form.isEmpty {
                base.form = ["participants": view.participants, "decision": view.decision, "actions": view.actionsText]
            }
            let model = CivicAdminItem(frame: frame(context, state.hearing.topic, [page]), base: base, content: view)
            return HTML(try services.renderer.render("admin/civic-hearing", model), status: status)
        case "projects":
            let states = try await report.projects(unitID: unit.id, publicOnly: false)
            guard let state = (states + states.flatMap(\.children)).first(where: { $0.project.id == id }) else {
                throw CommonError.notFound
            }
            let project = state.project
            base.facts = [
                Fact(name: "year", label: "年度", value: String(project.year)), Fact(name: "name", label: "工程名称", value: project.name),
                Fact(name: "summary", label: "简介", value: project.summary),
                Fact(name: "budget", label: "预算（元）", value: project.budget.plainYuan),
                Fact(name: "funding", label: "资金来源", value: project.funding),
                Fact(name: "contractor", label: "施工单位", value: project.contractor),
                Fact(name: "weight", label: "权重（占上级工程的份量）", value: String(project.weight)),
            ]
            base.isPublic = try await ProjectRecord.state(id: id, on: sql) != nil
            let steps = try await services.civic.milestones(projectID: id)
            let entries = try await services.finance.entries(
                unitID: unit.id, from: CalendarDate(year: state.project.year, month: 1, day: 1)!, to: today)
            let view = CivicAdminParts.ProjectPage(
                project: CivicViews.project(state, slug: unit.slug, today: today),
                // Rows come back as typed only when it was the steps' form that was refused.
                rows: CivicAdminParts.MilestoneRow.rows(steps, typed: form.keys.contains("name_0") ? form : [:]),
                working: state.children.isEmpty ? Progress.of(steps) : state.progress, isParent: !state.children.isEmpty,
                expenses: entries.filter { $0.line.kind == .expense }.reversed().prefix(200).map {
                    .init(
                        id: $0.id, label: "\($0.line.date.description) \($0.line.summary) \($0.line.amount.yuan)",
                        checked: state.latest?.spending.contains { [id = $0.id] in $0.entryID == id } ?? false)
                })
            let model = CivicAdminItem(frame: frame(context, state.project.name, [page]), base: base, content: view)
            return HTML(try services.renderer.render("admin/civic-project", model), status: status)
        default:
            throw CommonError.notFound
        }
    }

    // MARK: Steps

    @Sendable func step(_ request: Request, context: UnitAdminContext) async throws -> Response {
        try Self.requireCommunity(context)
        try context.require(.draftDisclosures)
        let unit = context.unit
        let form = context.staff.form
        let now = services.clock.now
        let civic = services.civicWorkflow
        let lineage = context.scope.lineage
        let page = try context.parameters.require("page")
        guard let id = context.parameters.get("id", as: Int.self) else { throw CommonError.notFound }
        do {
            switch (page, try context.parameters.require("step")) {
            case ("elections", "stage"):
                guard let election = try await services.civic.elections(unitID: unit.id).first(where: { $0.id == id }) else {
                    throw CommonError.notFound
                }
                guard let stage = ElectionStage(rawValue: form["stage"]) else {
                    throw ValidationFailure([.init(field: "stage", message: "请选择要公开的阶段。", englishMessage: "stage is unknown.")])
                }
                let post = try CivicInput.stage(stage, details: form["details"], count: form["count"], names: form["names"])
                return drafted(
                    unit, try await civic.draftStage(post, election: election, unit: unit, lineage: lineage, actor: context.actor, at: now))
            case ("meetings", let step) where step == "agenda" || step == "decisions":
                guard let meeting = try await services.civic.meetings(unitID: unit.id).first(where: { $0.id == id }) else {
                    throw CommonError.notFound
                }
                if step == "agenda" {
                    let post = try CivicInput.agenda(form["agenda"])
                    return drafted(
                        unit,
                        try await civic.draftAgenda(post, meeting: meeting, unit: unit, lineage: lineage, actor: context.actor, at: now))
                }
                let post = try CivicInput.decisions(members: form["members"], present: form["present"], lines: form["decisions"])
                return drafted(
                    unit,
                    try await civic.draftDecisions(post, meeting: meeting, unit: unit, lineage: lineage, actor: context.actor, at: now))
            case ("hearings", "record"):
                guard let hearing = try await services.civic.hearings(unitID: unit.id).first(where: { $0.id == id }) else {
                    throw CommonError.notFound
                }
                let post = try CivicInput.hearing(
                    participants: form["participants"], decision: form["decision"], actions: form["actions"], note: form["note"])
                return drafted(
                    unit, try await civic.draftHearing(post, hearing: hearing, unit: unit, lineage: lineage, actor: context.actor, at: now))
            case (_, "correct"):
                try await correct(page: page, id: id, form: form, unit: unit, actor: context.actor, at: now)
                return .redirect(to: SiteURL.civic(.adminItem(unit.slug, page, id)).path + "?done=corrected", type: .normal)
            case ("projects", "milestones"):
                guard let project = try await services.civic.projects(unitID: unit.id).first(where: { $0.id == id }) else {
                    throw CommonError.notFound
                }
                try await civic.saveMilestones(try Self.milestones(form), project: project, unit: unit, actor: context.actor, at: now)
                return .redirect(to: SiteURL.civic(.adminItem(unit.slug, page, id)).path + "?done=saved", type: .normal)
            case ("projects", "update"):
                guard let project = try await services.civic.projects(unitID: unit.id).first(where: { $0.id == id }) else {
                    throw CommonError.notFound
                }
                let photos = context.staff.files.filter { $0.field == "photos" && !$0.bytes.isEmpty }.map {
                    DisclosureWorkflow.Upload(name: $0.filename, bytes: $0.bytes)
                }
                let id = try await civic.draftProjectUpdate(
                    project: project, note: form["note"], spendingIDs: form.all("spending").compactMap { Int($0) }, photos: photos,
                    unit: unit,
                    lineage: lineage, actor: context.actor, at: now)
                return drafted(unit, id)
            default:
                throw CommonError.notFound
            }
        } catch let error as any SunboardError where !(error is CommonError) {
            return try await renderItem(context, error: error, form: form.dictionary, status: error.kind.status).response(
                from: request, context: context)
        }
    }

    /// The milestone rows of the project form: `name_0`, `planned_start_0`, …;
    /// an empty row is skipped, every problem is named with its row.
    static func milestones(_ form: FormFields) throws -> [Milestone] {
        var steps: [Milestone] = []
        var issues: [ValidationFailure.Issue] = []
        for row in 0..<CivicAdminParts.MilestoneRow.count {
            let value = { (key: String) in form["\(key)_\(row)"] }
            guard !value("name").trimmed.isEmpty else { continue }
            do throws(ValidationFailure) {
                steps.append(
                    try CivicInput.milestone(
                        name: value("name"), plannedStart: value("planned_start"), plannedEnd: value("planned_end"),
                        actualStart: value("actual_start"), actualEnd: value("actual_end"), weight: value("weight"),
                        status: value("status"),
                        percent: value("percent")))
            } catch {
                issues += error.issues.map {
                    .init(
                        field: "\($0.field)_\(row)", message: "第 \(row + 1) 个节点：\($0.message)",
                        englishMessage: "row \(row + 1): \($0.englishMessage)")
                }
            }
        }
        if steps.isEmpty && issues.isEmpty {
            issues.append(.init(field: "name_0", message: "请至少填写一个工程节点。", englishMessage: "at least one milestone is required."))
        }
        try ValidationFailure.check(issues)
        return steps
    }

    /// A record's facts corrected from its page's form.
    private func correct(page: String, id: Int, form: FormFields, unit: Unit, actor: StaffActor, at now: Date) async throws {
        let civic = services.civicWorkflow
        let reason = form["reason"]
        switch page {
        case "elections":
            guard let election = try await services.civic.elections(unitID: unit.id).first(where: { $0.id == id }) else {
                throw CommonError.notFound
            }
            try await civic.correctElection(
                election, title: form["title"], voteOn: form["vote_on"], reason: reason, unit: unit, actor: actor, at: now)
        case "meetings":
            guard let meeting = try await services.civic.meetings(unitID: unit.id).first(where: { $0.id == id }) else {
                throw CommonError.notFound
            }
            try await civic.correctMeeting(
                meeting, title: form["title"], startsAt: form["starts_at"], place: form["place"], reason: reason, unit: unit, actor: actor,
                at: now)
        case "hearings":
            guard let hearing = try await services.civic.hearings(unitID: unit.id).first(where: { $0.id == id }) else {
                throw CommonError.notFound
            }
            try await civic.correctHearing(
                hearing, topic: form["topic"], heldOn: form["held_on"], place: form["place"], reason: reason, unit: unit, actor: actor,
                at: now)
        case "projects":
            guard let project = try await services.civic.projects(unitID: unit.id).first(where: { $0.id == id }) else {
                throw CommonError.notFound
            }
            let input = ProjectInput(
                year: form["year"], name: form["name"], summary: form["summary"], budget: form["budget"], funding: form["funding"],
                contractor: form["contractor"], weight: form["weight"])
            try await civic.correctProject(project, input: input, reason: reason, unit: unit, actor: actor, at: now)
        default:
            throw CommonError.notFound
        }
    }

    // MARK: Helpers

    static func message(_ error: any Error) -> String {
        (error as? any SunboardError)?.message ?? "出错了，请重试。"
    }

    private func frame(_ context: UnitAdminContext, _ title: String, _ pages: [String]) -> Frame {
        let unit = context.unit
        var crumbs: [(String, String)] = []
        if let page = pages.first, let id = context.parameters.get("id", as: Int.self) {
            crumbs.append((title, SiteURL.civic(.adminItem(unit.slug, page, id)).path))
        }
        return context.frame(
            title, section: .init(title: "居务进程", url: SiteURL.civic(.admin(unit.slug)).path), crumbs: crumbs,
            assets: services.renderer.assets)
    }
}
