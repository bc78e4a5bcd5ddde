import Foundation
import Logging
import SunboardCore

/// What the routes work with, built once and passed in; nothing is global,
/// so a test builds its own with a fresh database and a stopped clock.
public struct AppServices: Sendable {
    public let configuration: AppConfiguration
    public let database: Database
    public let clock: WallClock
    public let units: UnitRepository
    public let users: UserRepository
    public let audit: AuditLog
    public let catalog: CatalogRepository
    public let disclosures: DisclosureRepository
    public let objections: ObjectionRepository
    public let ledger: LedgerRepository
    public let files: FileStore
    public let workflow: DisclosureWorkflow
    public let finance: FinanceRepository
    public let financeWorkflow: FinanceWorkflow
    public let peopleBoards: PeopleBoardRepository
    public let serviceBoards: ServiceBoardRepository
    public let feedback: FeedbackRepository
    public let search: SearchRepository
    public let webhooks: WebhookRepository
    public let compliance: ComplianceRepository
    public let civic: CivicRepository
    public var civicWorkflow: CivicWorkflow {
        CivicWorkflow(
            database: database, audit: audit, catalog: catalog, civic: civic, disclosures: disclosures, finance: finance,
            workflow: workflow,
            report: civicReport)
    }
    public var civicReport: CivicReport { CivicReport(database: database, units: units, civic: civic, finance: finance) }
    public var complianceReport: ComplianceReport { ComplianceReport(database: database) }
    public let hasher: PasswordHasher
    public let renderer: PageRenderer
    public let throttle: LoginThrottle
    /// Rendered public pages, by the versions of what they show.
    public let pages: PageCache
    /// Whole public answers, served before any handler runs.
    public let responses: ResponseCache
    /// Reports being built, so each is built once however many ask.
    let reports = SingleFlight<HTML>()
    /// Open-data archives being made, each once however many ask.
    let exports = SingleFlight<[UInt8]>()
    /// Search and the office's reports, per address: 30 at once, then 2 a second.
    let expensiveReads = RateLimiter(burst: 30, perSecond: 2)
    public let logger: Logger
    public var statements: StatementGenerator {
        StatementGenerator(database: database, catalog: catalog, disclosures: disclosures, workflow: workflow)
    }
    public var boardWorkflow: PeopleBoardWorkflow {
        PeopleBoardWorkflow(
            database: database, catalog: catalog, disclosures: disclosures, objections: objections, peopleBoards: peopleBoards,
            workflow: workflow)
    }
    /// The nightly backup, when `SUNBOARD_BACKUP_DIR` is set.
    public var nightlyBackups: NightlyBackups? {
        configuration.backupDirectory.map {
            NightlyBackups(
                folder: URL(fileURLWithPath: $0), keep: configuration.backupKeep,
                backup: Backup(database: database, configuration: configuration, logger: logger, now: { [clock] in clock.now }))
        }
    }
    /// Posts the outbox's messages; the server runs it as a background service.
    var webhookSender: WebhookSender {
        WebhookSender(
            database: database,
            client: OutboundHTTPClient(timeout: configuration.webhookTimeout, allowsPrivate: configuration.webhookAllowsPrivate),
            schedule: configuration.webhookRetry,
            origin: configuration.origin, clock: clock, logger: logger)
    }
    let sessions: SQLSessionStore
    let loginAttempts: LoginAttemptStore

    public init(
        configuration: AppConfiguration,
        database: Database,
        clock: WallClock = .system,
        throttle: LoginThrottle = .init(),
        logger: Logger
    ) throws {
        self.configuration = configuration
        self.database = database
        self.clock = clock
        self.units = UnitRepository(database: database)
        self.users = UserRepository(database: database)
        self.audit = AuditLog(database: database)
        self.catalog = CatalogRepository(database: database)
        self.disclosures = DisclosureRepository(database: database)
        self.objections = ObjectionRepository(database: database)
        self.ledger = LedgerRepository(database: database)
        self.files = FileStore(root: configuration.filesDirectory, database: database)
        self.workflow = DisclosureWorkflow(database: database, files: files, audit: audit)
        self.finance = FinanceRepository(database: database)
        self.financeWorkflow = FinanceWorkflow(database: database, files: files, audit: audit, finance: finance, units: units)
        self.peopleBoards = PeopleBoardRepository(database: database)
        self.serviceBoards = ServiceBoardRepository(database: database)
        self.feedback = FeedbackRepository(database: database)
        self.search = SearchRepository(database: database, sources: Features.all.flatMap(\.searchSources))
        self.webhooks = WebhookRepository(database: database, audit: audit)
        self.compliance = ComplianceRepository(database: database)
        self.civic = CivicRepository(database: database)
        self.hasher = PasswordHasher(cost: configuration.bcryptCost)
        self.renderer = try PageRenderer.load()
        self.throttle = throttle
        self.pages = PageCache()
        self.responses = ResponseCache()
        self.logger = logger
        self.sessions = SQLSessionStore(database: database, clock: clock)
        self.loginAttempts = LoginAttemptStore(database: database)
    }
}
