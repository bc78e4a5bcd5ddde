import Foundation
import SQLKit
import SunboardCore

/// The civic processes as residents see them — built from published posts
/// only — or as staff see them, drafts included. One query per kind of
/// post for a unit, then put together in memory: a community has a few
/// dozen posts a year.
public struct CivicReport: Sendable {
    let database: Database
    let units: UnitRepository
    let civic: CivicRepository
    let finance: FinanceRepository

    // MARK: Elections

    public struct ElectionState: Sendable {
        public var election: Election
        public var timeline: ElectionTimeline
        /// The published post of each stage done.
        public var stages: [ElectionStage: (record: CivicPostRecord, post: StagePost)]
        /// Posts not yet published (staff only).
        public var pending: [CivicPostRecord]

        /// The stage to draft next, if any is left.
        public var nextStage: ElectionStage? { ElectionStage.allCases.first { stages[$0] == nil } }

        /// When objections to the voter list close, and when they must be answered by.
        public var objections: (close: CalendarDate, answeredBy: CalendarDate)? {
            guard let posted = stages[.voterList]?.record.publishedOn else { return nil }
            let close = election.calendar.objectionsClose(voterListPostedOn: posted)
            return (close, election.calendar.answerDue(objectionOn: close))
        }
    }

    public func elections(unitID: Int, today: CalendarDate, publicOnly: Bool) async throws -> [ElectionState] {
        let posts = try await civic.posts(unitID: unitID, kinds: [.electionStage], publicOnly: publicOnly)
        return try await civic.elections(unitID: unitID).compactMap { election in
            var stages: [ElectionStage: (CivicPostRecord, StagePost)] = [:]
            var pending: [CivicPostRecord] = []
            for record in posts where record.recordID == election.id && !record.withdrawn {
                guard case .electionStage(let post) = record.post else { continue }
                if record.isPublic { stages[post.stage] = (record, post) } else { pending.append(record) }
            }
            if publicOnly && stages.isEmpty { return nil }
            let done = stages.compactMapValues { $0.0.publishedOn }
            return ElectionState(
                election: election, timeline: ElectionTimeline(calendar: election.calendar, done: done, today: today), stages: stages,
                pending: pending)
        }
    }

    // MARK: Meetings

    public struct MeetingState: Sendable {
        public var meeting: Meeting
        public var agenda: (record: CivicPostRecord, post: AgendaPost)?
        public var decisions: (record: CivicPostRecord, post: DecisionsPost)?
        public var pending: [CivicPostRecord]
    }

    public func meetings(unitID: Int, publicOnly: Bool) async throws -> [MeetingState] {
        let posts = try await civic.posts(unitID: unitID, kinds: [.meetingAgenda, .meetingDecisions], publicOnly: publicOnly)
        return try await civic.meetings(unitID: unitID).compactMap { meeting in
            var state = MeetingState(meeting: meeting, pending: [])
            for record in posts where record.recordID == meeting.id && !record.withdrawn {
                if !record.isPublic {
                    state.pending.append(record)
                    continue
                }
                switch record.post {
                case .meetingAgenda(let post): state.agenda = (record, post)
                case .meetingDecisions(let post): state.decisions = (record, post)
                default: continue
                }
            }
            return publicOnly && state.agenda == nil && state.decisions == nil ? nil : state
        }
    }

    // MARK: Hearings

    public struct HearingState: Sendable {
        public var hearing: Hearing
        /// Every published record, oldest first; the last is how things stand.
        public var history: [(record: CivicPostRecord, post: HearingPost)]
        public var pending: [CivicPostRecord]

        public var latest: HearingPost? { history.last?.post }

        public func overdue(today: CalendarDate) -> [HearingPost.Action] {
            latest?.actions.filter { $0.rule.isOverdue(today: today) } ?? []
        }
    }

    public func hearings(unitID: Int, publicOnly: Bool) async throws -> [HearingState] {
        let posts = try await civic.posts(unitID: unitID, kinds: [.hearing], publicOnly: publicOnly)
        return try await civic.hearings(unitID: unitID).compactMap { hearing in
            var state = HearingState(hearing: hearing, history: [], pending: [])
            for record in posts where record.recordID == hearing.id && !record.withdrawn {
                guard case .hearing(let post) = record.post else { continue }
                if record.isPublic { state.history.append((record, post)) } else { state.pending.append(record) }
            }
            return publicOnly && state.history.isEmpty ? nil : state
        }
    }

    // MARK: Projects

    public struct ProjectState: Sendable {
        public var project: Project
        /// Published updates, oldest first.
        public var updates: [(record: CivicPostRecord, post: ProjectPost)]
        public var pending: [CivicPostRecord]
        public var children: [ProjectState]
        /// As published: the latest update's, or the children's rolled up by weight.
        public var progress: Int
        /// What the project is: for residents, as reviewed with its latest update.
        public var summary: String

        public var latest: ProjectPost? { updates.last?.post }
        public var spent: Fen { children.isEmpty ? latest?.spent ?? .zero : children.reduce(Fen.zero) { $0 + $1.spent } }
        /// Whether any ledger entry was linked: no link is not the same as nothing spent.
        public var hasSpending: Bool { children.isEmpty ? latest?.spending.isEmpty == false : children.contains(where: \.hasSpending) }
    }

    /// Top-level projects with their children, newest year first.
    public func projects(unitID: Int, publicOnly: Bool) async throws -> [ProjectState] {
        let all = try await civic.projects(unitID: unitID)
        let posts = try await civic.posts(unitID: unitID, kinds: [.projectUpdate], publicOnly: publicOnly)
        func state(_ project: Project) -> ProjectState {
            var updates: [(CivicPostRecord, ProjectPost)] = []
            var pending: [CivicPostRecord] = []
            for record in posts where record.recordID == project.id && !record.withdrawn {
                guard case .projectUpdate(let post) = record.post else { continue }
                if record.isPublic { updates.append((record, post)) } else { pending.append(record) }
            }
            var children = all.filter { $0.parentID == project.id }.map(state)
            // The parts a larger project's reviewed update named, with their weights then.
            let parts = updates.last?.1.parts ?? []
            if publicOnly {
                // A part nobody has reviewed yet is not public, and does not move the whole.
                children = children.filter { child in !child.updates.isEmpty || parts.contains { $0.id == child.project.id } }
            }
            let progress: Int
            if publicOnly && !parts.isEmpty {
                progress = Progress.rollUp(parts.map { part in (part.weight, children.first { $0.project.id == part.id }?.progress ?? 0) })
            } else if children.isEmpty {
                progress = updates.last?.1.progress ?? 0
            } else {
                progress = Progress.rollUp(children.map { ($0.project.weight, $0.progress) })
            }
            let summary = publicOnly ? updates.last?.1.summary ?? "" : project.summary
            return ProjectState(
                project: project, updates: updates, pending: pending, children: children, progress: progress, summary: summary)
        }
        let states = all.filter { $0.parentID == nil }.map(state)
        return publicOnly ? states.filter { !$0.updates.isEmpty || !$0.children.isEmpty } : states
    }

    /// Each project's published progress (children rolled up), for a parent's update.
    func latestProgress(unitID: Int) async throws -> [Int: Int] {
        var result: [Int: Int] = [:]
        func walk(_ state: ProjectState) {
            result[state.project.id] = state.progress
            state.children.forEach(walk)
        }
        try await projects(unitID: unitID, publicOnly: true).forEach(walk)
        return result
    }

    // MARK: Posts without a record

    /// Published bulletins, honor rolls, albums or appraisals, newest first.
    public func posts(unitID: Int, kind: CivicPost.Kind) async throws -> [CivicPostRecord] {
        try await civic.posts(unitID: unitID, kinds: [kind], publicOnly: true).sorted {
            ($0.firstPublishedAt ?? .distantPast, $0.disclosureID) > ($1.firstPublishedAt ?? .distantPast, $1.disclosureID)
        }
    }

    // MARK: The office's quarter

    /// One quarter across an office's communities: each community's
    /// published bulletin (or none, a gap the office sees), and the sums.
    public struct OfficeQuarter: Sendable {
        public var period: Period
        public var lines: [(community: Unit, record: CivicPostRecord?, post: BulletinPost?)]

        public var published: [BulletinPost] { lines.compactMap(\.post) }
        public var disclosures: Int { published.map(\.disclosureTotal).reduce(0, +) }
        public var income: Fen { published.reduce(Fen.zero) { $0 + $1.income } }
        public var expense: Fen { published.reduce(Fen.zero) { $0 + $1.expense } }
        public var feedbackReceived: Int { published.map(\.feedbackReceived).reduce(0, +) }
        public var feedbackReplied: Int { published.map(\.feedbackReplied).reduce(0, +) }
        public var feedbackOnTime: Int { published.map(\.feedbackOnTime).reduce(0, +) }
    }

    /// The office's bulletin, compiled from its communities' published
    /// ones, newest quarter first: what each reviewed and published, side
    /// by side, with the totals.
    public func officeQuarters(office: Unit) async throws -> [OfficeQuarter] {
        let communities = try await units.children(of: office.id).filter { $0.kind == .community }
        let posts = try await civic.posts(unitIDs: communities.map(\.id), kinds: [.bulletin], publicOnly: true)
        var byPeriod: [Period: [Int: (CivicPostRecord, BulletinPost)]] = [:]
        for record in posts {
            guard case .bulletin(let post) = record.post else { continue }
            // A corrected quarter keeps its latest bulletin.
            byPeriod[post.period, default: [:]][record.unitID] = (record, post)
        }
        return byPeriod.keys.sorted(by: >).map { period in
            OfficeQuarter(
                period: period,
                lines: communities.map { community in
                    let found = byPeriod[period]?[community.id]
                    return (community, found?.0, found?.1)
                })
        }
    }

    // MARK: Bulletin figures

    /// The quarter's figures from what was published in it: disclosures by
    /// class, the books' income and expense, the projects' published
    /// progress at the quarter's end, and residents' feedback answered.
    public func bulletinFigures(unitID: Int, period: Period) async throws -> BulletinPost {
        let sql = database.sql
        let from = period.firstDay.startInstant.unixSeconds
        let until = period.lastDay.adding(days: 1).startInstant.unixSeconds
        var classes: [DisclosureClass: Int] = [:]
        let rows = try await sql.select().column(SQLColumn("class", table: "c")).column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .from(SQLAlias(SQLIdentifier("disclosures"), as: SQLIdentifier("d")))
            .joinCatalogItem()
            .where(SQLColumn("unit_id", table: "d"), .equal, SQLBind(unitID))
            .where(SQLColumn("first_published_at", table: "d"), .greaterThanOrEqual, SQLBind(from))
            .where(SQLColumn("first_published_at", table: "d"), .lessThan, SQLBind(until))
            .where(SQLColumn("withdrawn_at", table: "d"), .is, SQLLiteral.null)
            .groupBy(SQLColumn("class", table: "c")).all()
        for row in rows {
            if let kind = DisclosureClass(rawValue: try row.decode(column: "class", as: String.self)) {
                classes[kind] = try row.decode(column: "n", as: Int.self)
            }
        }
        let counts = DisclosureClass.allCases.compactMap { kind in
            classes[kind].map { BulletinPost.ClassCount(name: kind.chinese, count: $0) }
        }

        var income = Fen.zero
        var expense = Fen.zero
        for entry in try await finance.entries(unitID: unitID, from: period.firstDay, to: period.lastDay) {
            if entry.line.kind == .income { income = income + entry.line.amount } else { expense = expense + entry.line.amount }
        }

        // Projects of the quarter's year, as published by its end.
        var projects: [BulletinPost.ProjectLine] = []
        for state in try await self.projects(unitID: unitID, publicOnly: true) where state.project.year == period.firstDay.year {
            let asOf = Self.progress(state, before: Date(unixSeconds: until))
            projects.append(.init(name: state.project.name, progress: asOf))
        }

        let feedback = try await sql.select().columns("sent_on", "replied_on").from("feedback")
            .where("unit_id", .equal, SQLBind(unitID)).where("sent_on", .greaterThanOrEqual, SQLBind(period.firstDay.description))
            .where("sent_on", .lessThanOrEqual, SQLBind(period.lastDay.description)).all()
        var replied = 0
        var onTime = 0
        for row in feedback {
            guard let sent = CalendarDate(try row.decode(column: "sent_on", as: String.self)),
                let answered = try row.decode(column: "replied_on", as: String?.self).flatMap(CalendarDate.init)
            else { continue }
            replied += 1
            if sent.days(until: answered) <= ReplyDeadline.days { onTime += 1 }
        }
        return BulletinPost(
            period: period, disclosures: counts, income: income, expense: expense, projects: projects, feedbackReceived: feedback.count,
            feedbackReplied: replied, feedbackOnTime: onTime)
    }

    static func progress(_ state: ProjectState, before instant: Date) -> Int {
        if state.children.isEmpty {
            return state.updates.last { ($0.record.firstPublishedAt ?? .distantFuture) < instant }?.post.progress ?? 0
        }
        return Progress.rollUp(state.children.map { ($0.project.weight, progress($0, before: instant)) })
    }
}
