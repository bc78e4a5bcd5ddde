import SunboardApp
import SunboardCore

/// The demo's civic processes as plain data, read from `Content/civic/`
/// (`DemoCivicFiles.swift`) and played by `DemoCivic` through the civic
/// workflow and the disclosure lifecycle on the days given.
/// Dates are `2026-11-05`; times `2026-04-24 15:00` (Shanghai), as written:
/// `DemoCalendar` moves them to the present.
enum DemoCivicData {}

/// An election and the stages published so far.
struct DemoElection: Sendable, Decodable {
    var community: String
    var kind: ElectionKind
    var title: String
    var voteOn: String
    /// In the legal order; the ones not listed are still to come.
    var stages: [DemoStage]
}

struct DemoStage: Sendable {
    var stage: ElectionStage
    /// The day it is published (drafted two days before).
    var published: String
    /// Markdown: what the notice says.
    var details: String
    var count: Int? = nil
    /// Candidates or those elected, one per entry (“王建国（得票 12046）”).
    var names: [String] = []
    /// Where the demo leaves it; `.submitted` shows a stage waiting for review.
    var state: DemoDisclosure.Stage = .published
}

/// The decisions of an assembly meeting whose agenda is one of the demo's
/// `assembly-agenda` or `temporary-meeting` disclosures (matched by
/// community and title): the agenda becomes the meeting's agenda post.
struct DemoMeeting: Sendable {
    var community: String
    /// The title of the agenda disclosure in `DemoDisclosures.swift`.
    var agendaTitle: String
    var startsAt: String
    var place: String
    var members: Int
    var present: Int
    /// (decision, for, against, abstentions)
    var decisions: [(String, Int, Int, Int)]
    /// The day the decisions are published; `nil` for a meeting still to come.
    var decisionsPublished: String?
}

/// A hearing, its first record and the updates of its actions.
struct DemoHearing: Sendable {
    var community: String
    var topic: String
    var heldOn: String
    var place: String
    var participants: String
    var decision: String
    /// The day the record is published.
    var published: String
    /// (action, owner, deadline) as decided.
    var actions: [(String, String, String)]
    var updates: [DemoHearingUpdate]
}

/// A later record: each action's status then, in the order of `actions`.
struct DemoHearingUpdate: Sendable {
    var published: String
    var note: String
    /// (status, done on): `.open`, `.inProgress`, `.done` with its day.
    var statuses: [(FollowUpAction.Status, String?)]
}

/// A project of the year's plan with its steps and published updates.
struct DemoProject: Sendable {
    var community: String
    var year: Int
    var name: String
    var summary: String
    /// Yuan, e.g. `286000.00`.
    var budget: String
    var funding: String
    var contractor: String
    var weight: Int = 1
    /// The name of the parent project, for a part of a larger one.
    var parent: String? = nil
    /// (name, planned start, planned end, weight)
    var milestones: [(String, String, String, Int)]
    var updates: [DemoProjectUpdate]
    /// Words in the summaries of the community's 工程建设 expenses paid for it.
    var spendingKeyword: String? = nil
}

/// An update: each step's state then, in the order of `milestones`.
struct DemoProjectUpdate: Sendable {
    var published: String
    var note: String
    /// (status, percent for a step in progress, actual start, actual end)
    var steps: [(Milestone.Status, Int, String?, String?)]
    /// Files in `Content/photos`.
    var photos: [String] = []
}

struct DemoHonors: Sendable {
    var community: String
    var year: Int
    var published: String
    /// (name, category, deed)
    var entries: [(String, String, String)]
}

struct DemoAlbum: Sendable {
    var community: String
    var title: String
    var heldOn: String
    var place: String
    var published: String
    /// (file in `Content/photos`, caption)
    var photos: [(String, String)]
}
