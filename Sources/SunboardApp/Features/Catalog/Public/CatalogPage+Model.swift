import SunboardCore

/// “我们公开什么、何时公开”: a community's catalog as residents read it.
struct CatalogPage: Sendable {
    struct Row: Sendable {
        var title: String
        var description: String
        var scope: String
        var schedule: String
        var notice: String
        var retention: String
        var source: String
        var isOwn: Bool
    }

    struct ClassGroup: Sendable {
        var title: String
        var explanation: String
        var rows: [Row]
    }

    var frame: Frame
    var unitName: String
    var groups: [ClassGroup]
    var ownCount: Int

    init(unit: Unit, parent: Unit?, catalog: [CatalogItem], assets: StaticAssets) {
        var crumbs: [Frame.Crumb] = []
        if let parent { crumbs.append(.init(title: parent.name, url: SiteURL.units(.page(parent.slug)).path)) }
        crumbs.append(.init(title: unit.name, url: SiteURL.units(.page(unit.slug)).path))
        crumbs.append(.init(title: "公开目录", url: SiteURL.disclosures(.catalog(unit.slug)).path))
        self.frame = Frame(title: "\(unit.name)：我们公开什么、何时公开", crumbs: crumbs, assets: assets)
        self.unitName = unit.name
        self.ownCount = catalog.filter { $0.ownerUnitID == unit.id }.count
        let explanations: [DisclosureClass: String] = [
            .standing: "相对固定的制度和情况，长期公开，有变化时及时更新。",
            .periodic: "定期开展的工作，每期按时公开；超过时限未公开的，办事处会督促并记入考核。",
            .immediate: "临时性、突发性的事项，发生后即时公开。",
        ]
        self.groups = [DisclosureClass.standing, .periodic, .immediate].map { disclosureClass in
            ClassGroup(
                title: disclosureClass.chinese, explanation: explanations[disclosureClass] ?? "",
                rows: catalog.filter { $0.disclosureClass == disclosureClass }.map { item in
                    Row(
                        title: item.title, description: item.description, scope: item.scope.chinese, schedule: item.scheduleChinese,
                        notice: item.noticeDays.map { "公示 \($0) 天" } ?? "", retention: item.retentionChinese,
                        source: item.ownerUnitID == unit.id ? "本社区细则" : "办事处统一目录", isOwn: item.ownerUnitID == unit.id)
                })
        }.filter { !$0.rows.isEmpty }
    }
}
