import Foundation
import SunboardCore

/// The civic processes as the pages show them, public and admin alike:
/// plain words for every state, a class for its colour.
enum CivicViews {
    struct Link: Sendable {
        var title: String
        var url: String
        var meta: String
        /// A published step's entries in the public ledger.
        var ledgerURL: String? = nil
    }

    static func disclosureLink(_ record: CivicPostRecord) -> Link {
        Link(
            title: record.title, url: SiteURL.disclosures(.page(record.disclosureID)).path,
            meta: record.firstPublishedAt.map { ShanghaiTime.date($0) + "公开" } ?? record.status.chinese,
            ledgerURL: record.firstPublishedAt == nil ? nil : SiteURL.Ledger.record(LedgerEntry.disclosureKind, record.disclosureID))
    }

    /// Drafts on their way through review, for staff.
    static func pending(_ records: [CivicPostRecord], slug: String) -> [Link] {
        records.map {
            Link(title: $0.title, url: SiteURL.disclosures(.admin(slug, $0.disclosureID)).path, meta: $0.status.chinese)
        }
    }

    // MARK: Elections

    struct Step: Sendable {
        var stage: String
        var deadline: String
        var state: String
        var stateClass: String
        var url: String?
        var detailsHTML: String?
        var ledgerURL: String?
    }

    struct ElectionView: Sendable {
        var id: Int
        var title: String
        var kind: String
        var voteOn: String
        var url: String
        var steps: [Step]
        var next: String
        var missed: Bool
        var objections: String?
        var pending: [Link]
        var nextStage: String?
        var nextStageName: String?
        var ledgerURL: String
    }

    static func election(_ state: CivicReport.ElectionState, slug: String) -> ElectionView {
        let steps = state.timeline.steps.map { step in
            let done = state.stages[step.stage]
            let stateClass: String =
                switch step.state {
                case .done(_, let late): late > 0 ? "late" : "done"
                case .next(let overdue): overdue > 0 ? "overdue" : "next"
                case .later: "later"
                }
            return Step(
                stage: step.stage.chinese, deadline: step.deadline.chinese, state: step.chinese, stateClass: stateClass,
                url: done.map { SiteURL.disclosures(.page($0.record.disclosureID)).path },
                detailsHTML: done.map { Markdown.html($0.post.markdown, under: 3) },
                ledgerURL: done.map { SiteURL.Ledger.record(LedgerEntry.disclosureKind, $0.record.disclosureID) })
        }
        var nextText = "各阶段均已公开"
        for step in state.timeline.steps {
            guard case .next(let overdue) = step.state else { continue }
            nextText =
                overdue > 0
                ? "“\(step.stage.chinese)”已过期限 \(overdue) 天，尚未完成" : "下一步：\(step.stage.chinese)，\(step.deadline.chinese)前完成"
        }
        return ElectionView(
            id: state.election.id, title: state.election.title, kind: state.election.kind.chinese, voteOn: state.election.voteOn.chinese,
            url: SiteURL.civic(.item(slug, "elections", state.election.id)).path, steps: steps, next: nextText,
            missed: state.timeline.steps.contains(where: \.missedDeadline),
            objections: state.objections.map { "对选民名单有不同意见的，可在 \($0.close.chinese) 前向选举委员会提出，选举委员会在 \($0.answeredBy.chinese) 前作出答复。" },
            pending: pending(state.pending, slug: slug), nextStage: state.nextStage?.rawValue, nextStageName: state.nextStage?.chinese,
            ledgerURL: SiteURL.Ledger.record(ElectionRecord.name, state.election.id))
    }

    // MARK: Meetings

    struct Decision: Sendable {
        var text: String
        var votesFor: Int
        var votesAgainst: Int
        var abstentions: Int
        var result: String
        var passed: Bool
    }

    struct MeetingView: Sendable {
        var id: Int
        var title: String
        var kind: String
        var time: String
        var place: String
        var url: String
        var agenda: [String]
        var agendaURL: String?
        var attendance: String?
        var decisions: [Decision]
        var hasDecisions: Bool
        var decisionsURL: String?
        var pending: [Link]
        var isTemporary: Bool
        var ledgerURL: String
        var agendaLedgerURL: String?
        var decisionsLedgerURL: String?
    }

    static func meeting(_ state: CivicReport.MeetingState, slug: String) -> MeetingView {
        let decisions = state.decisions?.post
        return MeetingView(
            id: state.meeting.id, title: state.meeting.title, kind: state.meeting.kind.chinese,
            time: ShanghaiTime.dateTime(state.meeting.startsAt),
            place: state.meeting.place, url: SiteURL.civic(.item(slug, "meetings", state.meeting.id)).path,
            agenda: state.agenda?.post.items ?? [], agendaURL: state.agenda.map { SiteURL.disclosures(.page($0.record.disclosureID)).path },
            attendance: decisions.map { "应到代表 \($0.members) 人，实到 \($0.present) 人" },
            decisions: decisions.map { post in
                post.decisions.map {
                    let passed = $0.passed(present: post.present)
                    return Decision(
                        text: $0.text, votesFor: $0.votesFor, votesAgainst: $0.votesAgainst, abstentions: $0.abstentions,
                        result: passed ? "通过" : "未通过", passed: passed)
                }
            } ?? [], hasDecisions: decisions != nil,
            decisionsURL: state.decisions.map { SiteURL.disclosures(.page($0.record.disclosureID)).path },
            pending: pending(state.pending, slug: slug),
            isTemporary: state.meeting.kind == .temporary, ledgerURL: SiteURL.Ledger.record(MeetingRecord.name, state.meeting.id),
            agendaLedgerURL: state.agenda.map { SiteURL.Ledger.record(LedgerEntry.disclosureKind, $0.record.disclosureID) },
            decisionsLedgerURL: state.decisions.map { SiteURL.Ledger.record(LedgerEntry.disclosureKind, $0.record.disclosureID) })
    }

    // MARK: Hearings

    struct Action: Sendable {
        var action: String
        var owner: String
        var deadline: String
        var status: String
        var statusClass: String
    }

    struct HearingView: Sendable {
        var id: Int
        var topic: String
        var date: String
        var place: String
        var url: String
        var participants: String
        var decision: String
        var actions: [Action]
        var summary: String
        var overdue: Int
        var history: [Link]
        var pending: [Link]
        /// The actions as the update form shows them again.
        var actionsText: String
        var ledgerURL: String
    }

    static func hearing(_ state: CivicReport.HearingState, slug: String, today: CalendarDate) -> HearingView {
        let latest = state.latest
        let actions = (latest?.actions ?? []).map { action in
            let rule = action.rule
            let status: String
            let statusClass: String
            if action.status == .done {
                status = "已办结（\(action.doneOn?.chinese ?? "")）" + (rule.wasLate ? "，超过期限" : "")
                statusClass = rule.wasLate ? "late" : "done"
            } else if rule.isOverdue(today: today) {
                status = "\(action.status.chinese)，已逾期 \(action.deadline.days(until: today)) 天"
                statusClass = "overdue"
            } else {
                status = action.status.chinese
                statusClass = "open"
            }
            return Action(
                action: action.action, owner: action.owner, deadline: action.deadline.chinese, status: status, statusClass: statusClass)
        }
        let done = latest?.actions.filter { $0.status == .done }.count ?? 0
        let overdue = state.overdue(today: today).count
        let total = latest?.actions.count ?? 0
        var summary = total == 0 ? "没有需要落实的事项" : "落实事项 \(total) 项，已办结 \(done) 项"
        if overdue > 0 { summary += "，逾期未办结 \(overdue) 项" }
        let actionsText = (latest?.actions ?? []).map {
            [$0.action, $0.owner, $0.deadline.description, $0.status.chinese, $0.doneOn?.description ?? ""].joined(separator: "｜")
        }.joined(separator: "\n")
        return HearingView(
            id: state.hearing.id, topic: state.hearing.topic, date: state.hearing.heldOn.chinese, place: state.hearing.place,
            url: SiteURL.civic(.item(slug, "hearings", state.hearing.id)).path, participants: latest?.participants ?? "",
            decision: latest?.decision ?? "", actions: actions, summary: summary, overdue: overdue,
            history: state.history.reversed().map { disclosureLink($0.record) }, pending: pending(state.pending, slug: slug),
            actionsText: actionsText, ledgerURL: SiteURL.Ledger.record(HearingRecord.name, state.hearing.id))
    }

    // MARK: Projects

    struct Photo: Sendable {
        var src: String
        var full: String
        var caption: String
    }

    static func photo(_ sha256: String, caption: String) -> Photo {
        Photo(src: SiteURL.disclosures(.file(sha256)).path + "?size=phone", full: SiteURL.disclosures(.file(sha256)).path, caption: caption)
    }

    struct MilestoneView: Sendable {
        var name: String
        var planned: String
        var actual: String
        var status: String
        var statusClass: String
    }

    struct Spending: Sendable {
        var day: String
        var summary: String
        var amount: String
        var url: String
    }

    struct ProjectView: Sendable {
        var id: Int
        var name: String
        var year: Int
        var url: String
        var summary: String
        var budget: String
        var spent: String
        var funding: String
        var contractor: String
        var progress: Int
        var weight: Int
        var steps: [MilestoneView]
        var spending: [Spending]
        var photos: [Photo]
        var children: [ProjectView]
        var hasChildren: Bool
        var updates: [Link]
        var pending: [Link]
        var lastUpdate: String
        var ledgerURL: String
    }

    static func project(_ state: CivicReport.ProjectState, slug: String, today: CalendarDate) -> ProjectView {
        let latest = state.latest
        let steps = (latest?.steps ?? []).map { step in
            let milestone = step.milestone
            let late = milestone.isLate(today: today) || (step.actualEnd.map { $0 > step.plannedEnd } ?? false)
            let actual = [step.actualStart?.description, step.actualEnd?.description].compactMap { $0 }.joined(separator: " 至 ")
            return MilestoneView(
                name: step.name, planned: "\(step.plannedStart.description) 至 \(step.plannedEnd.description)",
                actual: actual.isEmpty ? "—" : actual,
                status: (step.status == .inProgress ? "进行中 \(step.percent)%" : step.status.chinese) + (late ? "（晚于计划）" : ""),
                statusClass: late ? "late" : step.status == .done ? "done" : "open")
        }
        let photos = state.updates.reversed().flatMap { update in
            update.post.photos.map {
                photo($0, caption: (update.record.firstPublishedAt.map { "\(ShanghaiTime.date($0))：" } ?? "") + state.project.name)
            }
        }
        return ProjectView(
            id: state.project.id, name: state.project.name, year: state.project.year,
            url: SiteURL.civic(.item(slug, "projects", state.project.id)).path, summary: state.summary,
            budget: state.project.budget.yuan, spent: state.hasSpending ? state.spent.yuan : "未关联账目", funding: state.project.funding,
            contractor: state.project.contractor,
            progress: state.progress, weight: state.project.weight, steps: steps,
            spending: (latest?.spending ?? []).map {
                Spending(
                    day: $0.day.chinese, summary: $0.summary, amount: $0.amount.yuan,
                    url: SiteURL.finance(.entry(slug, $0.entryID)).path)
            }, photos: photos, children: state.children.map { project($0, slug: slug, today: today) },
            hasChildren: !state.children.isEmpty, updates: state.updates.reversed().map { disclosureLink($0.record) },
            pending: pending(state.pending, slug: slug),
            lastUpdate: state.updates.last?.record.firstPublishedAt.map { "最近更新：" + ShanghaiTime.date($0) }
                ?? (state.children.isEmpty ? "尚未公开进展" : "按各分项工程已公开的进度和权重计算"),
            ledgerURL: SiteURL.Ledger.record(ProjectRecord.name, state.project.id))
    }
}
