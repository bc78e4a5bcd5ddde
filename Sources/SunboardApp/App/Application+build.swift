import Hummingbird
import HummingbirdAuth
import Logging
import ServiceLifecycle

/// Wires every route and middleware. Nothing is global: tests call this
/// with services over a fresh database and drive the router directly.
public func buildRouter(services: AppServices) -> Router<AppRequestContext> {
    // HEAD is answered as GET without the body, for monitors and link checkers.
    let router = Router(context: AppRequestContext.self, options: .autoGenerateHeadEndpoints)
    // Outermost first: every response, error pages included, gets the headers.
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: ErrorMiddleware(renderer: services.renderer))
    router.add(middleware: ClientAddressMiddleware(trustProxy: services.configuration.trustProxy))

    HealthController(database: services.database).addRoutes(to: router)
    UnitAPIController(units: services.units).addRoutes(to: router)
    DisclosureAPIController(services: services).addRoutes(to: router)
    RecordAPIController(services: services).addRoutes(to: router)
    PublicController(services: services).addRoutes(to: router)
    DisclosurePagesController(services: services).addRoutes(to: router)
    LedgerController(services: services).addRoutes(to: router)
    FinanceController(services: services).addRoutes(to: router)
    PeopleBoardsController(services: services).addRoutes(to: router)
    ServiceBoardsController(services: services).addRoutes(to: router)
    FeedController(services: services).addRoutes(to: router)
    ScreenController(services: services).addRoutes(to: router)
    PrintController(services: services).addRoutes(to: router)
    SearchController(services: services).addRoutes(to: router)
    RecordController(services: services).addRoutes(to: router)
    CivicPagesController(services: services).addRoutes(to: router)
    CivicAPIController(services: services).addRoutes(to: router)
    ComplianceAPIController(services: services).addRoutes(to: router)

    // Public forms: they need a form token, so they set a cookie; the pages
    // residents read do not.
    let publicForms = router.group().add(middleware: CSRFMiddleware(secureCookies: services.configuration.secureCookies))
    ObjectionController(services: services).addRoutes(to: publicForms)
    FeedbackController(services: services).addRoutes(to: router, forms: publicForms)

    // The admin area: sessions, the signed-in user and form protection.
    // Public pages stay out of it, so they set no cookie and read no session.
    let cookie = SessionCookieParameters(
        name: "sunboard_session", path: SiteURL.admin.path, secure: services.configuration.secureCookies, sameSite: .lax
    )
    let admin = router.group(SiteURL.admin.route)
        .add(
            middleware: SessionMiddleware<AppRequestContext>(
                storage: services.sessions,
                configuration: .init(sessionCookieParameters: cookie, defaultSessionExpiration: LoginController.sessionLength)
            )
        )
        .add(middleware: SessionAuthenticator(users: StaffAuthenticator(users: services.users), context: AppRequestContext.self))
        .add(middleware: CSRFMiddleware(secureCookies: services.configuration.secureCookies, acceptsUploads: true))
    let login = LoginController(services: services)
    login.addRoutes(to: admin)

    // Everything below requires a signed-in member of staff.
    let staff = admin.group().add(middleware: RequireStaffMiddleware())
    login.addLogout(to: staff)
    let staffPages = staff.group(context: StaffContext.self)
    DashboardController(services: services).addRoutes(to: staffPages)
    PasswordController(services: services).addRoutes(to: staffPages)
    UsersController(services: services).addRoutes(to: staffPages)
    AuditController(services: services).addRoutes(to: staffPages)

    // One unit's pages: only for people with a role there or above it.
    let unitPages = staff.group(SiteURL.unitAdmin("{slug}").route(under: .admin))
        .add(middleware: UnitAccessMiddleware(units: services.units))
        .group(context: UnitAdminContext.self)
    UnitAdminController(services: services).addRoutes(to: unitPages)
    AdminDisclosuresController(services: services).addRoutes(to: unitPages)
    CatalogAdminController(services: services).addRoutes(to: unitPages)
    FinanceAdminController(services: services).addRoutes(to: unitPages)
    PeopleBoardsAdminController(services: services).addRoutes(to: unitPages)
    ServiceBoardsAdminController(services: services).addRoutes(to: unitPages)
    FeedbackAdminController(services: services).addRoutes(to: unitPages)
    WebhooksAdminController(services: services).addRoutes(to: unitPages)
    ComplianceAdminController(services: services).addRoutes(to: unitPages)
    AssessmentAdminController(services: services).addRoutes(to: unitPages)
    CivicAdminController(services: services).addRoutes(to: unitPages)
    return router
}

/// The server with its background services, ready to run.
public func buildApplication(services: AppServices) -> some ApplicationProtocol {
    Application(
        router: buildRouter(services: services),
        configuration: .init(
            address: .hostname(services.configuration.hostname, port: services.configuration.port),
            serverName: "Sunboard"
        ),
        services: [MaintenanceService(services: services), WebhookDeliveryService(sender: services.webhookSender)],
        logger: services.logger
    )
}
