import SunboardCore

/// `/kiosk/{slug}`: the touch screen's home — big tiles, no typing. Opening
/// it starts kiosk mode for the browser session (`app.js`): every page then
/// shows a large “回到首页” button and returns here after `idleSeconds`.
struct KioskPage: Sendable {
    struct Tile: Sendable {
        var title: String
        var hint: String
        var url: String
    }

    var frame: Frame
    var name: String
    var homeURL: String
    var idleSeconds: Int
    var tiles: [Tile]

    init(unit: Unit, idleSeconds: Int, assets: StaticAssets) {
        frame = Frame(title: "\(unit.name)触摸屏", assets: assets)
        name = unit.name
        homeURL = SiteURL.screens(.kiosk(unit.slug)).path
        self.idleSeconds = idleSeconds
        let slug = unit.slug
        tiles = [
            Tile(title: "最新公告", hint: "即时公开的通知和公示", url: SiteURL.disclosures(.list(slug)).path + "?class=immediate"),
            Tile(title: "财务公开", hint: "每一笔收支和单据", url: SiteURL.finance(.board(slug)).path),
            Tile(title: "插卡式公示", hint: "低保、流动人口、党员", url: SiteURL.peopleBoards(.list(slug)).path),
            Tile(title: "办事指南", hint: "怎么办、带什么、多久", url: SiteURL.serviceBoards(.guides(slug)).path),
            Tile(title: "干部监督台", hint: "找谁办、所包巷道", url: SiteURL.serviceBoards(.cadres(slug)).path),
            Tile(title: "便民电话", hint: "急救、送水、修电、开锁", url: SiteURL.serviceBoards(.directory(slug)).path),
            Tile(title: "定期公开", hint: "按月、按季、按年公开的事项", url: SiteURL.disclosures(.list(slug)).path + "?class=periodic"),
            Tile(title: "社区公开栏", hint: "基本概况、制度和全部栏目", url: SiteURL.units(.page(slug)).path),
        ]
    }
}
