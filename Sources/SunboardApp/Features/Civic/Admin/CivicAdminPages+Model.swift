import SunboardCore

/// `admin/civic`: the unit's civic records and the forms that add them.
struct CivicAdminHub: Sendable {
    struct Row: Sendable {
        var title: String
        var url: String
        var meta: String
    }

    var frame: Frame
    var unitName: String
    var canDraft: Bool
    var error: String?
    /// What was typed, by field, when a form is shown again.
    var form: [String: String]
    var elections: [Row]
    var meetings: [Row]
    var hearings: [Row]
    var projects: [Row]
    var parents: [Row]
    var electionKinds: [SelectOption]
    var urls: [String: String]

    init(
        frame: Frame, unitName: String, canDraft: Bool, error: String?, form: [String: String], elections: [Row], meetings: [Row],
        hearings: [Row], projects: [Row], parents: [Row], formURL: (String) -> String
    ) {
        self.frame = frame
        self.unitName = unitName
        self.canDraft = canDraft
        self.error = error
        self.form = form
        self.elections = elections
        self.meetings = meetings
        self.hearings = hearings
        self.projects = projects
        self.parents = parents
        self.electionKinds = ElectionKind.allCases.map {
            SelectOption(value: $0.rawValue, label: $0.chinese, selected: form["kind"] == $0.rawValue)
        }
        self.urls = Dictionary(
            uniqueKeysWithValues: ["elections", "meetings", "hearings", "projects", "bulletins", "honors", "albums", "appraisals"].map {
                ($0, formURL($0))
            })
    }
}

/// `admin/civic-*`: one election, meeting, hearing or project with the
/// form for its next step.
enum CivicAdminParts {
    struct Base: Sendable {
        var unitName: String
        var canDraft: Bool
        var error: String?
        var notice: String?
        var form: [String: String]
        var publicURL: String
        var urls: [String: String]
        /// The record's own facts as the correction form shows them.
        var facts: [Fact] = []
        /// Whether residents see the record: correcting it then takes the director and a reason.
        var isPublic = false
        /// Published election stages reopened for correction, each with its form filled in.
        var stageCorrections: [StageForm] = []

        init(
            unitName: String, canDraft: Bool, error: String?, notice: String? = nil, form: [String: String], publicURL: String,
            stepURL: (String) -> String
        ) {
            self.unitName = unitName
            self.canDraft = canDraft
            self.error = error
            self.notice = notice
            self.form = form
            self.publicURL = publicURL
            self.urls = Dictionary(
                uniqueKeysWithValues: ["stage", "agenda", "decisions", "record", "milestones", "update", "correct"].map {
                    ($0, stepURL($0))
                })
        }
    }

    /// One field of a record's facts: `datetime-local`, `date` or `text`.
    struct Fact: Sendable {
        var name: String
        var label: String
        var value: String
        var type: String = "text"
    }

    /// A published stage's data, to be drafted again for its correction.
    struct StageForm: Sendable {
        var stage: String
        var name: String
        var details: String
        var count: String
        var names: String
    }

    struct MeetingPage: Sendable {
        var meeting: CivicViews.MeetingView
        var agendaOpen: Bool
        var decisionsOpen: Bool
    }

    struct Expense: Sendable {
        var id: Int
        var label: String
        var checked: Bool
    }

    /// One row of the milestone form, as stored or as typed.
    struct MilestoneRow: Sendable {
        static let count = 8

        struct Status: Sendable {
            var value: String
            var label: String
            var selected: Bool
        }

        var index: Int
        var number: Int
        var name: String
        var plannedStart: String
        var plannedEnd: String
        var actualStart: String
        var actualEnd: String
        var weight: String
        var percent: String
        var statuses: [Status]

        static func rows(_ steps: [Milestone], typed: [String: String]) -> [MilestoneRow] {
            (0..<count).map { index in
                let step = index < steps.count ? steps[index] : nil
                let value = { (key: String, stored: String?) in typed.isEmpty ? stored ?? "" : typed["\(key)_\(index)"] ?? "" }
                let status = value("status", step?.status.rawValue)
                return MilestoneRow(
                    index: index, number: index + 1, name: value("name", step?.name),
                    plannedStart: value("planned_start", step?.plannedStart.description),
                    plannedEnd: value("planned_end", step?.plannedEnd.description),
                    actualStart: value("actual_start", step?.actualStart?.description),
                    actualEnd: value("actual_end", step?.actualEnd?.description), weight: value("weight", step.map { String($0.weight) }),
                    percent: value("percent", step.map { String($0.percent) }),
                    statuses: Milestone.Status.allCases.map {
                        Status(value: $0.rawValue, label: $0.chinese, selected: $0.rawValue == status)
                    })
            }
        }
    }

    struct ProjectPage: Sendable {
        var project: CivicViews.ProjectView
        var rows: [MilestoneRow]
        /// Progress from the steps as they stand now, before it is published.
        var working: Int
        var isParent: Bool
        var expenses: [Expense]
    }

}

struct CivicAdminItem<Content: Sendable>: Sendable {
    var frame: Frame
    var base: CivicAdminParts.Base
    var content: Content
}
