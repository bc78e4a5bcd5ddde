/// Civic processes: elections, meetings, hearings, projects, bulletins, honors, albums and appraisals.
struct CivicFeature: Feature {
    let name = "Civic"
    var migrations: [any Migration] { [CreateCivic()] }

    func addRoutes(to routes: FeatureRoutes, services: AppServices) {
        CivicPagesController(services: services).addRoutes(to: routes.site)
        CivicAPIController(services: services).addRoutes(to: routes.site)
        CivicAdminController(services: services).addRoutes(to: routes.unitPages)
    }
}
