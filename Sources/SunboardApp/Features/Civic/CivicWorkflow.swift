import Foundation
import SQLKit
import SunboardCore

/// Each step of a civic process becomes a disclosure draft carrying its
/// post, checked against the process's rules first: a stage out of order,
/// an agenda after the meeting, decisions before it are refused. From the
/// draft on, the step goes through review and publication like any other
/// disclosure; the public pages show a step once it is published.
public struct CivicWorkflow: Sendable {
    let database: Database
    let audit: AuditLog
    let catalog: CatalogRepository
    let civic: CivicRepository
    let disclosures: DisclosureRepository
    let finance: FinanceRepository
    let workflow: DisclosureWorkflow
    let report: CivicReport

    // MARK: Records

    public func createElection(unit: Unit, kind: ElectionKind, title: String, voteOn: String, actor: StaffActor, at now: Date)
        async throws -> Int
    {
        try require(actor)
        let (title, day) = try Self.election(title: title, voteOn: voteOn)
        let id = try await civic.createElection(unitID: unit.id, kind: kind, title: title, voteOn: day, at: now)
        try await record(
            actor, "civic.election", unit: unit, subject: title, detail: "登记选举，投票日 \(day.chinese)", object: ("election", id), at: now)
        return id
    }

    static func election(title: String, voteOn: String) throws(ValidationFailure) -> (String, CalendarDate) {
        var issues: [ValidationFailure.Issue] = []
        let title = CivicInput.required(title, field: "title", label: "选举名称", limit: 100, issues: &issues)
        let day = CivicInput.date(voteOn, field: "vote_on", label: "投票日", issues: &issues)
        if day == nil && issues.isEmpty {
            issues.append(.init(field: "vote_on", message: "请填写投票日。", englishMessage: "vote_on is required."))
        }
        try ValidationFailure.check(issues)
        return (title, day!)
    }

    public func createMeeting(
        unit: Unit, kind: Meeting.Kind, title: String, startsAt: String, place: String, actor: StaffActor, at now: Date
    ) async throws -> Int {
        try require(actor)
        let (title, start, place) = try Self.meeting(title: title, startsAt: startsAt, place: place)
        let id = try await civic.createMeeting(unitID: unit.id, kind: kind, title: title, startsAt: start, place: place, at: now)
        try await record(actor, "civic.meeting", unit: unit, subject: title, detail: "登记会议", object: ("meeting", id), at: now)
        return id
    }

    static func meeting(title: String, startsAt: String, place: String) throws(ValidationFailure) -> (String, Date, String) {
        var issues: [ValidationFailure.Issue] = []
        let title = CivicInput.required(title, field: "title", label: "会议名称", limit: 100, issues: &issues)
        let place = CivicInput.required(place, field: "place", label: "地点", limit: 100, issues: &issues)
        let start = ShanghaiTime.parseDateTime(startsAt)
        if start == nil {
            issues.append(
                .init(
                    field: "starts_at", message: "请填写开会时间，例如 2026-12-20 09:00。",
                    englishMessage: "starts_at must look like 2026-12-20 09:00."))
        }
        try ValidationFailure.check(issues)
        return (title, start!, place)
    }

    public func createHearing(unit: Unit, topic: String, heldOn: String, place: String, actor: StaffActor, at now: Date)
        async throws -> Int
    {
        try require(actor)
        let (topic, day, place) = try Self.hearing(topic: topic, heldOn: heldOn, place: place)
        let id = try await civic.createHearing(unitID: unit.id, topic: topic, heldOn: day, place: place, at: now)
        try await record(actor, "civic.hearing", unit: unit, subject: topic, detail: "登记听证会", object: ("hearing", id), at: now)
        return id
    }

    static func hearing(topic: String, heldOn: String, place: String) throws(ValidationFailure) -> (String, CalendarDate, String) {
        var issues: [ValidationFailure.Issue] = []
        let topic = CivicInput.required(topic, field: "topic", label: "听证事项", limit: 200, issues: &issues)
        let place = CivicInput.required(place, field: "place", label: "地点", limit: 100, issues: &issues)
        let day = CivicInput.date(heldOn, field: "held_on", label: "听证日期", issues: &issues)
        if day == nil && !issues.contains(where: { $0.field == "held_on" }) {
            issues.append(.init(field: "held_on", message: "请填写听证日期。", englishMessage: "held_on is required."))
        }
        try ValidationFailure.check(issues)
        return (topic, day!, place)
    }

    public func createProject(unit: Unit, input: ProjectInput, actor: StaffActor, at now: Date) async throws -> Int {
        try require(actor)
        let existing = try await civic.projects(unitID: unit.id)
        let project = try input.validated(unitID: unit.id, parents: existing)
        let id = try await civic.createProject(project, at: now)
        try await record(actor, "civic.project", unit: unit, subject: project.name, detail: "登记民生工程", object: ("project", id), at: now)
        return id
    }

    public func saveMilestones(_ milestones: [Milestone], project: Project, unit: Unit, actor: StaffActor, at now: Date)
        async throws
    {
        try require(actor)
        try await civic.replaceMilestones(projectID: project.id, with: milestones)
        try await record(
            actor, "civic.milestones", unit: unit, subject: project.name, detail: "修改工程节点（\(milestones.count) 个）",
            object: ("project", project.id),
            at: now)
    }

    // MARK: Posts

    /// Drafts an election stage: only the stage after the last published
    /// one, voting and results not before the voting day. Drafted again
    /// before review, the stage's draft is replaced.
    public func draftStage(_ post: StagePost, election: Election, unit: Unit, lineage: [Unit], actor: StaffActor, at now: Date) async throws
        -> Int
    {
        let posts = try await civic.posts(unitID: unit.id, kinds: [.electionStage], recordID: election.id, publicOnly: false)
        let replacing = try Self.pending(posts) { if case .electionStage(let drafted) = $0 { drafted.stage == post.stage } else { false } }
        // A published stage reopened for correction is drafted again as itself; any other follows the order.
        if replacing?.inCorrection != true {
            let published = Set(
                posts.filter(\.isPublic).compactMap { if case .electionStage(let done) = $0.post { done.stage } else { nil } })
            try ElectionTimeline.check(publishing: post.stage, done: published)
            try ElectionTimeline.checkVoteDay(post.stage, voteOn: election.voteOn, today: CalendarDate(now))
        }
        return try await draft(
            .electionStage(post), recordID: election.id, item: "election-notice", unit: unit, lineage: lineage,
            title: "\(election.title)\(post.stage.chinese)", fields: ["election": election.title, "stage": post.stage.chinese],
            replacing: replacing, actor: actor, at: now)
    }

    /// The agenda goes up before the meeting; a temporary meeting's notice
    /// is an immediate disclosure.
    /// - Parameter period: the quarter the regular meeting is owed for;
    ///   by default the quarter it is held in.
    public func draftAgenda(
        _ post: AgendaPost, meeting: Meeting, period: Period? = nil, intro: String = "", unit: Unit, lineage: [Unit], actor: StaffActor,
        at now: Date
    ) async throws -> Int {
        let posts = try await civic.posts(unitID: unit.id, kinds: [.meetingAgenda], recordID: meeting.id, publicOnly: false)
        let replacing = try Self.pending(posts) { _ in true }
        if replacing?.inCorrection != true {
            guard now < meeting.startsAt else { throw CivicError.agendaAfterMeeting }
            if posts.contains(where: \.isPublic) { throw CivicError.published("会议议程") }
        }
        let time = ShanghaiTime.dateTime(meeting.startsAt)
        let fields = ["meeting_time": time, "place": meeting.place, "agenda": post.items.joined(separator: "\n")]
        let item = meeting.kind == .regular ? "assembly-agenda" : "temporary-meeting"
        let quarter = period ?? Period.containing(CalendarDate(meeting.startsAt), frequency: .quarterly)
        return try await draft(
            .meetingAgenda(post), recordID: meeting.id, item: item, unit: unit, lineage: lineage,
            title: meeting.kind == .regular ? "\(meeting.title)议程" : "关于召开\(meeting.title)的通知",
            period: meeting.kind == .regular ? quarter.description : "", fields: fields,
            intro: [intro.trimmed, "会议时间：\(time)\n会议地点：\(meeting.place)"].filter { !$0.isEmpty }.joined(separator: "\n\n"),
            replacing: replacing, actor: actor, at: now)
    }

    /// Decisions come after the meeting, whose agenda was published.
    public func draftDecisions(_ post: DecisionsPost, meeting: Meeting, unit: Unit, lineage: [Unit], actor: StaffActor, at now: Date)
        async throws
        -> Int
    {
        guard now >= meeting.startsAt else { throw CivicError.decisionsBeforeMeeting }
        let agenda = try await civic.posts(unitID: unit.id, kinds: [.meetingAgenda], recordID: meeting.id, publicOnly: true)
        guard !agenda.isEmpty else { throw CivicError.agendaMissing }
        let posts = try await civic.posts(unitID: unit.id, kinds: [.meetingDecisions], recordID: meeting.id, publicOnly: false)
        let replacing = try Self.pending(posts) { _ in true }
        if replacing?.inCorrection != true, posts.contains(where: \.isPublic) { throw CivicError.published("会议决议") }
        return try await draft(
            .meetingDecisions(post), recordID: meeting.id, item: "assembly-decisions", unit: unit, lineage: lineage,
            title: "\(meeting.title)决议及表决情况", intro: "会议时间：\(ShanghaiTime.dateTime(meeting.startsAt))　地点：\(meeting.place)",
            replacing: replacing, actor: actor, at: now)
    }

    /// The hearing's decision and actions, first when it is held, then each
    /// time the actions move.
    public func draftHearing(_ post: HearingPost, hearing: Hearing, unit: Unit, lineage: [Unit], actor: StaffActor, at now: Date)
        async throws
        -> Int
    {
        let earlier = try await civic.posts(unitID: unit.id, kinds: [.hearing], recordID: hearing.id, publicOnly: false)
        let first = !earlier.contains(where: \.isPublic)
        return try await draft(
            .hearing(post), recordID: hearing.id, item: "hearing-record", unit: unit, lineage: lineage,
            title: first ? "关于\(hearing.topic)听证会的决定" : "\(hearing.topic)听证决定落实情况（\(CalendarDate(now).chinese)）",
            intro: "听证日期：\(hearing.heldOn.chinese)　地点：\(hearing.place)", replacing: try Self.pending(earlier) { _ in true }, actor: actor,
            at: now)
    }

    /// A project update: progress from the steps (or the child projects'
    /// published progress, by weight), the ledger entries chosen, photos.
    public func draftProjectUpdate(
        project: Project, note: String, spendingIDs: [Int], photos: [DisclosureWorkflow.Upload], unit: Unit, lineage: [Unit],
        actor: StaffActor,
        at now: Date
    ) async throws -> Int {
        let all = try await civic.projects(unitID: unit.id)
        let children = all.filter { $0.parentID == project.id }
        let steps = try await civic.milestones(projectID: project.id)
        let progress: Int
        if children.isEmpty {
            guard !steps.isEmpty else { throw CivicError.noMilestones }
            progress = Progress.of(steps)
        } else {
            let latest = try await report.latestProgress(unitID: unit.id)
            progress = Progress.rollUp(children.map { ($0.weight, latest[$0.id] ?? 0) })
        }
        var spending: [ProjectPost.Spending] = []
        for id in Set(spendingIDs).sorted() {
            guard let entry = try await finance.entry(id: id), entry.unitID == unit.id, entry.line.kind == .expense else {
                throw ValidationFailure([
                    .init(field: "spending", message: "所选支出不是本社区账目里的支出。", englishMessage: "spending must be this unit's expense entries.")
                ])
            }
            spending.append(.init(entryID: id, day: entry.line.date, summary: entry.line.summary, amount: entry.line.amount))
        }
        let note = String(note.trimmed.prefix(CivicInput.maxText))
        let spent = spending
        let parts = children.map { ProjectPost.Part(id: $0.id, name: $0.name, weight: $0.weight) }
        let make = { @Sendable (attachments: [AttachmentRef]) in
            CivicPost.projectUpdate(
                ProjectPost(
                    progress: progress, budget: project.budget, funding: project.funding, contractor: project.contractor,
                    steps: steps.map(ProjectPost.Step.init), spending: spent, note: note,
                    photos: attachments.filter(\.kind.isImage).map(\.sha256), summary: project.summary, parts: parts))
        }
        let earlier = try await civic.posts(unitID: unit.id, kinds: [.projectUpdate], recordID: project.id, publicOnly: false)
        return try await draft(
            make, recordID: project.id, item: "works", unit: unit, lineage: lineage,
            title: "\(project.name)进展（\(CalendarDate(now).chinese)，\(progress)%）",
            fields: [
                "project": project.name, "budget": project.budget.plainYuan, "contractor": project.contractor, "progress": "\(progress)%",
            ],
            uploads: try await Self.cleaned(photos), replacing: try Self.pending(earlier) { _ in true }, actor: actor, at: now)
    }

    /// Compiles the quarter's bulletin from what was published in it; the
    /// editor adds words to the draft before it goes for review.
    public func compileBulletin(period: Period, text: String, unit: Unit, lineage: [Unit], actor: StaffActor, at now: Date) async throws
        -> Int
    {
        guard period.frequency == .quarterly else { throw CivicError.notAQuarter }
        guard period.lastDay < CalendarDate(now) else { throw CivicError.quarterNotOver(period) }
        let earlier = try await civic.posts(unitID: unit.id, kinds: [.bulletin], publicOnly: false).filter {
            if case .bulletin(let compiled) = $0.post { compiled.period == period } else { false }
        }
        let replacing = try Self.pending(earlier) { _ in true }
        if replacing?.inCorrection != true, earlier.contains(where: \.isPublic) { throw CivicError.published("\(period.chinese)的工作简报") }
        let post = try await report.bulletinFigures(unitID: unit.id, period: period)
        return try await draft(
            .bulletin(post), recordID: nil, item: "work-bulletin", unit: unit, lineage: lineage,
            title: "\(unit.name)工作简报（\(period.chinese)）", period: period.description, intro: text.trimmed,
            replacing: replacing, actor: actor, at: now)
    }

    /// A year's honors; a published roll reopened for correction is drafted again in place.
    public func draftHonors(_ post: HonorsPost, unit: Unit, lineage: [Unit], actor: StaffActor, at now: Date) async throws -> Int {
        let earlier = try await civic.posts(unitID: unit.id, kinds: [.honors], publicOnly: false)
        return try await draft(
            .honors(post), recordID: nil, item: "honor-roll", unit: unit, lineage: lineage, title: "\(unit.name)\(post.year)年光荣榜",
            replacing: try Self.correcting(earlier) { if case .honors(let roll) = $0 { roll.year == post.year } else { false } },
            actor: actor,
            at: now)
    }

    /// An album: photos checked by content, each with its caption.
    public func draftAlbum(
        title: String, heldOn: String, place: String, photos: [(upload: DisclosureWorkflow.Upload, caption: String)], unit: Unit,
        lineage: [Unit], actor: StaffActor, at now: Date
    ) async throws -> Int {
        var issues: [ValidationFailure.Issue] = []
        let title = CivicInput.required(title, field: "title", label: "活动名称", limit: 100, issues: &issues)
        let place = CivicInput.required(place, field: "place", label: "地点", limit: 100, issues: &issues)
        let day = CivicInput.date(heldOn, field: "held_on", label: "活动日期", issues: &issues)
        if day == nil && !issues.contains(where: { $0.field == "held_on" }) {
            issues.append(.init(field: "held_on", message: "请填写活动日期。", englishMessage: "held_on is required."))
        }
        if photos.isEmpty {
            issues.append(.init(field: "photos", message: "请至少选一张照片。", englishMessage: "at least one photo is required."))
        }
        try ValidationFailure.check(issues)
        let uploads = try await Self.cleaned(photos.map(\.upload))
        let captions = photos.map { String($0.caption.trimmed.prefix(200)) }
        let make = { @Sendable (attachments: [AttachmentRef]) in
            CivicPost.album(
                AlbumPost(
                    heldOn: day!, place: place,
                    photos: zip(attachments, captions).map { AlbumPost.Photo(sha256: $0.sha256, caption: $1.isEmpty ? title : $1) }))
        }
        return try await draft(
            make, recordID: nil, item: "activity-album", unit: unit, lineage: lineage, title: title, uploads: uploads, actor: actor, at: now
        )
    }

    /// The catalog's vote fields take the first line, the committee as a
    /// whole; the lines after it are each worker's.
    public func draftAppraisal(_ post: AppraisalPost, body: String? = nil, unit: Unit, lineage: [Unit], actor: StaffActor, at now: Date)
        async throws -> Int
    {
        guard let whole = post.results.first else {
            throw ValidationFailure([.init(field: "results", message: "请至少填写一位被评议人。", englishMessage: "at least one result is required.")])
        }
        let totals = (whole.satisfied, whole.basicallySatisfied, whole.unsatisfied)
        let earlier = try await civic.posts(unitID: unit.id, kinds: [.appraisal], publicOnly: false)
        let replacing = try Self.correcting(earlier) { if case .appraisal(let done) = $0 { done.year == post.year } else { false } }
        return try await draft(
            .appraisal(post), recordID: nil, item: "staff-appraisal", unit: unit, lineage: lineage,
            title: "\(unit.name)\(post.year)年度居民代表民主评议专职工作者结果", period: String(post.year),
            fields: [
                "voters": String(post.voters), "satisfied": String(totals.0), "basically_satisfied": String(totals.1),
                "unsatisfied": String(totals.2),
            ], body: body, replacing: replacing, actor: actor, at: now)
    }

    // MARK: Helpers

    /// The step's draft not yet published, or the published step reopened
    /// for a correction: drafted again, it is replaced while a draft (or
    /// returned); once in review it is refused.
    static func pending(_ records: [CivicPostRecord], matching: (CivicPost) -> Bool) throws -> CivicPostRecord? {
        guard let record = records.first(where: { ($0.firstPublishedAt == nil || $0.inCorrection) && matching($0.post) }) else {
            return nil
        }
        guard record.status == .draft || record.status == .returned else { throw CivicError.inReview }
        return record
    }

    /// Only a published step reopened for correction: steps that are drafted
    /// anew each time (a year's honors, an appraisal) replace nothing else.
    static func correcting(_ records: [CivicPostRecord], matching: (CivicPost) -> Bool) throws -> CivicPostRecord? {
        try pending(records.filter(\.inCorrection), matching: matching)
    }

    /// Photos as they are kept: decoded, turned upright and re-encoded at
    /// most 2560 pixels across, which drops the camera's metadata (where it
    /// was taken, on whose phone) before anything is stored.
    static func cleaned(_ photos: [DisclosureWorkflow.Upload]) async throws -> [DisclosureWorkflow.Upload] {
        guard photos.count <= UploadPreparation.maxPhotos else {
            throw ValidationFailure([
                .init(
                    field: "photos", message: "一次最多上传 \(UploadPreparation.maxPhotos) 张照片，这次有 \(photos.count) 张。请分几次上传。",
                    englishMessage: "at most \(UploadPreparation.maxPhotos) photos per upload.")
            ])
        }
        var issues: [ValidationFailure.Issue] = []
        var cleaned: [DisclosureWorkflow.Upload] = []
        for photo in photos {
            guard AttachmentKind.detect(photo.bytes)?.isImage == true else {
                issues.append(
                    .init(
                        field: "photos", message: "“\(photo.name)”不是照片（JPEG 或 PNG，按文件内容判断），没有上传。",
                        englishMessage: "\(photo.name) is not a JPEG or PNG photo."))
                continue
            }
            guard photo.bytes.count <= AttachmentKind.maximumSize, let copy = try await PhotoScaler.cleaned(photo.bytes) else {
                issues.append(
                    .init(
                        field: "photos", message: "照片“\(photo.name)”无法读取（文件可能已损坏或超过 10 MB），没有上传。",
                        englishMessage: "\(photo.name) could not be read."))
                continue
            }
            cleaned.append(.init(name: photo.name, bytes: copy))
        }
        try ValidationFailure.check(issues)
        return cleaned
    }

    private func draft(
        _ post: CivicPost, recordID: Int?, item: String, unit: Unit, lineage: [Unit], title: String, period: String = "",
        fields: [String: String] = [:], intro: String = "", body: String? = nil, replacing: CivicPostRecord? = nil, actor: StaffActor,
        at now: Date
    ) async throws -> Int {
        try await draft(
            { _ in post }, recordID: recordID, item: item, unit: unit, lineage: lineage, title: title, period: period, fields: fields,
            intro: intro, body: body, replacing: replacing, actor: actor, at: now)
    }

    private func draft(
        _ make: @escaping @Sendable ([AttachmentRef]) -> CivicPost, recordID: Int?, item code: String, unit: Unit, lineage: [Unit],
        title: String, period: String = "", fields: [String: String] = [:], intro: String = "", body: String? = nil,
        uploads: [DisclosureWorkflow.Upload] = [], replacing: CivicPostRecord? = nil, actor: StaffActor, at now: Date
    ) async throws -> Int {
        try require(actor)
        let items = try await catalog.effective(lineage: lineage)
        guard let item = items.first(where: { $0.code == code }) else { throw CivicError.itemMissing(code) }
        // The post in words; the demo's converted notices keep their own.
        let body = body ?? [intro, make([]).markdown].filter { !$0.isEmpty }.joined(separator: "\n\n")
        let input = DisclosureInput(title: String(title.prefix(DisclosureInput.maxTitleLength)), body: body, period: period, fields: fields)
        let checked = period.isEmpty ? item : try await catalog.item(item, forPeriod: period)
        let unitID = unit.id
        if let replacing, let disclosure = try await disclosures.find(id: replacing.disclosureID) {
            // The same step drafted again: its draft now says what the new form says, files and all.
            try await workflow.update(
                disclosure, unit: unit, item: checked, input: input, uploads: uploads,
                removing: Set(disclosure.content.attachments.map(\.sha256)),
                actor: actor, at: now
            ) { attachments, sql in
                try await CivicRepository.replacePost(
                    make(attachments), disclosureID: disclosure.id, published: disclosure.publishedVersion > 0, on: sql)
            }
            return disclosure.id
        }
        return try await workflow.create(unit: unit, item: checked, input: input, uploads: uploads, actor: actor, at: now) {
            id, attachments, sql in
            try await CivicRepository.insertPost(make(attachments), disclosureID: id, unitID: unitID, recordID: recordID, at: now, on: sql)
        }
    }

    private func require(_ actor: StaffActor) throws {
        guard actor.permissions.contains(.draftDisclosures) else { throw CommonError.forbidden }
    }

    private func record(
        _ actor: StaffActor, _ action: String, unit: Unit, subject: String, detail: String, object: (String, Int), at now: Date
    ) async throws {
        try await audit.record(
            AuditLog.Entry(
                actorID: actor.id, actorName: actor.name, action: action, unitID: unit.id, subject: subject, detail: detail,
                address: actor.address, object: object), at: now)
    }
}

/// A project as typed on the form that adds it.
public struct ProjectInput: Sendable {
    public var year: String
    public var name: String
    public var summary: String
    public var budget: String
    public var funding: String
    public var contractor: String
    public var parent: String
    public var weight: String

    public init(
        year: String = "", name: String = "", summary: String = "", budget: String = "", funding: String = "", contractor: String = "",
        parent: String = "", weight: String = ""
    ) {
        self.year = year
        self.name = name
        self.summary = summary
        self.budget = budget
        self.funding = funding
        self.contractor = contractor
        self.parent = parent
        self.weight = weight
    }

    func validated(unitID: Int, parents: [Project]) throws(ValidationFailure) -> Project {
        var issues: [ValidationFailure.Issue] = []
        let name = CivicInput.required(name, field: "name", label: "工程名称", limit: 100, issues: &issues)
        let summary = String(summary.trimmed.prefix(CivicInput.maxText))
        let funding = CivicInput.required(funding, field: "funding", label: "资金来源", limit: 100, issues: &issues)
        let contractor = String(contractor.trimmed.prefix(100))
        var year: Int?
        do throws(ValidationFailure) { year = try CivicInput.year(self.year) } catch { issues += error.issues }
        let budget = Fen(yuan: NumberText.normalize(budget))
        if budget == nil || budget! < .zero {
            issues.append(
                .init(field: "budget", message: "预算请填写金额（元），例如 86000。", englishMessage: "budget must be an amount in yuan."))
        }
        let weightText = NumberText.normalize(weight)
        let weight = weightText.isEmpty ? 1 : Int(weightText) ?? 0
        if !(1...100).contains(weight) {
            issues.append(.init(field: "weight", message: "权重请填 1 到 100 的整数。", englishMessage: "weight must be 1 to 100."))
        }
        var parentID: Int?
        if !parent.isEmpty {
            parentID = Int(parent)
            if parentID == nil || !parents.contains(where: { $0.id == parentID && $0.parentID == nil }) {
                issues.append(
                    .init(field: "parent", message: "所属工程不存在。", englishMessage: "parent is not a top-level project of this unit."))
            }
        }
        try ValidationFailure.check(issues)
        return Project(
            id: 0, unitID: unitID, year: year!, parentID: parentID, name: name, summary: summary, budget: budget!, funding: funding,
            contractor: contractor.isEmpty ? "待定" : contractor, weight: weight)
    }
}
