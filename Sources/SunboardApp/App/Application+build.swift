import Foundation
import Hummingbird
import HummingbirdAuth
import Logging
import ServiceLifecycle

/// Wires every route and middleware. Nothing is global: tests call this
/// with services over a fresh database and drive the router directly.
public func buildRouter(services: AppServices) -> Router<AppRequestContext> {
    // HEAD is answered as GET without the body, for monitors and link checkers.
    let router = Router(context: AppRequestContext.self, options: .autoGenerateHeadEndpoints)
    // Outermost first. Requests by route pattern and status, and their time, when `/metrics` is on.
    if services.configuration.metrics { router.add(middleware: MetricsMiddleware<AppRequestContext>()) }
    // Public answers kept whole: a hit is served here, before anything below.
    router.add(middleware: ResponseCacheMiddleware(services: services))
    // Every response, error pages included, gets the headers.
    router.add(middleware: SecurityHeadersMiddleware(https: services.configuration.secureCookies))
    router.add(middleware: ErrorMiddleware(renderer: services.renderer))
    router.add(middleware: ClientAddressMiddleware(trustProxy: services.configuration.trustProxy))

    HealthController(
        database: services.database, backupDirectory: services.configuration.backupDirectory.map { URL(fileURLWithPath: $0) },
        clock: services.clock
    ).addRoutes(to: router)
    MetricsController(services: services).addRoutes(to: router)
    APIDocsController().addRoutes(to: router)

    // Public forms: they need a form token, so they set a cookie; the pages
    // residents read do not.
    let publicForms = router.group().add(middleware: CSRFMiddleware(secureCookies: services.configuration.secureCookies))

    // The admin area: sessions, the signed-in user and form protection.
    // Public pages stay out of it, so they set no cookie and read no session.
    let cookie = SessionCookieParameters(
        name: "sunboard_session", path: SiteURL.staff(.home).path, secure: services.configuration.secureCookies, sameSite: .lax
    )
    let admin = router.group(SiteURL.staff(.home).route)
        .add(
            middleware: SessionMiddleware<AppRequestContext>(
                storage: services.sessions,
                configuration: .init(sessionCookieParameters: cookie, defaultSessionExpiration: LoginController.sessionLength)
            )
        )
        .add(middleware: SessionAuthenticator(users: StaffAuthenticator(users: services.users), context: AppRequestContext.self))
        .add(middleware: CSRFMiddleware(secureCookies: services.configuration.secureCookies, acceptsUploads: true))
    // Everything below requires a signed-in member of staff; one unit's
    // pages only people with a role there or above it.
    let staff = admin.group().add(middleware: RequireStaffMiddleware())
    let unitPages = staff.group(SiteURL.units(.admin(.key)).route(under: .staff(.home)))
        .add(middleware: UnitAccessMiddleware(units: services.units))
        .group(context: UnitAdminContext.self)
    let routes = FeatureRoutes(
        site: router,
        expensive: router.group().add(middleware: RateLimitMiddleware(limiter: services.expensiveReads, clock: services.clock)),
        forms: publicForms,
        admin: admin, staff: staff, staffPages: staff.group(context: StaffContext.self),
        unitPages: unitPages)
    for feature in Features.all {
        feature.addRoutes(to: routes, services: services)
    }
    return router
}

/// The server with its background services, ready to run.
public func buildApplication(services: AppServices) -> some ApplicationProtocol {
    var background: [any Service] = [
        MaintenanceService(services: services), WebhookDeliveryService(sender: services.webhookSender),
        PublicVersionsWatcher(database: services.database, logger: services.logger),
    ]
    if let nightly = services.nightlyBackups { background.append(NightlyBackupService(nightly: nightly, services: services)) }
    return Application(
        router: buildRouter(services: services),
        configuration: .init(
            address: .hostname(services.configuration.hostname, port: services.configuration.port),
            serverName: "Sunboard"
        ),
        services: background,
        logger: services.logger
    )
}
