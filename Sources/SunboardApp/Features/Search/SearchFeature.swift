/// One search box over every feature's ``SearchSource``s.
struct SearchFeature: Feature {
    let name = "Search"

    func addRoutes(to routes: FeatureRoutes, services: AppServices) {
        SearchController(services: services).addRoutes(to: routes.expensive)
    }
}
