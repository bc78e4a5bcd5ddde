/// The disclosure catalog: the office's defaults and each community's 细则.
struct CatalogFeature: Feature {
    let name = "Catalog"
    var migrations: [any Migration] { [CreateCatalogItems()] }

    func addRoutes(to routes: FeatureRoutes, services: AppServices) {
        CatalogAdminController(services: services).addRoutes(to: routes.unitPages)
    }
}
