/// The office → community tree: each unit's public home and API, and its profile in the admin area.
struct UnitsFeature: Feature {
    let name = "Units"
    var migrations: [any Migration] { [CreateUnits()] }

    func addRoutes(to routes: FeatureRoutes, services: AppServices) {
        UnitAPIController(units: services.units).addRoutes(to: routes.site)
        PublicController(services: services).addRoutes(to: routes.site)
        UnitAdminController(services: services).addRoutes(to: routes.unitPages)
    }
}
