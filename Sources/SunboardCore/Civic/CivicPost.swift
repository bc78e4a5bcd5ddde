/// What a civic process publishes at each step. Each post is the structured
/// half of one disclosure: the disclosure carries it to residents through
/// draft, review and publication, and its Markdown body (``markdown``)
/// states the same facts in words. Written once when the draft is made and
/// never changed, so what the public pages show is what was reviewed.
public enum CivicPost: Sendable, Equatable, Codable {
    case electionStage(StagePost)
    case meetingAgenda(AgendaPost)
    case meetingDecisions(DecisionsPost)
    case hearing(HearingPost)
    case projectUpdate(ProjectPost)
    case bulletin(BulletinPost)
    case honors(HonorsPost)
    case album(AlbumPost)
    case appraisal(AppraisalPost)

    public enum Kind: String, Sendable, CaseIterable, Codable {
        case electionStage = "election_stage"
        case meetingAgenda = "meeting_agenda"
        case meetingDecisions = "meeting_decisions"
        case hearing
        case projectUpdate = "project_update"
        case bulletin
        case honors
        case album
        case appraisal
    }

    /// Catalog items drafted only through their process, so the process's
    /// rules (stage order, the meeting's time) cannot be stepped around.
    public static let processOnlyItems: Set<String> = [
        "election-notice", "assembly-decisions", "hearing-record", "honor-roll", "activity-album",
    ]

    public var kind: Kind {
        switch self {
        case .electionStage: .electionStage
        case .meetingAgenda: .meetingAgenda
        case .meetingDecisions: .meetingDecisions
        case .hearing: .hearing
        case .projectUpdate: .projectUpdate
        case .bulletin: .bulletin
        case .honors: .honors
        case .album: .album
        case .appraisal: .appraisal
        }
    }
}

// MARK: Elections

/// One stage of an election as announced.
public struct StagePost: Sendable, Equatable, Codable {
    public var stage: ElectionStage
    /// What residents need to know: date, place, how to object…
    public var details: String
    /// For the voter list: how many voters; for the results: how many voted.
    public var count: Int?
    /// Candidates, or those elected (with their votes in the text).
    public var names: [String]

    public init(stage: ElectionStage, details: String, count: Int? = nil, names: [String] = []) {
        self.stage = stage
        self.details = details
        self.count = count
        self.names = names
    }
}

// MARK: Meetings

/// The agenda of a representative assembly meeting, published before it.
public struct AgendaPost: Sendable, Equatable, Codable {
    public var items: [String]

    public init(items: [String]) {
        self.items = items
    }
}

/// A meeting's decisions and how the representatives voted on each.
public struct DecisionsPost: Sendable, Equatable, Codable {
    public struct Decision: Sendable, Equatable, Codable {
        public var text: String
        public var votesFor: Int
        public var votesAgainst: Int
        public var abstentions: Int

        public init(text: String, votesFor: Int, votesAgainst: Int, abstentions: Int) {
            self.text = text
            self.votesFor = votesFor
            self.votesAgainst = votesAgainst
            self.abstentions = abstentions
        }

        /// Carried by more than half of those present.
        public func passed(present: Int) -> Bool { votesFor * 2 > present }
    }

    /// Representatives in all, and those present.
    public var members: Int
    public var present: Int
    public var decisions: [Decision]

    public init(members: Int, present: Int, decisions: [Decision]) {
        self.members = members
        self.present = present
        self.decisions = decisions
    }
}

// MARK: Hearings

/// A hearing's decision and its follow-up actions as they stand; published
/// when the hearing is held and again each time the actions move.
public struct HearingPost: Sendable, Equatable, Codable {
    public struct Action: Sendable, Equatable, Codable {
        public var action: String
        public var owner: String
        public var deadline: CalendarDate
        public var status: FollowUpAction.Status
        public var doneOn: CalendarDate?

        public init(action: String, owner: String, deadline: CalendarDate, status: FollowUpAction.Status, doneOn: CalendarDate? = nil) {
            self.action = action
            self.owner = owner
            self.deadline = deadline
            self.status = status
            self.doneOn = doneOn
        }

        public var rule: FollowUpAction {
            FollowUpAction(action: action, owner: owner, deadline: deadline, status: status, doneOn: doneOn)
        }
    }

    public var participants: String
    public var decision: String
    public var actions: [Action]
    /// What moved since the last post; empty for the first.
    public var note: String

    public init(participants: String, decision: String, actions: [Action], note: String = "") {
        self.participants = participants
        self.decision = decision
        self.actions = actions
        self.note = note
    }
}

// MARK: Projects

/// A project's state when an update is published: its progress, steps,
/// the ledger entries spent on it and the photos taken.
public struct ProjectPost: Sendable, Equatable, Codable {
    public struct Step: Sendable, Equatable, Codable {
        public var name: String
        public var plannedStart: CalendarDate
        public var plannedEnd: CalendarDate
        public var actualStart: CalendarDate?
        public var actualEnd: CalendarDate?
        public var weight: Int
        public var status: Milestone.Status
        public var percent: Int

        public init(_ milestone: Milestone) {
            name = milestone.name
            plannedStart = milestone.plannedStart
            plannedEnd = milestone.plannedEnd
            actualStart = milestone.actualStart
            actualEnd = milestone.actualEnd
            weight = milestone.weight
            status = milestone.status
            percent = milestone.progress
        }

        public var milestone: Milestone {
            Milestone(
                name: name, plannedStart: plannedStart, plannedEnd: plannedEnd, actualStart: actualStart, actualEnd: actualEnd,
                weight: weight, status: status, percent: percent)
        }
    }

    /// A ledger entry paid for the project.
    public struct Spending: Sendable, Equatable, Codable {
        public var entryID: Int
        public var day: CalendarDate
        public var summary: String
        public var amount: Fen

        public init(entryID: Int, day: CalendarDate, summary: String, amount: Fen) {
            self.entryID = entryID
            self.day = day
            self.summary = summary
            self.amount = amount
        }
    }

    /// A part of a larger project, as the larger one's update names it.
    public struct Part: Sendable, Equatable, Codable {
        public var id: Int
        public var name: String
        public var weight: Int

        public init(id: Int, name: String, weight: Int) {
            self.id = id
            self.name = name
            self.weight = weight
        }
    }

    public var progress: Int
    public var budget: Fen
    public var funding: String
    public var contractor: String
    public var steps: [Step]
    public var spending: [Spending]
    public var note: String
    /// Photos among the disclosure's attachments, by SHA-256.
    public var photos: [String]
    /// What the project is, as reviewed with this update.
    public var summary: String?
    /// For a larger project: its parts and their weights when this was published.
    public var parts: [Part]?

    public init(
        progress: Int, budget: Fen, funding: String, contractor: String, steps: [Step], spending: [Spending], note: String,
        photos: [String], summary: String? = nil, parts: [Part]? = nil
    ) {
        self.progress = progress
        self.budget = budget
        self.funding = funding
        self.contractor = contractor
        self.steps = steps
        self.spending = spending
        self.note = note
        self.photos = photos
        self.summary = summary
        self.parts = parts
    }

    public var spent: Fen { spending.reduce(Fen.zero) { $0 + $1.amount } }
}

// MARK: Bulletins

/// The quarter's figures, compiled from what was published, as the
/// bulletin states them.
public struct BulletinPost: Sendable, Equatable, Codable {
    public struct ClassCount: Sendable, Equatable, Codable {
        public var name: String
        public var count: Int

        public init(name: String, count: Int) {
            self.name = name
            self.count = count
        }
    }

    public struct ProjectLine: Sendable, Equatable, Codable {
        public var name: String
        public var progress: Int

        public init(name: String, progress: Int) {
            self.name = name
            self.progress = progress
        }
    }

    public var period: Period
    public var disclosures: [ClassCount]
    public var income: Fen
    public var expense: Fen
    public var projects: [ProjectLine]
    public var feedbackReceived: Int
    public var feedbackReplied: Int
    public var feedbackOnTime: Int

    public init(
        period: Period, disclosures: [ClassCount], income: Fen, expense: Fen, projects: [ProjectLine], feedbackReceived: Int,
        feedbackReplied: Int, feedbackOnTime: Int
    ) {
        self.period = period
        self.disclosures = disclosures
        self.income = income
        self.expense = expense
        self.projects = projects
        self.feedbackReceived = feedbackReceived
        self.feedbackReplied = feedbackReplied
        self.feedbackOnTime = feedbackOnTime
    }

    public var disclosureTotal: Int { disclosures.map(\.count).reduce(0, +) }
}

// MARK: Honor roll, albums, appraisal

/// 光荣榜: people and what they did.
public struct HonorsPost: Sendable, Equatable, Codable {
    public struct Entry: Sendable, Equatable, Codable {
        public var name: String
        /// 志愿者, 红袖章巡逻队, 好人好事…
        public var category: String
        public var deed: String

        public init(name: String, category: String, deed: String) {
            self.name = name
            self.category = category
            self.deed = deed
        }
    }

    public var year: Int
    public var entries: [Entry]

    public init(year: Int, entries: [Entry]) {
        self.year = year
        self.entries = entries
    }
}

/// 活动剪影: an activity's photos with their captions.
public struct AlbumPost: Sendable, Equatable, Codable {
    public struct Photo: Sendable, Equatable, Codable {
        public var sha256: String
        public var caption: String

        public init(sha256: String, caption: String) {
            self.sha256 = sha256
            self.caption = caption
        }
    }

    public var heldOn: CalendarDate
    public var place: String
    public var photos: [Photo]

    public init(heldOn: CalendarDate, place: String, photos: [Photo]) {
        self.heldOn = heldOn
        self.place = place
        self.photos = photos
    }
}

/// 民主评议: how the residents' representatives rated each full-time worker.
public struct AppraisalPost: Sendable, Equatable, Codable {
    public struct Result: Sendable, Equatable, Codable {
        public var name: String
        public var post: String
        public var satisfied: Int
        public var basicallySatisfied: Int
        public var unsatisfied: Int

        public init(name: String, post: String, satisfied: Int, basicallySatisfied: Int, unsatisfied: Int) {
            self.name = name
            self.post = post
            self.satisfied = satisfied
            self.basicallySatisfied = basicallySatisfied
            self.unsatisfied = unsatisfied
        }

        /// 满意 and 基本满意 together, as a share of the votes cast.
        public var approval: Int {
            let cast = satisfied + basicallySatisfied + unsatisfied
            return cast == 0 ? 0 : (satisfied + basicallySatisfied) * 100 / cast
        }
    }

    public var year: Int
    public var voters: Int
    public var results: [Result]

    public init(year: Int, voters: Int, results: [Result]) {
        self.year = year
        self.voters = voters
        self.results = results
    }
}
