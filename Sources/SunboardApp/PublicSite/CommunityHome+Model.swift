import SunboardCore

/// A community's public home: the bulletin board (居务公开栏), section by
/// section. Sections without content say so plainly.
struct CommunityHome: Sendable {
    struct Section: Sendable {
        var id: String
        var title: String
        var summary: String
        var emptyText: String
        /// Content of the 基本概况 section; other sections fill in as their
        /// features arrive.
        var profile: ProfileContent?
        var isEmpty: Bool
    }

    struct ProfileContent: Sendable {
        var facts: UnitFacts
        var contact: UnitContact
        var introduction: String?
        /// “2026年11月27日”: residents can tell how fresh the figures are.
        var updated: String?
    }

    struct SectionGroup: Sendable {
        var title: String
        var sections: [Section]
    }

    var frame: Frame
    var name: String
    var contact: UnitContact
    var groups: [SectionGroup]

    init(community: Unit, parent: Unit?, assets: StaticAssets) {
        var crumbs: [Frame.Crumb] = []
        if let parent { crumbs.append(.init(title: parent.name, url: SiteURL.unit(parent.slug).path)) }
        crumbs.append(.init(title: community.name, url: SiteURL.unit(community.slug).path))
        self.frame = Frame(title: "\(community.name)居务公开栏", crumbs: crumbs, assets: assets)
        self.name = community.name
        self.contact = UnitContact(community.profile)

        let profile = ProfileContent(
            facts: UnitFacts(community.profile),
            contact: UnitContact(community.profile),
            introduction: community.profile.introduction.isEmpty ? nil : community.profile.introduction,
            updated: community.profile.updatedAt.map(ShanghaiTime.date)
        )
        let hasProfile = !profile.facts.isEmpty || !profile.contact.isEmpty || profile.introduction != nil
        let sections = BoardSection.community.map { section in
            let isProfile = section.id == "profile"
            return Section(
                id: section.id,
                title: section.title,
                summary: section.summary,
                emptyText: section.emptyText,
                profile: isProfile && hasProfile ? profile : nil,
                isEmpty: !(isProfile && hasProfile)
            )
        }
        let titles: [(BoardSection.Group, String)] = [(.live, "公开动态"), (.services, "便民服务"), (.standing, "公开栏")]
        self.groups = titles.map { group, title in
            SectionGroup(
                title: title,
                sections: zip(BoardSection.community, sections).filter { $0.0.group == group }.map(\.1)
            )
        }
    }
}
