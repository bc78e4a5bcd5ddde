import Foundation
import SunboardCore

/// `/admin/units/{slug}/boards`: the three boards with their numbers.
struct AdminBoardsPage: Sendable {
    struct Row: Sendable {
        var title: String
        /// `nil` where the person may not open the board (an office role with nothing there to decide).
        var url: String?
        var onRoster: Int
        /// `nil` on boards that take no applications, and when there are none.
        var applicants: Int?
    }

    var frame: Frame
    var unitName: String
    var rows: [Row]
    var publicURL: String
}

/// A card as a row in the staff lists.
struct AdminCardRow: Sendable {
    var url: String
    var name: String
    var details: String
    var status: String
    var flag: String?

    init(_ card: BoardCard, unitSlug: String) {
        url = SiteURL.peopleBoards(.card(unitSlug, card.board.code, card.id)).path
        name = card.name
        details = card.board.fields.filter { $0.key != PeopleBoard.nameKey && $0.kind != .longText }
            .compactMap { field in card.values[field.key].map { "\(field.label) \(CardInput.display($0, field: field))" } }
            .prefix(4).joined(separator: " · ")
        status = card.status.chinese
        flag = card.relatedToStaff ? "与工作人员有亲属关系，办事处单独审核" : nil
    }
}

/// `/admin/units/{slug}/boards/{board}`: the board's cards by state.
struct AdminBoardPage: Sendable {
    struct Group: Sendable {
        var title: String
        var rows: [AdminCardRow]
    }

    var frame: Frame
    var title: String
    var summary: String
    var groups: [Group]
    var isEmpty: Bool
    /// “在册 N 人” where there are cards this person may not open (the office's administrator, who imports rosters).
    var hidden: String?
    var canKeep: Bool
    var canImport: Bool
    var canSettings: Bool
    var canReview: Bool
    var newURL: String
    var importURL: String
    var settingsURL: String
    var reviewURL: String
    var publicURL: String
    var publicLabels: String
    var lastYear: Int
    var notice: String?
    var error: String?
}

/// The form that adds or corrects a card.
struct CardFormPage: Sendable {
    struct Field: Sendable {
        var key: String
        var label: String
        var value: String
        var hint: String
        var isLong: Bool
        var required: Bool
        var visibility: String
        var isPublic: Bool
        var error: String?
        var inputMode: String
    }

    var frame: Frame
    var heading: String
    var lead: String
    var action: String
    var cancelURL: String
    var fields: [Field]
    var asksRelation: Bool
    var relatedToStaff: Bool
    var relation: String
    var relationError: String?
    var failure: String?

    init(
        frame: Frame, heading: String, action: String, cancelURL: String, board: PeopleBoard, visibilities: [String: BoardVisibility],
        values: [String: String], relatedToStaff: Bool, relation: String, asksRelation: Bool, failure: (any SunboardError)?
    ) {
        self.frame = frame
        self.heading = heading
        self.lead =
            board.takesApplications
            ? "登记后是“申请中”。入户调查和民主评议后提交公示，公示 7 天期满才能审批。标“公开”的项会出现在公示和公开栏上。"
            : "登记后直接列入名册。标“公开”的项会出现在公开栏上，其余只有本社区工作人员可见。"
        self.action = action
        self.cancelURL = cancelURL
        let errors = fieldErrors(failure)
        self.fields = board.fields.filter { visibilities[$0.key] != .notStored }.map { field in
            let visibility = visibilities[field.key] ?? field.visibility
            // A typed ID number is never sent back in full: only a stored, masked one is shown.
            var value = values[field.key] ?? ""
            var hint = field.hint
            if field.kind == .idNumber && !value.contains("*") {
                if !value.isEmpty { hint = "为保护隐私，身份证号不回显，请重新填写。" }
                value = ""
            }
            return Field(
                key: field.key, label: field.label, value: value, hint: hint, isLong: field.kind == .longText,
                required: field.required, visibility: visibility.chinese, isPublic: visibility == .public, error: errors[field.key],
                inputMode: field.kind == .number || field.kind == .phone ? "numeric" : field.kind == .money ? "decimal" : "text")
        }
        self.asksRelation = asksRelation
        self.relatedToStaff = relatedToStaff
        self.relation = relation
        self.relationError = errors["relation"]
        self.failure = failure?.message
    }
}

/// One card for staff: every stored field, the notice and its objections,
/// the history, and the steps the person may take.
struct AdminCardPage: Sendable {
    struct Cell: Sendable {
        var label: String
        var value: String
        var visibility: String
    }

    struct Event: Sendable {
        var at: String
        var what: String
        var who: String
        var note: String
    }

    struct Objection: Sendable {
        var at: String
        var text: String
        var from: String
    }

    var frame: Frame
    var name: String
    var boardTitle: String
    var status: String
    var cells: [Cell]
    var relatedToStaff: Bool
    var relationNote: String?
    var history: [Event]
    var noticeState: String?
    var noticeURL: String?
    var objections: [Objection]
    var hasObjections: Bool
    var canEdit: Bool
    var canStartNotice: Bool
    var canDecide: Bool
    var decideBlocked: String?
    var canManageRoster: Bool
    var canRemove: Bool
    var isDibao: Bool
    var benefit: String
    var year: Int
    var editURL: String
    var noticeActionURL: String
    var decideURL: String
    var adjustURL: String
    var removeURL: String
    var reviewURL: String
    var notice: String?
    var error: String?
}

/// `/admin/units/{slug}/boards/{board}/import`.
struct BoardImportPage: Sendable {
    struct Problem: Sendable {
        var line: Int
        var messages: String
    }

    var frame: Frame
    var title: String
    var action: String
    var cancelURL: String
    var headings: String
    var problems: [Problem]
    var hasProblems: Bool
    var fileProblem: String?
    var encoding: String?
}

/// `/admin/units/{slug}/boards/{board}/settings`: what to publish, keep or not keep.
struct BoardSettingsPage: Sendable {
    struct Field: Sendable {
        var key: String
        var label: String
        var options: [SelectOption]
        var choosable: Bool
        var current: String
        var reason: String
    }

    var frame: Frame
    var title: String
    var action: String
    var cancelURL: String
    var fields: [Field]
    var failure: String?
}
