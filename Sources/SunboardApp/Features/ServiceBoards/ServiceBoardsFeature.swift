/// 干部监督台, 便民指示牌 and 办事指南.
struct ServiceBoardsFeature: Feature {
    let name = "ServiceBoards"
    var migrations: [any Migration] { [CreateServiceBoards()] }
    var searchSources: [any SearchSource] { [GuideSearch(), DirectorySearch(), CadreSearch()] }
    var boardLinks: [BoardLink] {
        [
            BoardLink(section: "guides", url: { .serviceBoards(.guides($0)) }, label: "看各项事情怎么办：流程图、材料、收费 →"),
            BoardLink(section: "cadres", url: { .serviceBoards(.cadres($0)) }, label: "看社区干部和所包巷道 →"),
            BoardLink(section: "directory", url: { .serviceBoards(.directory($0)) }, label: "看便民电话 →"),
        ]
    }

    func addRoutes(to routes: FeatureRoutes, services: AppServices) {
        ServiceBoardsController(services: services).addRoutes(to: routes.site)
        ServiceBoardsAPIController(services: services).addRoutes(to: routes.site)
        ServiceBoardsAdminController(services: services).addRoutes(to: routes.unitPages)
    }
}
