/// One section of a community's public board (居务公开栏).
///
/// The fixed sections are the seed's board (基本概况 … 居委会活动剪影); the
/// live sections are what the system adds. Each has an honest empty state:
/// what will be shown there, said plainly, until there is something to show.
public struct BoardSection: Sendable, Equatable, Identifiable {
    /// The part of the board a section belongs to.
    public enum Group: String, Sendable {
        /// Notices and disclosures that change through the year.
        case live
        /// The fixed board of the seed: standing rules and facts.
        case standing
        /// Services that help residents get things done.
        case services
    }

    /// Stable anchor in the page, e.g. `finance` in `/units/yincheng#finance`.
    public let id: String
    public let title: String
    public let group: Group
    /// What residents will find here, shown under the title.
    public let summary: String
    /// Shown while the section has no content.
    public let emptyText: String

    public init(id: String, title: String, group: Group, summary: String, emptyText: String) {
        self.id = id
        self.title = title
        self.group = group
        self.summary = summary
        self.emptyText = emptyText
    }
}

extension BoardSection {
    /// The sections of a community's board, in the order they are shown:
    /// what changes first (residents come for the news), then services,
    /// then the standing board.
    public static let community: [BoardSection] = [
        .init(
            id: "notices", title: "最新公告", group: .live,
            summary: "即时公开：临时会议、捐款捐物、警情通报、工程进度等，随时发布。",
            emptyText: "目前没有新的公告。"),
        .init(
            id: "periodic", title: "定期公开", group: .live,
            summary: "按月、按季、按年公开的事项，例如成员代表大会议程、低保复审情况。",
            emptyText: "本社区还没有发布定期公开事项。"),
        .init(
            id: "finance", title: "财务公开", group: .live,
            summary: "每一笔收入和支出的明细，附原始单据和签字人。",
            emptyText: "本社区还没有公开财务明细。"),
        .init(
            id: "rosters", title: "插卡式公示", group: .live,
            summary: "低保、流动人口、党员等公示名单，只显示按规定可以公开的信息。",
            emptyText: "本社区还没有公示名单。"),
        .init(
            id: "projects", title: "民生工程", group: .live,
            summary: "全年工作规划、重点工作和民生工程的预算、进度与照片。",
            emptyText: "本社区还没有公开工程和工作规划。"),
        .init(
            id: "elections", title: "选举公告", group: .live,
            summary: "人大代表、居委会、监委会选举各阶段的公告。",
            emptyText: "目前没有进行中的选举。"),
        .init(
            id: "meetings", title: "会议与听证", group: .live,
            summary: "成员代表大会的议程和决定，居民事务听证会的议题和落实情况。",
            emptyText: "本社区还没有公开会议和听证记录。"),
        .init(
            id: "feedback", title: "居民意见", group: .live,
            summary: "居民的建议、投诉和对公示的异议，以及居委会的答复。",
            emptyText: "目前没有公开的居民意见和答复。"),
        .init(
            id: "guides", title: "便民服务指南", group: .services,
            summary: "办理准生证、独生子女证、低保、大病救助、廉租房、医保、养老保险等的流程、材料和收费。",
            emptyText: "本社区还没有公开办事指南。"),
        .init(
            id: "cadres", title: "干部监督台", group: .services,
            summary: "社区干部的姓名、职务、分管工作、所包巷道和联系电话。",
            emptyText: "本社区还没有公开干部信息。"),
        .init(
            id: "directory", title: "便民指示牌", group: .services,
            summary: "火警 119、匪警 110、急救 120、事故 122，以及医院、送水、修电、开锁等联系方式。",
            emptyText: "本社区还没有公开便民电话。"),
        .init(
            id: "profile", title: "基本概况", group: .standing,
            summary: "社区的面积、人口、辖区单位和办公地点。",
            emptyText: "本社区还没有填写基本概况。"),
        .init(
            id: "organization", title: "组织机构", group: .standing,
            summary: "党支部、居委会、监委会的组成和分工。",
            emptyText: "本社区还没有公开组织机构。"),
        .init(
            id: "duties", title: "居委会工作职责", group: .standing,
            summary: "居委会依法承担的工作职责。",
            emptyText: "本社区还没有公开工作职责。"),
        .init(
            id: "disclosure-rules", title: "居务公开制度", group: .standing,
            summary: "公开什么、何时公开、由谁公开、谁来监督。",
            emptyText: "本社区还没有公开居务公开制度。"),
        .init(
            id: "assembly-rules", title: "社区成员代表大会工作制度", group: .standing,
            summary: "成员代表大会的章程、议事规则和开会制度。",
            emptyText: "本社区还没有公开成员代表大会工作制度。"),
        .init(
            id: "supervision-rules", title: "社区监委会工作制度", group: .standing,
            summary: "监督委员会如何监督居务公开和财务。",
            emptyText: "本社区还没有公开监委会工作制度。"),
        .init(
            id: "hearing-rules", title: "社区居民事务听证会工作制度", group: .standing,
            summary: "哪些事项要开听证会，怎样开，决定怎样落实。",
            emptyText: "本社区还没有公开听证会工作制度。"),
        .init(
            id: "management-rules", title: "社区居委会管理制度", group: .standing,
            summary: "居委会的日常管理制度。",
            emptyText: "本社区还没有公开居委会管理制度。"),
        .init(
            id: "honors", title: "光荣榜", group: .standing,
            summary: "志愿者、“红袖章”巡逻队员等好人好事。",
            emptyText: "光荣榜暂无内容。"),
        .init(
            id: "activities", title: "居委会活动剪影", group: .standing,
            summary: "社区文化体育活动和志愿服务的照片。",
            emptyText: "还没有活动照片。"),
    ]
}
