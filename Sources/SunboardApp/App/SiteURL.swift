import Hummingbird

/// Every page's address. Routes are registered from the same cases that
/// make links (`SiteURL.unit("{slug}").path` is the route pattern), so a
/// route and the links to it cannot drift apart.
public enum SiteURL: Sendable, Equatable {
    // Public pages
    case home
    case unit(String)
    case unitCatalog(String)
    case unitDisclosures(String)
    case disclosure(String)
    case disclosureVersion(String, String)
    case objection(String)
    case file(String)
    case ledger
    case ledgerCheck
    case unitFinance(String)
    case financeEntry(String, String)
    case financeCSV(String)
    case unitFeed(String)
    case search
    case unitFeedback(String)
    case newFeedback(String)
    case disclosurePrint(String)
    case leaflet(String)
    case screen(String)
    case screenItems(String)
    case kiosk(String)
    case unitBoards(String)
    case unitBoard(String, String)
    case unitCadres(String)
    case unitDirectory(String)
    case unitGuides(String)
    case guide(String)
    case guidePrint(String)
    /// A stylesheet, script or icon of the app (`StaticAssets`).
    case staticAsset(String)
    case favicon
    case robots
    // Staff pages
    case login
    case logout
    case admin
    case unitAdmin(String)
    case unitProfile(String)
    case adminDisclosures(String)
    case adminNewDisclosure(String)
    case adminDisclosure(String, String)
    case adminEditDisclosure(String, String)
    case adminDisclosureStep(String, String, String)
    case adminFile(String, String)
    case adminCatalog(String)
    case adminNewCatalogItem(String)
    case adminCatalogItem(String, String)
    case adminFinance(String)
    case adminReimbursements(String)
    case adminNewReimbursement(String)
    case adminReimbursement(String, String)
    case adminReimbursementStep(String, String, String)
    case adminIncome(String)
    case adminFinanceCorrection(String, String)
    case adminFinanceImport(String)
    case adminStatements(String)
    case adminChain(String)
    case adminBoards(String)
    case adminBoard(String, String)
    case adminNewCard(String, String)
    case adminCards(String, String)
    case adminCard(String, String, String)
    case adminCardStep(String, String, String, String)
    case adminBoardImport(String, String)
    case adminBoardSettings(String, String)
    case adminBoardReview(String, String)
    /// The list of a service board: `cadres`, `directory` or `guides`.
    case adminServiceBoard(String, String)
    /// One line of a service board; `new` for the form that adds one.
    case adminServiceItem(String, String, String)
    case adminServiceItemDelete(String, String, String)
    case adminWebhooks(String)
    case adminFeedback(String)
    case adminFeedbackReply(String, String, String)
    case adminCompliance(String)
    case adminComplianceCSV(String)
    case adminAssessment(String)
    case adminAssessmentPrint(String)
    case adminAssessmentCSV(String)
    case adminAssessmentSettings(String)
    case adminAssessmentNotes(String)
    case unitRecord(String)
    /// A civic process's public page: `elections`, `meetings`, `hearings`,
    /// `projects`, `bulletins`, `honors`, `albums` or `appraisals`.
    case unitCivic(String, String)
    case unitCivicItem(String, String, String)
    case apiCivic(String, String)
    case apiCivicItem(String, String, String)
    case adminCivic(String)
    /// Adds a record (`elections`, …) or a post without one (`bulletins`, …).
    case adminCivicCreate(String, String)
    case adminCivicItem(String, String, String)
    case adminCivicStep(String, String, String, String)
    case apiCompliance(String)
    case apiAssessment(String)
    case adminWebhookStep(String, String, String)
    case adminDeliveryRetry(String, String)
    case audit
    case users
    case newUser
    case userRoles(String)
    case userRoleRemoval(String)
    case userActivation(String)
    case password
    // Machine-readable
    case health
    case apiUnits
    case apiUnit(String)
    case apiCatalog(String)
    case apiDisclosures(String)
    case apiDisclosure(String)
    case apiLedger
    case apiLedgerHead
    case apiRecords
    case apiRecordKind(String)
    case apiRecord(String, String)
    case apiRecordVersion(String, String, String)
    case apiFinanceEntries(String)
    case apiFinanceStatements(String)
    case apiSearch
    case apiBoards(String)
    case apiBoard(String, String)
    case apiCadres(String)
    case apiDirectory(String)
    case apiGuides(String)
    case apiGuide(String)

    public var path: String {
        switch self {
        case .home: "/"
        case .unit(let slug): "/units/\(slug)"
        case .unitCatalog(let slug): "/units/\(slug)/catalog"
        case .unitDisclosures(let slug): "/units/\(slug)/disclosures"
        case .disclosure(let id): "/disclosures/\(id)"
        case .disclosureVersion(let id, let number): "/disclosures/\(id)/versions/\(number)"
        case .objection(let id): "/disclosures/\(id)/objection"
        case .file(let sha256): "/files/\(sha256)"
        case .ledger: "/ledger"
        case .ledgerCheck: "/ledger/check"
        case .unitFinance(let slug): "/units/\(slug)/finance"
        case .financeEntry(let slug, let id): "/units/\(slug)/finance/entries/\(id)"
        case .financeCSV(let slug): "/units/\(slug)/finance/ledger.csv"
        case .unitFeed(let slug): "/units/\(slug)/feed.atom"
        case .search: "/search"
        case .unitFeedback(let slug): "/units/\(slug)/feedback"
        case .newFeedback(let slug): "/units/\(slug)/feedback/new"
        case .disclosurePrint(let id): "/disclosures/\(id)/print"
        case .leaflet(let slug): "/units/\(slug)/leaflet"
        case .screen(let slug): "/screen/\(slug)"
        case .screenItems(let slug): "/screen/\(slug)/items.json"
        case .kiosk(let slug): "/kiosk/\(slug)"
        case .unitBoards(let slug): "/units/\(slug)/boards"
        case .unitBoard(let slug, let board): "/units/\(slug)/boards/\(board)"
        case .unitCadres(let slug): "/units/\(slug)/cadres"
        case .unitDirectory(let slug): "/units/\(slug)/directory"
        case .unitGuides(let slug): "/units/\(slug)/guides"
        case .guide(let id): "/guides/\(id)"
        case .guidePrint(let id): "/guides/\(id)/print"
        case .staticAsset(let name): "/static/\(name)"
        case .favicon: "/favicon.ico"
        case .robots: "/robots.txt"
        case .login: "/admin/login"
        case .logout: "/admin/logout"
        case .admin: "/admin"
        case .unitAdmin(let slug): "/admin/units/\(slug)"
        case .unitProfile(let slug): "/admin/units/\(slug)/profile"
        case .adminDisclosures(let slug): "/admin/units/\(slug)/disclosures"
        case .adminNewDisclosure(let slug): "/admin/units/\(slug)/disclosures/new"
        case .adminDisclosure(let slug, let id): "/admin/units/\(slug)/disclosures/\(id)"
        case .adminEditDisclosure(let slug, let id): "/admin/units/\(slug)/disclosures/\(id)/edit"
        case .adminDisclosureStep(let slug, let id, let step): "/admin/units/\(slug)/disclosures/\(id)/\(step)"
        case .adminFile(let slug, let sha256): "/admin/units/\(slug)/files/\(sha256)"
        case .adminCatalog(let slug): "/admin/units/\(slug)/catalog"
        case .adminNewCatalogItem(let slug): "/admin/units/\(slug)/catalog/new"
        case .adminCatalogItem(let slug, let id): "/admin/units/\(slug)/catalog/\(id)"
        case .adminFinance(let slug): "/admin/units/\(slug)/finance"
        case .adminReimbursements(let slug): "/admin/units/\(slug)/finance/reimbursements"
        case .adminNewReimbursement(let slug): "/admin/units/\(slug)/finance/reimbursements/new"
        case .adminReimbursement(let slug, let id): "/admin/units/\(slug)/finance/reimbursements/\(id)"
        case .adminReimbursementStep(let slug, let id, let step): "/admin/units/\(slug)/finance/reimbursements/\(id)/\(step)"
        case .adminIncome(let slug): "/admin/units/\(slug)/finance/income"
        case .adminFinanceCorrection(let slug, let id): "/admin/units/\(slug)/finance/entries/\(id)/correct"
        case .adminFinanceImport(let slug): "/admin/units/\(slug)/finance/import"
        case .adminStatements(let slug): "/admin/units/\(slug)/finance/statements"
        case .adminChain(let slug): "/admin/units/\(slug)/finance/chain"
        case .adminBoards(let slug): "/admin/units/\(slug)/boards"
        case .adminBoard(let slug, let board): "/admin/units/\(slug)/boards/\(board)"
        case .adminNewCard(let slug, let board): "/admin/units/\(slug)/boards/\(board)/new"
        case .adminCards(let slug, let board): "/admin/units/\(slug)/boards/\(board)/cards"
        case .adminCard(let slug, let board, let id): "/admin/units/\(slug)/boards/\(board)/cards/\(id)"
        case .adminCardStep(let slug, let board, let id, let step): "/admin/units/\(slug)/boards/\(board)/cards/\(id)/\(step)"
        case .adminBoardImport(let slug, let board): "/admin/units/\(slug)/boards/\(board)/import"
        case .adminBoardSettings(let slug, let board): "/admin/units/\(slug)/boards/\(board)/settings"
        case .adminBoardReview(let slug, let board): "/admin/units/\(slug)/boards/\(board)/review-disclosure"
        case .adminServiceBoard(let slug, let kind): "/admin/units/\(slug)/\(kind)"
        case .adminServiceItem(let slug, let kind, let id): "/admin/units/\(slug)/\(kind)/\(id)"
        case .adminServiceItemDelete(let slug, let kind, let id): "/admin/units/\(slug)/\(kind)/\(id)/delete"
        case .adminWebhooks(let slug): "/admin/units/\(slug)/webhooks"
        case .adminFeedback(let slug): "/admin/units/\(slug)/feedback"
        case .adminFeedbackReply(let slug, let kind, let id): "/admin/units/\(slug)/feedback/\(kind)/\(id)/reply"
        case .adminCompliance(let slug): "/admin/units/\(slug)/compliance"
        case .adminComplianceCSV(let slug): "/admin/units/\(slug)/compliance.csv"
        case .adminAssessment(let slug): "/admin/units/\(slug)/assessment"
        case .adminAssessmentPrint(let slug): "/admin/units/\(slug)/assessment/print"
        case .adminAssessmentCSV(let slug): "/admin/units/\(slug)/assessment.csv"
        case .adminAssessmentSettings(let slug): "/admin/units/\(slug)/assessment/settings"
        case .adminAssessmentNotes(let slug): "/admin/units/\(slug)/assessment/notes"
        case .unitRecord(let slug): "/units/\(slug)/record"
        case .unitCivic(let slug, let page): "/units/\(slug)/\(page)"
        case .unitCivicItem(let slug, let page, let id): "/units/\(slug)/\(page)/\(id)"
        case .apiCivic(let slug, let page): "/api/v1/units/\(slug)/\(page)"
        case .apiCivicItem(let slug, let page, let id): "/api/v1/units/\(slug)/\(page)/\(id)"
        case .adminCivic(let slug): "/admin/units/\(slug)/civic"
        case .adminCivicCreate(let slug, let page): "/admin/units/\(slug)/civic/\(page)"
        case .adminCivicItem(let slug, let page, let id): "/admin/units/\(slug)/civic/\(page)/\(id)"
        case .adminCivicStep(let slug, let page, let id, let step): "/admin/units/\(slug)/civic/\(page)/\(id)/\(step)"
        case .apiCompliance(let slug): "/api/v1/units/\(slug)/compliance"
        case .apiAssessment(let slug): "/api/v1/units/\(slug)/assessment"
        case .adminWebhookStep(let slug, let id, let step): "/admin/units/\(slug)/webhooks/\(id)/\(step)"
        case .adminDeliveryRetry(let slug, let id): "/admin/units/\(slug)/webhooks/deliveries/\(id)/retry"
        case .audit: "/admin/audit"
        case .users: "/admin/users"
        case .newUser: "/admin/users/new"
        case .userRoles(let id): "/admin/users/\(id)/roles"
        case .userRoleRemoval(let id): "/admin/users/\(id)/roles/remove"
        case .userActivation(let id): "/admin/users/\(id)/active"
        case .password: "/admin/password"
        case .health: "/healthz"
        case .apiUnits: "/api/v1/units"
        case .apiUnit(let slug): "/api/v1/units/\(slug)"
        case .apiCatalog(let slug): "/api/v1/units/\(slug)/catalog"
        case .apiDisclosures(let slug): "/api/v1/units/\(slug)/disclosures"
        case .apiDisclosure(let id): "/api/v1/disclosures/\(id)"
        case .apiLedger: "/api/v1/ledger"
        case .apiLedgerHead: "/api/v1/ledger/head"
        case .apiRecords: "/api/v1/records"
        case .apiRecordKind(let kind): "/api/v1/records/\(kind)"
        case .apiRecord(let kind, let id): "/api/v1/records/\(kind)/\(id)"
        case .apiRecordVersion(let kind, let id, let number): "/api/v1/records/\(kind)/\(id)/versions/\(number)"
        case .apiFinanceEntries(let slug): "/api/v1/units/\(slug)/finance/entries"
        case .apiFinanceStatements(let slug): "/api/v1/units/\(slug)/finance/statements"
        case .apiSearch: "/api/v1/search"
        case .apiBoards(let slug): "/api/v1/units/\(slug)/boards"
        case .apiBoard(let slug, let board): "/api/v1/units/\(slug)/boards/\(board)"
        case .apiCadres(let slug): "/api/v1/units/\(slug)/cadres"
        case .apiDirectory(let slug): "/api/v1/units/\(slug)/directory"
        case .apiGuides(let slug): "/api/v1/units/\(slug)/guides"
        case .apiGuide(let id): "/api/v1/guides/\(id)"
        }
    }

    /// One record's entries on the public ledger's page.
    static func ledgerRecord(_ kind: String, _ id: Int) -> String {
        ledger.path + "?kind=\(kind)&id=\(id)"
    }

    /// An entry on the public ledger's page: the page that starts with it.
    static func ledgerEntry(_ sequence: Int) -> String {
        ledger.path + "?after=\(max(0, sequence - 1))#entry-\(sequence)"
    }

    /// The path as a route pattern, e.g. `SiteURL.unit("{slug}").route`.
    var route: RouterPath { RouterPath(path) }

    /// The path as a route pattern inside a group mounted at `prefix`.
    func route(under prefix: SiteURL) -> RouterPath {
        RouterPath(String(path.dropFirst(prefix.path.count)))
    }
}
