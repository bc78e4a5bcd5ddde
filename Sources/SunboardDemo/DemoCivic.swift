import Foundation
import SunboardApp
import SunboardCore

/// Plays `DemoCivicData` through the civic workflow: each step drafted by
/// the clerk, approved by the supervisor and published by the director on
/// its day, so the demo's elections, meetings, hearings and projects come
/// out exactly as real work would leave them.
struct DemoCivic {
    let services: AppServices
    let people: [String: [Role: StaffActor]]
    let units: [String: Unit]
    let office: Unit
    let calendar: DemoCalendar

    /// Records made while the demo plays, by name.
    final class Made: @unchecked Sendable {
        var elections: [String: Election] = [:]
        var hearings: [String: Hearing] = [:]
        var projects: [String: Project] = [:]
    }

    private var workflow: CivicWorkflow { services.civicWorkflow }

    func steps() throws -> [DemoStep] {
        let made = Made()
        var steps: [DemoStep] = []
        // Processes move by days, so every deadline they count keeps its length.
        let shift = calendar.daily
        for election in DemoCivicData.elections {
            let begun = CalendarDate(election.stages[0].published)!
            let title = shift.text(election.title, anchor: begun)
            for (index, stage) in election.stages.enumerated() {
                let written = CalendarDate(stage.published)!
                steps += try lifecycle(election.community, on: shift(written), state: stage.state) { unit, clerk, at in
                    if index == 0 {
                        let id = try await workflow.createElection(
                            unit: unit, kind: election.kind, title: title, voteOn: shift(election.voteOn), actor: clerk, at: at)
                        made.elections[election.title] = try await services.civic.elections(unitID: unit.id).first { $0.id == id }
                    }
                    let post = StagePost(
                        stage: stage.stage, details: shift.text(stage.details, anchor: written), count: stage.count,
                        names: stage.names.map { shift.text($0, anchor: written) })
                    return try await workflow.draftStage(
                        post, election: made.elections[election.title]!, unit: unit, lineage: [unit, office], actor: clerk, at: at)
                }
            }
        }
        for meeting in DemoCivicData.meetings {
            guard let written = meeting.decisionsPublished.flatMap(CalendarDate.init) else { continue }
            // A meeting moves with its agenda: by quarters for the regular ones, by days for the others.
            guard let agenda = Self.agenda(of: meeting), let agendaDay = CalendarDate(agenda.published) else {
                throw DemoError.bad("meeting \(meeting.agendaTitle) has no agenda")
            }
            let meetingShift = calendar.shift(for: agenda.item == "assembly-agenda" ? .quarterly : nil, published: agendaDay)
            let agendaTitle = meetingShift.text(meeting.agendaTitle, anchor: agendaDay)
            steps += try lifecycle(meeting.community, on: meetingShift(written)) { unit, clerk, at in
                guard
                    let record = try await services.civic.meetings(unitID: unit.id).first(where: {
                        Self.agendaTitle(of: $0) == agendaTitle
                    })
                else { throw DemoError.bad("meeting \(agendaTitle) was not created") }
                let post = DecisionsPost(
                    members: meeting.members, present: meeting.present,
                    decisions: meeting.decisions.map {
                        .init(text: meetingShift.text($0.0, anchor: written), votesFor: $0.1, votesAgainst: $0.2, abstentions: $0.3)
                    })
                return try await workflow.draftDecisions(post, meeting: record, unit: unit, lineage: [unit, office], actor: clerk, at: at)
            }
        }
        for hearing in DemoCivicData.hearings {
            let held = CalendarDate(hearing.heldOn)!
            let text = { @Sendable (words: String) in shift.text(words, anchor: held) }
            let actions = hearing.actions.map { action, owner, deadline in
                HearingPost.Action(action: text(action), owner: owner, deadline: shift(CalendarDate(deadline)!), status: .open)
            }
            let participants = text(hearing.participants), decision = text(hearing.decision)
            steps += try lifecycle(hearing.community, on: shift(CalendarDate(hearing.published)!)) { unit, clerk, at in
                let id = try await workflow.createHearing(
                    unit: unit, topic: text(hearing.topic), heldOn: shift(hearing.heldOn), place: hearing.place, actor: clerk, at: at)
                made.hearings[hearing.topic] = try await services.civic.hearings(unitID: unit.id).first { $0.id == id }
                let post = HearingPost(participants: participants, decision: decision, actions: actions)
                return try await workflow.draftHearing(
                    post, hearing: made.hearings[hearing.topic]!, unit: unit, lineage: [unit, office], actor: clerk, at: at)
            }
            for update in hearing.updates {
                steps += try lifecycle(hearing.community, on: shift(CalendarDate(update.published)!)) { unit, clerk, at in
                    let moved = zip(actions, update.statuses).map { action, status in
                        var action = action
                        action.status = status.0
                        action.doneOn = status.1.flatMap(CalendarDate.init).map(shift.callAsFunction)
                        return action
                    }
                    let post = HearingPost(
                        participants: participants, decision: decision, actions: moved,
                        note: shift.text(update.note, anchor: CalendarDate(update.published)!))
                    return try await workflow.draftHearing(
                        post, hearing: made.hearings[hearing.topic]!, unit: unit, lineage: [unit, office], actor: clerk, at: at)
                }
            }
        }
        steps += try projectSteps(made)
        for honors in DemoCivicData.honors {
            let written = CalendarDate(honors.published)!
            steps += try lifecycle(honors.community, on: shift(written)) { unit, clerk, at in
                let post = HonorsPost(
                    year: honors.year + shift.years(near: written),
                    entries: honors.entries.map { .init(name: $0.0, category: $0.1, deed: shift.text($0.2, anchor: written)) })
                return try await workflow.draftHonors(post, unit: unit, lineage: [unit, office], actor: clerk, at: at)
            }
        }
        for album in DemoCivicData.albums {
            let written = CalendarDate(album.published)!
            let text = { @Sendable (words: String) in shift.text(words, anchor: written) }
            steps += try lifecycle(album.community, on: shift(written)) { unit, clerk, at in
                let photos = album.photos.compactMap { file, caption in
                    DemoFiles.upload("photos/\(file)", name: file).map { (upload: $0, caption: text(caption)) }
                }
                return try await workflow.draftAlbum(
                    title: text(album.title), heldOn: shift(album.heldOn), place: album.place, photos: photos, unit: unit,
                    lineage: [unit, office], actor: clerk, at: at)
            }
        }
        return steps
    }

    /// Each community enters its projects the day after its year's plan is
    /// published; each update first sets the steps as they then stood.
    private func projectSteps(_ made: Made) throws -> [DemoStep] {
        var steps: [DemoStep] = []
        let shift = calendar.daily
        // A project moves by days with its steps; its year moves as its plan's written day does.
        var years: [String: Int] = [:]
        for community in Set(DemoCivicData.projects.map(\.community)).sorted() {
            guard let unit = units[community], let clerk = people[community]?[.clerk],
                let plan = DemoData.disclosures.first(where: { $0.community == community && $0.item == "annual-plan" }),
                let day = CalendarDate(plan.published)
            else { throw DemoError.bad("projects: no community or plan for \(community)") }
            years[community] = shift.years(near: day)
            let entered = shift(day.adding(days: 1)).startInstant.addingTimeInterval(9 * 3600)
            // Parents first: a child names its parent.
            let projects = DemoCivicData.projects.filter { $0.community == community }.sorted {
                ($0.parent == nil ? 0 : 1) < ($1.parent == nil ? 0 : 1)
            }
            steps.append(
                DemoStep(at: entered, order: 0) {
                    for demo in projects {
                        let input = ProjectInput(
                            year: String(demo.year + years[community]!), name: demo.name, summary: shift.text(demo.summary, anchor: day),
                            budget: demo.budget, funding: shift.text(demo.funding, anchor: day),
                            contractor: demo.contractor, parent: demo.parent.flatMap { made.projects[$0].map { String($0.id) } } ?? "",
                            weight: String(demo.weight))
                        let id = try await workflow.createProject(unit: unit, input: input, actor: clerk, at: entered)
                        made.projects[demo.name] = try await services.civic.projects(unitID: unit.id).first { $0.id == id }
                    }
                })
        }
        for demo in DemoCivicData.projects {
            let year = demo.year + (years[demo.community] ?? 0)
            for update in demo.updates {
                let written = CalendarDate(update.published)!
                steps += try lifecycle(demo.community, on: shift(written)) { unit, clerk, at in
                    guard let project = made.projects[demo.name] else { throw DemoError.bad("project \(demo.name) was not created") }
                    let day = { (text: String?) in text.flatMap(CalendarDate.init).map(shift.callAsFunction) }
                    let milestones = try zip(demo.milestones, update.steps).map { step, state in
                        try Milestone(
                            name: shift.text(step.0, anchor: written), plannedStart: day(step.1)!, plannedEnd: day(step.2)!,
                            actualStart: day(state.2), actualEnd: day(state.3), weight: step.3, status: state.0, percent: state.1
                        ).validated()
                    }
                    if !milestones.isEmpty {
                        try await workflow.saveMilestones(milestones, project: project, unit: unit, actor: clerk, at: at)
                    }
                    var spending: [Int] = []
                    if let keyword = demo.spendingKeyword {
                        spending = try await services.finance.entries(
                            unitID: unit.id, from: CalendarDate(year: year, month: 1, day: 1)!, to: CalendarDate(at)
                        ).filter { $0.line.kind == .expense && $0.line.category == "工程建设" && $0.line.summary.contains(keyword) }.map(\.id)
                    }
                    let photos = update.photos.compactMap { DemoFiles.upload("photos/\($0)", name: $0) }
                    return try await workflow.draftProjectUpdate(
                        project: project, note: shift.text(update.note, anchor: written), spendingIDs: spending, photos: photos, unit: unit,
                        lineage: [unit, office],
                        actor: clerk, at: at)
                }
            }
        }
        return steps
    }

    /// The title a meeting's agenda disclosure has, as the demo's notices name it.
    static func agendaTitle(of meeting: Meeting) -> String {
        meeting.kind == .regular ? "\(meeting.title)议程" : "关于召开\(meeting.title)的通知"
    }

    /// A post's life: drafted by the clerk the day before at 9, submitted
    /// at 11, approved by the supervisor at 15, published by the director
    /// on the day (already moved to the present) at 10 — or left at `state`.
    private func lifecycle(
        _ community: String, on date: CalendarDate, state: DemoDisclosure.Stage = .published,
        draft: @escaping @Sendable (Unit, StaffActor, Date) async throws -> Int
    ) throws -> [DemoStep] {
        guard let unit = units[community], let people = people[community], let clerk = people[.clerk], let supervisor = people[.supervisor],
            let director = people[.director]
        else { throw DemoError.bad("civic step: unknown community (\(community))") }
        let at = { (offset: Int, hour: Int) in date.adding(days: offset).startInstant.addingTimeInterval(Double(hour * 3600 + 1800)) }
        final class Box: @unchecked Sendable { var id = 0 }
        let box = Box()
        let current = { () async throws -> Disclosure in
            guard let disclosure = try await services.disclosures.find(id: box.id) else { throw DemoError.bad("lost civic draft") }
            return disclosure
        }
        var steps = [DemoStep(at: at(-1, 9), order: 0) { box.id = try await draft(unit, clerk, at(-1, 9)) }]
        if case .draft = state { return steps }
        steps.append(
            DemoStep(at: at(-1, 11), order: 1) {
                try await services.workflow.submit(try await current(), unit: unit, actor: clerk, at: at(-1, 11))
            })
        if case .submitted = state { return steps }
        steps.append(
            DemoStep(at: at(-1, 15), order: 2) {
                try await services.workflow.approve(try await current(), unit: unit, actor: supervisor, at: at(-1, 15))
            })
        if case .approved = state { return steps }
        steps.append(
            DemoStep(at: at(0, 10), order: 3) {
                let disclosure = try await current()
                guard let item = try await services.catalog.find(id: disclosure.itemID) else { throw DemoError.bad("civic item missing") }
                try await services.workflow.publish(disclosure, unit: unit, item: item, actor: director, at: at(0, 10))
            })
        return steps
    }
}

extension DemoCivic {
    /// The quarters (as written) whose bulletins the demo compiles from the
    /// books and the board; earlier ones stay as typed.
    static let compiledBulletins: Set<String> = ["2026-Q2", "2026-Q3"]

    /// The agenda disclosure a meeting's record was written for.
    static func agenda(of meeting: DemoMeeting) -> DemoDisclosure? {
        DemoData.disclosures.first { $0.community == meeting.community && $0.title == meeting.agendaTitle }
    }

    /// Drafts one of the demo's notices through the civic workflow when it
    /// belongs to a process — a meeting's agenda, a compiled bulletin, an
    /// appraisal — keeping its words; `nil` for an ordinary notice. `demo`
    /// is the notice moved to the present by `shift`, `written` as written.
    static func draft(
        _ demo: DemoDisclosure, written: DemoDisclosure, shift: DemoShift, unit: Unit, office: Unit, clerk: StaffActor,
        services: AppServices, at: Date
    ) async throws -> Int? {
        let workflow = services.civicWorkflow
        let lineage = [unit, office]
        switch demo.item {
        case "assembly-agenda", "temporary-meeting":
            guard
                let meeting = DemoCivicData.meetings.first(where: { $0.community == written.community && $0.agendaTitle == written.title })
            else {
                return nil
            }
            let regular = demo.item == "assembly-agenda"
            let title =
                regular
                ? String(demo.title.dropLast("议程".count))
                : String(demo.title.dropFirst("关于召开".count).dropLast("的通知".count))
            guard let startsAt = ShanghaiTime.parseDateTime(meeting.startsAt).map(shift.instant) else {
                throw DemoError.bad("meeting time \(meeting.startsAt)")
            }
            let id = try await services.civic.createMeeting(
                unitID: unit.id, kind: regular ? .regular : .temporary, title: title, startsAt: startsAt, place: meeting.place, at: at)
            guard let record = try await services.civic.meetings(unitID: unit.id).first(where: { $0.id == id }) else { return nil }
            // “1. 听取…” → “听取…”
            let items = (demo.fields["agenda"] ?? "").split(whereSeparator: \.isNewline).map {
                String($0.drop { $0.isASCII && $0.isNumber || $0 == "." || $0 == "、" || $0 == " " })
            }
            return try await workflow.draftAgenda(
                AgendaPost(items: items), meeting: record, period: demo.period.flatMap(Period.init), intro: demo.body, unit: unit,
                lineage: lineage, actor: clerk, at: at)
        case "work-bulletin":
            guard let period = demo.period.flatMap(Period.init), let writtenPeriod = written.period,
                compiledBulletins.contains(writtenPeriod)
            else { return nil }
            return try await workflow.compileBulletin(period: period, text: demo.body, unit: unit, lineage: lineage, actor: clerk, at: at)
        case "staff-appraisal":
            // The body's table of workers, after the committee as a whole from the fields.
            let rows = demo.body.split(whereSeparator: \.isNewline).compactMap { line -> AppraisalPost.Result? in
                let cells = line.split(separator: "|").map { String($0).trimmed }.filter { !$0.isEmpty }
                guard cells.count == 5, let a = Int(cells[2]), let b = Int(cells[3]), let c = Int(cells[4]) else { return nil }
                return .init(name: cells[0], post: cells[1], satisfied: a, basicallySatisfied: b, unsatisfied: c)
            }
            guard !rows.isEmpty, let year = demo.period.flatMap(Int.init), let voters = Int(demo.fields["voters"] ?? ""),
                let a = Int(demo.fields["satisfied"] ?? ""), let b = Int(demo.fields["basically_satisfied"] ?? ""),
                let c = Int(demo.fields["unsatisfied"] ?? "")
            else { return nil }
            let whole = AppraisalPost.Result(name: "居委会班子", post: "班子整体", satisfied: a, basicallySatisfied: b, unsatisfied: c)
            return try await workflow.draftAppraisal(
                AppraisalPost(year: year, voters: voters, results: [whole] + rows), body: demo.body, unit: unit, lineage: lineage,
                actor: clerk,
                at: at)
        default:
            return nil
        }
    }
}
