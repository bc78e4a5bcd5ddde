/// 干部监督台, 便民指示牌 and 办事指南.
struct ServiceBoardsFeature: Feature {
    let name = "ServiceBoards"
    var migrations: [any Migration] { [CreateServiceBoards()] }
    var searchSources: [any SearchSource] { [GuideSearch(), DirectorySearch(), CadreSearch()] }

    func addRoutes(to routes: FeatureRoutes, services: AppServices) {
        ServiceBoardsController(services: services).addRoutes(to: routes.site)
        ServiceBoardsAdminController(services: services).addRoutes(to: routes.unitPages)
    }
}
