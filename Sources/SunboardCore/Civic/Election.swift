/// Which body an election fills.
public enum ElectionKind: String, Sendable, CaseIterable, Codable {
    /// 人大代表
    case deputies
    /// 居民委员会
    case committee
    /// 居务监督委员会
    case supervision

    public var chinese: String {
        switch self {
        case .deputies: "人大代表选举"
        case .committee: "居民委员会换届选举"
        case .supervision: "居务监督委员会选举"
        }
    }
}

/// The stages of an election, in the order the law sets; each is published
/// as a disclosure.
public enum ElectionStage: String, Sendable, CaseIterable, Codable, Comparable {
    /// 选举公告: the date, place and way of voting.
    case announcement
    /// 选民名单: posted at least 20 days before the vote.
    case voterList
    /// 提名候选人: nominations by residents.
    case nominations
    /// 正式候选人: announced at least 5 days before the vote.
    case candidates
    /// 投票选举
    case voting
    /// 选举结果: announced the day of the vote.
    case results

    public var chinese: String {
        switch self {
        case .announcement: "选举公告"
        case .voterList: "公布选民名单"
        case .nominations: "提名候选人"
        case .candidates: "公布正式候选人"
        case .voting: "投票选举"
        case .results: "公布选举结果"
        }
    }

    public static func < (lhs: ElectionStage, rhs: ElectionStage) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// The deadlines an election must keep, all from the voting day:
/// 选举法 第二十八条 (voter list 20 days before), 第二十九条 (objections within 5
/// days, answered within 3), 第三十一条 (formal candidates 5 days before).
public struct ElectionCalendar: Sendable, Equatable {
    public static let voterListDaysBefore = 20
    public static let objectionDays = 5
    public static let answerDays = 3
    public static let candidatesDaysBefore = 5
    /// The announcement comes before the voter list: 30 days before the vote.
    public static let announcementDaysBefore = 30
    /// Nominations close once the voter list's objections are answered.
    public static let nominationsDaysBefore = 12

    public let voteOn: CalendarDate

    public init(voteOn: CalendarDate) {
        self.voteOn = voteOn
    }

    /// The last day a stage may be published.
    public func deadline(_ stage: ElectionStage) -> CalendarDate {
        switch stage {
        case .announcement: voteOn.adding(days: -Self.announcementDaysBefore)
        case .voterList: voteOn.adding(days: -Self.voterListDaysBefore)
        case .nominations: voteOn.adding(days: -Self.nominationsDaysBefore)
        case .candidates: voteOn.adding(days: -Self.candidatesDaysBefore)
        case .voting, .results: voteOn
        }
    }

    /// Objections to the voter list run for 5 days from the day it is posted.
    public func objectionsClose(voterListPostedOn day: CalendarDate) -> CalendarDate { day.adding(days: Self.objectionDays) }

    /// An objection is answered within 3 days.
    public func answerDue(objectionOn day: CalendarDate) -> CalendarDate { day.adding(days: Self.answerDays) }
}

/// Where each stage of an election stands on a given day: done (on time or
/// past its deadline), next, or still to come — and whether a deadline was
/// missed, which the public timeline shows.
public struct ElectionTimeline: Sendable, Equatable {
    public enum State: Sendable, Equatable {
        case done(on: CalendarDate, late: Int)
        /// The first stage not yet done.
        case next(overdue: Int)
        case later
    }

    public struct Step: Sendable, Equatable {
        public var stage: ElectionStage
        public var deadline: CalendarDate
        public var state: State

        /// The state in words, beside the deadline: “2026年11月5日完成”,
        /// “已过期限 3 天，尚未完成”, “下一步”, “尚未开始”.
        public var chinese: String {
            switch state {
            case .done(let day, let late): late > 0 ? "\(day.chinese)完成，超过期限 \(late) 天" : "\(day.chinese)完成"
            case .next(let overdue): overdue > 0 ? "已过期限 \(overdue) 天，尚未完成" : "下一步"
            case .later: "尚未开始"
            }
        }

        public var missedDeadline: Bool {
            switch state {
            case .done(_, let late): late > 0
            case .next(let overdue): overdue > 0
            case .later: false
            }
        }
    }

    public let steps: [Step]

    /// - Parameter done: the day each completed stage was published.
    public init(calendar: ElectionCalendar, done: [ElectionStage: CalendarDate], today: CalendarDate) {
        var steps: [Step] = []
        var nextFound = false
        for stage in ElectionStage.allCases {
            let deadline = calendar.deadline(stage)
            if let day = done[stage] {
                steps.append(Step(stage: stage, deadline: deadline, state: .done(on: day, late: max(0, deadline.days(until: day)))))
            } else if !nextFound {
                nextFound = true
                steps.append(Step(stage: stage, deadline: deadline, state: .next(overdue: max(0, deadline.days(until: today)))))
            } else {
                steps.append(Step(stage: stage, deadline: deadline, state: .later))
            }
        }
        self.steps = steps
    }

    /// Voting and its results come on the voting day, never before.
    public static func checkVoteDay(_ stage: ElectionStage, voteOn: CalendarDate, today: CalendarDate) throws(CivicError) {
        if stage >= .voting && today < voteOn { throw .beforeVote(stage, voteOn) }
    }

    /// The stage that may be published next: each follows the one before,
    /// so a result cannot appear before the vote, nor candidates before the
    /// voter list.
    public static func check(publishing stage: ElectionStage, done: Set<ElectionStage>) throws(CivicError) {
        guard !done.contains(stage) else { throw .stageDone(stage) }
        let missing = ElectionStage.allCases.filter { $0 < stage && !done.contains($0) }
        if let first = missing.first { throw .stageOutOfOrder(stage, before: first) }
    }
}
