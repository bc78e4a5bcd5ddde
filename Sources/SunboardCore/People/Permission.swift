/// Something a person may do in a unit. Handlers ask for a permission, never
/// for a role, so a role's powers are stated once, here.
public enum Permission: String, Sendable, CaseIterable {
    /// Open the unit's admin pages (drafts, staff, settings).
    case viewUnitAdmin
    /// Edit the unit's 基本概况.
    case editUnitProfile
    /// Add people and grant or revoke their roles in the unit and below it.
    case manageUsers
    /// Write drafts, submit them, start corrections (录入员, 主任).
    case draftDisclosures
    /// Approve submitted drafts or return them with a comment (监委会).
    case reviewDisclosures
    /// Publish approved drafts and withdraw published ones (居委会主任).
    case publishDisclosures
    /// Edit the unit's own catalog items (细则; the office: the default catalog).
    case manageCatalog
    /// Read the audit log of the unit and everything below it.
    case readAuditLog
    /// File a reimbursement as its 经办人 (handler), with receipts.
    case fileReimbursements
    /// Keep the books as 报账员: record income, import lines, post fully
    /// signed reimbursements, generate statements.
    case keepAccounts
    /// Set who must sign reimbursements (the office's rule).
    case manageSignatureChains
    /// Keep the people boards: add applicants and people, import rosters,
    /// put applications on notice (录入员, 专职工作者).
    case keepRosters
    /// Decide 低保 applications after their notice, adjust and stop benefits,
    /// record yearly reviews (居委会主任; 办事处领导 for applicants related to staff).
    case decideRosters
    /// Keep the 干部监督台, 便民指示牌 and 办事指南 up to date.
    case manageServiceBoards
    /// Connect chat groups and other receivers (webhooks) and read their delivery log.
    case manageWebhooks
    /// Set the assessment's weights and reminder days, note rewards and penalties (考核).
    case manageAssessment
}

extension Role {
    /// What the role allows in the unit it is granted for.
    ///
    /// Drafting, reviewing and publishing sit with different roles, so no
    /// one person both writes and approves; the office sees everything but
    /// writes no community's disclosures.
    public var permissions: Set<Permission> {
        switch self {
        case .clerk: [.viewUnitAdmin, .draftDisclosures, .fileReimbursements, .keepAccounts, .keepRosters, .manageServiceBoards]
        case .supervisor, .supervisionChair: [.viewUnitAdmin, .reviewDisclosures]
        case .secretary, .liaison: [.viewUnitAdmin]
        case .officeLeader: [.viewUnitAdmin, .decideRosters, .manageAssessment]
        case .worker: [.viewUnitAdmin, .fileReimbursements, .keepRosters]
        case .director:
            [
                .viewUnitAdmin, .editUnitProfile, .draftDisclosures, .publishDisclosures, .manageCatalog, .decideRosters,
                .manageServiceBoards, .manageWebhooks,
            ]
        case .officeAdmin:
            [
                .viewUnitAdmin, .editUnitProfile, .manageUsers, .manageCatalog, .readAuditLog, .manageSignatureChains, .manageServiceBoards,
                .manageWebhooks, .manageAssessment,
            ]
        }
    }

    /// Whether the role also reaches the units below the one it is granted
    /// for. Only the office administrator's does: a community's staff never
    /// see another community (DESIGN.md, “Who uses it”).
    public var reachesDescendants: Bool { self == .officeAdmin || self == .officeLeader }
}
