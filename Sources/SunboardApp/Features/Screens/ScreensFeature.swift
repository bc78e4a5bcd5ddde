/// The gate's LED screen and the courtyard's touch kiosk.
struct ScreensFeature: Feature {
    let name = "Screens"

    func addRoutes(to routes: FeatureRoutes, services: AppServices) {
        ScreenController(services: services).addRoutes(to: routes.site)
    }
}
