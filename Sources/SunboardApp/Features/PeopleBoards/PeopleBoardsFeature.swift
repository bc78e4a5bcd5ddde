/// 插卡式 people boards: 低保, 残疾, 优抚 and the others, each card's public events.
struct PeopleBoardsFeature: Feature {
    let name = "PeopleBoards"
    var migrations: [any Migration] { [CreatePeopleBoards()] }
    var searchSources: [any SearchSource] { [RosterSearch()] }
    var boardLinks: [BoardLink] {
        [BoardLink(section: "rosters", url: { .peopleBoards(.list($0)) }, label: "看低保、流动人口、党员公示栏 →")]
    }

    func addRoutes(to routes: FeatureRoutes, services: AppServices) {
        PeopleBoardsController(services: services).addRoutes(to: routes.site)
        PeopleBoardsAPIController(services: services).addRoutes(to: routes.site)
        PeopleBoardsAdminController(services: services).addRoutes(to: routes.unitPages)
    }
}
