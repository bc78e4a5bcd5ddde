import Foundation
import SunboardCore

/// The staff list of one service board: 干部监督台, 便民指示牌 or 办事指南.
struct ServiceBoardPage: Sendable {
    struct Row: Sendable {
        var title: String
        var detail: String
        /// The edit form for those who may edit; else the public page, if it has one of its own.
        var url: String?
        var deleteURL: String
    }

    var frame: Frame
    var heading: String
    var lead: String
    var rows: [Row]
    var isEmpty: Bool
    var canEdit: Bool
    var newURL: String
    var newLabel: String
    var publicURL: String?
    var notice: String?
}

/// The form for one person on the 干部监督台.
struct CadreFormPage: Sendable {
    var frame: Frame
    var heading: String
    var action: String
    var cancelURL: String
    var input: CadreInput
    var photoURL: String?
    var errors: [String: String]
    var failure: String?
}

/// The form for one line of the 便民指示牌.
struct DirectoryFormPage: Sendable {
    var frame: Frame
    var heading: String
    var action: String
    var cancelURL: String
    var input: DirectoryEntryInput
    var categories: [SelectOption]
    var errors: [String: String]
    var failure: String?
}

/// The form for one 办事指南.
struct GuideFormPage: Sendable {
    struct Form: Sendable {
        var name: String
        var sha256: String
        var url: String
    }

    var frame: Frame
    var heading: String
    var action: String
    var cancelURL: String
    var input: GuideInput
    var forms: [Form]
    var hasForms: Bool
    var errors: [String: String]
    var failure: String?
}
