/// Notices and disclosures: drafting, review, publication, objections, feeds and print.
struct DisclosuresFeature: Feature {
    let name = "Disclosures"
    var migrations: [any Migration] { [CreateDisclosures(), CreateSearchIndex()] }
    var searchSources: [any SearchSource] { [DisclosureSearch()] }

    func addRoutes(to routes: FeatureRoutes, services: AppServices) {
        DisclosureAPIController(services: services).addRoutes(to: routes.site)
        DisclosurePagesController(services: services).addRoutes(to: routes.site)
        FeedController(services: services).addRoutes(to: routes.site)
        PrintController(services: services).addRoutes(to: routes.site)
        ObjectionController(services: services).addRoutes(to: routes.forms)
        AdminDisclosuresController(services: services).addRoutes(to: routes.unitPages)
    }
}
